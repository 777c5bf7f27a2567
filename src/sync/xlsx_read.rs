//! Reading cell text back from an .xlsx a unit filled in: sheets, shared strings, inline
//! strings and numbers, whatever Excel or WPS wrote when it saved the file again.
//!
//! Owns only the text grid of each sheet (merged cells read as their value in every cell they
//! cover); deliberately no formatting and no formulas (a formula's cached value is read as
//! text). The one .xlsx reader: feedback replies and `parse::xlsx_tasks` both call it.

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

/// Column index of a cell reference such as `C12`.
fn column(r: &str) -> usize {
    r.chars()
        .take_while(char::is_ascii_alphabetic)
        .fold(0, |n, c| {
            n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
        })
        .saturating_sub(1)
}

fn sheet_rows(xml: &str, shared: &[String]) -> Vec<Vec<String>> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut col, mut kind, mut value, mut in_value) =
        (0usize, String::new(), String::new(), false);
    while let Ok(ev) = r.read_event() {
        match &ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                // Rows Excel skipped (empty) still count: merged ranges name real rows.
                let n = attr(e, "r").and_then(|n| n.parse::<usize>().ok());
                if let Some(n) = n.filter(|&n| n > rows.len() + 1 && n <= rows.len() + 1000) {
                    rows.resize(n - 1, Vec::new());
                }
                rows.push(Vec::new())
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                col = attr(e, "r").map_or_else(|| rows.last().map_or(0, Vec::len), |c| column(&c));
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
                    if row.len() <= col {
                        row.resize(col + 1, String::new());
                    }
                    row[col] = text;
                }
            }
            _ if in_value => value.push_str(&text_of(&ev).unwrap_or_default()),
            _ => {}
        }
    }
    rows
}

/// Every sheet of the workbook as (name, rows of cell text).
pub fn read_sheets(bytes: &[u8]) -> Result<Vec<(String, Vec<Vec<String>>)>, String> {
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
                        let mut rows = sheet_rows(&xml, &shared);
                        fill_merged(&xml, &mut rows);
                        sheets.push((name, rows));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(sheets)
}

/// A cell range such as `B2:C5` as (first row, first column, last row, last column), 0-based.
fn range(r: &str) -> Option<(usize, usize, usize, usize)> {
    let (a, b) = r.split_once(':')?;
    let cell = |c: &str| {
        let digits = c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic());
        Some((digits.parse::<usize>().ok()?.checked_sub(1)?, column(c)))
    };
    let ((r1, c1), (r2, c2)) = (cell(a)?, cell(b)?);
    Some((r1.min(r2), c1.min(c2), r1.max(r2), c1.max(c2)))
}

/// Copy each merged range's value (its top-left cell) into the cells it covers, within the
/// rows and columns the sheet already has (a range over a whole column adds nothing).
fn fill_merged(xml: &str, rows: &mut [Vec<String>]) {
    let mut r = quick_xml::Reader::from_str(xml);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "mergeCell" => {
                let Some((r1, c1, r2, c2)) = attr(&e, "ref").and_then(|v| range(&v)) else {
                    continue;
                };
                let Some(value) = rows.get(r1).and_then(|row| row.get(c1)).cloned() else {
                    continue;
                };
                for row in rows.iter_mut().take(r2 + 1).skip(r1) {
                    let end = (c2 + 1).min(width);
                    if row.len() < end {
                        row.resize(end, String::new());
                    }
                    for cell in row.iter_mut().take(end).skip(c1) {
                        if cell.is_empty() {
                            cell.clone_from(&value);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
