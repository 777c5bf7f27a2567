//! Residue of the way a text travelled, removed from a line before it is read: HTML source
//! pasted as text (tags, entities, cells), pinyin some mirror sites insert after characters,
//! Markdown marks (`# `, `**`), Word's `[bookmark: _GoBack]`.
//!
//! Owns recognising and removing each of them. Deliberately does not split lines nor touch
//! spaces and site furniture (see `clean`, `furniture`).

pub(crate) fn looks_like_html(s: &str) -> bool {
    let mut end = s.len().min(20_000);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let head = &s[..end];
    ["</p>", "<br", "</div>", "</td>", "<p>", "<p ", "&nbsp;"]
        .iter()
        .any(|t| head.contains(t))
}

/// HTML source pasted as text: block ends become line breaks, cells `|`, tags go, entities
/// are decoded.
pub fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest[1..].find(['>', '<']).map(|e| e + 1);
            match end.filter(|&e| rest.as_bytes()[e] == b'>' && e <= 400) {
                Some(e) if is_tag(&rest[1..e]) => {
                    let name = rest[1..e].trim_start_matches('/').to_ascii_lowercase();
                    let name = name
                        .split([' ', '/'])
                        .next()
                        .unwrap_or_default()
                        .to_string();
                    let closing = rest[1..].starts_with('/');
                    match name.as_str() {
                        "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "h5"
                        | "h6" | "table"
                            if closing || name == "br" =>
                        {
                            out.push('\n')
                        }
                        "td" | "th" if closing => out.push_str(" | "),
                        _ => {}
                    }
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
        } else {
            let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
            let decoded = end.and_then(|e| entity(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_tag(inner: &str) -> bool {
    let t = inner.trim_start_matches('/');
    t.starts_with(|c: char| c.is_ascii_alphabetic()) || inner.starts_with("!--")
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match name {
        "nbsp" | "ensp" | "emsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        _ => return None,
    })
}

/// Remove pinyin some mirror sites insert after characters: `發(fā)布` → `發布`.
pub fn strip_pinyin(s: &str) -> String {
    if !s.contains('(') {
        return s.to_string();
    }
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('(') {
        let before = &rest[..i];
        let after = &rest[i + 1..];
        let close = after.find(')').filter(|&c| c <= 24);
        let prev_cjk = before.chars().last().is_some_and(|c| c as u32 >= 0x3400);
        let syllable = close.map(|c| &after[..c]).filter(|p| {
            let n = p.chars().count();
            (1..=7).contains(&n)
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || TONED.contains(c))
                && p.chars().any(|c| TONED.contains(c))
        });
        out.push_str(before);
        match (prev_cjk, syllable, close) {
            (true, Some(_), Some(c)) => rest = &after[c + 1..],
            _ => {
                out.push('(');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Markdown as Yaodian writes it (and chat tools show it): `# ` heading marks, `**` bold.
pub(crate) fn strip_markdown(s: &str) -> String {
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
pub(crate) fn strip_bookmarks(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_pinyin() {
        assert_eq!(
            strip_pinyin("印發(fā)《2025年全市安全生產(chǎn)》"),
            "印發《2025年全市安全生產》"
        );
        assert_eq!(
            strip_pinyin("(一)加强(责任单位:应急局)"),
            "(一)加强(责任单位:应急局)"
        );
        assert_eq!(
            strip_html("<p>一、总体要求</p><p>1．推行&ldquo;333&rdquo;&nbsp;策略</p>"),
            "一、总体要求\n1．推行“333” 策略\n"
        );
    }

    #[test]
    fn markdown_and_bookmarks() {
        assert_eq!(strip_markdown("## 一、总体要求"), "一、总体要求");
        assert_eq!(strip_markdown("**1.推行**"), "1.推行");
        assert_eq!(
            strip_bookmarks("一、总体[bookmark: _GoBack]要求"),
            "一、总体要求"
        );
    }
}
