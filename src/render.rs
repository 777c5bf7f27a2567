//! Plain-text rendering of a plan's parts as the official document writes them: the 责任单位
//! clause in the plan's convention, an item's paragraph with its number, the whole text.
//!
//! Owns the wording shared by the 文档 view and the exporters. Deliberately no layout.

use crate::model::{walk, Convention, Item, Plan, Task};

/// `（责任单位：安委办，经济信息局、应急局等有关单位）`, or "" when the task names no one.
pub fn units_clause(plan: &Plan, task: &Task) -> String {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| plan.units.name(id).to_string())
            .collect::<Vec<_>>()
    };
    let (lead, coop) = (names(&task.lead), names(&task.coop));
    let suffix: String = task
        .generic
        .iter()
        .filter(|g| g.starts_with('等'))
        .cloned()
        .collect();
    let loose: Vec<String> = task
        .generic
        .iter()
        .filter(|g| !g.starts_with('等'))
        .cloned()
        .collect();
    let mut groups: Vec<String> = match plan.convention {
        Convention::FirstGroupLeads => [lead.join("、"), coop.join("、")]
            .into_iter()
            .filter(|g| !g.is_empty())
            .collect(),
        Convention::FirstUnitLeads => {
            let all: Vec<String> = lead.into_iter().chain(coop).collect();
            if all.is_empty() {
                vec![]
            } else {
                vec![all.join("、")]
            }
        }
    };
    if groups.is_empty() && suffix.is_empty() && loose.is_empty() {
        return String::new();
    }
    if let Some(last) = groups.last_mut() {
        last.push_str(&suffix);
    }
    groups.extend(loose);
    format!("（责任单位：{}）", groups.join("，"))
}

/// The clause as Yaodian writes it into text for mail and chat: the 责任单位 clause with
/// `；完成时限：…` inside, so the deadline survives parsing the text back.
pub fn units_clause_with_deadline(plan: &Plan, task: &Task) -> String {
    let c = units_clause(plan, task);
    if task.deadline.is_empty() {
        return c;
    }
    match c.strip_suffix('）') {
        Some(open) => format!("{open}；完成时限：{}）", task.deadline),
        None => format!("（完成时限：{}）", task.deadline),
    }
}

/// An item's paragraph as printed, in two parts: the heading part (number, title and the
/// 。 after it) and the rest (text and the unit clause, with the deadline when `deadline`).
/// The heading part takes the heading font in the 文档 view and the .docx.
pub fn paragraph_parts(plan: &Plan, number: &str, item: &Item, deadline: bool) -> (String, String) {
    let sep = if item.title.is_empty() || (item.text.is_empty() && item.task.is_none()) {
        ""
    } else {
        "。"
    };
    let mut tail = item.text.clone();
    if let Some(t) = &item.task {
        tail.push_str(&if deadline {
            units_clause_with_deadline(plan, t)
        } else {
            units_clause(plan, t)
        });
    }
    (format!("{number}{}{sep}", item.title), tail)
}

/// One line of the task list (任务清单), as the table and the exporters show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskRow {
    pub id: String,
    /// 附件N prefix for tasks outside the main body, then the number: "3." / "附件2 5.".
    pub number: String,
    /// The group (`（一）…` heading) the task sits in.
    pub group: String,
    pub title: String,
    pub text: String,
    pub lead: Vec<String>,
    pub coop: Vec<String>,
    pub lead_ids: Vec<String>,
    pub coop_ids: Vec<String>,
    pub deadline: String,
    pub note: String,
}

/// Every task of the plan in document order (bodies, then their tables).
pub fn task_rows(plan: &Plan) -> Vec<TaskRow> {
    let mut out = Vec::new();
    for l in crate::model::lists::lists(plan) {
        out.extend(rows_of(plan, l.items, l.numbering, &l.prefix()));
    }
    out
}

/// The tasks of one list of items, numbers prefixed with `prefix`.
pub fn rows_of(
    plan: &Plan,
    items: &[Item],
    style: crate::model::NumberingStyle,
    prefix: &str,
) -> Vec<TaskRow> {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| plan.units.name(id).to_string())
            .collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    let mut group = String::new();
    for row in walk::exported_rows(items, style) {
        let item = row.item;
        if item.task.is_none() && item.level > 0 && item.level < 3 {
            group = format!("{}{}", row.number, item.title);
        }
        if let Some(t) = &item.task {
            out.push(TaskRow {
                id: item.id.clone(),
                number: format!("{prefix}{}", row.number),
                group: group.clone(),
                title: item.title.clone(),
                text: item.text.clone(),
                lead: names(&t.lead),
                coop: names(&t.coop),
                lead_ids: t.lead.clone(),
                coop_ids: t.coop.clone(),
                deadline: t.deadline.clone(),
                note: t.note.clone(),
            });
        }
    }
    out
}
