//! The new year's draft: last year's district plan (with the city template it came from) and
//! the city's new template in, a proposed draft and a list of proposals out, each of which the
//! planner accepts or rejects on one screen.
//!
//! Owns the rules a careful planner follows: the city's new wording wins where the district
//! followed the city; district edits stay where the city text did not change; units,
//! deadlines and 不适用 carry over where the item matched; district-only items come along
//! flagged for review; the plan year moves on, other years are flagged, never guessed.

use super::templates::compare_templates;
pub use super::templates::{CityChange, CityChangeKind};
use crate::edit::{self, draft};
use crate::model::{walk, IdGen, Item, Origin, OriginStatus, Plan, Task};
use std::collections::HashMap;

#[allow(clippy::large_enum_variant)] // a handful per plan; boxing buys nothing
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Information only (the planner acknowledges it).
    Note,
    SetText {
        item: String,
        title: String,
        text: String,
    },
    SetTask {
        item: String,
        task: Task,
    },
    SetStatus {
        item: String,
        status: OriginStatus,
        reason: String,
    },
    /// Insert a district item after the first of `after` that exists (else at the end).
    Insert {
        after: Vec<String>,
        item: Item,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub label: &'static str,
    pub place: String,
    pub message: String,
    pub action: Action,
    /// Whether the proposal starts accepted.
    pub default_on: bool,
}

#[derive(Debug, Clone)]
pub struct Yearly {
    /// The new draft before any proposal: the city's new template, lineage set.
    pub base: Plan,
    pub city_changes: Vec<CityChange>,
    pub proposals: Vec<Proposal>,
}

/// Move the plan year on in district text; other years are reported, not changed.
fn update_years(text: &str, from: i32, to: i32, flags: &mut Vec<String>) -> String {
    let out = text.replace(&format!("{from}年"), &format!("{to}年"));
    let chars: Vec<char> = out.chars().collect();
    for (i, w) in chars.windows(5).enumerate() {
        if w[4] == '年'
            && w[..4].iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_digit())
        {
            let y: String = w[..4].iter().collect();
            if y != to.to_string() && !flags.contains(&y) {
                flags.push(y);
            }
        }
    }
    out
}

fn fresh_copy(item: &Item, ids: &mut IdGen, from: i32, to: i32, flags: &mut Vec<String>) -> Item {
    Item {
        id: ids.next('i'),
        title: update_years(&item.title, from, to, flags),
        text: update_years(&item.text, from, to, flags),
        origin: Some(Origin {
            status: OriginStatus::Added,
            ..Origin::default()
        }),
        children: item
            .children
            .iter()
            .map(|c| fresh_copy(c, ids, from, to, flags))
            .collect(),
        ..item.clone()
    }
}

/// Propose this year's draft from last year's plan and the city's new template.
pub fn propose(last: &Plan, new_city: &Plan, ids: &mut IdGen) -> Result<Yearly, String> {
    let old_city = last
        .template
        .as_deref()
        .ok_or("去年的计划没有保存市级模板（它不是从模板创建的），无法逐条对照。")?;
    let from = last.doc.year.or(old_city.doc.year).unwrap_or(0);
    let to = new_city.doc.year.unwrap_or(from + 1);
    let (old, new, matches, city_changes) = compare_templates(old_city, new_city);

    // The new draft: the city's new template, with last year's units registry and document data.
    let mut base = draft::from_template(new_city, ids);
    let mut units = last.units.clone();
    let mut unit_map = HashMap::new();
    for u in &new_city.units.units {
        let (id, _) = units.resolve_or_add(&u.name, ids);
        unit_map.insert(u.id.clone(), id);
    }
    walk::for_each_item_mut(&mut base, &mut |i| {
        if let Some(t) = i.task.as_mut() {
            for id in t.lead.iter_mut().chain(t.coop.iter_mut()) {
                if let Some(m) = unit_map.get(id) {
                    *id = m.clone();
                }
            }
        }
    });
    base.units = units;
    base.convention = last.convention;
    let mut year_flags = Vec::new();
    base.doc = crate::model::DocInfo {
        year: Some(to),
        title: update_years(&last.doc.title, from, to, &mut year_flags),
        ..last.doc.clone()
    };
    base.doc.date.clear();
    base.doc.print_date.clear();
    base.doc.doc_number.clear();

    // Where each city item went: new city id → draft id; old city id → district item.
    let mut draft_of: HashMap<String, String> = HashMap::new();
    walk::for_each_item(&base, &mut |i| {
        if let Some(t) = i.origin.as_ref().and_then(|o| o.template_item.clone()) {
            draft_of.insert(t, i.id.clone());
        }
    });
    let mut district_of: HashMap<String, Item> = HashMap::new();
    walk::for_each_item(last, &mut |i| {
        if let Some(t) = i.origin.as_ref().and_then(|o| o.template_item.clone()) {
            district_of.insert(t, i.clone());
        }
    });
    let names = |ids: &[String]| {
        ids.iter()
            .map(|u| last.units.name(u).to_string())
            .collect::<Vec<_>>()
            .join("、")
    };

    let mut proposals = Vec::new();
    for (i, j, _) in &matches {
        let (o, n) = (&old[*i], &new[*j]);
        let Some(target) = draft_of.get(&n.id).cloned() else {
            continue;
        };
        let place = n.number.clone();
        let Some(d) = district_of.get(&o.id) else {
            proposals.push(Proposal {
                label: "去年已删除",
                place,
                message: "去年本区删除了这一条，建议今年标为不适用。".into(),
                action: Action::SetStatus {
                    item: target,
                    status: OriginStatus::NotApplicable,
                    reason: "去年已删除".into(),
                },
                default_on: true,
            });
            continue;
        };
        let status = d.origin.as_ref().map(|o| o.status).unwrap_or_default();
        if let (Some(t), true) = (&d.task, n.task) {
            let mut msg = format!("沿用去年的责任单位：牵头 {}", names(&t.lead));
            if !t.coop.is_empty() {
                msg.push_str(&format!("；配合 {}", names(&t.coop)));
            }
            if !t.deadline.is_empty() {
                msg.push_str(&format!("；完成时限 {}", t.deadline));
            }
            proposals.push(Proposal {
                label: "沿用单位",
                place: place.clone(),
                message: msg,
                action: Action::SetTask {
                    item: target.clone(),
                    task: t.clone(),
                },
                default_on: true,
            });
        }
        match status {
            OriginStatus::Modified => {
                let mut flags = Vec::new();
                let title = update_years(&d.title, from, to, &mut flags);
                let text = update_years(&d.text, from, to, &mut flags);
                let city_same = o.text == n.text;
                let message = if city_same {
                    "市级表述未变，保留本区去年的修改。".to_string()
                } else {
                    "市级改写了这一条，本区去年也改过：默认用市级新表述；接受则保留本区表述。请复核。".to_string()
                };
                proposals.push(Proposal {
                    label: if city_same {
                        "保留本区修改"
                    } else {
                        "本区修改（需复核）"
                    },
                    place: place.clone(),
                    message,
                    action: Action::SetText {
                        item: target.clone(),
                        title,
                        text,
                    },
                    default_on: city_same,
                });
                push_year_flags(&mut proposals, &place, &flags, to);
            }
            OriginStatus::NotApplicable => {
                let reason = d
                    .origin
                    .as_ref()
                    .map(|o| o.reason.clone())
                    .unwrap_or_default();
                proposals.push(Proposal {
                    label: "沿用不适用",
                    place,
                    message: format!("去年标为不适用：{reason}"),
                    action: Action::SetStatus {
                        item: target,
                        status: OriginStatus::NotApplicable,
                        reason,
                    },
                    default_on: true,
                });
            }
            _ => {}
        }
    }
    // District-only items, carried after their nearest template-derived predecessor.
    let mut anchors: Vec<String> = Vec::new();
    for r in walk::rows(&last.body.items, last.body.numbering) {
        let item = r.item;
        match item.origin.as_ref().and_then(|o| o.template_item.clone()) {
            Some(t) => {
                let new_id = old
                    .iter()
                    .position(|f| f.id == t)
                    .and_then(|i| matches.iter().find(|m| m.0 == i))
                    .map(|m| new[m.1].id.clone());
                if let Some(d) = new_id.and_then(|n| draft_of.get(&n).cloned()) {
                    anchors = vec![d];
                }
            }
            None if item.level > 0 || item.task.is_some() => {
                let mut flags = Vec::new();
                let copy = fresh_copy(item, ids, from, to, &mut flags);
                let message = format!(
                    "本区自有条目“{}”，已带入，请复核。",
                    crate::parse::report::excerpt(&item.title, 20)
                );
                proposals.push(Proposal {
                    label: "本区自有",
                    place: format!("去年{}", r.number),
                    message,
                    action: Action::Insert {
                        after: anchors.clone(),
                        item: copy.clone(),
                    },
                    default_on: true,
                });
                push_year_flags(&mut proposals, &format!("去年{}", r.number), &flags, to);
                anchors.insert(0, copy.id);
            }
            None => {}
        }
    }
    for c in city_changes
        .iter()
        .filter(|c| c.kind == CityChangeKind::Removed)
    {
        proposals.push(Proposal {
            label: "市级删除",
            place: c.old_number.clone(),
            message: format!(
                "市级模板删除了：{}",
                crate::parse::report::excerpt(&c.old_text, 40)
            ),
            action: Action::Note,
            default_on: true,
        });
    }
    Ok(Yearly {
        base,
        city_changes,
        proposals,
    })
}

fn push_year_flags(out: &mut Vec<Proposal>, place: &str, years: &[String], to: i32) {
    for y in years.iter().filter(|y| **y != to.to_string()) {
        out.push(Proposal {
            label: "年份待核",
            place: place.to_string(),
            message: format!("文中提到“{y}年”，可能指往年事项，未改动，请复核。"),
            action: Action::Note,
            default_on: true,
        });
    }
}

/// The draft with the accepted proposals applied (`accepted[i]` for `proposals[i]`).
pub fn apply(y: &Yearly, accepted: &[bool]) -> Plan {
    let mut plan = y.base.clone();
    for (p, _) in y.proposals.iter().zip(accepted).filter(|(_, on)| **on) {
        match &p.action {
            Action::Note => {}
            Action::SetText { item, title, text } => {
                if let Some(i) = edit::item_mut(&mut plan, item) {
                    i.title = title.clone();
                    i.text = text.clone();
                    if let Some(o) = i.origin.as_mut() {
                        o.status = OriginStatus::Modified;
                    }
                }
            }
            Action::SetTask { item, task } => {
                if let Some(i) = edit::item_mut(&mut plan, item) {
                    let deadline = task.deadline.clone();
                    i.task = Some(Task {
                        units_text: String::new(),
                        deadline,
                        ..task.clone()
                    });
                }
            }
            Action::SetStatus {
                item,
                status,
                reason,
            } => {
                edit::set_status(&mut plan, item, *status, reason);
            }
            Action::Insert { after, item } => {
                let placed = after
                    .iter()
                    .find_map(|a| edit::locate(&plan, a))
                    .and_then(|loc| {
                        let (last, parents) = loc.path.split_last()?;
                        let mut list = edit::list_mut(&mut plan, loc.container)?;
                        for &k in parents {
                            list = &mut list.get_mut(k)?.children;
                        }
                        // A deeper item after a heading goes in as the heading's first child.
                        let host = &mut list[*last];
                        if item.level > host.level && host.level > 0 {
                            host.children.insert(0, item.clone());
                        } else {
                            list.insert(*last + 1, item.clone());
                        }
                        Some(())
                    });
                if placed.is_none() {
                    plan.body.items.push(item.clone());
                }
            }
        }
    }
    plan
}
