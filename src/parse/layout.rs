//! Text from fixed-layout pages (PDF, OFD): strings placed on pages become lines in reading
//! order, running headers, footers and page numbers (`— 3 —`) are dropped, and lines are
//! joined into paragraphs by indentation, short last lines and vertical gaps.
//!
//! Owns reading order and paragraph rebuilding for both fixed-layout readers; tables on the
//! pages are rebuilt into `|` rows by `grid`. Deliberately one column of body text only
//! (official documents are set in one).

use super::grid::{find_tables, GridLine, Piece};

/// A string placed on a page: start and end x, baseline y growing downwards, font size.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f64,
    pub y: f64,
    pub x_end: f64,
    pub size: f64,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub runs: Vec<Run>,
}

#[derive(Debug, Clone)]
struct Line {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    /// The strings of the line, left to right (for `grid`).
    pieces: Vec<Piece>,
}

/// A number as fixed-layout files write them (`12`, `-3.5`, `.5`, `1e-3`; PDF's `4.`), for
/// positions and sizes. Hand-written: `str::parse::<f64>` brings 14 KB (gzip) of exact
/// decimal conversion and its tables into the wasm, a precision no layout needs.
pub fn number(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = matches!(b.first(), Some(b'-'));
    if matches!(b.first(), Some(b'-' | b'+')) {
        i = 1;
    }
    let (mut mantissa, mut exp, mut digits, mut dot) = (0u64, 0i32, 0, false);
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    exp -= i32::from(dot);
                } else {
                    exp += i32::from(!dot);
                }
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let e = s.get(i + 1..)?.parse::<i32>().ok()?;
        exp = exp.saturating_add(e);
    } else if i != b.len() {
        return None;
    }
    let v = mantissa as f64 * 10f64.powi(exp.clamp(-400, 400));
    Some(if negative { -v } else { v })
}

fn lines_of(page: &Page) -> Vec<Line> {
    let mut runs: Vec<&Run> = page
        .runs
        .iter()
        .filter(|r| r.size.is_finite() && r.x.is_finite() && r.y.is_finite())
        .collect();
    crate::order::sort_by(&mut runs, |a, b| {
        a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x))
    });
    let mut groups: Vec<Vec<&Run>> = Vec::new();
    for r in runs {
        match groups.last_mut() {
            Some(g) if (r.y - g[0].y).abs() < 0.5 * g[0].size.max(r.size) => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            crate::order::sort_by(&mut g, |a, b| a.x.total_cmp(&b.x));
            let size = g.iter().map(|r| r.size).fold(0.0, f64::max);
            let mut text = String::new();
            let mut end = f64::MIN;
            for r in &g {
                let gap = r.x - end;
                let ascii_join = text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && r.text.starts_with(|c: char| c.is_ascii_alphanumeric());
                if !text.is_empty() && (gap > 0.8 * size || (ascii_join && gap > 0.2 * size)) {
                    text.push(' ');
                }
                text.push_str(&r.text);
                end = end.max(r.x_end);
            }
            let pieces = g
                .iter()
                .map(|r| Piece {
                    x0: r.x,
                    x1: r.x_end,
                    text: r.text.clone(),
                })
                .collect();
            Line {
                text: text.trim().to_string(),
                x0: g[0].x,
                x1: end,
                y: g[0].y,
                size,
                pieces,
            }
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// `— 3 —`, `- 3 -`, `3`, `第 3 页`, `第3页 共9页`, `3/9`.
pub fn is_page_number(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_matches(|c| "—-－–―".contains(c));
    if s.is_empty() || s.chars().count() > 12 {
        return false;
    }
    let rest: String = s.chars().filter(|c| !c.is_ascii_digit()).collect();
    s.chars().any(|c| c.is_ascii_digit())
        && matches!(
            rest.as_str(),
            "" | "第页" | "第页共页" | "/" | "页" | "PAGE"
        )
}

/// `附件`, `附件2`, `附件 3：` standing alone on a line.
fn is_attachment_label(t: &str) -> bool {
    t.strip_prefix("附件").is_some_and(|rest| {
        rest.chars().count() <= 4
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '：' | ':'))
    })
}

/// Repeated header/footer text ignores the page number inside it.
fn furniture_key(t: &str) -> String {
    t.chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .collect()
}

/// The text of the pages: one paragraph a line.
pub fn to_text(pages: &[Page]) -> String {
    let mut pages: Vec<Vec<Line>> = pages.iter().map(lines_of).collect();
    // Running heads and feet: the first or last line of a page, repeated on at least half the
    // pages (two at least), or a page number.
    let n = pages.len();
    for edge in [0usize, 1] {
        let key = |p: &Vec<Line>| {
            let l = if edge == 0 { p.first() } else { p.last() };
            l.map(|l| furniture_key(&l.text))
        };
        let keys: Vec<Option<String>> = pages.iter().map(key).collect();
        for (i, p) in pages.iter_mut().enumerate() {
            let Some(k) = &keys[i] else { continue };
            let repeated = keys.iter().filter(|o| o.as_ref() == Some(k)).count();
            let idx = if edge == 0 { 0 } else { p.len() - 1 };
            if is_page_number(&p[idx].text)
                || (n >= 2 && repeated >= 2 && repeated * 2 >= n && !k.is_empty())
            {
                p.remove(idx);
            }
        }
    }
    let grid: Vec<GridLine> = pages
        .iter()
        .enumerate()
        .flat_map(|(page, lines)| {
            lines.iter().map(move |l| GridLine {
                pieces: &l.pieces,
                y: l.y,
                size: l.size,
                page,
            })
        })
        .collect();
    let tables = find_tables(&grid);
    let mut tables = tables.iter().peekable();
    let mut at = 0usize;
    let mut out = String::new();
    let mut prev: Option<(Line, f64)> = None;
    for lines in &pages {
        if lines.is_empty() {
            continue;
        }
        let left = lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
        // The right margin full lines reach: the median end of the lines near the rightmost
        // one (punctuation hanging past the margin, `，` `、`, would put it too far right).
        let far = lines.iter().map(|l| l.x1).fold(f64::MIN, f64::max);
        let mut ends: Vec<f64> = lines
            .iter()
            .filter(|l| l.x1 >= far - 2.0 * l.size)
            .map(|l| l.x1)
            .collect();
        crate::order::sort_by(&mut ends, f64::total_cmp);
        let right = ends.get(ends.len() / 2).copied().unwrap_or(far);
        let mut pitches: Vec<f64> = lines
            .windows(2)
            .map(|w| w[1].y - w[0].y)
            .filter(|d| *d > 0.0)
            .collect();
        crate::order::sort_by(&mut pitches, f64::total_cmp);
        let pitch = pitches.get(pitches.len() / 2).copied().unwrap_or(0.0);
        for (i, l) in lines.iter().enumerate() {
            let idx = at;
            at += 1;
            while tables.peek().is_some_and(|t| idx >= t.end) {
                tables.next();
            }
            if let Some(t) = tables.peek().filter(|t| idx >= t.start) {
                if idx == t.start {
                    // The table's rows, cells `|`-separated (a `|` in a cell would split it).
                    for row in &t.rows {
                        let cells: Vec<String> =
                            row.iter().map(|c| c.replace(['|', '｜'], "/")).collect();
                        out.push_str(&format!("\n| {} |", cells.join(" | ")));
                    }
                    out.push('\n');
                    prev = None;
                }
                continue;
            }
            let new_para = match &prev {
                None => true,
                Some((p, p_right)) => {
                    let same_page = i > 0;
                    let gap = l.y - p.y;
                    l.x0 > left + 1.2 * l.size
                        || p.x1 < p_right - 1.5 * p.size
                        // Short by half a character after a full stop: justified lines run to
                        // the margin, so this was a paragraph's last line.
                        || (p.x1 < p_right - 0.5 * p.size && p.text.ends_with(['。', '！', '？']))
                        || (same_page && pitch > 0.0 && gap > 1.6 * pitch)
                        || (l.size - p.size).abs() > 0.15 * p.size
                        // An attachment label (`附件2`) is a line of its own, even at the top
                        // of a page after a paragraph that filled its last line.
                        || is_attachment_label(&l.text)
                        || is_attachment_label(&p.text)
                }
            };
            if new_para {
                if !out.is_empty() {
                    out.push('\n');
                }
            } else if out.ends_with(|c: char| c.is_ascii_alphanumeric())
                && l.text.starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
            out.push_str(&l.text);
            prev = Some((l.clone(), right));
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_layouts_write_them() {
        for (s, v) in [
            ("12", 12.0),
            ("-3.5", -3.5),
            (".5", 0.5),
            ("4.", 4.0),
            ("+2", 2.0),
            ("1e-3", 0.001),
            ("2.5E2", 250.0),
            ("0.35", 0.35),
            ("123456789012345678901", 1.2345678901234568e20),
        ] {
            let n = number(s).unwrap();
            assert!((n - v).abs() <= v.abs() * 1e-12, "{s}: {n}");
        }
        for s in ["", "-", ".", "1.2.3", "abc", "1e", "12px"] {
            assert_eq!(number(s), None, "{s}");
        }
    }

    fn run(x: f64, y: f64, len: usize, text: &str) -> Run {
        Run {
            x,
            y,
            x_end: x + 16.0 * len as f64,
            size: 16.0,
            text: text.into(),
        }
    }

    #[test]
    fn page_numbers() {
        for t in ["— 3 —", "- 12 -", "3", "第 3 页", "第3页共9页", "3/9"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["一、总体要求", "2024年", "3. 加强"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn paragraphs_from_wrapped_and_indented_lines() {
        // Body from x=100 to x=420 (20 characters of 16 pt); first lines indented 2 characters.
        let page = |n: &str, first: &str| Page {
            runs: vec![
                run(200.0, 60.0, 8, "2025年工作要点"),
                run(132.0, 100.0, 18, first),
                run(100.0, 130.0, 20, "第一段的第二行文字，铺满了整整一行宽度"),
                run(100.0, 160.0, 5, "第一段结束"),
                run(132.0, 190.0, 18, "第二段开始"),
                run(240.0, 800.0, 3, n),
            ],
        };
        let text = to_text(&[page("— 1 —", "一、总体要求"), page("— 2 —", "二、重点工作")]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert_eq!(
            lines[0],
            "一、总体要求第一段的第二行文字，铺满了整整一行宽度第一段结束"
        );
        assert_eq!(lines[1], "第二段开始");
        assert_eq!(
            lines[2],
            "二、重点工作第一段的第二行文字，铺满了整整一行宽度第一段结束"
        );
    }

    #[test]
    fn hanging_punctuation_and_attachment_labels() {
        // Body from x=100 to x=420; `，` hangs past the margin on the first line. The second
        // line ends a sentence at the margin: the paragraph goes on.
        let mut hang = run(100.0, 100.0, 20, "第一行文字写满整整一行宽度的二十个字");
        hang.x_end = 436.0;
        hang.text.push('，');
        let page1 = Page {
            runs: vec![
                run(132.0, 70.0, 6, "一、总体要求"),
                hang,
                run(100.0, 130.0, 20, "第二行写满到了右边距并且以句号结束。"),
                run(100.0, 160.0, 20, "第三行接着写，仍是同一段的文字内容呀"),
            ],
        };
        let page2 = Page {
            runs: vec![
                run(100.0, 60.0, 3, "附件2"),
                run(132.0, 100.0, 10, "二、重点工作"),
            ],
        };
        let text = to_text(&[page1, page2]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[1].ends_with("仍是同一段的文字内容呀"), "{text}");
        assert_eq!(lines[2], "附件2");
    }
}
