//! Edit operations on a plan, addressed by item id: text, structure (add, delete, move,
//! indent, outdent), tasks (units, deadline, note), origin status, and the undo history.
//!
//! Owns the rules that keep the tree valid (levels follow nesting, a template item edited
//! becomes 修改). Deliberately knows nothing of the UI: the app calls these and re-renders.
//! The registry operations are in [`units`], localisation in [`localize`], drafting from a
//! template in [`draft`].

pub mod draft;
pub mod history;
pub mod localize;
pub mod organ;
pub mod ticks;
pub mod units;
pub mod year;

use crate::model::{IdGen, Item, Origin, OriginStatus, Plan, Task};

pub use history::History;

pub use crate::model::lists::{item, item_mut, list_mut, locate, ListId, Loc};

/// The sibling list holding the existing item at `loc`, and the item's index in it.
fn siblings_mut<'a>(plan: &'a mut Plan, loc: &Loc) -> Option<(&'a mut Vec<Item>, usize)> {
    crate::model::lists::siblings_mut(plan, loc).filter(|(list, i)| *i < list.len())
}

/// An item taken from the template and now edited becomes 修改.
fn mark_modified(item: &mut Item) {
    if let Some(o) = item.origin.as_mut() {
        if o.status == OriginStatus::Adopted && o.template_item.is_some() {
            o.status = OriginStatus::Modified;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Text,
    Deadline,
    Note,
}

/// Set a text field. Returns false if the item does not exist.
pub fn set_field(plan: &mut Plan, id: &str, field: Field, value: &str) -> bool {
    let Some(item) = item_mut(plan, id) else {
        return false;
    };
    let slot = match field {
        Field::Title => &mut item.title,
        Field::Text => &mut item.text,
        Field::Deadline => &mut item.task.get_or_insert_with(Task::default).deadline,
        Field::Note => &mut item.task.get_or_insert_with(Task::default).note,
    };
    if slot != value {
        *slot = value.to_string();
        if matches!(field, Field::Title | Field::Text) {
            mark_modified(item);
        }
    }
    true
}

fn new_item(ids: &mut IdGen, level: u8, task: bool) -> Item {
    Item {
        id: ids.next('i'),
        level,
        numbered: level > 0,
        task: task.then(Task::default),
        origin: Some(Origin {
            status: OriginStatus::Added,
            ..Origin::default()
        }),
        ..Item::default()
    }
}

/// Add a new item after `id`, at the same level and of the same kind. Returns its id.
pub fn add_sibling(plan: &mut Plan, id: &str, ids: &mut IdGen) -> Option<String> {
    let loc = locate(plan, id)?;
    let (list, i) = siblings_mut(plan, &loc)?;
    let (level, task) = (list[i].level, list[i].task.is_some());
    let item = new_item(ids, level, task);
    let new_id = item.id.clone();
    list.insert(i + 1, item);
    Some(new_id)
}

/// Add a new last child of `id`: the level below, a task at level 3 or deeper. Returns its id.
pub fn add_child(plan: &mut Plan, id: &str, ids: &mut IdGen) -> Option<String> {
    let parent = item_mut(plan, id)?;
    let level = parent
        .children
        .iter()
        .find(|c| c.level > 0)
        .map_or((parent.level + 1).min(5), |c| c.level);
    let item = new_item(ids, level, level >= 3);
    let new_id = item.id.clone();
    parent.children.push(item);
    Some(new_id)
}

/// Append a new top-level item to a container (for an empty plan). Returns its id.
pub fn add_top(plan: &mut Plan, c: ListId, level: u8, ids: &mut IdGen) -> Option<String> {
    let item = new_item(ids, level, level >= 3);
    let new_id = item.id.clone();
    list_mut(plan, c)?.push(item);
    Some(new_id)
}

/// Remove an item (and its children). Returns it.
pub fn delete(plan: &mut Plan, id: &str) -> Option<Item> {
    crate::model::lists::remove(plan, &locate(plan, id)?)
}

/// Move among siblings by one place; false at either end.
pub fn move_by(plan: &mut Plan, id: &str, up: bool) -> bool {
    let Some(loc) = locate(plan, id) else {
        return false;
    };
    let Some((list, i)) = siblings_mut(plan, &loc) else {
        return false;
    };
    let j = if up {
        i.checked_sub(1)
    } else {
        Some(i + 1).filter(|j| *j < list.len())
    };
    match j {
        Some(j) => {
            list.swap(i, j);
            true
        }
        None => false,
    }
}

fn shift_levels(item: &mut Item, delta: i8) {
    if item.level > 0 {
        item.level = (item.level as i8 + delta).clamp(1, 5) as u8;
    }
    for c in &mut item.children {
        shift_levels(c, delta);
    }
}

/// Make the item the last child of its previous sibling (one level deeper).
pub fn indent(plan: &mut Plan, id: &str) -> bool {
    let Some(loc) = locate(plan, id) else {
        return false;
    };
    let Some((list, i)) = siblings_mut(plan, &loc) else {
        return false;
    };
    if i == 0 || list[i].level >= 5 || list[i - 1].level == 0 {
        return false;
    }
    let mut item = list.remove(i);
    let target = list[i - 1].level + 1;
    if item.level > 0 {
        let delta = target as i8 - item.level as i8;
        shift_levels(&mut item, delta);
    }
    if item.level >= 3 && item.task.is_none() && item.children.is_empty() {
        item.task = Some(Task::default());
    }
    list[i - 1].children.push(item);
    true
}

/// Make the item the next sibling of its parent (one level up).
pub fn outdent(plan: &mut Plan, id: &str) -> bool {
    let Some(loc) = locate(plan, id) else {
        return false;
    };
    if loc.path.len() < 2 {
        return false;
    }
    let parent_loc = Loc {
        list: loc.list,
        path: loc.path[..loc.path.len() - 1].to_vec(),
    };
    let Some((parents, p)) = siblings_mut(plan, &parent_loc) else {
        return false;
    };
    let child_index = *loc.path.last().expect("len >= 2");
    let mut item = parents[p].children.remove(child_index);
    let target = parents[p].level;
    if item.level > 0 && target > 0 {
        let delta = target as i8 - item.level as i8;
        shift_levels(&mut item, delta);
    }
    parents.insert(p + 1, item);
    true
}

/// Set the lead and cooperating units of a task (making the item a task if needed).
pub fn set_units(plan: &mut Plan, id: &str, lead: Vec<String>, coop: Vec<String>) -> bool {
    let Some(item) = item_mut(plan, id) else {
        return false;
    };
    let task = item.task.get_or_insert_with(Task::default);
    task.lead = lead;
    task.coop = coop;
    true
}

/// Mark an item 采纳 / 不适用 (with reason) / back; 修改 and 新增 follow from edits.
pub fn set_status(plan: &mut Plan, id: &str, status: OriginStatus, reason: &str) -> bool {
    let Some(item) = item_mut(plan, id) else {
        return false;
    };
    let origin = item.origin.get_or_insert_with(Origin::default);
    origin.status = status;
    origin.reason = reason.to_string();
    true
}

#[cfg(test)]
mod tests;
