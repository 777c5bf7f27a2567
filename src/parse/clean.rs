//! Cleaning pasted text line by line: BOM, line ends, bookmarks, site furniture, stray spaces.
//!
//! Owns the decision which source lines are noise (字体【大 中 小】, 发布日期, 责任编辑, 分享到,
//! page metadata) and the per-line normalisation (full-width digits, spaces between Chinese
//! characters). Deliberately does not interpret structure: that is `blocks` and `structure`.

/// A cleaned source line with its 1-based line number.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub no: usize,
    pub text: String,
    /// The raw line began with a tab (a cell of a flattened table).
    pub tab_led: bool,
}

/// Result of cleaning: kept lines and the removed ones (for the parse report).
#[derive(Debug, Default)]
pub struct Cleaned {
    pub lines: Vec<Line>,
    pub removed: Vec<(usize, String)>,
}

/// Split into lines and clean each one. Blank lines are kept as empty text.
pub fn clean(input: &str) -> Cleaned {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    // Line ends: CRLF (Windows), LF, and a lone CR (old Mac, some exports) all end a line.
    let unified;
    let input = if input.contains('\r') {
        unified = input.replace("\r\n", "\n").replace('\r', "\n");
        unified.as_str()
    } else {
        input
    };
    let mut out = Cleaned::default();
    let mut in_front_matter = false;
    for (i, raw) in input.split('\n').enumerate() {
        let no = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // A YAML front-matter block from a saved web page (seed 004).
        if no == 1 && raw.trim() == "---" {
            in_front_matter = true;
            out.removed.push((no, raw.to_string()));
            continue;
        }
        if in_front_matter {
            if raw.trim() == "---" {
                in_front_matter = false;
            }
            out.removed.push((no, raw.to_string()));
            continue;
        }
        let tab_led = raw.starts_with('\t');
        let text = normalize_line(&strip_markdown(&strip_bookmarks(raw)));
        if is_furniture(&text) {
            out.removed.push((no, text));
            continue;
        }
        out.lines.push(Line { no, text, tab_led });
    }
    out
}

/// Markdown as Yaodian writes it (and chat tools show it): `# ` heading marks, `**` bold.
fn strip_markdown(s: &str) -> String {
    let t = s.trim_start();
    let t = match t.find(|c| c != '#') {
        Some(n) if n > 0 && n <= 6 && t[n..].starts_with(' ') => &t[n + 1..],
        _ => t,
    };
    let t = t.strip_prefix("> ").unwrap_or(t);
    if s.starts_with('\t') {
        // keep the tab that marks a flattened table cell
        return format!("\t{}", t.replace("**", ""));
    }
    t.replace("**", "")
}

/// Remove `[bookmark: _GoBack]` markers (Word exports).
fn strip_bookmarks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("[bookmark:") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x2E80..=0x2FDF)
        || "“”‘’".contains(c)
}

/// Trim (including 全角 spaces), turn full-width digits into ASCII, drop control and
/// zero-width characters, and remove spaces that sit between Chinese characters.
pub fn normalize_line(s: &str) -> String {
    let mapped: Vec<char> = s
        .chars()
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{2060}'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c),
            '\u{3000}' | '\u{a0}' | '\t' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    let n = mapped.len();
    let mut i = 0;
    while i < n {
        let c = mapped[i];
        if c == ' ' {
            let mut j = i;
            while j < n && mapped[j] == ' ' {
                j += 1;
            }
            let prev = out.chars().last();
            let next = mapped.get(j).copied();
            let drop = match (prev, next) {
                (None, _) | (_, None) => true,
                (Some(p), Some(q)) => is_cjk(p) || is_cjk(q),
            };
            if !drop {
                out.push(' ');
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Lines a government website or a news page adds around the document.
pub fn is_furniture(t: &str) -> bool {
    if t.is_empty() {
        return false;
    }
    let starts = [
        "发布日期",
        "发布时间",
        "发布机构",
        "来源：",
        "来源:",
        "信息来源",
        "责任编辑",
        "[责任编辑",
        "【责任编辑",
        "分享到",
        "分享：",
        "打印本页",
        "【打印",
        "[打印",
        "关闭窗口",
        "【关闭",
        "扫一扫",
        "浏览次数",
        "阅读次数",
        "访问量",
        "索引号",
        "主题分类",
        "原标题：",
        "<!--",
        "<img",
        "上一篇",
        "下一篇",
        "相关链接",
        "附件下载",
        "当前位置",
        "您当前的位置",
        "首页 >",
        "首页>",
        "繁體",
        "简体版",
        "无障碍",
    ];
    if starts.iter().any(|s| t.starts_with(s)) {
        return true;
    }
    // 字体：【大 中 小】 and its variants; spaces between CJK are already removed here.
    if (t.contains("字体") || t.contains("字号"))
        && t.contains('大')
        && t.contains('中')
        && t.contains('小')
        && t.chars().count() < 40
    {
        return true;
    }
    t == "原标题：" || t == "打印" || t == "关闭" || t == "【大中小】"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_crlf_bom_bookmarks_spaces() {
        let c = clean("\u{feff}一、 总体 要求[bookmark: _GoBack]\r\n\t１．推行\r\n");
        assert_eq!(c.lines[0].text, "一、总体要求");
        assert_eq!(c.lines[1].text, "1．推行");
        assert!(c.lines[1].tab_led);
        assert_eq!(c.lines[0].no, 1);
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let c = clean("一、总体要求\r（一）强化责任\r\n1．推行\r");
        let texts: Vec<&str> = c.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[..3], ["一、总体要求", "（一）强化责任", "1．推行"]);
    }

    #[test]
    fn ascii_words_keep_their_space() {
        assert_eq!(
            normalize_line("  PDCA  安全 管理 LED 显示屏  "),
            "PDCA安全管理LED显示屏"
        );
        assert_eq!(normalize_line("apply the plan"), "apply the plan");
    }

    #[test]
    fn furniture_is_removed_and_reported() {
        let text = "字体：【大 中 小】\n发布日期：2024-05-20\n一、总体要求\n分享到：微信\n[责任编辑：蒲双静]";
        let c = clean(text);
        assert_eq!(c.lines.len(), 1);
        assert_eq!(c.removed.len(), 4);
        assert_eq!(c.removed[0].0, 1);
    }
}
