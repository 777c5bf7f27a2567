//! A feedback round with the units: a file per unit (or all at once) listing its tasks, in
//! JSON for units that use Yaodian and .xlsx (with hidden ids) for units that use Excel; the
//! replies read back, matched by id however the rows were re-sorted, and kept with the plan.
//!
//! Owns the feedback file formats and the matching. Rows that match nothing are returned,
//! never dropped. Deliberately leaves deciding on replies to the planner.

use super::xlsx_read::read_sheets;
use crate::export::{unit_rows, xlsx};
use crate::model::{Decision, Extra, Plan, Reply, ReplyState};
use crate::render::TaskRow;
use serde::{Deserialize, Serialize};

pub const FEEDBACK_TAG: &str = "yaodian-feedback";
/// Column headers of the reply columns and the hidden id columns.
pub const COLS: [&str; 4] = [
    "意见（同意/修改/不同意）",
    "建议表述",
    "建议时限",
    "理由或说明",
];
pub const ID_COLS: [&str; 2] = ["任务ID", "单位ID"];

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedbackFile {
    pub format: String,
    pub version: u32,
    pub plan_id: String,
    pub plan_title: String,
    pub units: Vec<UnitTasks>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitTasks {
    pub unit_id: String,
    pub unit_name: String,
    pub tasks: Vec<FeedbackTask>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedbackTask {
    pub id: String,
    pub number: String,
    /// 牵头 or 配合.
    pub role: String,
    pub title: String,
    pub text: String,
    pub lead: String,
    pub coop: String,
    pub deadline: String,
    pub reply: ReplyFields,
}

/// What a unit fills in.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplyFields {
    pub decision: String,
    pub wording: String,
    pub deadline: String,
    pub reason: String,
    pub comment: String,
}

fn role(r: &TaskRow, unit: &str) -> &'static str {
    if r.lead_ids.iter().any(|u| u == unit) {
        "牵头"
    } else {
        "配合"
    }
}

fn units_of(plan: &Plan, unit: Option<&str>) -> Vec<String> {
    match unit {
        Some(u) => vec![u.to_string()],
        None => plan
            .units
            .units
            .iter()
            .map(|u| u.id.clone())
            .filter(|u| !unit_rows(plan, u).is_empty())
            .collect(),
    }
}

/// The JSON feedback file for one unit, or all units with tasks.
pub fn export_json(plan: &Plan, unit: Option<&str>) -> String {
    let units = units_of(plan, unit)
        .into_iter()
        .map(|u| UnitTasks {
            unit_name: plan.units.name(&u).to_string(),
            tasks: unit_rows(plan, &u)
                .iter()
                .map(|r| FeedbackTask {
                    id: r.id.clone(),
                    number: r.number.clone(),
                    role: role(r, &u).into(),
                    title: r.title.clone(),
                    text: r.text.clone(),
                    lead: r.lead.join("、"),
                    coop: r.coop.join("、"),
                    deadline: r.deadline.clone(),
                    reply: ReplyFields::default(),
                })
                .collect(),
            unit_id: u,
        })
        .collect();
    let f = FeedbackFile {
        format: FEEDBACK_TAG.into(),
        version: 1,
        plan_id: plan.id.clone(),
        plan_title: plan.doc.title.clone(),
        units,
        extra: Extra::new(),
    };
    serde_json::to_string_pretty(&f).unwrap_or_default()
}

/// The .xlsx feedback file: a sheet per unit, reply columns to fill in, ids in hidden columns.
pub fn export_xlsx(plan: &Plan, unit: Option<&str>) -> Result<Vec<u8>, String> {
    let mut sheets = Vec::new();
    let mut taken = Vec::new();
    for u in units_of(plan, unit) {
        let mut header: Vec<String> = ["序号", "角色"].iter().map(|s| s.to_string()).collect();
        header.extend(xlsx::TASK_HEADER[1..6].iter().map(|s| s.to_string()));
        header.extend(COLS.iter().chain(ID_COLS.iter()).map(|s| s.to_string()));
        let rows = unit_rows(plan, &u)
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
                cells.extend(std::iter::repeat_n(String::new(), COLS.len()));
                cells.extend([r.id.clone(), u.clone()]);
                cells
            })
            .collect();
        let name = xlsx::sheet_name(plan.units.name(&u), &taken);
        taken.push(name.clone());
        let widths = vec![8, 6, 22, 50, 16, 20, 12, 14, 36, 12, 24, 4, 4];
        sheets.push(xlsx::Sheet {
            name,
            widths,
            header,
            rows,
            hidden_from: Some(7 + COLS.len()),
            numeric: Vec::new(),
        });
    }
    xlsx::workbook(&sheets)
}

/// A feedback file, if `bytes` are one (a unit opens it in Yaodian to answer).
pub fn read_file(bytes: &[u8]) -> Option<FeedbackFile> {
    let text = std::str::from_utf8(bytes)
        .ok()?
        .trim_start_matches('\u{feff}');
    let f: FeedbackFile = serde_json::from_str(text).ok()?;
    (f.format == FEEDBACK_TAG).then_some(f)
}

/// The answered file, ready to send back.
pub fn write_file(f: &FeedbackFile) -> String {
    serde_json::to_string_pretty(f).unwrap_or_default()
}

/// What an import found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    pub replies: Vec<Reply>,
    /// Units that answered.
    pub units: Vec<String>,
    /// Rows that could not be matched to a task: (where, text).
    pub unmatched: Vec<(String, String)>,
}

fn reply(unit: &str, task: &str, f: &ReplyFields, now: f64) -> Option<Reply> {
    let decision = Decision::parse(&f.decision);
    let said = decision != Decision::None
        || !f.wording.trim().is_empty()
        || !f.deadline.trim().is_empty()
        || !f.reason.trim().is_empty()
        || !f.comment.trim().is_empty();
    said.then(|| Reply {
        unit: unit.into(),
        task: task.into(),
        decision: if decision == Decision::None
            && (!f.wording.trim().is_empty() || !f.deadline.trim().is_empty())
        {
            Decision::Revise
        } else {
            decision
        },
        wording: f.wording.trim().into(),
        deadline: f.deadline.trim().into(),
        reason: f.reason.trim().into(),
        comment: f.comment.trim().into(),
        received: now,
        ..Reply::default()
    })
}

/// Read replies from a JSON or .xlsx feedback file, matched against the plan by ids.
pub fn import(plan: &Plan, bytes: &[u8], now: f64) -> Result<Imported, String> {
    let known = |task: &str, unit: &str| unit_rows(plan, unit).iter().any(|r| r.id == task);
    let current_deadline = |task: &str| {
        crate::edit::item(plan, task)
            .and_then(|i| i.task.as_ref())
            .map(|t| t.deadline.clone())
            .unwrap_or_default()
    };
    let mut out = Imported::default();
    if bytes.starts_with(b"PK") {
        for (sheet, rows) in read_sheets(bytes)? {
            let Some((head, body)) = rows.split_first() else {
                continue;
            };
            let col = |name: &str| head.iter().position(|h| h.trim() == name);
            let (Some(task_col), Some(unit_col)) = (col(ID_COLS[0]), col(ID_COLS[1])) else {
                out.unmatched.push((
                    sheet.clone(),
                    "这张表没有任务ID列，无法对应（可能不是要点导出的反馈表）".into(),
                ));
                continue;
            };
            let cols: Vec<Option<usize>> = COLS.iter().map(|c| col(c)).collect();
            // The visible 完成时限 column: a unit that types its date there means it.
            let shown_deadline = col(xlsx::TASK_HEADER[5]);
            for (i, row) in body.iter().enumerate() {
                let cell = |c: Option<usize>| {
                    c.and_then(|c| row.get(c))
                        .map(|s| s.trim().to_string())
                        .unwrap_or_default()
                };
                if row.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let (task, unit) = (cell(Some(task_col)), cell(Some(unit_col)));
                let mut deadline = cell(cols[2]);
                let shown = cell(shown_deadline);
                if deadline.is_empty() && !shown.is_empty() && shown != current_deadline(&task) {
                    deadline = shown;
                }
                let fields = ReplyFields {
                    decision: cell(cols[0]),
                    wording: cell(cols[1]),
                    deadline,
                    reason: cell(cols[3]),
                    comment: String::new(),
                };
                if task.is_empty() || !known(&task, &unit) {
                    let text: Vec<String> = row
                        .iter()
                        .filter(|c| !c.trim().is_empty())
                        .cloned()
                        .collect();
                    out.unmatched
                        .push((format!("{sheet} 第{}行", i + 2), text.join(" | ")));
                    continue;
                }
                if !out.units.contains(&unit) {
                    out.units.push(unit.clone());
                }
                out.replies.extend(reply(&unit, &task, &fields, now));
            }
        }
        return Ok(out);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| "文件不是 UTF-8 文本或 .xlsx。".to_string())?;
    let f: FeedbackFile = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("反馈文件无法读取（第{}行第{}列）。", e.line(), e.column()))?;
    if f.format != FEEDBACK_TAG {
        return Err("这不是要点的反馈文件（format 应为 yaodian-feedback）。".into());
    }
    if f.plan_id != plan.id {
        return Err(format!(
            "这份反馈属于另一份计划“{}”，不是当前打开的计划。",
            f.plan_title
        ));
    }
    for u in &f.units {
        if !out.units.contains(&u.unit_id) {
            out.units.push(u.unit_id.clone());
        }
        for t in &u.tasks {
            if known(&t.id, &u.unit_id) {
                out.replies.extend(reply(&u.unit_id, &t.id, &t.reply, now));
            } else {
                out.unmatched.push((
                    format!("{} {}", u.unit_name, t.number),
                    format!("{} {}", t.title, t.reply.comment),
                ));
            }
        }
    }
    Ok(out)
}

/// Keep imported replies with the plan (a newer reply of a unit on a task replaces the older).
pub fn store(plan: &mut Plan, imported: &Imported) {
    for r in &imported.replies {
        plan.feedback
            .replies
            .retain(|x| !(x.unit == r.unit && x.task == r.task));
        plan.feedback.replies.push(r.clone());
    }
}

/// Accept a reply: its wording and deadline go into the task. Reject: only the state changes.
pub fn decide(plan: &mut Plan, index: usize, accept: bool) -> bool {
    let Some(r) = plan.feedback.replies.get(index).cloned() else {
        return false;
    };
    if accept {
        if !r.wording.is_empty() {
            let (title, text) = crate::parse::structure::split_title(&r.wording);
            crate::edit::set_field(plan, &r.task, crate::edit::Field::Title, &title);
            crate::edit::set_field(plan, &r.task, crate::edit::Field::Text, &text);
        }
        if !r.deadline.is_empty() {
            crate::edit::set_field(plan, &r.task, crate::edit::Field::Deadline, &r.deadline);
        }
    }
    plan.feedback.replies[index].state = if accept {
        ReplyState::Accepted
    } else {
        ReplyState::Rejected
    };
    true
}
