//! Comparing two city templates item by item: which items the city kept, reworded, moved,
//! added and removed, by content (see `similarity`), never by number.
//!
//! Owns the flattened view of a template and the change list. Deliberately knows nothing of
//! the district plan: `yearly` builds the proposals on top.

use super::similarity::{assign, Entry, Pair};
use crate::compare::{diff, Piece};
use crate::model::lists::lists;
use crate::model::{walk, Plan};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CityChangeKind {
    Same,
    Reworded,
    Moved,
    Added,
    Removed,
}

impl CityChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Same => "未变",
            Self::Reworded => "改写",
            Self::Moved => "调整位置",
            Self::Added => "新增",
            Self::Removed => "删除",
        }
    }
}

/// What the city changed between the two templates, item by item.
#[derive(Debug, Clone, PartialEq)]
pub struct CityChange {
    pub kind: CityChangeKind,
    pub old_number: String,
    pub old_text: String,
    pub new_number: String,
    pub new_text: String,
    pub diff: Vec<Piece>,
}

pub(crate) struct Flat {
    pub id: String,
    pub number: String,
    pub text: String,
    pub task: bool,
    /// The heading the item sits under (its title), to tell a move from a renumbering.
    pub parent: String,
}

fn flatten(p: &Plan) -> Vec<Flat> {
    let mut out = Vec::new();
    for l in lists(p) {
        let prefix = l.place_prefix();
        let mut heads: Vec<String> = Vec::new();
        for r in walk::rows(l.items, l.numbering) {
            heads.truncate(r.depth - 1);
            let text = r.item.full_text();
            if !text.trim().is_empty() {
                let parent = heads.last().cloned().unwrap_or_default();
                out.push(Flat {
                    id: r.item.id.clone(),
                    number: format!("{prefix}{}", r.number),
                    text,
                    task: r.item.task.is_some(),
                    parent,
                });
            }
            heads.push(r.item.title.clone());
        }
    }
    out
}

/// Items of both templates, their one-to-one matches, and what the city changed.
pub(crate) fn compare_templates(
    old_city: &Plan,
    new_city: &Plan,
) -> (Vec<Flat>, Vec<Flat>, Vec<Pair>, Vec<CityChange>) {
    let (old, new) = (flatten(old_city), flatten(new_city));
    let entries = |v: &[Flat]| {
        v.iter()
            .map(|f| Entry {
                id: f.id.clone(),
                text: f.text.clone(),
                task: f.task,
            })
            .collect::<Vec<_>>()
    };
    let matches = assign(&entries(&old), &entries(&new));
    let new_to_old: HashMap<usize, usize> = matches.iter().map(|(i, j, _)| (*j, *i)).collect();
    let matched_old: std::collections::HashSet<usize> =
        matches.iter().map(|(i, _, _)| *i).collect();

    let mut city_changes = Vec::new();
    for (j, n) in new.iter().enumerate() {
        let change = match new_to_old.get(&j) {
            Some(&i) => {
                let o = &old[i];
                let kind = if o.text != n.text {
                    CityChangeKind::Reworded
                } else if o.parent != n.parent {
                    CityChangeKind::Moved
                } else {
                    CityChangeKind::Same
                };
                let d = if kind == CityChangeKind::Reworded {
                    diff(&o.text, &n.text)
                } else {
                    Vec::new()
                };
                CityChange {
                    kind,
                    old_number: o.number.clone(),
                    old_text: o.text.clone(),
                    new_number: n.number.clone(),
                    new_text: n.text.clone(),
                    diff: d,
                }
            }
            None => CityChange {
                kind: CityChangeKind::Added,
                old_number: String::new(),
                old_text: String::new(),
                new_number: n.number.clone(),
                new_text: n.text.clone(),
                diff: Vec::new(),
            },
        };
        city_changes.push(change);
    }
    for (i, o) in old
        .iter()
        .enumerate()
        .filter(|(i, _)| !matched_old.contains(i))
    {
        let _ = i;
        city_changes.push(CityChange {
            kind: CityChangeKind::Removed,
            old_number: o.number.clone(),
            old_text: o.text.clone(),
            new_number: String::new(),
            new_text: String::new(),
            diff: Vec::new(),
        });
    }

    (old, new, matches, city_changes)
}
