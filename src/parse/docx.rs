//! `.docx` import: paragraphs and tables of `word/document.xml`, read with `package` and
//! `quick-xml`, into the same blocks the text path produces.
//!
//! Owns the guards against bad archives (truncated, not a Word file, zip bombs) and the
//! mapping of Word's automatic numbering (`w:numPr/w:ilvl`) and heading styles to levels.
//! Deliberately ignores formatting, headers/footers, comments and deleted text.

use super::blocks::{take_caption, Block};
use super::clean::normalize_line;
use crate::package::{Package, PartError};
use quick_xml::events::Event;
use std::borrow::Cow;

/// Largest `word/document.xml` we inflate (a zip bomb stops here).
pub const MAX_XML: u64 = 64 * 1024 * 1024;
const MAX_ENTRIES: u64 = 20_000;

/// Read the paragraphs and tables of a .docx. Errors are Chinese reasons for the user.
pub fn read_blocks(bytes: &[u8]) -> Result<Vec<Block>, String> {
    let zip = Package::open(bytes)
        .ok_or_else(|| "文件不是完整的 .docx（压缩包损坏或被截断）".to_string())?;
    if zip.len() > MAX_ENTRIES {
        return Err("压缩包内文件数异常".into());
    }
    let raw = zip
        .part("word/document.xml", MAX_XML)
        .map_err(|e| match e {
            PartError::Missing => "压缩包中没有 word/document.xml，不是 Word 文档".to_string(),
            PartError::TooLarge => "文档解压后过大，疑似异常文件".to_string(),
            PartError::Corrupt => "文档内容损坏或被截断".to_string(),
        })?;
    let xml = String::from_utf8(raw).map_err(|_| "文档不是 UTF-8 编码的 XML".to_string())?;
    parse_document_xml(&xml)
}

#[derive(PartialEq, Eq)]
enum Kind {
    Start,
    Empty,
    Other,
}

#[derive(Default)]
struct Para {
    text: String,
    ilvl: Option<u8>,
    num_id_zero: bool,
    style_level: Option<u8>,
}

/// The outermost open table. Its cells are placed on Word's grid: a cell spanning columns
/// (`w:gridSpan`) is followed by empty cells for the columns it covers, so the cells under a
/// header keep their columns; a cell continuing a vertical merge (`w:vMerge` without
/// `restart`) reads as the value of the cell it continues, as an .xlsx merge does
/// (`sync::xlsx_read`). What a repeated value means (a group opened once) is `table`'s rule.
#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    cell: Option<String>,
    /// The value each grid column last had (for vertical merges).
    grid: Vec<String>,
    /// Grid column of the cell being read, its span, whether it continues a vertical merge.
    col: usize,
    span: usize,
    continues: bool,
    /// Cells (`w:tc`) of the row being read.
    cells: usize,
}

impl TableState {
    fn start_row(&mut self) {
        self.rows.push(Vec::new());
        self.col = 0;
        self.cells = 0;
    }

    /// Grid columns the row leaves out before its first cell (`w:gridBefore`).
    fn skip(&mut self, n: usize) {
        let n = n.min(64);
        if let Some(row) = self.rows.last_mut() {
            row.extend(std::iter::repeat_n(String::new(), n));
        }
        self.col += n;
    }

    fn start_cell(&mut self) {
        self.cell = Some(String::new());
        self.span = 1;
        self.continues = false;
        self.cells += 1;
    }

    fn end_cell(&mut self, text: String) {
        let (col, span) = (self.col, self.span.clamp(1, 64));
        if self.grid.len() < col + span {
            self.grid.resize(col + span, String::new());
        }
        let values: Vec<String> = (0..span)
            .map(|i| match (self.continues && text.is_empty(), i) {
                (true, _) => self.grid[col + i].clone(),
                (false, 0) => text.clone(),
                (false, _) => String::new(),
            })
            .collect();
        self.grid[col..col + span].clone_from_slice(&values);
        if let Some(row) = self.rows.last_mut() {
            row.extend(values);
        }
        self.col += span;
    }

    /// A row of one cell spanning the table (a group line `一、体系建设`) stays one cell.
    fn end_row(&mut self) {
        if self.cells == 1 {
            if let Some(row) = self.rows.last_mut() {
                let first = row.iter().position(|c| !c.is_empty());
                if let Some(i) = first {
                    let text = std::mem::take(&mut row[i]);
                    *row = vec![text];
                }
            }
        }
    }
}

/// An attribute's value by its local name (any namespace prefix). Also used by
/// `sync::xlsx_read`.
pub(crate) fn attr(e: &quick_xml::events::BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value.to_string())
}

/// The text an event stands for: text, a character or predefined entity reference, or CDATA.
/// Also used by `sync::xlsx_read`.
pub(crate) fn text_of<'a>(ev: &'a Event) -> Option<Cow<'a, str>> {
    match ev {
        Event::Text(t) => Some(t.xml10_content()),
        Event::GeneralRef(r) => match r.resolve_char_ref() {
            Ok(Some(c)) => Some(Cow::Owned(c.to_string())),
            _ => {
                quick_xml::escape::resolve_predefined_entity(&r.xml10_content()).map(Cow::Borrowed)
            }
        },
        Event::CData(c) => Some(c.xml10_content()),
        _ => None,
    }
}

/// Heading styles: Heading1…Heading5, 标题1…, "heading 2".
fn style_level(style: &str) -> Option<u8> {
    let s = style.to_ascii_lowercase().replace(' ', "");
    let rest = s
        .strip_prefix("heading")
        .or_else(|| s.strip_prefix("标题"))?;
    rest.parse::<u8>().ok().filter(|l| (1..=5).contains(l))
}

/// Parse the XML of `word/document.xml` into blocks.
pub fn parse_document_xml(xml: &str) -> Result<Vec<Block>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut para: Option<Para> = None;
    // The outermost open table. A table nested in one of its cells is written straight into
    // that cell (cells ` `-separated, rows on new lines): one copy of its text, however deep
    // the nesting, where joining each level into the next copied it once per level.
    let mut tables: Vec<TableState> = Vec::new();
    let mut nested = 0usize;
    let mut depth = 0usize;
    let mut in_text = false;
    let mut in_deleted = 0usize;
    let mut n_para = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML 格式错误（{e}）"))?;
        let event_kind = match &event {
            Event::Start(_) => Kind::Start,
            Event::Empty(_) => Kind::Empty,
            _ => Kind::Other,
        };
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            // Elements still open: the XML was cut short, and what follows it is lost.
            Event::Eof if depth > 0 => {
                return Err(format!(
                    "文档内容不完整（word/document.xml 在第 {} 个段落后中断，后面的内容已丢失），可能在保存或传输中被截断",
                    n_para
                ))
            }
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e)
                if matches!(event_kind, Kind::Start | Kind::Empty) =>
            {
                let opens = event_kind == Kind::Start;
                match e.local_name().as_ref() {
                    "p" if opens => para = Some(Para::default()),
                    "t" if opens => in_text = true,
                    "del" if opens => in_deleted += 1,
                    "tab" => push_text(&mut para, " "),
                    "br" | "cr" => push_text(&mut para, "\n"),
                    "ilvl" => {
                        if let Some(p) = para.as_mut() {
                            p.ilvl = attr(&e, "val").and_then(|v| v.parse().ok());
                        }
                    }
                    "numId" => {
                        if let Some(p) = para.as_mut() {
                            p.num_id_zero = attr(&e, "val").as_deref() == Some("0");
                        }
                    }
                    "pStyle" => {
                        if let Some(p) = para.as_mut() {
                            p.style_level = attr(&e, "val").and_then(|v| style_level(&v));
                        }
                    }
                    "tbl" if opens && tables.is_empty() => tables.push(TableState::default()),
                    "tbl" if opens => nested += 1,
                    "tr" if opens && nested > 0 => nested_sep(&mut tables, '\n'),
                    "tc" if opens && nested > 0 => nested_sep(&mut tables, ' '),
                    "tr" if opens => {
                        if let Some(t) = tables.last_mut() {
                            t.start_row();
                        }
                    }
                    "tc" if opens => {
                        if let Some(t) = tables.last_mut() {
                            t.start_cell();
                        }
                    }
                    "gridSpan" | "gridBefore" | "vMerge" if nested == 0 => {
                        let Some(t) = tables.last_mut() else { continue };
                        let val = attr(&e, "val");
                        let n = val.as_deref().and_then(|v| v.parse::<usize>().ok());
                        match e.local_name().as_ref() {
                            "gridSpan" => t.span = n.unwrap_or(1),
                            "gridBefore" if t.cell.is_none() => t.skip(n.unwrap_or(0)),
                            "vMerge" => t.continues = val.as_deref() != Some("restart"),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(_) | Event::GeneralRef(_) if in_text && in_deleted == 0 => {
                if let Some(s) = text_of(&event) {
                    push_text(&mut para, &s);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "del" => in_deleted = in_deleted.saturating_sub(1),
                "p" => {
                    let Some(p) = para.take() else { continue };
                    n_para += 1;
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(cell) => {
                            // (After a nested table's cell separator, no line break.)
                            if !cell.is_empty()
                                && !cell.ends_with(' ')
                                && !p.text.trim().is_empty()
                            {
                                cell.push('\n');
                            }
                            cell.push_str(p.text.trim());
                        }
                        None => {
                            push_para(&mut blocks, n_para, p);
                            // Past the limit the caller refuses the file (`parse::check_blocks`):
                            // reading on would only hold memory for it.
                            if blocks.len() > crate::limits::MAX_BLOCKS {
                                return Ok(blocks);
                            }
                        }
                    }
                }
                "tc" | "tr" if nested > 0 => {}
                "tbl" if nested > 0 => nested -= 1,
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        let cell = t.cell.take().unwrap_or_default();
                        let text = cell
                            .split('\n')
                            .map(normalize_line)
                            .collect::<Vec<_>>()
                            .join("");
                        t.end_cell(text);
                    }
                }
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.end_row();
                    }
                }
                "tbl" => {
                    let Some(t) = tables.pop() else { continue };
                    let rows: Vec<Vec<String>> = t
                        .rows
                        .into_iter()
                        .filter(|r| r.iter().any(|c| !c.is_empty()))
                        .collect();
                    if !rows.is_empty() && rows.iter().all(|r| r.len() == 1) {
                        // A one-column table is a box around paragraphs (a 版记 is often laid
                        // out so), not a task table: its lines are text.
                        for r in rows {
                            for text in r[0].lines().filter(|l| !l.trim().is_empty()) {
                                blocks.push(Block::Para {
                                    line: n_para,
                                    text: text.to_string(),
                                    list_level: None,
                                });
                            }
                        }
                    } else if !rows.is_empty() {
                        let caption = take_caption(&mut blocks);
                        blocks.push(Block::Table {
                            line: n_para,
                            caption,
                            rows,
                        });
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(blocks)
}

/// Between the rows (`\n`) or cells (` `) of a nested table, in the outer table's open cell.
fn nested_sep(tables: &mut [TableState], sep: char) {
    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
        if !cell.is_empty() && !cell.ends_with('\n') {
            cell.push(sep);
        }
    }
}

fn push_text(para: &mut Option<Para>, s: &str) {
    if let Some(p) = para.as_mut() {
        p.text.push_str(s);
    }
}

fn push_para(blocks: &mut Vec<Block>, line: usize, p: Para) {
    let list_level = match (p.ilvl, p.num_id_zero, p.style_level) {
        (_, _, Some(l)) => Some(l - 1),
        (Some(l), false, None) => Some(l.min(4)),
        _ => None,
    };
    super::blocks::push_lines(blocks, line, &p.text, list_level);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_numbering_tables_entities() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>强化领导</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">A &amp; B。</w:t></w:r><w:del><w:r><w:t>gone</w:t></w:r></w:del></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>工作内容</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>责任单位</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>1.编制。</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>应急局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
        let b = parse_document_xml(xml).unwrap();
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(
            matches!(&b[1], Block::Para { text, list_level: Some(1), .. } if text == "强化领导")
        );
        assert!(matches!(&b[2], Block::Para { text, .. } if text == "A & B。"));
        assert!(
            matches!(&b[3], Block::Table { rows, .. } if rows[1] == vec!["1.编制。", "应急局"])
        );
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(read_blocks(b"PK\x03\x04garbage").is_err());
        assert!(read_blocks(b"").is_err());
    }
}
