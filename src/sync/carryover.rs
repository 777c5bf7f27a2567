//! Into next year: last year's tasks that were not finished (by their last reported status)
//! are proposed for this year's draft, with that status, for the planner to accept or reject.
//!
//! Owns the rule "what is unfinished" and the carry-over proposals, added to the new year's
//! proposals (`yearly`) as a separate step. Deliberately leaves the year logic to `yearly`: a
//! task the new draft already has (by content) gets its status noted, not a second copy.

use super::similarity::similarity;
use super::yearly::{Action, Proposal, Yearly};
use crate::model::progress::{Answer, Status};
use crate::model::{walk, IdGen, Item, Origin, OriginStatus, Plan};
use crate::track::period::Period;

/// Content similar enough to be "the same task" in the new draft.
const SAME: f64 = 0.6;

/// Each task's last lead answer over all rounds (None: never reported).
pub fn last_answers(plan: &Plan) -> Vec<(crate::render::TaskRow, Option<(String, Answer)>)> {
    let codes = crate::track::period::round_codes(plan, None);
    crate::render::task_rows(plan)
        .into_iter()
        .map(|r| {
            let last = codes.iter().rev().find_map(|c| {
                let round = plan.tracking.rounds.iter().find(|x| x.period == *c)?;
                r.lead_ids.iter().find_map(|u| {
                    round
                        .answers
                        .iter()
                        .find(|a| a.task == r.id && a.unit == *u)
                        .map(|a| (c.clone(), a.clone()))
                })
            });
            (r, last)
        })
        .collect()
}

fn content(i: &Item) -> String {
    format!("{}{}", i.title, i.text)
}

/// Add carry-over proposals for `last`'s unfinished tasks to `y`. Nothing when last year had no
/// progress rounds (nothing is known about what was finished).
pub fn propose(last: &Plan, y: &mut Yearly, ids: &mut IdGen) {
    if last.tracking.rounds.is_empty() {
        return;
    }
    let mut drafted: Vec<(String, String, String)> = Vec::new();
    for r in walk::rows(&y.base.body.items, y.base.body.numbering) {
        if r.item.task.is_some() {
            drafted.push((r.item.id.clone(), r.number.clone(), content(r.item)));
        }
    }
    let inserted: Vec<String> = y
        .proposals
        .iter()
        .filter_map(|p| match &p.action {
            Action::Insert { item, .. } => Some(content(item)),
            _ => None,
        })
        .collect();
    let mut extra = Vec::new();
    for (row, last_answer) in last_answers(last) {
        let status = last_answer.as_ref().map_or(Status::None, |(_, a)| a.status);
        if status == Status::Done {
            continue;
        }
        let Some(item) = crate::edit::item(last, &row.id) else {
            continue;
        };
        let said = match &last_answer {
            Some((code, a)) => {
                let when = Period::parse(code).map_or(code.clone(), Period::label);
                let mut s = format!("{when}：{}", a.status.label());
                if !a.progress.is_empty() {
                    s.push_str(&format!(
                        "，{}",
                        crate::parse::report::excerpt(&a.progress, 30)
                    ));
                }
                s
            }
            None => "全年未报送进展".into(),
        };
        let note = format!("上年结转（{}）", status_label(status));
        let text = content(item);
        let same = drafted
            .iter()
            .map(|(id, n, c)| (id, n, similarity(&text, c)))
            .filter(|x| x.2 >= SAME)
            .max_by(|a, b| a.2.total_cmp(&b.2));
        let place = format!("去年{}", row.number);
        let title = crate::parse::report::excerpt(&row.title, 20);
        if let Some((target, number, _)) = same {
            let mut task = item.task.clone().unwrap_or_default();
            task.note = join_note(&task.note, &note);
            extra.push(Proposal {
                label: "上年未完成",
                place,
                message: format!(
                    "“{title}”去年未完成（{said}），今年草稿第{number}项即此任务：接受则沿用去年的责任单位和时限，并在备注中注明上年结转。"
                ),
                action: Action::SetTask {
                    item: target.clone(),
                    task,
                },
                default_on: true,
            });
        } else if inserted.iter().any(|c| similarity(&text, c) >= SAME) {
            extra.push(Proposal {
                label: "上年未完成",
                place,
                message: format!("“{title}”去年未完成（{said}），已随本区自有条目带入，请复核。"),
                action: Action::Note,
                default_on: true,
            });
        } else {
            let mut copy = Item {
                id: ids.next('i'),
                children: Vec::new(),
                origin: Some(Origin {
                    status: OriginStatus::Added,
                    ..Origin::default()
                }),
                ..item.clone()
            };
            if let Some(t) = copy.task.as_mut() {
                t.note = join_note(&t.note, &note);
            }
            extra.push(Proposal {
                label: "结转未完成任务",
                place,
                message: format!(
                    "“{title}”去年未完成（{said}），今年的模板中没有：接受则作为本区任务带入（加在正文末尾），请调整位置和时限。"
                ),
                action: Action::Insert {
                    after: Vec::new(),
                    list: crate::model::lists::ListId::Main,
                    item: Box::new(copy),
                },
                default_on: true,
            });
        }
    }
    y.proposals.extend(extra);
}

fn status_label(s: Status) -> &'static str {
    if s == Status::None {
        "未报送"
    } else {
        s.label()
    }
}

fn join_note(old: &str, add: &str) -> String {
    if old.trim().is_empty() {
        add.to_string()
    } else {
        format!("{old}；{add}")
    }
}
