//! A feedback round with the units: a file per unit (or all at once) listing its tasks, in
//! JSON for units that use Yaodian and .xlsx (with hidden ids) for units that use Excel; the
//! replies read back, matched by id however the rows were re-sorted, and kept with the plan.
//!
//! Owns the feedback file formats and the matching. Rows that match nothing are returned,
//! never dropped. Deliberately leaves deciding on replies to the planner.

use super::unitfile::{self, role};
use crate::export::{unit_rows, xlsx};
use crate::model::{Decision, Extra, Plan, Reply, ReplyState};
use serde::{Deserialize, Serialize};

pub const FEEDBACK_TAG: &str = "yaodian-feedback";
/// Column headers of the reply columns and the hidden id columns.
pub const COLS: [&str; 4] = [
    "意见（同意/修改/不同意）",
    "建议表述",
    "建议时限",
    "理由或说明",
];
pub use super::unitfile::ID_COLS;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedbackFile {
    pub format: String,
    pub version: u32,
    pub plan_id: String,
    pub plan_title: String,
    /// A progress round's period (`2025Q2`); empty in a feedback file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub period: String,
    /// Who filled the file in (a progress reply).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sender: String,
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
    /// A progress round: the due date read from the deadline, and what the unit reports.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<super::progress::ProgressFields>,
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

/// Each unit's tasks with its role (one unit, or every unit with tasks), answers empty.
pub fn unit_tasks(plan: &Plan, unit: Option<&str>) -> Vec<UnitTasks> {
    unitfile::units_with_rows(plan, unit)
        .into_iter()
        .map(|(u, rows)| UnitTasks {
            unit_name: plan.units.name(&u).to_string(),
            tasks: rows
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
                    ..FeedbackTask::default()
                })
                .collect(),
            unit_id: u,
        })
        .collect()
}

/// The JSON feedback file for one unit, or all units with tasks.
pub fn export_json(plan: &Plan, unit: Option<&str>) -> String {
    let f = FeedbackFile {
        format: FEEDBACK_TAG.into(),
        version: 1,
        plan_id: plan.id.clone(),
        plan_title: plan.doc.title.clone(),
        units: unit_tasks(plan, unit),
        ..FeedbackFile::default()
    };
    serde_json::to_string_pretty(&f).unwrap_or_default()
}

/// The .xlsx feedback file: a sheet per unit, reply columns to fill in, ids in hidden columns.
pub fn export_xlsx(plan: &Plan, unit: Option<&str>) -> Result<Vec<u8>, String> {
    let sheets = unitfile::unit_sheets(plan, unit, &COLS, &[14, 36, 12, 24], &|_, _| Vec::new());
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
        // The visible 完成时限 column too: a unit that types its date there means it.
        let mut cols = COLS.to_vec();
        cols.push(xlsx::TASK_HEADER[5]);
        let read = unitfile::read_id_rows(plan, bytes, &cols)?;
        out.unmatched = read.unmatched;
        for r in read.rows {
            if !out.units.contains(&r.unit) {
                out.units.push(r.unit.clone());
            }
            let [decision, wording, mut deadline, reason, shown] =
                <[String; 5]>::try_from(r.cells).unwrap_or_default();
            if deadline.is_empty() && !shown.is_empty() && shown != current_deadline(&r.task) {
                deadline = shown;
            }
            let fields = ReplyFields {
                decision,
                wording,
                deadline,
                reason,
                comment: String::new(),
            };
            out.replies.extend(reply(&r.unit, &r.task, &fields, now));
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
