//! The 对照 view's data: each template item beside the draft item drawn from it, its status
//! (采纳/修改/不适用/新增), and a character-level diff of what the district changed.
//!
//! Owns the pairing by lineage (`origin.template_item`) and the totals. Deliberately uses
//! `dissimilar` for the diff (small in wasm) and leaves layout to the UI.

use crate::model::{walk, Item, OriginStatus, Plan};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Added(String),
    Removed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub template_number: String,
    pub template_text: String,
    pub draft_id: Option<String>,
    pub draft_number: String,
    pub draft_text: String,
    pub status: OriginStatus,
    pub reason: String,
    pub diff: Vec<Piece>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub adopted: usize,
    pub modified: usize,
    pub not_applicable: usize,
    pub added: usize,
}

pub fn diff(a: &str, b: &str) -> Vec<Piece> {
    dissimilar::diff(a, b)
        .into_iter()
        .map(|c| match c {
            dissimilar::Chunk::Equal(s) => Piece::Same(s.to_string()),
            dissimilar::Chunk::Insert(s) => Piece::Added(s.to_string()),
            dissimilar::Chunk::Delete(s) => Piece::Removed(s.to_string()),
        })
        .collect()
}

/// The diff with long unchanged stretches shortened to `context` characters beside each change.
pub fn diff_in_context(a: &str, b: &str, context: usize) -> Vec<Piece> {
    let pieces = diff(a, b);
    let last = pieces.len().saturating_sub(1);
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let Piece::Same(s) = p else { return p };
            let chars: Vec<char> = s.chars().collect();
            let n = chars.len();
            let head = |k: usize| chars[..k.min(n)].iter().collect::<String>();
            let tail = |k: usize| chars[n - k.min(n)..].iter().collect::<String>();
            let shortened = match (i == 0, i == last) {
                (true, true) => s.clone(),
                (true, false) if n > context => format!("…{}", tail(context)),
                (false, true) if n > context => format!("{}…", head(context)),
                (false, false) if n > 2 * context => format!("{}…{}", head(context), tail(context)),
                _ => s.clone(),
            };
            Piece::Same(shortened)
        })
        .collect()
}

/// Every template item in order (with its draft counterpart), then the district's additions.
pub fn pairs(plan: &Plan) -> (Vec<Pair>, Totals) {
    let mut out = Vec::new();
    let mut totals = Totals::default();
    let mut drafted: HashMap<String, (String, &Item)> = HashMap::new();
    let mut added: Vec<(String, &Item)> = Vec::new();
    // Table rows carry their table in the number (清单1 3.), body numbers are as displayed.
    let num = |l: &crate::model::ItemList, n: &str| match l.table {
        Some(_) => format!("{}{n}", l.place_prefix()),
        None => n.to_string(),
    };
    for (l, row) in walk::all_rows(plan) {
        match row.item.origin.as_ref() {
            Some(o) if o.template_item.is_some() => {
                drafted.insert(
                    o.template_item.clone().unwrap_or_default(),
                    (num(&l, &row.number), row.item),
                );
            }
            _ if row.item.level > 0 || row.item.task.is_some() || !row.item.text.is_empty() => {
                added.push((row.number.clone(), row.item))
            }
            _ => {}
        }
    }
    if let Some(template) = plan.template.as_deref() {
        for (l, row) in walk::all_rows(template) {
            let t_text = row.item.full_text();
            let (status, reason, draft_id, d_num, d_text) = match drafted.get(&row.item.id) {
                Some((num, item)) => {
                    let o = item.origin.clone().unwrap_or_default();
                    let text = item.full_text();
                    let status = match o.status {
                        OriginStatus::NotApplicable => OriginStatus::NotApplicable,
                        _ if text != t_text => OriginStatus::Modified,
                        s => s,
                    };
                    (status, o.reason, Some(item.id.clone()), num.clone(), text)
                }
                None => (
                    OriginStatus::NotApplicable,
                    "已从草稿中删除".to_string(),
                    None,
                    String::new(),
                    String::new(),
                ),
            };
            match status {
                OriginStatus::Adopted => totals.adopted += 1,
                OriginStatus::Modified => totals.modified += 1,
                OriginStatus::NotApplicable => totals.not_applicable += 1,
                OriginStatus::Added => totals.added += 1,
            }
            let diff = if status == OriginStatus::Modified {
                diff(&t_text, &d_text)
            } else {
                Vec::new()
            };
            out.push(Pair {
                template_number: num(&l, &row.number),
                template_text: t_text,
                draft_id,
                draft_number: d_num,
                draft_text: d_text,
                status,
                reason,
                diff,
            });
        }
    }
    for (num, item) in added {
        totals.added += 1;
        out.push(Pair {
            template_number: String::new(),
            template_text: String::new(),
            draft_id: Some(item.id.clone()),
            draft_number: num,
            draft_text: item.full_text(),
            status: OriginStatus::Added,
            reason: String::new(),
            diff: Vec::new(),
        });
    }
    (out, totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{self, Field};
    use crate::model::IdGen;

    #[test]
    fn context_diff_shortens_unchanged_text() {
        let a = format!("{}全市{}", "甲".repeat(40), "乙".repeat(40));
        let b = a.replace("全市", "全区");
        let d = diff_in_context(&a, &b, 5);
        let shown: String = d
            .iter()
            .map(|p| match p {
                Piece::Same(s) | Piece::Added(s) | Piece::Removed(s) => s.as_str(),
            })
            .collect();
        assert!(shown.chars().count() < 20, "{shown}");
        assert!(d
            .iter()
            .any(|p| matches!(p, Piece::Added(s) if s.contains('区'))));
    }

    #[test]
    fn statuses_and_diff() {
        let template = crate::sample::sample_plan(1).plan;
        let mut d = edit::draft::from_template(&template, &mut IdGen::new(3));
        let (_, t) = pairs(&d);
        assert_eq!(t.modified + t.not_applicable + t.added, 0);
        let first_task = walk::rows(&d.body.items, d.body.numbering)
            .into_iter()
            .find(|r| r.number == "1.")
            .unwrap()
            .item
            .id
            .clone();
        edit::set_field(&mut d, &first_task, Field::Title, "推行“333”工作法");
        let second = walk::rows(&d.body.items, d.body.numbering)
            .into_iter()
            .find(|r| r.number == "2.")
            .unwrap()
            .item
            .id
            .clone();
        edit::set_status(&mut d, &second, OriginStatus::NotApplicable, "本区已完成");
        edit::add_sibling(&mut d, &second, &mut IdGen::new(8)).unwrap();
        let (rows, t) = pairs(&d);
        assert_eq!((t.modified, t.not_applicable, t.added), (1, 1, 1));
        let m = rows
            .iter()
            .find(|r| r.status == OriginStatus::Modified)
            .unwrap();
        assert!(m
            .diff
            .iter()
            .any(|p| matches!(p, Piece::Added(s) if s.contains("法"))));
        assert!(m.diff.iter().any(|p| matches!(p, Piece::Removed(_))));
    }
}
