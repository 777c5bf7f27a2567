//! A progress round with the units (季度/月度进展调度): for a period, a file per unit (or all at
//! once) listing its tasks with role and due date, in JSON for units that use Yaodian and .xlsx
//! (ids in hidden columns) for units that use Excel; the answers read back, matched by id,
//! and kept with the plan per period with who sent them and when.
//!
//! Owns the progress columns and the round's storage. The files, the id matching and the
//! per-unit sheets are the feedback round's (`feedback`, `unitfile`). Rows that match nothing are
//! returned, never dropped. Deliberately no figures (see `crate::track::figures`).

use super::feedback::{unit_tasks, FeedbackFile};
use super::unitfile;
use crate::export::xlsx;
use crate::model::progress::{Answer, Round, Status};
use crate::model::Plan;
use crate::track::deadline::{plan_dues, Due};
use crate::track::period::Period;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

pub const PROGRESS_TAG: &str = "yaodian-progress";
/// The columns after the task columns: two filled in by Yaodian (期次, 截止日期), then what the
/// unit reports.
pub const COLS: [&str; 6] = [
    "期次",
    "截止日期",
    "完成状态（未启动/推进中/已完成/滞后/长期推进）",
    "进展情况",
    "存在问题",
    "下步打算",
];
const WIDTHS: [u32; 6] = [12, 12, 14, 40, 24, 24];

/// What a unit reports on one task (the JSON file's `progress`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgressFields {
    pub status: String,
    pub progress: String,
    pub problems: String,
    pub next: String,
}

/// Due dates as the files show them: `2025-06-30`, or `长期推进` / `每季度末` / ….
fn due_texts(plan: &Plan, period: Period) -> HashMap<String, String> {
    plan_dues(plan)
        .into_iter()
        .map(|d| {
            let text = match d.due.due_in(period.start(), period.end()) {
                Some(date) => date.to_string(),
                None if matches!(d.due, Due::Every(_)) => "本期无".into(),
                None => d.due.describe(period.year),
            };
            (d.task, text)
        })
        .collect()
}

/// The JSON progress file for one unit, or all units with tasks.
pub fn export_json(plan: &Plan, period: Period, unit: Option<&str>) -> String {
    let dues = due_texts(plan, period);
    let mut units = unit_tasks(plan, unit);
    for t in units.iter_mut().flat_map(|u| u.tasks.iter_mut()) {
        t.due = dues.get(&t.id).cloned().unwrap_or_default();
        t.progress = Some(ProgressFields::default());
    }
    let f = FeedbackFile {
        format: PROGRESS_TAG.into(),
        version: 1,
        plan_id: plan.id.clone(),
        plan_title: plan.doc.title.clone(),
        period: period.code(),
        units,
        ..FeedbackFile::default()
    };
    serde_json::to_string_pretty(&f).unwrap_or_default()
}

/// The .xlsx progress file: a sheet per unit, the progress columns to fill in, ids hidden.
pub fn export_xlsx(plan: &Plan, period: Period, unit: Option<&str>) -> Result<Vec<u8>, String> {
    let dues = due_texts(plan, period);
    let label = period.label();
    let fill = |r: &crate::render::TaskRow, _: &str| {
        vec![label.clone(), dues.get(&r.id).cloned().unwrap_or_default()]
    };
    let mut sheets = unitfile::unit_sheets(plan, unit, &COLS, &WIDTHS, &fill);
    // 完成状态 offers its five values as a dropdown.
    let status_col = unitfile::ANSWER_FROM + 2;
    let values: Vec<String> = Status::ALL.iter().map(|s| s.label().to_string()).collect();
    for s in &mut sheets {
        s.choices = vec![(status_col, values.clone())];
    }
    xlsx::workbook(&sheets)
}

/// Note that files for `period` went to `units` (units not reporting are counted from these).
pub fn mark_sent(plan: &mut Plan, period: Period, units: &[String]) {
    let round = round_mut(plan, period);
    for u in units {
        if !round.sent.contains(u) {
            round.sent.push(u.clone());
        }
    }
}

/// A progress file, if `bytes` are one (a unit opens it in Yaodian to answer).
pub fn read_file(bytes: &[u8]) -> Option<FeedbackFile> {
    let text = std::str::from_utf8(bytes)
        .ok()?
        .trim_start_matches('\u{feff}');
    let f: FeedbackFile = serde_json::from_str(text).ok()?;
    (f.format == PROGRESS_TAG).then_some(f)
}

/// What an import found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    pub answers: Vec<Answer>,
    /// Units that answered.
    pub units: Vec<String>,
    /// Rows that could not be matched to a task: (where, text).
    pub unmatched: Vec<(String, String)>,
}

fn answer(unit: &str, task: &str, f: &ProgressFields, sender: &str, now: f64) -> Option<Answer> {
    let status = Status::parse(&f.status);
    let said = status != Status::None
        || [&f.progress, &f.problems, &f.next]
            .iter()
            .any(|s| !s.trim().is_empty());
    said.then(|| Answer {
        unit: unit.into(),
        task: task.into(),
        status,
        progress: f.progress.trim().into(),
        problems: f.problems.trim().into(),
        next: f.next.trim().into(),
        sender: sender.into(),
        received: now,
        ..Answer::default()
    })
}

/// Read a unit's answers for `period` from a JSON or .xlsx progress file. `sender` is who sent
/// it when the file does not say (a JSON reply names its sender; otherwise the unit's name).
pub fn import(
    plan: &Plan,
    period: Period,
    bytes: &[u8],
    sender: &str,
    now: f64,
) -> Result<Imported, String> {
    let mut out = Imported::default();
    let who = |unit: &str, named: &str| {
        if named.trim().is_empty() {
            plan.units.name(unit).to_string()
        } else {
            named.trim().to_string()
        }
    };
    if bytes.starts_with(b"PK") {
        let read = unitfile::read_id_rows(plan, bytes, &COLS)?;
        out.unmatched = read.unmatched;
        let mut other_period = None;
        for r in read.rows {
            let [label, _, status, progress, problems, next] =
                <[String; 6]>::try_from(r.cells).unwrap_or_default();
            if !label.is_empty() && Period::parse(&label).is_some_and(|p| p != period) {
                other_period = Some(label);
                continue;
            }
            if !out.units.contains(&r.unit) {
                out.units.push(r.unit.clone());
            }
            let f = ProgressFields {
                status,
                progress,
                problems,
                next,
            };
            out.answers
                .extend(answer(&r.unit, &r.task, &f, &who(&r.unit, sender), now));
        }
        if let (Some(label), true) = (other_period, out.units.is_empty()) {
            return Err(format!(
                "这份进度表填报的是“{label}”，不是{}。请确认期次。",
                period.label()
            ));
        }
        return Ok(out);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| "文件不是 UTF-8 文本或 .xlsx。".to_string())?;
    let f: FeedbackFile = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("进度文件无法读取（第{}行第{}列）。", e.line(), e.column()))?;
    if f.format != PROGRESS_TAG {
        return Err("这不是要点的进度填报文件（format 应为 yaodian-progress）。".into());
    }
    if f.plan_id != plan.id {
        return Err(format!(
            "这份进度表属于另一份计划“{}”，不是当前打开的计划。",
            f.plan_title
        ));
    }
    if Period::parse(&f.period).is_some_and(|p| p != period) {
        let label = Period::parse(&f.period).map_or(f.period.clone(), Period::label);
        return Err(format!(
            "这份进度表填报的是“{label}”，不是{}。请确认期次。",
            period.label()
        ));
    }
    let sender = if f.sender.trim().is_empty() {
        sender
    } else {
        f.sender.as_str()
    };
    // (task, unit) pairs of the plan, computed once (a file for all units has 60 of them).
    let rows = crate::render::task_rows(plan);
    let mut known: HashSet<(&str, &str)> = HashSet::new();
    for r in &rows {
        for u in r.lead_ids.iter().chain(&r.coop_ids) {
            known.insert((r.id.as_str(), u.as_str()));
        }
    }
    let has_tasks: HashSet<&str> = known.iter().map(|(_, u)| *u).collect();
    for u in &f.units {
        if !out.units.contains(&u.unit_id) && has_tasks.contains(u.unit_id.as_str()) {
            out.units.push(u.unit_id.clone());
        }
        for t in &u.tasks {
            let fields = t.progress.clone().unwrap_or_default();
            if known.contains(&(t.id.as_str(), u.unit_id.as_str())) {
                out.answers.extend(answer(
                    &u.unit_id,
                    &t.id,
                    &fields,
                    &who(&u.unit_id, sender),
                    now,
                ));
            } else {
                out.unmatched.push((
                    format!("{} {}", u.unit_name, t.number),
                    format!("{} {}", t.title, fields.progress),
                ));
            }
        }
    }
    Ok(out)
}

fn round_mut(plan: &mut Plan, period: Period) -> &mut Round {
    let code = period.code();
    let rounds = &mut plan.tracking.rounds;
    let i = match rounds.iter().position(|r| r.period == code) {
        Some(i) => i,
        None => {
            rounds.push(Round {
                period: code,
                ..Round::default()
            });
            let mut codes: Vec<String> = rounds.iter().map(|r| r.period.clone()).collect();
            crate::track::period::sort_codes(&mut codes);
            crate::order::sort_by_key(rounds, |r| codes.iter().position(|c| *c == r.period));
            rounds
                .iter()
                .position(|r| r.period == period.code())
                .unwrap_or(0)
        }
    };
    &mut rounds[i]
}

/// Keep imported answers with the plan under `period` (a newer answer of a unit on a task in
/// the same period replaces the older; other periods are never touched).
pub fn store(plan: &mut Plan, period: Period, imported: &Imported) {
    let round = round_mut(plan, period);
    // Linear: a round of 60 units has about a thousand answers.
    let newer: HashSet<(&str, &str)> = imported
        .answers
        .iter()
        .map(|a| (a.unit.as_str(), a.task.as_str()))
        .collect();
    round
        .answers
        .retain(|x| !newer.contains(&(x.unit.as_str(), x.task.as_str())));
    // Within one import the last answer of a unit on a task wins, as before.
    let mut seen = HashSet::new();
    let mut fresh: Vec<&Answer> = imported
        .answers
        .iter()
        .rev()
        .filter(|a| seen.insert((a.unit.as_str(), a.task.as_str())))
        .collect();
    fresh.reverse();
    round.answers.extend(fresh.into_iter().cloned());
}

/// What importing several reply files at once found: every file's answers stored, rows that
/// matched nothing listed with their file, files that could not be read with the reason.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Batch {
    pub answers: usize,
    /// Units that answered, over all files.
    pub units: Vec<String>,
    /// (file, where, text).
    pub unmatched: Vec<(String, String, String)>,
    /// (file, error in Chinese).
    pub failed: Vec<(String, String)>,
}

/// Import `files` (name, bytes) into `period` and keep their answers; a file that cannot be
/// read changes nothing and is reported.
pub fn import_files(
    plan: &mut Plan,
    period: Period,
    files: &[(String, Vec<u8>)],
    sender: &str,
    now: f64,
) -> Batch {
    let mut out = Batch::default();
    for (name, bytes) in files {
        match import(plan, period, bytes, sender, now) {
            Ok(got) => {
                store(plan, period, &got);
                out.answers += got.answers.len();
                for u in &got.units {
                    if !out.units.contains(u) {
                        out.units.push(u.clone());
                    }
                }
                out.unmatched
                    .extend(got.unmatched.into_iter().map(|(w, t)| (name.clone(), w, t)));
            }
            Err(e) => out.failed.push((name.clone(), e)),
        }
    }
    out
}
