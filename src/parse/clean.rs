//! Cleaning pasted text line by line: BOM, line ends, site furniture, stray spaces.
//!
//! Owns the per-line normalisation (full-width digits, spaces between Chinese characters,
//! `cell |` lines, unit names spaced in a `|` cell) and applies `residue`'s (HTML, pinyin,
//! Markdown, bookmarks) and `furniture`'s rules line by line. Deliberately does not interpret
//! structure: that is `blocks` and `structure`.

use super::residue::{looks_like_html, strip_bookmarks, strip_html, strip_markdown, strip_pinyin};

/// A cleaned source line with its 1-based line number.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub no: usize,
    pub text: String,
    /// The raw line began with a tab (a cell of a flattened table).
    pub tab_led: bool,
    /// The raw line was one table cell closed by `|` (`主要任务 |`), or only `|`s (empty
    /// cells): how many cells it closes. 0 for ordinary lines.
    pub pipes: usize,
    /// Under a header of column words written with spaces (`序号 重点工作 责任单位`): the
    /// line's space-separated cells, each cleaned. Empty otherwise.
    pub cells: Vec<String>,
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
    let html;
    let input = if looks_like_html(input) {
        html = strip_html(input);
        html.as_str()
    } else {
        input
    };
    let mut out = Cleaned::default();
    let mut in_front_matter = false;
    let mut spaced_table = false;
    let mut prev_pipe_row = false;
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
        let has_pipe = raw.contains(['|', '｜']);
        let pipe_row = has_pipe
            && raw.matches(['|', '｜']).count() >= 2
            && raw.contains(|c: char| !matches!(c, '|' | '｜' | ' ' | '\t'));
        let wrapped;
        let joined;
        let raw = if pipe_row {
            joined = join_unit_cells(raw);
            joined.as_str()
        } else {
            raw
        };
        let (raw, pipes) = if !has_pipe {
            (raw, 0)
        } else if prev_pipe_row && !pipe_row {
            // A row of a `|` table whose other cells were merged away: still a row.
            wrapped = format!("|{}|", raw.trim().trim_matches(['|', '｜']));
            (wrapped.as_str(), 0)
        } else {
            cell_line(raw)
        };
        prev_pipe_row = pipe_row || (prev_pipe_row && raw.starts_with('|'));
        let text = normalize_line(&strip_pinyin(&strip_markdown(&strip_bookmarks(raw))));
        if is_furniture(&text) || (raw.len() < 300 && super::furniture::is_nav_bar(raw)) {
            out.removed.push((no, text));
            continue;
        }
        let cells = if pipes > 0 || tab_led || text.is_empty() {
            Vec::new()
        } else {
            spaced_cells(raw, &mut spaced_table)
        };
        if text.is_empty() {
            spaced_table = false;
        }
        out.lines.push(Line {
            no,
            text,
            tab_led,
            pipes,
            cells,
        });
    }
    out
}

/// The space-separated cells of a table header line (which starts table mode) or of a line
/// in table mode.
fn spaced_cells(raw: &str, table_mode: &mut bool) -> Vec<String> {
    if raw.len() > 4000 || !raw.contains([' ', '\u{3000}', '\u{a0}']) {
        return Vec::new();
    }
    let tokens = || {
        raw.split([' ', '\u{3000}', '\u{a0}'])
            .filter(|t| !t.is_empty())
    };
    if !*table_mode {
        let n = tokens().count();
        if !(3..=16).contains(&n) || !tokens().all(super::headers::is_header_word) {
            return Vec::new();
        }
        *table_mode = true;
    }
    tokens().map(normalize_line).collect()
}

/// In a `|` row, a cell of unit names separated by spaces (`党政办 应消站`) keeps them apart
/// as `党政办、应消站` (spaces between Chinese characters are removed everywhere else).
fn join_unit_cells(raw: &str) -> String {
    raw.split('|')
        .map(|cell| {
            let tokens: Vec<&str> = cell
                .split([' ', '\u{3000}'])
                .filter(|t| !t.is_empty())
                .collect();
            if tokens.len() >= 2 && tokens.iter().all(|t| super::clauseforms::is_unit_name(t)) {
                format!(" {} ", tokens.join("、"))
            } else {
                cell.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// `主要任务 |` → (`主要任务`, 1); `||||` → (``, 4); anything else → (line, 0).
fn cell_line(raw: &str) -> (&str, usize) {
    let t = raw.trim_end();
    let n = t.matches(['|', '｜']).count();
    if n == 0 || !t.ends_with(['|', '｜']) {
        return (raw, 0);
    }
    let body = t.trim_end_matches(['|', '｜', ' ']);
    if n == 1 || body.trim().is_empty() {
        (body, n)
    } else {
        (raw, 0)
    }
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

pub use super::furniture::is_furniture;

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
    fn pipe_cells_and_unit_names() {
        let c = clean("| 1 | 落实责任 | 党政办 应消站 | 4月 |\n\n主要任务 |\n||\n");
        assert_eq!(c.lines[0].text, "| 1 |落实责任|党政办、应消站| 4月|");
        let cells: Vec<(&str, usize)> = c
            .lines
            .iter()
            .filter(|l| l.pipes > 0)
            .map(|l| (l.text.as_str(), l.pipes))
            .collect();
        assert_eq!(cells, [("主要任务", 1), ("", 2)]);
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
