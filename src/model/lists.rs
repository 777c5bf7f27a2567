//! The one owner of "every list of items in a plan": the main body, each attachment's body, and
//! the task tables of each body, in document order (a body, then its tables).
//!
//! Owns the list id ([`ListId`]), the enumeration ([`lists`] / [`lists_mut`]), finding an item
//! by id ([`locate`], [`item`], [`item_mut`]) and inserting / removing by location. Every feature
//! (edit operations, merge, the new year's draft, 对照, validation, exports, the outline) goes
//! through here, so none of them can forget a task table again.
//! Deliberately does not own the rules of editing (levels, kinds: see `crate::edit`) nor
//! numbering (see [`super::numbering`]).

use super::{Body, Item, NumberingStyle, Plan, TaskTable};

/// Which list of items: the main body, attachment `i` (0-based), or task table `table` of
/// body `body` (0 the main body, N 附件N).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListId {
    Main,
    Attachment(usize),
    Table(usize, usize),
}

impl ListId {
    /// 0 for the main body (and its tables), N for 附件N (and its tables).
    pub fn body(self) -> usize {
        match self {
            Self::Main => 0,
            Self::Attachment(i) => i + 1,
            Self::Table(b, _) => b,
        }
    }
}

/// One list of items, as the features read it.
#[derive(Debug, Clone, Copy)]
pub struct ItemList<'a> {
    pub id: ListId,
    /// The title of the body the list belongs to (the plan's title for the main body).
    pub body_title: &'a str,
    /// The table, when the list is a task table's rows.
    pub table: Option<&'a TaskTable>,
    pub items: &'a [Item],
    pub numbering: NumberingStyle,
}

impl ItemList<'_> {
    /// 0 for the main body, N for 附件N.
    pub fn body(&self) -> usize {
        self.id.body()
    }

    /// The heading a reader sees before the list: the table's caption, `附件N　title`, or none
    /// for the main body.
    pub fn heading(&self) -> Option<String> {
        match (self.table, self.body()) {
            (Some(t), _) => Some(t.caption.clone()),
            (None, 0) => None,
            (None, n) => Some(format!("附件{n}　{}", self.body_title)),
        }
    }

    /// `附件N ` for an attachment's lists, empty for the main body's: prefixes numbers.
    pub fn prefix(&self) -> String {
        match self.body() {
            0 => String::new(),
            n => format!("附件{n} "),
        }
    }

    /// [`Self::prefix`], plus `清单N ` for a task table's rows: tells a table row's number from
    /// the body's own where both are listed together (对照, the city's changes).
    pub fn place_prefix(&self) -> String {
        match self.id {
            ListId::Table(_, t) => format!("{}清单{} ", self.prefix(), t + 1),
            _ => self.prefix(),
        }
    }
}

fn body_mut(plan: &mut Plan, n: usize) -> Option<&mut Body> {
    match n {
        0 => Some(&mut plan.body),
        n => plan.attachments.get_mut(n - 1).map(|a| &mut a.body),
    }
}

/// Every list of the plan in document order: the main body, its tables, then each attachment's
/// body and its tables.
pub fn lists(plan: &Plan) -> Vec<ItemList<'_>> {
    let mut out = Vec::new();
    let bodies = std::iter::once((&plan.doc.title, &plan.body))
        .chain(plan.attachments.iter().map(|a| (&a.title, &a.body)));
    for (b, (title, body)) in bodies.enumerate() {
        out.push(ItemList {
            id: if b == 0 {
                ListId::Main
            } else {
                ListId::Attachment(b - 1)
            },
            body_title: title,
            table: None,
            items: &body.items,
            numbering: body.numbering,
        });
        for (t, table) in body.tables.iter().enumerate() {
            out.push(ItemList {
                id: ListId::Table(b, t),
                body_title: title,
                table: Some(table),
                items: &table.items,
                numbering: table.numbering,
            });
        }
    }
    out
}

/// Every list of the plan, mutably, in the order of [`lists`].
pub fn lists_mut(plan: &mut Plan) -> Vec<(ListId, &mut Vec<Item>)> {
    let mut out = Vec::new();
    let bodies =
        std::iter::once(&mut plan.body).chain(plan.attachments.iter_mut().map(|a| &mut a.body));
    for (b, body) in bodies.enumerate() {
        let id = if b == 0 {
            ListId::Main
        } else {
            ListId::Attachment(b - 1)
        };
        out.push((id, &mut body.items));
        for (t, table) in body.tables.iter_mut().enumerate() {
            out.push((ListId::Table(b, t), &mut table.items));
        }
    }
    out
}

/// The top-level items of one list.
pub fn list(plan: &Plan, id: ListId) -> Option<&Vec<Item>> {
    match id {
        ListId::Main => Some(&plan.body.items),
        ListId::Attachment(i) => plan.attachments.get(i).map(|a| &a.body.items),
        ListId::Table(b, t) => {
            let body = match b {
                0 => &plan.body,
                n => &plan.attachments.get(n - 1)?.body,
            };
            body.tables.get(t).map(|t| &t.items)
        }
    }
}

/// The top-level items of one list, mutably.
pub fn list_mut(plan: &mut Plan, id: ListId) -> Option<&mut Vec<Item>> {
    match id {
        ListId::Main => Some(&mut plan.body.items),
        ListId::Attachment(i) => plan.attachments.get_mut(i).map(|a| &mut a.body.items),
        ListId::Table(b, t) => body_mut(plan, b)?.tables.get_mut(t).map(|t| &mut t.items),
    }
}

/// Where an item is: its list and the index path down the tree (the last index is its place
/// among its siblings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub list: ListId,
    pub path: Vec<usize>,
}

fn find_path(items: &[Item], id: &str, path: &mut Vec<usize>) -> bool {
    for (i, item) in items.iter().enumerate() {
        path.push(i);
        if item.id == id || find_path(&item.children, id, path) {
            return true;
        }
        path.pop();
    }
    false
}

/// Where the item with `id` is, anywhere in the plan.
pub fn locate(plan: &Plan, id: &str) -> Option<Loc> {
    lists(plan).into_iter().find_map(|l| {
        let mut path = Vec::new();
        find_path(l.items, id, &mut path).then_some(Loc { list: l.id, path })
    })
}

/// The sibling list holding the place `loc` names, and the index in it. The index may equal
/// the list's length (the place after the last sibling), which is where [`insert`] appends.
pub fn siblings_mut<'a>(plan: &'a mut Plan, loc: &Loc) -> Option<(&'a mut Vec<Item>, usize)> {
    let (last, parents) = loc.path.split_last()?;
    let mut list = list_mut(plan, loc.list)?;
    for &i in parents {
        list = &mut list.get_mut(i)?.children;
    }
    (*last <= list.len()).then_some((list, *last))
}

/// The item with `id`, anywhere in the plan.
pub fn item<'a>(plan: &'a Plan, id: &str) -> Option<&'a Item> {
    fn go<'a>(items: &'a [Item], id: &str) -> Option<&'a Item> {
        items.iter().find_map(|i| {
            if i.id == id {
                Some(i)
            } else {
                go(&i.children, id)
            }
        })
    }
    lists(plan).into_iter().find_map(|l| go(l.items, id))
}

/// The item with `id`, anywhere in the plan, mutably.
pub fn item_mut<'a>(plan: &'a mut Plan, id: &str) -> Option<&'a mut Item> {
    let loc = locate(plan, id)?;
    let (list, i) = siblings_mut(plan, &loc)?;
    list.get_mut(i)
}

/// Insert `item` at `loc` (shifting what is there down). Gives the item back when the place
/// does not exist.
#[must_use]
pub fn insert(plan: &mut Plan, loc: &Loc, item: Item) -> Option<Item> {
    match siblings_mut(plan, loc) {
        Some((list, i)) => {
            list.insert(i, item);
            None
        }
        None => Some(item),
    }
}

/// Remove the item at `loc` (with its children) and return it.
pub fn remove(plan: &mut Plan, loc: &Loc) -> Option<Item> {
    let (list, i) = siblings_mut(plan, loc)?;
    (i < list.len()).then(|| list.remove(i))
}

/// The place right after the item with `id`.
pub fn after(plan: &Plan, id: &str) -> Option<Loc> {
    let mut loc = locate(plan, id)?;
    *loc.path.last_mut()? += 1;
    Some(loc)
}

/// The place of the first child of the item with `id`.
pub fn first_child(plan: &Plan, id: &str) -> Option<Loc> {
    let mut loc = locate(plan, id)?;
    loc.path.push(0);
    Some(loc)
}

/// The place after the last top-level item of list `id`.
pub fn end_of(plan: &Plan, id: ListId) -> Option<Loc> {
    let n = list(plan, id)?.len();
    Some(Loc {
        list: id,
        path: vec![n],
    })
}

/// Put `item` at the first of `places` that exists, else at the end of the main body: an item
/// is never dropped for want of a place.
pub fn insert_at_first(plan: &mut Plan, places: &[Option<Loc>], mut item: Item) {
    for loc in places.iter().flatten() {
        match insert(plan, loc, item) {
            None => return,
            Some(back) => item = back,
        }
    }
    plan.body.items.push(item);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attachment, TaskTable};

    fn it(id: &str) -> Item {
        Item {
            id: id.into(),
            level: 1,
            ..Item::default()
        }
    }

    fn plan() -> Plan {
        let mut p = Plan::default();
        p.body.items = vec![it("a"), it("b")];
        p.body.tables.push(TaskTable {
            items: vec![it("t1")],
            ..TaskTable::default()
        });
        let mut att = Attachment::default();
        att.body.items = vec![it("c")];
        att.body.tables.push(TaskTable {
            items: vec![it("t2")],
            ..TaskTable::default()
        });
        p.attachments.push(att);
        p
    }

    #[test]
    fn every_list_in_document_order() {
        let p = plan();
        let ids: Vec<ListId> = lists(&p).iter().map(|l| l.id).collect();
        assert_eq!(
            ids,
            [
                ListId::Main,
                ListId::Table(0, 0),
                ListId::Attachment(0),
                ListId::Table(1, 0)
            ]
        );
    }

    #[test]
    fn find_insert_remove_in_tables() {
        let mut p = plan();
        let loc = locate(&p, "t2").unwrap();
        assert_eq!(loc.list, ListId::Table(1, 0));
        let after_t2 = after(&p, "t2").unwrap();
        assert!(insert(&mut p, &after_t2, it("t3")).is_none());
        assert_eq!(item(&p, "t3").unwrap().id, "t3");
        let kid = first_child(&p, "t1").unwrap();
        assert!(insert(&mut p, &kid, it("k")).is_none());
        assert_eq!(p.body.tables[0].items[0].children[0].id, "k");
        let at = locate(&p, "t2").unwrap();
        let removed = remove(&mut p, &at).unwrap();
        assert_eq!(removed.id, "t2");
        assert!(item(&p, "t2").is_none());
        let nowhere = Loc {
            list: ListId::Table(5, 0),
            path: vec![0],
        };
        insert_at_first(&mut p, &[Some(nowhere)], it("z"));
        assert_eq!(p.body.items.last().unwrap().id, "z");
    }
}
