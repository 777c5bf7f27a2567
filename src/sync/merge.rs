//! Merging a colleague's copy of the same plan: a three-way merge by stable item ids against
//! the common ancestor found through the plans' revision hashes.
//!
//! Owns the merge rules: changes made on one side only apply by themselves; the same field
//! changed on both sides, or an item deleted on one side and edited on the other, is a
//! conflict the user decides. Deliberately keeps "ours" wherever nothing says otherwise.

use crate::edit;
use crate::model::lists::{self, ListId};
use crate::model::{walk, Item, Origin, Plan, Revision, Task};
use std::collections::{HashMap, HashSet};

/// The content hash of a plan: its file form without the revision list.
pub fn content_hash(plan: &Plan) -> String {
    let bare = Plan {
        revisions: Vec::new(),
        ..plan.clone()
    };
    format!(
        "{:016x}",
        crate::model::ids::fnv1a(crate::format::save_compact(&bare).as_bytes())
    )
}

/// Record the current content as a shared revision (on export or import). Returns its hash.
pub fn record_revision(plan: &mut Plan, editor: &str, time: f64) -> String {
    let hash = content_hash(plan);
    if plan.revisions.last().map(|r| r.hash.as_str()) != Some(hash.as_str()) {
        plan.revisions.push(Revision {
            hash: hash.clone(),
            time,
            editor: editor.to_string(),
            ..Revision::default()
        });
    }
    hash
}

/// Who made the last revision of a copy ("对方" when it does not say).
pub fn author(plan: &Plan) -> String {
    plan.revisions
        .last()
        .map(|r| r.editor.clone())
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| "对方".into())
}

/// The newest revision both copies share, if its content is available through `lookup`.
pub fn common_base(
    ours: &Plan,
    theirs: &Plan,
    lookup: &dyn Fn(&str) -> Option<Plan>,
) -> Option<Plan> {
    let mine: HashSet<&str> = ours.revisions.iter().map(|r| r.hash.as_str()).collect();
    theirs
        .revisions
        .iter()
        .rev()
        .filter(|r| mine.contains(r.hash.as_str()))
        .find_map(|r| lookup(&r.hash))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Text,
    Task,
    Status,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Self::Title => "标题",
            Self::Text => "正文",
            Self::Task => "责任单位与时限",
            Self::Status => "采纳状态",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    /// Both sides changed the same field of an item.
    Field {
        item: String,
        field: Field,
        ours: String,
        theirs: String,
    },
    /// One side deleted the item, the other edited it. `theirs_deleted` tells which.
    Deleted {
        item: String,
        theirs_deleted: bool,
        kept: Box<Item>,
        /// Where the kept item stood (for putting it back).
        anchor: Anchor,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Ours,
    Theirs,
}

#[derive(Debug, Clone)]
pub struct Merged {
    pub plan: Plan,
    /// What came in from the other copy by itself, in words.
    pub applied: Vec<String>,
    pub conflicts: Vec<Conflict>,
    /// Their values for field conflicts (kept to apply a "theirs" choice).
    their_values: HashMap<(String, u8), Item>,
}

/// Where an item stands in a copy: its list, its parent and the sibling before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub list: ListId,
    pub parent: Option<String>,
    pub prev: Option<String>,
}

struct Info {
    item: Item,
    at: Anchor,
}

fn index(plan: &Plan) -> HashMap<String, Info> {
    fn go(items: &[Item], c: ListId, parent: Option<&str>, out: &mut HashMap<String, Info>) {
        let mut prev: Option<String> = None;
        for i in items {
            out.insert(
                i.id.clone(),
                Info {
                    item: Item {
                        children: Vec::new(),
                        ..i.clone()
                    },
                    at: Anchor {
                        list: c,
                        parent: parent.map(str::to_string),
                        prev: prev.clone(),
                    },
                },
            );
            go(&i.children, c, Some(&i.id), out);
            prev = Some(i.id.clone());
        }
    }
    let mut out = HashMap::new();
    for l in lists::lists(plan) {
        go(l.items, l.id, None, &mut out);
    }
    out
}

fn field_value(i: &Item, f: Field) -> String {
    match f {
        Field::Title => i.title.clone(),
        Field::Text => i.text.clone(),
        Field::Task => serde_json::to_string(&i.task).unwrap_or_default(),
        Field::Status => serde_json::to_string(&i.origin).unwrap_or_default(),
    }
}

fn set_field(i: &mut Item, f: Field, from: &Item) {
    match f {
        Field::Title => i.title = from.title.clone(),
        Field::Text => i.text = from.text.clone(),
        Field::Task => i.task = from.task.clone(),
        Field::Status => i.origin = from.origin.clone(),
    }
}

/// Put `item` where it stands in the other copy: after `prev`, else first under `parent`,
/// else at the end of its list (else at the end of the main body).
fn place(plan: &mut Plan, item: Item, at: &Anchor) {
    let places = [
        at.prev.as_deref().and_then(|p| lists::after(plan, p)),
        at.parent
            .as_deref()
            .and_then(|p| lists::first_child(plan, p)),
        lists::end_of(plan, at.list),
    ];
    lists::insert_at_first(plan, &places, item);
}

fn excerpt(i: &Item) -> String {
    crate::parse::report::excerpt(
        if i.title.is_empty() {
            &i.text
        } else {
            &i.title
        },
        20,
    )
}

/// Merge `theirs` into `ours` against their common ancestor `base` (None: no shared
/// version is known, so every difference is a conflict and additions on both sides stay).
pub fn merge(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> Merged {
    let empty = Plan::default();
    let (b, o, t) = (index(base.unwrap_or(&empty)), index(ours), index(theirs));
    let mut plan = ours.clone();
    let mut applied = Vec::new();
    let mut conflicts = Vec::new();
    let mut their_values = HashMap::new();
    let who = author(theirs);
    // Their additions and deletions, in their document order.
    let mut order: Vec<String> = Vec::new();
    walk::for_each_item(theirs, &mut |i| order.push(i.id.clone()));
    for id in &order {
        let Some(ti) = t.get(id) else { continue };
        match (b.get(id), o.get(id)) {
            (None, None) => {
                // Children come one by one, in order, after their parent.
                place(&mut plan, ti.item.clone(), &ti.at);
                applied.push(format!("{who}新增：{}", excerpt(&ti.item)));
            }
            (Some(bi), None) => {
                let changed = [Field::Title, Field::Text, Field::Task, Field::Status]
                    .iter()
                    .any(|f| field_value(&bi.item, *f) != field_value(&ti.item, *f));
                if changed {
                    let full = edit::item(theirs, id)
                        .cloned()
                        .unwrap_or_else(|| ti.item.clone());
                    conflicts.push(Conflict::Deleted {
                        item: id.clone(),
                        theirs_deleted: false,
                        kept: Box::new(full),
                        anchor: ti.at.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    let mut ours_ids: Vec<&String> = o.keys().collect();
    crate::order::sort_by(&mut ours_ids, Ord::cmp);
    for id in ours_ids {
        let oi = &o[id];
        let Some(bi) = b.get(id) else { continue };
        if t.contains_key(id) {
            continue;
        }
        let differs = |x: &Item, base: Option<&Info>| match base {
            None => true,
            Some(bi) => [Field::Title, Field::Text, Field::Task, Field::Status]
                .iter()
                .any(|f| field_value(&bi.item, *f) != field_value(x, *f)),
        };
        // Our edits anywhere below the item count too: deleting it would lose them.
        let mut below = false;
        if let Some(full) = edit::item(ours, id) {
            fn walk_children(i: &Item, f: &mut dyn FnMut(&Item)) {
                for c in &i.children {
                    f(c);
                    walk_children(c, f);
                }
            }
            walk_children(full, &mut |c| below |= differs(c, b.get(&c.id)));
        }
        if differs(&oi.item, Some(bi)) || below {
            conflicts.push(Conflict::Deleted {
                item: id.clone(),
                theirs_deleted: true,
                kept: Box::new(oi.item.clone()),
                anchor: oi.at.clone(),
            });
        } else {
            edit::delete(&mut plan, id);
            applied.push(format!("{who}删除：{}", excerpt(&oi.item)));
        }
    }
    // Field by field on items both copies have.
    let mut ids: Vec<&String> = o.keys().filter(|id| t.contains_key(*id)).collect();
    crate::order::sort_by(&mut ids, Ord::cmp);
    for id in ids {
        let (oi, ti) = (&o[id].item, &t[id].item);
        for f in [Field::Title, Field::Text, Field::Task, Field::Status] {
            let (ov, tv) = (field_value(oi, f), field_value(ti, f));
            if ov == tv {
                continue;
            }
            let bv = b.get(id).map(|x| field_value(&x.item, f));
            if bv.as_deref() == Some(ov.as_str()) {
                if let Some(target) = edit::item_mut(&mut plan, id) {
                    set_field(target, f, ti);
                }
                applied.push(format!("{who}修改了“{}”的{}", excerpt(ti), f.label()));
            } else if bv.as_deref() != Some(tv.as_str()) {
                their_values.insert((id.clone(), f as u8), ti.clone());
                let show = |i: &Item| match f {
                    Field::Task => describe_task(ours, theirs, i.task.as_ref()),
                    Field::Status => i
                        .origin
                        .as_ref()
                        .map(|o: &Origin| format!("{}{}", o.status.label(), o.reason))
                        .unwrap_or_default(),
                    _ => field_value(i, f),
                };
                conflicts.push(Conflict::Field {
                    item: id.clone(),
                    field: f,
                    ours: show(oi),
                    theirs: show(ti),
                });
            }
        }
    }
    // Units they added, the document data they changed.
    for u in &theirs.units.units {
        if plan.units.get(&u.id).is_none() {
            plan.units.units.push(u.clone());
        }
    }
    // Through the JSON text, not `to_value`/`from_value`: those instantiate DocInfo's serde code
    // a second time for `Value` (wasm size), the text path is the file format's own.
    let value = |doc: &crate::model::DocInfo| {
        serde_json::to_string(doc)
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
    };
    let (bd, od, td) = (
        value(&base.unwrap_or(&empty).doc),
        value(&ours.doc),
        value(&theirs.doc),
    );
    if let (
        Some(serde_json::Value::Object(bd)),
        Some(serde_json::Value::Object(mut od)),
        Some(serde_json::Value::Object(td)),
    ) = (bd, od, td)
    {
        for (k, tv) in &td {
            if od.get(k) != Some(tv) && bd.get(k) == od.get(k) && base.is_some() {
                od.insert(k.clone(), tv.clone());
                applied.push(format!("{who}修改了文件信息（{k}）"));
            }
        }
        if let Ok(doc) = serde_json::from_str(&serde_json::Value::Object(od).to_string()) {
            plan.doc = doc;
        }
    }
    for r in &theirs.revisions {
        if !plan.revisions.iter().any(|x| x.hash == r.hash) {
            plan.revisions.push(r.clone());
        }
    }
    Merged {
        plan,
        applied,
        conflicts,
        their_values,
    }
}

fn describe_task(ours: &Plan, theirs: &Plan, t: Option<&Task>) -> String {
    let Some(t) = t else {
        return "（不是任务）".into();
    };
    let name = |id: &String| {
        ours.units
            .get(id)
            .or_else(|| theirs.units.get(id))
            .map_or(id.clone(), |u| u.name.clone())
    };
    let join = |v: &[String]| v.iter().map(name).collect::<Vec<_>>().join("、");
    format!(
        "牵头：{}；配合：{}；时限：{}",
        join(&t.lead),
        join(&t.coop),
        t.deadline
    )
}

/// Apply the user's choice for conflict `n`.
pub fn resolve(m: &mut Merged, n: usize, choice: Choice) {
    let Some(c) = m.conflicts.get(n).cloned() else {
        return;
    };
    match (c, choice) {
        (Conflict::Field { item, field, .. }, Choice::Theirs) => {
            if let Some(from) = m.their_values.get(&(item.clone(), field as u8)).cloned() {
                if let Some(target) = edit::item_mut(&mut m.plan, &item) {
                    set_field(target, field, &from);
                }
            }
        }
        (
            Conflict::Deleted {
                item,
                theirs_deleted: true,
                ..
            },
            Choice::Theirs,
        ) => {
            edit::delete(&mut m.plan, &item);
        }
        (
            Conflict::Deleted {
                theirs_deleted: false,
                kept,
                anchor,
                ..
            },
            Choice::Theirs,
        ) => {
            place(&mut m.plan, *kept, &anchor);
        }
        (_, Choice::Ours) => {}
    }
}

/// Set a conflicting field to text the user wrote.
pub fn resolve_with_text(m: &mut Merged, n: usize, text: &str) {
    if let Some(Conflict::Field { item, field, .. }) = m.conflicts.get(n).cloned() {
        if let Some(target) = edit::item_mut(&mut m.plan, &item) {
            match field {
                Field::Title => target.title = text.to_string(),
                Field::Text => target.text = text.to_string(),
                _ => {}
            }
        }
    }
}
