//! `.xlsx` task lists (任务清单 / 任务分工表): the sheet's header row and the rows under it as
//! one task table block, so the header rules of `parse::table` read it like a table in a
//! document.
//!
//! Owns finding the sheets that hold a task list (a header row of task-table words within the
//! first rows), choosing one, and the shape of Yaodian's own export (重点任务 = the title
//! phrase, 工作内容 = the rest: joined again into one task text). Cell text, shared strings
//! and merged cells come from the one .xlsx reader, `sync::xlsx_read`; a merged group cell read
//! as its value on every row opens its group once in `table`. Deliberately no
//! formatting, formulas or hidden-row logic.

use super::blocks::Block;
use super::headers::is_task_header;
use crate::package::{Package, PartError};
use crate::sync::xlsx_read::read_sheets;

/// How far down a sheet the header row may start (titles and notes above it).
const HEADER_SEARCH: usize = 10;

/// Whether a zip holds an Excel workbook.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    Package::open(bytes)
        .is_some_and(|z| !matches!(z.part("xl/workbook.xml", 0), Err(PartError::Missing)))
}

/// A header cell as written in spreadsheets: `序  号`, `牵头\n单位`.
fn header_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The row index of the task header: the first row (near the top) that `table` reads as a
/// task-table header.
fn header_row(rows: &[Vec<String>]) -> Option<usize> {
    rows.iter().take(HEADER_SEARCH).position(|r| {
        let cells: Vec<String> = r.iter().map(|c| header_text(c)).collect();
        is_task_header(&cells)
    })
}

/// The names of the sheets that hold a task list, in workbook order.
pub fn task_sheets(bytes: &[u8]) -> Result<Vec<String>, String> {
    Ok(read_sheets(bytes)?
        .into_iter()
        .filter(|(_, rows)| header_row(rows).is_some())
        .map(|(name, _)| name)
        .collect())
}

/// The task table of sheet `sheet` (by name), or of the first sheet with a task header.
pub fn read_table(bytes: &[u8], sheet: Option<&str>) -> Result<Block, String> {
    let sheets = read_sheets(bytes)?;
    let found = sheets
        .into_iter()
        .filter(|(name, _)| sheet.is_none_or(|s| s == name))
        .find_map(|(name, rows)| header_row(&rows).map(|h| (name, h, rows)));
    let Some((name, head, mut rows)) = found else {
        return Err(match sheet {
            Some(s) => format!(
                "工作表“{s}”不存在，或其中没有任务清单的表头（如 序号、工作任务、牵头单位）"
            ),
            None => {
                "没有找到任务清单：各工作表的前几行都没有“序号、工作任务、牵头单位”这类表头".into()
            }
        });
    };
    let caption = rows[..head]
        .iter()
        .flatten()
        .map(|c| c.trim())
        .find(|c| !c.is_empty())
        .map_or(name, str::to_string);
    let mut rows = rows.split_off(head);
    for h in rows[0].iter_mut() {
        *h = header_text(h);
    }
    own_export_shape(&mut rows);
    Ok(Block::Table {
        line: head + 1,
        caption,
        rows,
    })
}

/// Yaodian's export splits a task into 重点任务 (title phrase) and 工作内容 (the rest):
/// join them again so the task reads as it did.
fn own_export_shape(rows: &mut [Vec<String>]) {
    let own = crate::export::xlsx::TASK_HEADER;
    // The unit sheets put a 角色 column first: find the columns wherever they start.
    let Some(at) = rows[0]
        .windows(own.len())
        .position(|w| w.iter().zip(own).all(|(a, b)| a == b))
    else {
        return;
    };
    let (t, c) = (at + 1, at + 2);
    for (i, row) in rows.iter_mut().enumerate() {
        if row.len() <= c {
            continue;
        }
        let title = std::mem::take(&mut row[t]);
        row[c] = if i == 0 {
            own[2].to_string()
        } else if row[c].trim().is_empty() {
            title
        } else {
            format!("{}。{}", title.trim_end_matches('。'), row[c])
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn header_below_a_title_row() {
        let rows = vec![
            s(&["2025年安全生产重点工作任务分工表"]),
            s(&["序  号", "重点任务", "具体措施", "牵头\n单位"]),
            s(&["1", "（一）强化责任", "落实责任。", "应急局"]),
        ];
        assert_eq!(header_row(&rows), Some(1));
        assert_eq!(header_row(&rows[2..]), None);
    }
}
