//! Registry edits: add, rename, merge, aliases and kind. Renaming or merging updates every
//! task, because tasks refer to units by id.
//!
//! Owns keeping task references consistent. Deliberately does not match names (that is
//! `model::units`).

use crate::model::{walk, IdGen, Plan, Unit, UnitKind};

/// Add a unit by name (or return the existing one matching by name or alias).
pub fn add(plan: &mut Plan, name: &str, ids: &mut IdGen) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(u) = plan.units.find(name) {
        return Some(u.id.clone());
    }
    let id = ids.next('u');
    plan.units.units.push(Unit {
        id: id.clone(),
        name: name.to_string(),
        kind: crate::model::units::classify(name),
        ..Unit::default()
    });
    Some(id)
}

/// Rename a unit; the old name becomes an alias so documents that use it still resolve.
pub fn rename(plan: &mut Plan, id: &str, name: &str) -> bool {
    let name = name.trim();
    let Some(u) = plan.units.get_mut(id) else {
        return false;
    };
    if name.is_empty() || u.name == name {
        return false;
    }
    let old = std::mem::replace(&mut u.name, name.to_string());
    u.aliases.retain(|a| a != name);
    if !u.aliases.contains(&old) {
        u.aliases.push(old);
    }
    u.new = false;
    true
}

/// Merge `drop` into `keep`: every task pointing at `drop` points at `keep` (no duplicates),
/// `drop`'s name and aliases become aliases of `keep`, and `drop` leaves the registry.
pub fn merge(plan: &mut Plan, keep: &str, drop: &str) -> bool {
    if keep == drop || plan.units.get(keep).is_none() {
        return false;
    }
    let Some(pos) = plan.units.units.iter().position(|u| u.id == drop) else {
        return false;
    };
    let gone = plan.units.units.remove(pos);
    let k = plan.units.get_mut(keep).expect("checked");
    for a in std::iter::once(gone.name).chain(gone.aliases) {
        if a != k.name && !k.aliases.contains(&a) {
            k.aliases.push(a);
        }
    }
    let fix = |list: &mut Vec<String>| {
        for x in list.iter_mut() {
            if x == drop {
                *x = keep.to_string();
            }
        }
        let mut seen = std::collections::HashSet::new();
        list.retain(|x| seen.insert(x.clone()));
    };
    walk::for_each_item_mut(plan, &mut |item| {
        if let Some(t) = item.task.as_mut() {
            fix(&mut t.lead);
            fix(&mut t.coop);
            // A unit both leading and cooperating after a merge leads.
            let lead = t.lead.clone();
            t.coop.retain(|c| !lead.contains(c));
        }
    });
    true
}

pub fn set_aliases(plan: &mut Plan, id: &str, aliases: Vec<String>) -> bool {
    let Some(u) = plan.units.get_mut(id) else {
        return false;
    };
    u.aliases = aliases
        .into_iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    true
}

pub fn set_kind(plan: &mut Plan, id: &str, kind: UnitKind) -> bool {
    let Some(u) = plan.units.get_mut(id) else {
        return false;
    };
    u.kind = kind;
    true
}

/// Confirm a unit the parser added (clears the "new" flag).
pub fn confirm(plan: &mut Plan, id: &str) -> bool {
    let Some(u) = plan.units.get_mut(id) else {
        return false;
    };
    u.new = false;
    true
}

/// How many tasks lead / cooperate with each unit id.
pub fn usage(plan: &Plan) -> std::collections::HashMap<String, (usize, usize)> {
    let mut m = std::collections::HashMap::new();
    walk::for_each_item(plan, &mut |item| {
        if let Some(t) = &item.task {
            for id in &t.lead {
                m.entry(id.clone()).or_insert((0, 0)).0 += 1;
            }
            for id in &t.coop {
                m.entry(id.clone()).or_insert((0, 0)).1 += 1;
            }
        }
    });
    m
}
