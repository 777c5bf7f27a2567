//! Plain text and Markdown, for pasting into mail or chat. Parsing the text back gives the
//! same plan: the official wording in document order, 完成时限 kept inside the clause.
//!
//! Owns that wording; Markdown only adds `#` marks and `|` tables the parser reads back.

use crate::model::{walk, Body, Plan};
use crate::render;

fn body(out: &mut Vec<String>, plan: &Plan, b: &Body, md: bool) {
    out.extend(b.preface.iter().cloned());
    for row in walk::exported_rows(&b.items, b.numbering) {
        let item = row.item;
        let (head, tail) = render::paragraph_parts(plan, &row.number, item, true);
        let line = format!("{head}{tail}");
        let hashes = if md && item.level > 0 && item.level <= 2 && item.task.is_none() {
            format!("{} ", "#".repeat(item.level as usize + 1))
        } else {
            String::new()
        };
        out.push(format!("{hashes}{line}"));
    }
    for t in &b.tables {
        out.push(String::new());
        out.push(t.caption.clone());
        out.push("| 序号 | 重点任务 | 工作内容 | 责任单位 | 完成时限 | 备注 |".into());
        if md {
            out.push("|---|---|---|---|---|---|".into());
        }
        let cellify = |s: &str| s.replace(['|', '｜'], "/").replace('\n', " ");
        let mut group = String::new();
        for row in walk::exported_rows(&t.items, t.numbering) {
            let item = row.item;
            match &item.task {
                None => group = format!("{}{}", row.number, item.title),
                Some(task) => {
                    let units = render::units_clause(plan, task);
                    let units = units
                        .trim_start_matches("（责任单位：")
                        .trim_end_matches('）');
                    let content = if item.text.is_empty() {
                        item.title.clone()
                    } else {
                        format!("{}。{}", item.title, item.text)
                    };
                    out.push(format!(
                        "| {} | {} | {}{} | {} | {} | {} |",
                        row.number.trim_end_matches('.'),
                        cellify(&std::mem::take(&mut group)),
                        row.number,
                        cellify(&content),
                        cellify(units),
                        cellify(&task.deadline),
                        cellify(&task.note)
                    ));
                }
            }
        }
        out.push(String::new());
    }
}

/// The plan as text; `md` adds Markdown heading marks and table rules.
pub fn write(plan: &Plan, md: bool) -> String {
    let d = &plan.doc;
    let mut out: Vec<String> = Vec::new();
    let push = |out: &mut Vec<String>, s: &str| {
        if !s.is_empty() {
            out.push(s.to_string());
        }
    };
    push(&mut out, &d.doc_number);
    if !d.notice_title.is_empty() {
        out.push(if md {
            format!("# {}", d.notice_title)
        } else {
            d.notice_title.clone()
        });
        if !d.recipients.is_empty() {
            out.push(format!("{}：", d.recipients));
        }
        out.extend(d.cover_text.lines().map(str::to_string));
        push(&mut out, &d.signature);
        push(&mut out, &d.date);
    }
    push(&mut out, &d.publish_note);
    if !d.title.is_empty() {
        out.push(if md {
            format!("# {}", d.title)
        } else {
            d.title.clone()
        });
    }
    body(&mut out, plan, &plan.body, md);
    for (i, a) in plan.attachments.iter().enumerate() {
        out.push(String::new());
        out.push(format!("附件{}", i + 1));
        out.push(if md {
            format!("# {}", a.title)
        } else {
            a.title.clone()
        });
        body(&mut out, plan, &a.body, md);
    }
    if !d.cc.is_empty() {
        out.push(format!("抄送：{}。", d.cc));
    }
    if !d.printer.is_empty() || !d.print_date.is_empty() {
        out.push(format!("{} {}印发", d.printer, d.print_date));
    }
    // A blank line between paragraphs: a long line without closing punctuation (a title) must
    // not read as a paragraph broken by the mail program.
    let mut text = out.join("\n\n");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text + "\n"
}

/// One unit's tasks as text, numbered as in the plan, with its role in each.
pub fn write_rows(plan: &Plan, unit: &str, rows: &[render::TaskRow]) -> String {
    let name = plan.units.name(unit);
    let mut out = vec![format!("{}——{name}任务清单", plan.doc.title)];
    for r in rows {
        let role = if r.lead_ids.iter().any(|u| u == unit) {
            "牵头"
        } else {
            "配合"
        };
        let content = if r.text.is_empty() {
            r.title.clone()
        } else {
            format!("{}。{}", r.title, r.text)
        };
        let deadline = if r.deadline.is_empty() {
            String::new()
        } else {
            format!("；完成时限：{}", r.deadline)
        };
        out.push(format!(
            "{}{content}（{role}。牵头单位：{}；配合单位：{}{deadline}）",
            r.number,
            r.lead.join("、"),
            r.coop.join("、")
        ));
    }
    out.join("\n\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_round_trips_through_the_parser() {
        let plan = crate::sample::sample_plan(1).plan;
        let text = write(&plan, false);
        assert!(text.contains("1.推行“333”工作策略，采用互动、互助、互联的方法，达到提升技术水平、提升本质安全、提升执法质效的目标。（责任单位：安委办，经济信息局、住房城乡建设局、交通局、应急局等有关单位）"));
        assert!(text.contains("（责任单位：各镇街，安委办、减灾办，有关单位）"));
        let again = crate::parse::parse_text(&text, &crate::parse::ParseOptions::default()).plan;
        let rows = |p: &Plan| -> Vec<(String, String, Vec<String>, Vec<String>)> {
            walk::exported_rows(&p.body.items, p.body.numbering)
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
