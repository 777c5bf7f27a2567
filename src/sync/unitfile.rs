//! What every round with the units shares (the feedback round and the progress rounds): which
//! units get a file, each unit's tasks with its role, the .xlsx sheets with the task columns in
//! front, the answer columns after them and the ids in hidden columns, and reading such a sheet
//! back by ids — however the rows were re-sorted, added or deleted.
//!
//! Owns the id columns and the id matching. Rows it cannot match are returned, never dropped.
//! Deliberately knows nothing of what the answer columns mean (see `feedback`, `progress`).

use super::xlsx_read::read_sheets;
use crate::export::xlsx;
use crate::model::Plan;
use crate::render::{task_rows, TaskRow};

/// The hidden id columns of every unit file.
pub const ID_COLS: [&str; 2] = ["任务ID", "单位ID"];
/// Widths of the task columns in front (序号, 角色, then the task list's columns).
const TASK_WIDTHS: [u32; 7] = [8, 6, 22, 50, 16, 20, 12];

/// 牵头 or 配合: `unit`'s role on the task.
pub fn role(r: &TaskRow, unit: &str) -> &'static str {
    if r.lead_ids.iter().any(|u| u == unit) {
        "牵头"
    } else {
        "配合"
    }
}

/// The units a file is made for: `unit`, or every unit that has tasks.
pub fn units_of(plan: &Plan, unit: Option<&str>) -> Vec<String> {
    units_in(plan, &task_rows(plan), unit)
}

fn units_in(plan: &Plan, rows: &[TaskRow], unit: Option<&str>) -> Vec<String> {
    match unit {
        Some(u) => vec![u.to_string()],
        None => plan
            .units
            .units
            .iter()
            .map(|u| u.id.clone())
            .filter(|u| rows.iter().any(|r| has(r, u)))
            .collect(),
    }
}

fn has(r: &TaskRow, unit: &str) -> bool {
    r.lead_ids.iter().chain(&r.coop_ids).any(|u| u == unit)
}

/// Each unit's tasks (one unit, or every unit with tasks), from one walk over the plan.
pub fn units_with_rows(plan: &Plan, unit: Option<&str>) -> Vec<(String, Vec<TaskRow>)> {
    let rows = task_rows(plan);
    units_in(plan, &rows, unit)
        .into_iter()
        .map(|u| {
            let mine = rows.iter().filter(|r| has(r, &u)).cloned().collect();
            (u, mine)
        })
        .collect()
}

/// The first answer column of a unit sheet (after 序号, 角色 and the five task columns).
pub const ANSWER_FROM: usize = TASK_WIDTHS.len();

/// A sheet per unit: the task columns, `answer` columns filled by `fill(row, unit)` (and
/// `widths`), then the hidden ids.
pub fn unit_sheets(
    plan: &Plan,
    unit: Option<&str>,
    answer: &[&str],
    widths: &[u32],
    fill: &dyn Fn(&TaskRow, &str) -> Vec<String>,
) -> Vec<xlsx::Sheet> {
    let mut sheets = Vec::new();
    let mut taken = Vec::new();
    for (u, unit_rows) in units_with_rows(plan, unit) {
        let mut header: Vec<String> = ["序号", "角色"].iter().map(|s| s.to_string()).collect();
        header.extend(xlsx::TASK_HEADER[1..6].iter().map(|s| s.to_string()));
        header.extend(answer.iter().chain(ID_COLS.iter()).map(|s| s.to_string()));
        let rows = unit_rows
            .iter()
            .map(|r| {
                let mut cells = vec![
                    r.number.clone(),
                    role(r, &u).into(),
                    r.title.clone(),
                    r.text.clone(),
                    r.lead.join("、"),
                    r.coop.join("、"),
                    r.deadline.clone(),
                ];
                let mut filled = fill(r, &u);
                filled.resize(answer.len(), String::new());
                cells.extend(filled);
                cells.extend([r.id.clone(), u.clone()]);
                cells
            })
            .collect();
        let name = xlsx::sheet_name(plan.units.name(&u), &taken);
        taken.push(name.clone());
        let mut w = TASK_WIDTHS.to_vec();
        w.extend(widths.iter().copied());
        w.resize(TASK_WIDTHS.len() + answer.len(), 12);
        w.extend([4, 4]);
        sheets.push(xlsx::Sheet {
            name,
            widths: w,
            header,
            rows,
            hidden_from: Some(TASK_WIDTHS.len() + answer.len()),
            numeric: Vec::new(),
            choices: Vec::new(),
        });
    }
    sheets
}

/// One answered row, matched to a task of a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct IdRow {
    pub task: String,
    pub unit: String,
    /// The answer columns asked for, in that order ("" where the sheet lacks one).
    pub cells: Vec<String>,
}

/// What reading a workbook of unit sheets found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IdRows {
    pub rows: Vec<IdRow>,
    /// Rows (or sheets) that could not be matched: (where, text).
    pub unmatched: Vec<(String, String)>,
}

/// Read every sheet's rows back by their hidden ids; `cols` are the answer columns wanted,
/// found by header text wherever they are now. A row is matched when its ids name a task the
/// unit has in `plan`.
pub fn read_id_rows(plan: &Plan, bytes: &[u8], cols: &[&str]) -> Result<IdRows, String> {
    let known: std::collections::HashSet<(String, String)> = task_rows(plan)
        .into_iter()
        .flat_map(|r| {
            let id = r.id;
            r.lead_ids
                .into_iter()
                .chain(r.coop_ids)
                .map(move |u| (id.clone(), u))
        })
        .collect();
    let mut out = IdRows::default();
    for (sheet, rows) in read_sheets(bytes)? {
        let Some((head, body)) = rows.split_first() else {
            continue;
        };
        let col = |name: &str| head.iter().position(|h| h.trim() == name);
        let (Some(task_col), Some(unit_col)) = (col(ID_COLS[0]), col(ID_COLS[1])) else {
            out.unmatched.push((
                sheet.clone(),
                "这张表没有任务ID列，无法对应（可能不是要点导出的表）".into(),
            ));
            continue;
        };
        let wanted: Vec<Option<usize>> = cols.iter().map(|c| col(c)).collect();
        for (i, row) in body.iter().enumerate() {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let cell = |c: Option<usize>| {
                c.and_then(|c| row.get(c))
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            let (task, unit) = (cell(Some(task_col)), cell(Some(unit_col)));
            if task.is_empty() || !known.contains(&(task.clone(), unit.clone())) {
                let text: Vec<String> = row
                    .iter()
                    .filter(|c| !c.trim().is_empty())
                    .cloned()
                    .collect();
                out.unmatched
                    .push((format!("{sheet} 第{}行", i + 2), text.join(" | ")));
                continue;
            }
            out.rows.push(IdRow {
                task,
                unit,
                cells: wanted.iter().map(|c| cell(*c)).collect(),
            });
        }
    }
    Ok(out)
}
