//! From cleaned lines to blocks: paragraphs (re-joined where a paste broke them) and tables
//! (flattened one cell a line, tab-led, or `|`-separated). The `.docx` reader produces the
//! same blocks, so everything after this point is shared.
//!
//! Owns table recognition by header words and line re-joining. Deliberately does not know
//! about headings, tasks or units beyond asking `markers` whether a line starts with one.

use super::clean::Line;
use super::markers::split_marker;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph; `list_level` is Word's automatic-numbering level (0-based), if any.
    Para {
        line: usize,
        text: String,
        list_level: Option<u8>,
    },
    Table {
        line: usize,
        caption: String,
        rows: Vec<Vec<String>>,
    },
}

/// The lines of one paragraph of a word-processor file (`\n`: a line break inside it), each a
/// paragraph block of its own, cleaned; blank lines and site furniture are left out.
pub fn push_lines(blocks: &mut Vec<Block>, line: usize, text: &str, list_level: Option<u8>) {
    for piece in text.split('\n') {
        let text = super::clean::normalize_line(piece);
        if text.is_empty() || super::clean::is_furniture(&text) {
            continue;
        }
        blocks.push(Block::Para {
            line,
            text,
            list_level,
        });
    }
}

impl Block {
    pub fn line(&self) -> usize {
        match self {
            Block::Para { line, .. } | Block::Table { line, .. } => *line,
        }
    }
}

/// Whether a cell reads as a task-table column header (the vocabulary lives in `headers`).
pub fn is_header_word(s: &str) -> bool {
    super::headers::is_header_word(s.trim())
}

/// Ends with punctuation that closes a sentence or clause block.
pub fn is_terminated(s: &str) -> bool {
    s.chars()
        .last()
        .is_some_and(|c| "。；;：:！!？?）)”…".contains(c))
}

fn pipe_cells(s: &str) -> Option<Vec<String>> {
    let s = s.replace('｜', "|");
    if s.matches('|').count() < 2 {
        return None;
    }
    let mut cells: Vec<String> = s.split('|').map(|c| c.trim().to_string()).collect();
    if cells.first().is_some_and(|c| c.is_empty()) {
        cells.remove(0);
    }
    if cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    Some(cells)
}

fn is_separator_row(cells: &[String]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| "-:— ".contains(ch)))
}

/// Group lines into blocks. `warnings` receives (line, message) pairs.
pub fn to_blocks(lines: &[Line], warnings: &mut Vec<(usize, String)>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    let mut blank_before = true;
    // Characters of the last paragraph, kept as lines join so no line recounts it.
    let mut last_len = 0usize;
    while i < lines.len() {
        let line = &lines[i];
        if line.text.is_empty() && !line.tab_led {
            blank_before = true;
            i += 1;
            continue;
        }
        // One cell a line closed by `|`; cells separated by spaces or glued under a header.
        if let Some((block, next)) =
            super::cells::read_piped(lines, i).or_else(|| super::cells::read_spaced(lines, i))
        {
            if let Block::Table { line, rows, .. } = block {
                let caption = take_caption(&mut blocks);
                blocks.push(Block::Table {
                    line,
                    caption,
                    rows,
                });
            }
            i = next;
            blank_before = true;
            continue;
        }
        // Flattened, tab-led: header cells on consecutive tab-led lines.
        if line.tab_led && is_header_word(&line.text) {
            let mut header = Vec::new();
            let mut j = i;
            while j < lines.len() && lines[j].tab_led && is_header_word(&lines[j].text) {
                header.push(lines[j].text.clone());
                j += 1;
            }
            if header.len() >= 2 {
                let mut cells = Vec::new();
                while j < lines.len() && (lines[j].tab_led || lines[j].text.is_empty()) {
                    if lines[j].tab_led {
                        cells.push(lines[j].text.clone());
                    }
                    j += 1;
                }
                push_table(&mut blocks, line.no, header, cells, warnings);
                i = j;
                blank_before = true;
                continue;
            }
        }
        // `|`-separated rows.
        if let Some(first) = pipe_cells(&line.text) {
            if first.len() >= 2 {
                let mut rows = vec![first];
                let mut j = i + 1;
                while j < lines.len() {
                    match pipe_cells(&lines[j].text) {
                        Some(cells) => {
                            if !is_separator_row(&cells) {
                                rows.push(cells);
                            }
                            j += 1;
                        }
                        None if lines[j].text.is_empty() => j += 1,
                        None => break,
                    }
                }
                let caption = take_caption(&mut blocks);
                blocks.push(Block::Table {
                    line: line.no,
                    caption,
                    rows,
                });
                i = j;
                blank_before = true;
                continue;
            }
        }
        // Not tab-led, one cell a line: at least three header words in a row.
        let run = lines[i..]
            .iter()
            .take_while(|l| is_header_word(&l.text))
            .count();
        if run >= 3 {
            let header: Vec<String> = lines[i..i + run].iter().map(|l| l.text.clone()).collect();
            let mut cells = Vec::new();
            let mut j = i + run;
            while j < lines.len() && !ends_untabbed_table(&lines[j].text) {
                if !lines[j].text.is_empty() {
                    cells.push(lines[j].text.clone());
                }
                j += 1;
            }
            warnings.push((line.no, "表格按“一格一行”读取，请核对各列是否对齐。".into()));
            push_table(&mut blocks, line.no, header, cells, warnings);
            i = j;
            blank_before = true;
            continue;
        }
        let text = line.text.clone();
        if !blank_before {
            if let Some(Block::Para {
                text: prev,
                list_level: None,
                ..
            }) = blocks.last_mut()
            {
                if should_join(prev, last_len, &text) {
                    last_len += text.chars().count();
                    prev.push_str(&text);
                    i += 1;
                    continue;
                }
            }
        }
        last_len = text.chars().count();
        blocks.push(Block::Para {
            line: line.no,
            text,
            list_level: None,
        });
        blank_before = false;
        i += 1;
    }
    blocks
}

fn ends_untabbed_table(t: &str) -> bool {
    t.starts_with("附件") && t.chars().count() <= 6
        || t.starts_with("抄送")
        || t.ends_with("印发")
        || t.starts_with("（公开方式")
}

/// Whether a line continues the previous paragraph (a paste broke it). `prev_len` is its
/// length in characters, kept by the caller: counting it here made joining quadratic.
fn should_join(prev: &str, prev_len: usize, next: &str) -> bool {
    if is_terminated(prev) || split_marker(next).is_some() || next.starts_with("附件") {
        return false;
    }
    let next_len = next.chars().count();
    // A heading title broken over two lines: "（一）打造一个工作" + "亮点".
    if prev_len <= 30 && split_marker(prev).is_some() && next_len <= 12 && !is_terminated(next) {
        return true;
    }
    // A hard-wrapped long paragraph.
    prev_len >= 30
}

/// The short line just before a table is its caption (…任务清单).
pub(crate) fn take_caption(blocks: &mut Vec<Block>) -> String {
    if let Some(Block::Para { text, .. }) = blocks.last() {
        if text.chars().count() <= 40 && !is_terminated(text) && split_marker(text).is_none() {
            let caption = text.clone();
            blocks.pop();
            return caption;
        }
    }
    String::new()
}

fn push_table(
    blocks: &mut Vec<Block>,
    line: usize,
    header: Vec<String>,
    cells: Vec<String>,
    warnings: &mut Vec<(usize, String)>,
) {
    let n = header.len();
    if !cells.len().is_multiple_of(n) {
        warnings.push((
            line,
            format!(
                "表格共 {} 格，不是 {} 列的整数倍，最后一行可能缺格，请核对。",
                cells.len(),
                n
            ),
        ));
    }
    let mut rows = vec![header];
    for chunk in cells.chunks(n) {
        let mut row = chunk.to_vec();
        row.resize(n, String::new());
        rows.push(row);
    }
    let caption = take_caption(blocks);
    blocks.push(Block::Table {
        line,
        caption,
        rows,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::clean::clean;

    fn blocks(s: &str) -> Vec<Block> {
        let mut w = Vec::new();
        to_blocks(&clean(s).lines, &mut w)
    }

    #[test]
    fn tab_led_table_with_caption() {
        let s = "任务清单\n\n\t重点任务\n\t工作内容\n\t责任单位\n\t备注\n\n\t一、预案\n\t1.编制预案。\n\t应急局\n\t\n\n\t\n\t2.修订。\n\t各镇街\n\t\n\n尾注。";
        let b = blocks(s);
        match &b[0] {
            Block::Table { caption, rows, .. } => {
                assert_eq!(caption, "任务清单");
                assert_eq!(rows.len(), 3, "{rows:?}");
                assert_eq!(rows[1], vec!["一、预案", "1.编制预案。", "应急局", ""]);
                assert_eq!(rows[2], vec!["", "2.修订。", "各镇街", ""]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&b[1], Block::Para { text, .. } if text == "尾注。"));
    }

    #[test]
    fn pipe_table_skips_separator() {
        let b = blocks("| 序号 | 工作内容 | 责任单位 |\n|---|---|---|\n| 1 | 编制。 | 应急局 |");
        match &b[0] {
            Block::Table { rows, .. } => assert_eq!(
                rows,
                &vec![
                    vec!["序号", "工作内容", "责任单位"],
                    vec!["1", "编制。", "应急局"]
                ]
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rejoins_broken_lines() {
        let b = blocks("（一）打造一个工作\n亮点\n加强城市运行安全信息化管理和指挥体系建设，强化城市安全风险动态\n监测和管控。");
        assert_eq!(b.len(), 2);
        assert!(matches!(&b[0], Block::Para { text, .. } if text == "（一）打造一个工作亮点"));
        assert!(matches!(&b[1], Block::Para { text, .. } if text.ends_with("动态监测和管控。")));
    }
}
