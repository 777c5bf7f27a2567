//! Validation problems of a plan: tasks without a lead unit, units not in the registry, empty titles, duplicate items.
//!
//! Owns the list and its Chinese wording; the UI's problems panel and `yaodian-cli check`
//! both show it. Deliberately changes nothing.

use crate::model::{walk, ItemKind, Plan};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProblemKind {
    NoLead,
    UnknownUnit,
    EmptyTitle,
    Duplicate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The item the problem is about (None for registry-level problems).
    pub item_id: Option<String>,
    /// Where, as the user reads it: "附件1 三、（二）5." or "正文 3.".
    pub place: String,
    pub message: String,
}

/// Every problem of the plan, in document order.
pub fn problems(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for l in crate::model::lists::lists(plan) {
        let part = match l.body() {
            0 => "正文".to_string(),
            n => format!("附件{n}"),
        };
        for row in walk::exported_rows(l.items, l.numbering) {
            let item = row.item;
            let place = format!(
                "{part} {}{}",
                row.number,
                crate::parse::report::excerpt(&item.title, 16)
            );
            let mut push = |kind, message: String| {
                out.push(Problem {
                    kind,
                    item_id: Some(item.id.clone()),
                    place: place.clone(),
                    message,
                })
            };
            if item.kind() != ItemKind::Paragraph && item.title.trim().is_empty() {
                push(ProblemKind::EmptyTitle, "标题为空".into());
            }
            if let Some(task) = &item.task {
                if task.lead.is_empty() {
                    push(ProblemKind::NoLead, "任务没有牵头单位".into());
                }
                for id in task.lead.iter().chain(&task.coop) {
                    if plan.units.get(id).is_none() {
                        push(ProblemKind::UnknownUnit, format!("单位“{id}”不在单位库中"));
                    }
                }
            }
            // Bare headings (总体要求, 工作目标) recur by design; tasks and run-in items do not.
            let substantial = item.task.is_some() || !item.text.is_empty();
            if item.kind() != ItemKind::Paragraph && !item.title.is_empty() && substantial {
                let key = format!("{}|{}", item.title, item.text);
                match seen.get(&key) {
                    Some(first) => push(ProblemKind::Duplicate, format!("与“{first}”重复")),
                    None => {
                        seen.insert(key, place.clone());
                    }
                }
            }
        }
    }
    out
}
