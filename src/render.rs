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

/// An item's paragraph as printed, in two parts: the heading part (number, title and the
/// 。 after it) and the rest (text and the unit clause). The heading part takes the heading
/// font in the 文档 view and the .docx.
pub fn paragraph_parts(plan: &Plan, number: &str, item: &Item) -> (String, String) {
    let sep = if item.title.is_empty() || (item.text.is_empty() && item.task.is_none()) {
        ""
    } else {
        "。"
    };
    let mut tail = item.text.clone();
    if let Some(t) = &item.task {
        tail.push_str(&units_clause(plan, t));
    }
    (format!("{number}{}{sep}", item.title), tail)
}

/// An item's paragraph as printed: number, title, 。, text, and its unit clause.
pub fn paragraph(plan: &Plan, number: &str, item: &Item) -> String {
    let (head, tail) = paragraph_parts(plan, number, item);
    head + &tail
}

/// The plan's work points as plain text, one paragraph a line (for checks and mail).
pub fn body_text(plan: &Plan) -> String {
    let mut out = String::new();
    for b in walk::bodies(plan) {
        if b.attachment > 0 {
            out.push_str(&format!("\n附件{}\n{}\n", b.attachment, b.title));
        } else if !plan.doc.title.is_empty() {
            out.push_str(&format!("{}\n", plan.doc.title));
        }
        for p in &b.body.preface {
            out.push_str(p);
            out.push('\n');
        }
        for row in walk::rows(&b.body.items, b.body.numbering) {
            out.push_str(&paragraph(plan, &row.number, row.item));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_round_trips_through_the_parser() {
        let plan = crate::sample::sample_plan(1).plan;
        let text = body_text(&plan);
        assert!(text.contains("1.推行“333”工作策略，采用互动、互助、互联的方法，达到提升技术水平、提升本质安全、提升执法质效的目标。（责任单位：安委办，经济信息局、住房城乡建设局、交通局、应急局等有关单位）"));
        assert!(text.contains("（责任单位：各镇街，安委办、减灾办，有关单位）"));
        let again = crate::parse::parse_text(&text, &crate::parse::ParseOptions::default()).plan;
        let rows = |p: &Plan| -> Vec<(String, String, Vec<String>, Vec<String>)> {
            walk::rows(&p.body.items, p.body.numbering)
                .into_iter()
                .map(|r| {
                    let t = r.item.task.clone().unwrap_or_default();
                    let n =
                        |ids: &[String]| ids.iter().map(|i| p.units.name(i).to_string()).collect();
                    (r.number.clone(), r.item.full_text(), n(&t.lead), n(&t.coop))
                })
                .collect()
        };
        assert_eq!(rows(&again), rows(&plan));
    }
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
    for b in walk::bodies(plan) {
        let prefix = if b.attachment == 0 {
            String::new()
        } else {
            format!("附件{} ", b.attachment)
        };
        out.extend(rows_of(plan, &b.body.items, b.body.numbering, &prefix));
        for t in &b.body.tables {
            out.extend(rows_of(plan, &t.items, t.numbering, &prefix));
        }
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
    for row in walk::rows(items, style) {
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
