//! Reading cell text back from an .xlsx a unit filled in: sheets, shared strings, inline
//! strings and numbers, whatever Excel or WPS wrote when it saved the file again.
//!
//! Owns only the text grid of each sheet; deliberately no formatting and no formulas
//! (a formula's cached value is read as text).

use crate::package::Package;
use crate::parse::docx::{attr, text_of};
use quick_xml::events::Event;
use std::collections::HashMap;

const MAX_PART: u64 = 32 * 1024 * 1024;

fn part(zip: &Package, name: &str) -> Option<String> {
    String::from_utf8(zip.part(name, MAX_PART).ok()?).ok()
}

fn shared_strings(xml: &str) -> Vec<String> {
    let mut r = quick_xml::Reader::from_str(xml);
    let (mut out, mut cur, mut in_t) = (Vec::new(), String::new(), false);
    while let Ok(ev) = r.read_event() {
        match &ev {
            Event::Eof => break,
            Event::Start(e) if e.local_name().as_ref() == "si" => cur.clear(),
            Event::Start(e) if e.local_name().as_ref() == "t" => in_t = true,
            Event::End(e) if e.local_name().as_ref() == "t" => in_t = false,
            Event::End(e) if e.local_name().as_ref() == "si" => out.push(std::mem::take(&mut cur)),
            _ if in_t => cur.push_str(&text_of(&ev).unwrap_or_default()),
            _ => {}
        }
    }
    out
}

/// Excel's sheet size: columns A..XFD, rows 1..1,048,576.
pub const MAX_COLUMNS: usize = 16_384;
pub const MAX_ROWS: usize = 1_048_576;

/// Zero-based column and one-based row of a cell reference such as `C12` (the row is `None`
/// when the reference gives none). `None` when it lies outside Excel's sheet.
fn cell_ref(r: &str) -> Option<(usize, Option<usize>)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].bytes().fold(0usize, |n, c| {
        n * 26 + usize::from(c.to_ascii_uppercase() - b'A' + 1)
    });
    let digits = &r[letters..];
    let row = if digits.is_empty() {
        None
    } else {
        Some(row_number(digits)?)
    };
    (col <= MAX_COLUMNS).then_some((col - 1, row))
}

/// A one-based row number within Excel's sheet.
fn row_number(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 7 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|r| (1..=MAX_ROWS).contains(r))
}

fn out_of_range(what: &str) -> String {
    format!(
        "单元格位置“{}”超出 Excel 的表格范围（最多 16384 列、1048576 行），文件可能已损坏。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试",
        crate::parse::report::excerpt(what, 20)
    )
}

/// The rows of one sheet. Refused: references outside Excel's sheet, more padding cells than
/// the part's size can justify (memory stays proportional to the file), XML cut short.
/// What the sheets of one workbook may take together, so memory stays proportional to the file.
struct Budget {
    /// Cells held, including the empty ones a far-right reference pads with.
    cells: usize,
    /// Bytes of cell text held (a shared string referenced a million times counts each time).
    text: usize,
    /// Bytes of sheet XML read (a workbook listing one sheet many times counts each time).
    xml: usize,
}

const MAX_TEXT: usize = 64 * 1024 * 1024;
const MAX_XML: usize = 4 * MAX_PART as usize;
const TOO_MUCH: &str = "工作簿的内容超出这个文件大小的合理范围（大量空单元格或重复引用），文件可能已损坏。请在 Excel 或 WPS 中删除多余的行列并另存后重试";

fn sheet_rows(
    xml: &str,
    shared: &[String],
    budget: &mut Budget,
) -> Result<Vec<Vec<String>>, String> {
    budget.xml += xml.len();
    if budget.xml > MAX_XML {
        return Err(TOO_MUCH.into());
    }
    let mut r = quick_xml::Reader::from_str(xml);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut col, mut kind, mut value, mut in_value) =
        (0usize, String::new(), String::new(), false);
    let max_cells = 1_000_000 + budget.xml / 4;
    let mut depth = 0usize;
    loop {
        let ev = r
            .read_event()
            .map_err(|_| "工作表的 XML 已损坏，无法读取".to_string())?;
        match &ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match &ev {
            Event::Eof if depth > 0 => {
                return Err("工作表的内容不完整（文件被截断），请重新保存或索取原文件".into())
            }
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                if let Some(n) = attr(e, "r") {
                    row_number(n.trim()).ok_or_else(|| out_of_range(&n))?;
                }
                if rows.len() >= MAX_ROWS {
                    return Err(out_of_range("第 1048577 行"));
                }
                rows.push(Vec::new())
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "c" => {
                col = match attr(e, "r") {
                    Some(c) => cell_ref(c.trim()).ok_or_else(|| out_of_range(&c))?.0,
                    None => rows.last().map_or(0, Vec::len),
                };
                if col >= MAX_COLUMNS {
                    return Err(out_of_range("第 16385 列"));
                }
                kind = attr(e, "t").unwrap_or_default();
                value.clear();
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), "v" | "t") => in_value = true,
            Event::End(e) if matches!(e.local_name().as_ref(), "v" | "t") => in_value = false,
            Event::End(e) if e.local_name().as_ref() == "c" => {
                let text = if kind == "s" {
                    value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| shared.get(i).cloned())
                        .unwrap_or_default()
                } else {
                    value.clone()
                };
                if let Some(row) = rows.last_mut() {
                    budget.text += text.len();
                    if row.len() <= col {
                        budget.cells += col + 1 - row.len();
                        row.resize(col + 1, String::new());
                    }
                    if budget.cells > max_cells || budget.text > MAX_TEXT {
                        return Err(TOO_MUCH.into());
                    }
                    row[col] = text;
                }
            }
            _ if in_value => value.push_str(&text_of(&ev).unwrap_or_default()),
            _ => {}
        }
    }
    Ok(rows)
}

/// Sheets as (name, rows of cell text).
pub type Sheets = Vec<(String, Vec<Vec<String>>)>;

/// Every sheet of the workbook as (name, rows of cell text).
pub fn read_sheets(bytes: &[u8]) -> Result<Sheets, String> {
    let zip = Package::open(bytes)
        .ok_or_else(|| "文件不是完整的 .xlsx（压缩包损坏或被截断）".to_string())?;
    let workbook =
        part(&zip, "xl/workbook.xml").ok_or("不是 Excel 工作簿（缺少 xl/workbook.xml）")?;
    let rels = part(&zip, "xl/_rels/workbook.xml.rels").unwrap_or_default();
    let shared = part(&zip, "xl/sharedStrings.xml")
        .map(|s| shared_strings(&s))
        .unwrap_or_default();
    let mut targets = HashMap::new();
    let mut r = quick_xml::Reader::from_str(&rels);
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(t)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    let t = t
                        .trim_start_matches('/')
                        .trim_start_matches("xl/")
                        .to_string();
                    targets.insert(id, format!("xl/{t}"));
                }
            }
            _ => {}
        }
    }
    let mut sheets = Vec::new();
    let mut budget = Budget {
        cells: 0,
        text: 0,
        xml: 0,
    };
    let mut r = quick_xml::Reader::from_str(&workbook);
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                let name = attr(&e, "name").unwrap_or_default();
                let name = quick_xml::escape::unescape(&name)
                    .map(|c| c.into_owned())
                    .unwrap_or(name);
                if let Some(path) = attr(&e, "id").and_then(|id| targets.get(&id).cloned()) {
                    if let Some(xml) = part(&zip, &path) {
                        sheets.push((name, sheet_rows(&xml, &shared, &mut budget)?));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget() -> Budget {
        Budget {
            cells: 0,
            text: 0,
            xml: 0,
        }
    }

    fn rows(cells: &str) -> Result<Vec<Vec<String>>, String> {
        let xml = format!("<worksheet><sheetData><row>{cells}</row></sheetData></worksheet>");
        sheet_rows(&xml, &[], &mut budget())
    }

    fn cell(r: &str) -> String {
        format!("<c r=\"{r}\" t=\"inlineStr\"><is><t>x</t></is></c>")
    }

    #[test]
    fn references_beyond_excel_are_refused_not_allocated() {
        for r in ["ZZZZZZZZ2", "XFE1", "A1048577", "A99999999999999999999"] {
            let err = rows(&cell(r)).unwrap_err();
            assert!(err.contains("超出 Excel 的表格范围"), "{r}: {err}");
        }
        let last = rows(&cell("XFD1048576")).unwrap();
        assert_eq!(last[0].len(), MAX_COLUMNS);
        assert_eq!(last[0][MAX_COLUMNS - 1], "x");
        assert_eq!(rows(&cell("c3")).unwrap()[0], vec!["", "", "x"]);
    }

    #[test]
    fn far_right_cells_in_many_rows_stay_within_budget() {
        // 200,000 rows with one cell at XFD would pad to 3.3 billion cells.
        let row = format!("<row>{}</row>", cell("XFD1"));
        let xml = format!(
            "<worksheet><sheetData>{}</sheetData></worksheet>",
            row.repeat(200_000)
        );
        let err = sheet_rows(&xml, &[], &mut budget()).unwrap_err();
        assert!(err.contains("合理范围"), "{err}");
    }

    #[test]
    fn one_shared_string_referenced_many_times_is_bounded() {
        let shared = vec!["长".repeat(1024 * 1024)];
        let c = "<c r=\"A1\" t=\"s\"><v>0</v></c>";
        let xml = format!(
            "<worksheet><sheetData>{}</sheetData></worksheet>",
            format!("<row>{c}</row>").repeat(100)
        );
        let err = sheet_rows(&xml, &shared, &mut budget()).unwrap_err();
        assert!(err.contains("合理范围"), "{err}");
    }

    #[test]
    fn a_sheet_cut_short_is_an_error() {
        let xml = format!("<worksheet><sheetData><row>{}</row><row>", cell("A1"));
        let err = sheet_rows(&xml, &[], &mut budget()).unwrap_err();
        assert!(err.contains("不完整"), "{err}");
    }
}
