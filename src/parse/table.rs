//! Task tables (重点工作任务清单 / 任务分解表): header words decide each column's role; rows
//! become group headings and tasks with units, deadline and note. No row is ever dropped: a
//! row with no task text keeps its cells as a task's text, a column not understood is kept as
//! `header：value` in the task's note (and reported once as a guess).
//!
//! Owns reading the rows by the columns' roles (the header vocabulary that gives them is
//! `headers`), rows whose merged cells the page left out (re-aligned by their markers), a
//! row spanning the table, nested group columns, and a group cell repeated on the rows under
//! it (a merge read as its value: .xlsx, a .docx `vMerge`, a .doc) opening its group once.
//! Deliberately reuses `structure::Ctx::make_item` for each cell's text, so a table task
//! reads exactly like a task in running text.

use super::headers::{role, Role};
use super::markers::split_marker;
use super::structure::{check_numbers, detect_style, Ctx};
use super::unitclause::split_units;
use crate::model::{Item, TaskTable};

// The header tests, by their former paths (they live in `headers`).
pub use super::headers::{glued_header, has_task_columns, is_header_word, is_task_header};

fn names(cell: &str) -> Vec<String> {
    let a = split_units(cell, crate::model::Convention::FirstGroupLeads);
    a.lead.into_iter().chain(a.coop).collect()
}

/// The marker level a cell starts with (1 `一、` … 5 `①`), if any.
fn level_of(cell: &str) -> Option<u8> {
    split_marker(cell).map(|m| m.level)
}

/// Put a row's cells into their columns. A row shorter than the header lost its merged cells
/// on the left: it starts at the column whose cells carry the same marker level as its first
/// cell (`levels`), else it is aligned to the right.
fn align(row: &[String], n: usize, levels: &[Option<u8>]) -> Vec<String> {
    let mut row: Vec<String> = row.to_vec();
    while row.len() > n && row.last().is_some_and(|c| c.trim().is_empty()) {
        row.pop();
    }
    let first = row.first().and_then(|c| level_of(c));
    let start = match first {
        Some(l) if row.len() < n || levels.first() != Some(&Some(l)) => {
            // Of the columns whose cells carry this marker level, the one where most of the
            // row's cells match their column's level (the first column on a tie with it,
            // else the rightmost).
            let fits = |s: usize| {
                row.iter()
                    .enumerate()
                    .filter(|(j, c)| levels.get(s + j).copied().flatten() == level_of(c))
                    .count()
            };
            (0..n)
                .filter(|&i| levels[i] == Some(l))
                .max_by_key(|&i| (fits(i), i == 0, i))
                .unwrap_or(0)
        }
        _ if row.len() < n && row.len() > 1 && first.is_none() && levels[0].is_some() => {
            n - row.len()
        }
        _ => 0,
    };
    let mut out = vec![String::new(); start];
    out.extend(row);
    out.resize(out.len().max(n), String::new());
    while out.len() > n && out.last().is_some_and(|c| c.trim().is_empty()) {
        out.pop();
    }
    out
}

/// Read a table whose first row is its header.
pub fn build_table(line: usize, caption: &str, rows: &[Vec<String>], ctx: &mut Ctx) -> TaskTable {
    let header = rows.first().cloned().unwrap_or_default();
    let n = header.len().max(1);
    let roles: Vec<Role> = header.iter().map(|h| role(h)).collect();
    let col = |r: Role| roles.iter().position(|x| *x == r);
    let mut group_cols: Vec<usize> = (0..n)
        .filter(|&i| roles.get(i) == Some(&Role::Group))
        .collect();
    let content_col = col(Role::Content)
        .or_else(|| group_cols.pop())
        // No column reads as the task: the first text column is.
        .or_else(|| (0..n).find(|&i| matches!(roles.get(i), Some(Role::Other))))
        .or_else(|| (0..n).find(|&i| roles.get(i) != Some(&Role::Seq)));
    let unknown: Vec<&str> = header
        .iter()
        .zip(&roles)
        .enumerate()
        .filter(|(i, (_, r))| **r == Role::Other && Some(*i) != content_col)
        .map(|(_, (h, _))| h.as_str())
        .collect();
    if !unknown.is_empty() {
        ctx.report.guess(
            line,
            format!(
                "表格列“{}”未识别，内容已作为备注保留在各任务上，请核对。",
                unknown.join("、")
            ),
        );
    }
    // The marker level each column's full rows start with.
    let mut levels: Vec<Option<u8>> = vec![None; n];
    for row in rows.iter().skip(1).filter(|r| r.len() >= n) {
        for (i, cell) in row.iter().take(n).enumerate() {
            if levels[i].is_none() {
                levels[i] = level_of(cell);
            }
        }
    }
    let mut table = TaskTable {
        id: ctx.ids.next('b'),
        caption: caption.to_string(),
        columns: header.clone(),
        ..TaskTable::default()
    };
    // Open groups: (rank, item); rank orders columns, then marker levels within a column.
    let mut open: Vec<(usize, Item)> = Vec::new();
    let mut roots: Vec<Item> = Vec::new();
    let mut l3_seen = Vec::new();
    let mut section = 0usize;
    // The group each group column last opened: a group cell repeated on the rows under it
    // (an .xlsx merge read as its value, a .doc merge saved as repeated text) opens it once.
    let mut last_group: Vec<String> = vec![String::new(); group_cols.len()];
    fn close(open: &mut Vec<(usize, Item)>, roots: &mut Vec<Item>, rank: usize) {
        while open.last().is_some_and(|(r, _)| *r >= rank) {
            let (_, done) = open.pop().expect("checked");
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(done),
                None => roots.push(done),
            }
        }
    }
    for (r, raw) in rows.iter().enumerate().skip(1) {
        let row_line = line + r;
        if raw.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let filled = raw.iter().filter(|c| !c.trim().is_empty()).count();
        let row = if filled == 1 && raw.len() < n {
            // A row spanning the table (`一、体系建设`): a group above every column, in the
            // first group column when the first column only numbers the rows.
            let at = match roles.first() {
                Some(Role::Seq) => group_cols.first().copied().or(content_col).unwrap_or(0),
                _ => 0,
            };
            let mut v = vec![String::new(); n];
            v[at] = raw
                .iter()
                .find(|c| !c.trim().is_empty())
                .cloned()
                .unwrap_or_default();
            v
        } else {
            align(raw, n, &levels)
        };
        let cell = |c: Option<usize>| c.and_then(|i| row.get(i)).map(|s| s.trim()).unwrap_or("");
        let mut content = cell(content_col).to_string();
        let mut content_from = content_col;
        for (k, &g) in group_cols.iter().enumerate() {
            let text = cell(Some(g));
            if text.is_empty() || text == last_group[k] {
                continue;
            }
            // A task-level marker in a group column of a row with no task text: the task.
            let last_filled = group_cols
                .iter()
                .rev()
                .find(|&&c| !cell(Some(c)).is_empty());
            if content.is_empty()
                && level_of(text).is_some_and(|l| l >= 3)
                && last_filled == Some(&g)
                && g != group_cols[0]
            {
                content = text.to_string();
                content_from = Some(g);
                continue;
            }
            let (level, numbered, rest) = match split_marker(text) {
                Some(m) => (m.level.min(3), true, m.rest),
                None => (
                    (group_cols.iter().position(|c| *c == g).unwrap_or(0) + 1).min(3) as u8,
                    false,
                    text.to_string(),
                ),
            };
            last_group[k] = text.to_string();
            for deeper in &mut last_group[k + 1..] {
                deeper.clear();
            }
            let rank = g * 8 + level as usize;
            close(&mut open, &mut roots, rank);
            section += 1;
            let item = ctx.make_item(row_line, level, numbered, &rest);
            open.push((rank, Item { task: None, ..item }));
        }
        if content.is_empty() {
            // Nothing in the task column: the row's text cells (columns without a role) are
            // the task's text, or else all its other cells; units and deadline stay in theirs.
            let text_cols: Vec<usize> = (0..n)
                .filter(|&i| roles.get(i) == Some(&Role::Other) && !cell(Some(i)).is_empty())
                .collect();
            let rest: Vec<&str> = if text_cols.is_empty() {
                (0..n)
                    .filter(|&i| !group_cols.contains(&i) && roles.get(i) != Some(&Role::Seq))
                    .map(|i| cell(Some(i)))
                    .filter(|c| !c.is_empty())
                    .collect()
            } else {
                text_cols.iter().map(|&i| cell(Some(i))).collect()
            };
            if rest.is_empty() {
                continue;
            }
            content = rest.join("；");
            // One text column: the task is read from it (its rank nests it under the task
            // of the column before, its header is no note).
            content_from = match text_cols[..] {
                [one] => Some(one),
                _ => None,
            };
        }
        let (number, level, rest) = match split_marker(&content) {
            Some(m) if m.level >= 3 => (Some(m.number), m.level, m.rest),
            _ => (
                cell(col(Role::Seq))
                    .trim_end_matches(['.', '．', '、'])
                    .parse::<u32>()
                    .ok(),
                3,
                content.clone(),
            ),
        };
        let mut item = ctx.make_item(row_line, level, true, &rest);
        if let Some(num) = number {
            if level == 3 {
                l3_seen.push((section, 0, num));
            }
            ctx.source_numbers
                .insert(item.id.clone(), (row_line, level, num));
        }
        let task = item.task.get_or_insert_with(Default::default);
        let units = cell(col(Role::Units));
        if !units.is_empty() {
            ctx.assign(task, units, row_line);
        } else {
            let (lead, coop) = (cell(col(Role::Lead)), cell(col(Role::Coop)));
            if !lead.is_empty() || !coop.is_empty() {
                task.units_text = [lead, coop]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("；");
                ctx.assign_names(task, &names(lead), &names(coop));
            }
        }
        let deadline = cell(col(Role::Deadline));
        if !deadline.is_empty() {
            task.deadline = deadline.to_string();
        }
        // Columns without a role are kept in the note, never dropped.
        let mut notes = vec![cell(col(Role::Note)).to_string()];
        for (i, r) in roles.iter().enumerate() {
            if *r == Role::Other
                && Some(i) != content_from
                && content_from.is_some()
                && !cell(Some(i)).is_empty()
            {
                notes.push(format!("{}：{}", header[i], cell(Some(i))));
            }
        }
        task.note = notes
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("；");
        // A deeper task under the previous one (（1） rows under a `1.` task) nests.
        let rank = content_from.or(content_col).unwrap_or(0) * 8 + level as usize;
        close(&mut open, &mut roots, rank);
        open.push((rank, item));
    }
    close(&mut open, &mut roots, 0);
    table.items = roots;
    table.numbering = detect_style(&l3_seen);
    check_numbers(&table.items, table.numbering, ctx);
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_rows_are_realigned_by_their_markers() {
        let levels = [Some(2), Some(3), None, None, None];
        let row: Vec<String> = ["2.制定清单。", "市级各专委会办公室", "2月10日前", "", ""]
            .map(String::from)
            .to_vec();
        assert_eq!(
            align(&row, 5, &levels),
            ["", "2.制定清单。", "市级各专委会办公室", "2月10日前", ""]
        );
    }
}
