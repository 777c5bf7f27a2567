//! A period's figures: each task's status (a lead unit's answer is the task's status; the
//! cooperating units' answers stand beside it), completion by unit and overall, overdue tasks
//! (due date passed, not 已完成), tasks due in the next 30 days, units that have not reported,
//! the trend across periods, and the 催办 text for each unit that is late or silent.
//!
//! Owns these rules; the 进度 view, the bulletin, the ledger and the CLI all call `compute`.
//! Percentages are formatted with integer arithmetic (no float formatting in the wasm).

use super::deadline::{plan_dues, Due};
use super::period::{Date, Period};
use crate::model::progress::{Answer, Round, Status};
use crate::model::Plan;
use crate::render::task_rows;
use std::collections::{HashMap, HashSet};

/// One task in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskState {
    pub task: String,
    pub number: String,
    pub title: String,
    pub lead: Vec<String>,
    pub lead_ids: Vec<String>,
    pub coop_ids: Vec<String>,
    /// 完成时限 as written.
    pub deadline: String,
    pub due: Due,
    /// The date it is due by, for this period (recurring: this period's date).
    pub due_date: Option<Date>,
    /// The task's status: its lead unit's answer (None: not reported).
    pub status: Status,
    /// The lead's answer this period, if any.
    pub answer: Option<Answer>,
    /// 已完成 reported in an earlier period (and nothing this period).
    pub carried: bool,
    /// Cooperating units' answers this period.
    pub coop: Vec<Answer>,
    pub overdue: bool,
    pub due_soon: bool,
}

/// One unit's figures (over the tasks it leads).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitFigures {
    pub unit: String,
    pub name: String,
    pub lead: usize,
    pub coop: usize,
    /// Tasks it leads per status, indexed like `STATUS_ORDER`.
    pub by_status: [usize; 6],
    pub overdue: usize,
    /// It answered anything this period.
    pub reported: bool,
}

impl UnitFigures {
    pub fn done(&self) -> usize {
        self.by_status[2]
    }
}

/// Column order of status counts: 未报, 未启动, 已完成, 推进中, 长期推进, 滞后 (`by_status[i]`).
pub const STATUS_ORDER: [Status; 6] = [
    Status::None,
    Status::NotStarted,
    Status::Done,
    Status::InProgress,
    Status::Ongoing,
    Status::Late,
];

pub fn status_index(s: Status) -> usize {
    STATUS_ORDER.iter().position(|x| *x == s).unwrap_or(0)
}

/// `未报` for a missing status, else its label.
pub fn status_text(s: Status) -> &'static str {
    if s == Status::None {
        "未报送"
    } else {
        s.label()
    }
}

/// One period of the trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    pub period: String,
    pub label: String,
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
    pub reported_units: usize,
    pub units: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub period: Period,
    pub as_of: Date,
    pub tasks: Vec<TaskState>,
    pub units: Vec<UnitFigures>,
    /// Tasks per status, indexed like `STATUS_ORDER`.
    pub by_status: [usize; 6],
    /// Tasks due by the end of the period (dated), and how many of them are done.
    pub due_by_end: usize,
    pub done_of_due: usize,
    /// Indexes into `tasks`.
    pub overdue: Vec<usize>,
    pub due_soon: Vec<usize>,
    /// Units asked (or with tasks) that sent nothing this period.
    pub not_reported: Vec<String>,
    pub trend: Vec<TrendPoint>,
}

impl Figures {
    pub fn total(&self) -> usize {
        self.tasks.len()
    }
    pub fn done(&self) -> usize {
        self.by_status[2]
    }
}

/// `n/d` as a percentage with one decimal, by integer arithmetic: `66.7%`.
pub fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        return "—".into();
    }
    let permille = (n * 1000 + d / 2) / d;
    format!("{}.{}%", permille / 10, permille % 10)
}

fn round_of(plan: &Plan, period: Period) -> Option<&Round> {
    let code = period.code();
    plan.tracking.rounds.iter().find(|r| r.period == code)
}

/// The figures for `period` as of `as_of` (usually the day after the period ends).
pub fn compute(plan: &Plan, period: Period, as_of: Date) -> Figures {
    let rows = task_rows(plan);
    let dues: HashMap<String, Due> = plan_dues(plan)
        .into_iter()
        .map(|d| (d.task, d.due))
        .collect();
    let mut f = compute_one(plan, &rows, &dues, period, as_of);
    let codes = super::period::round_codes(plan, Some(period));
    for code in codes {
        let Some(p) = Period::parse(&code) else {
            continue;
        };
        if p.end() > period.end() {
            continue;
        }
        let g = if p == period {
            None
        } else {
            Some(compute_one(plan, &rows, &dues, p, p.end().add_days(1)))
        };
        let x = g.as_ref().unwrap_or(&f);
        f.trend.push(TrendPoint {
            period: p.code(),
            label: p.label(),
            done: x.done(),
            total: x.total(),
            overdue: x.overdue.len(),
            reported_units: x.units.iter().filter(|u| u.reported).count(),
            units: x.units.len(),
        });
    }
    f
}

fn compute_one(
    plan: &Plan,
    rows: &[crate::render::TaskRow],
    dues: &HashMap<String, Due>,
    period: Period,
    as_of: Date,
) -> Figures {
    let empty = Round::default();
    let round = round_of(plan, period).unwrap_or(&empty);
    let answers: HashMap<(&str, &str), &Answer> = round
        .answers
        .iter()
        .map(|a| ((a.task.as_str(), a.unit.as_str()), a))
        .collect();
    // Tasks a lead reported done in an earlier period.
    let mut done_before: HashSet<&str> = HashSet::new();
    for r in &plan.tracking.rounds {
        if Period::parse(&r.period).is_some_and(|p| p.end() < period.end()) {
            done_before.extend(
                r.answers
                    .iter()
                    .filter(|a| a.status == Status::Done)
                    .map(|a| a.task.as_str()),
            );
        }
    }
    let soon = as_of.add_days(30);
    let year_start = Date::new(period.year, 1, 1).unwrap_or(period.start());
    let mut tasks = Vec::new();
    for r in rows.iter().cloned() {
        let due = dues.get(&r.id).cloned().unwrap_or(Due::Empty);
        let due_date = due.due_in(period.start(), period.end()).or(match &due {
            Due::Every(ds) => ds
                .iter()
                .copied()
                .filter(|d| *d >= year_start && *d <= period.end())
                .max(),
            _ => None,
        });
        let answer = r
            .lead_ids
            .iter()
            .find_map(|u| answers.get(&(r.id.as_str(), u.as_str())))
            .map(|a| (*a).clone());
        let recurring = matches!(due, Due::Every(_));
        let carried = answer.is_none() && !recurring && done_before.contains(r.id.as_str());
        let status = match &answer {
            Some(a) => a.status,
            None if carried => Status::Done,
            None => Status::None,
        };
        let coop = r
            .coop_ids
            .iter()
            .filter_map(|u| answers.get(&(r.id.as_str(), u.as_str())))
            .map(|a| (*a).clone())
            .collect();
        let done = status == Status::Done;
        let overdue = !done
            && match &due {
                Due::Every(_) => due
                    .due_in(period.start(), period.end())
                    .is_some_and(|d| d < as_of),
                _ => due_date.is_some_and(|d| d < as_of),
            };
        let next = match &due {
            Due::On(d) => Some(*d),
            Due::Every(ds) => ds.iter().copied().find(|d| *d >= as_of),
            _ => None,
        };
        let due_soon = !done && next.is_some_and(|d| d >= as_of && d <= soon);
        tasks.push(TaskState {
            task: r.id,
            number: r.number,
            title: r.title,
            lead: r.lead,
            lead_ids: r.lead_ids,
            coop_ids: r.coop_ids,
            deadline: r.deadline,
            due,
            due_date,
            status,
            answer,
            carried,
            coop,
            overdue,
            due_soon,
        });
    }
    let mut by_status = [0; 6];
    for t in &tasks {
        by_status[status_index(t.status)] += 1;
    }
    let dated: Vec<&TaskState> = tasks
        .iter()
        .filter(|t| t.due_date.is_some_and(|d| d <= period.end()))
        .collect();
    let answered: HashSet<&str> = round.answers.iter().map(|a| a.unit.as_str()).collect();
    let mut units = Vec::new();
    for u in &plan.units.units {
        let lead: Vec<&TaskState> = tasks
            .iter()
            .filter(|t| t.lead_ids.contains(&u.id))
            .collect();
        let coop = tasks.iter().filter(|t| t.coop_ids.contains(&u.id)).count();
        if lead.is_empty() && coop == 0 {
            continue;
        }
        let mut counts = [0; 6];
        for t in &lead {
            counts[status_index(t.status)] += 1;
        }
        units.push(UnitFigures {
            unit: u.id.clone(),
            name: u.name.clone(),
            lead: lead.len(),
            coop,
            by_status: counts,
            overdue: lead.iter().filter(|t| t.overdue).count(),
            reported: answered.contains(u.id.as_str()),
        });
    }
    let expected: Vec<String> = if round.sent.is_empty() {
        units.iter().map(|u| u.unit.clone()).collect()
    } else {
        round.sent.clone()
    };
    Figures {
        period,
        as_of,
        overdue: (0..tasks.len()).filter(|i| tasks[*i].overdue).collect(),
        due_soon: (0..tasks.len()).filter(|i| tasks[*i].due_soon).collect(),
        due_by_end: dated.len(),
        done_of_due: dated.iter().filter(|t| t.status == Status::Done).count(),
        // A collective entry (各镇街, 有关成员单位) sends no file of its own.
        not_reported: expected
            .into_iter()
            .filter(|u| !answered.contains(u.as_str()))
            .filter(|u| {
                plan.units
                    .get(u)
                    .is_none_or(|x| x.kind != crate::model::UnitKind::Collective)
            })
            .collect(),
        tasks,
        units,
        by_status,
        trend: Vec::new(),
    }
}

/// A ready 催办 message for one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub unit: String,
    pub name: String,
    pub overdue: usize,
    pub unreported: usize,
    pub text: String,
}

/// The 催办 texts: one per unit with overdue tasks it leads or tasks it has not reported on,
/// asking for a reply by `reply_by`.
pub fn reminders(plan: &Plan, f: &Figures, reply_by: Date) -> Vec<Reminder> {
    let from = [&plan.doc.printer, &plan.doc.issuer]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .map_or("区安委办".to_string(), |s| s.trim().to_string());
    let title = if plan.doc.title.is_empty() {
        "年度工作要点".to_string()
    } else {
        plan.doc.title.clone()
    };
    let year = f.period.year;
    let mut out = Vec::new();
    for u in &f.units {
        let overdue: Vec<&TaskState> = f
            .tasks
            .iter()
            .filter(|t| t.overdue && t.lead_ids.contains(&u.unit))
            .collect();
        let silent = !u.reported && f.not_reported.contains(&u.unit);
        let unreported: Vec<&TaskState> = if silent {
            f.tasks
                .iter()
                .filter(|t| t.lead_ids.contains(&u.unit) || t.coop_ids.contains(&u.unit))
                .collect()
        } else {
            Vec::new()
        };
        if overdue.is_empty() && unreported.is_empty() {
            continue;
        }
        let line = |t: &TaskState| {
            let role = if t.lead_ids.contains(&u.unit) {
                "牵头"
            } else {
                "配合"
            };
            let due = t
                .due_date
                .map_or_else(|| t.due.describe(year), |d| d.cn(year));
            format!(
                "要点第{}项“{}”（{}，完成时限：{}，目前：{}）",
                t.number.trim().trim_end_matches(['.', '．']),
                t.title,
                role,
                if t.deadline.is_empty() {
                    due
                } else {
                    format!("{}（{}）", t.deadline, due)
                },
                status_text(t.status)
            )
        };
        let mut text = format!("{}：\n根据《{}》，", u.name, title);
        text.push_str(&format!("现就{}落实情况提醒如下：\n", f.period.label()));
        let mut n = 0;
        let heads = ["一", "二"];
        if !overdue.is_empty() {
            text.push_str(&format!(
                "{}、以下{}项任务已过完成时限仍未完成，请抓紧推进：\n",
                heads[n],
                overdue.len()
            ));
            n += 1;
            for (i, t) in overdue.iter().enumerate() {
                text.push_str(&format!("{}. {}\n", i + 1, line(t)));
            }
        }
        if !unreported.is_empty() {
            text.push_str(&format!(
                "{}、贵单位尚未报送本期进展，涉及以下{}项任务：\n",
                heads[n],
                unreported.len()
            ));
            for (i, t) in unreported.iter().enumerate() {
                text.push_str(&format!("{}. {}\n", i + 1, line(t)));
            }
        }
        text.push_str(&format!(
            "请于{}前将进展情况（完成状态、进展情况、存在问题、下步打算）报送{}。\n{}",
            reply_by.cn(year),
            from,
            from
        ));
        out.push(Reminder {
            unit: u.unit.clone(),
            name: u.name.clone(),
            overdue: overdue.len(),
            unreported: unreported.len(),
            text,
        });
    }
    out
}
