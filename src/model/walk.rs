//! Walking the item tree: document order, depth and derived numbers.
//!
//! Owns traversal helpers used by the CLI, the exporters and the UI, and the one rule of what
//! reaches the document: [`exported_rows`] leaves out 不适用 items with their children, and
//! [`rows`] gives them no number, so every view and exporter numbers the same way.
//! Deliberately does not change the tree (edit operations live elsewhere).

use super::numbering::{Numberer, NumberingStyle};
use super::{Body, Item, ItemList, OriginStatus, Plan};

/// Whether the item itself is marked 不适用 (it and its children leave the document).
pub fn not_applicable(item: &Item) -> bool {
    item.origin
        .as_ref()
        .is_some_and(|o| o.status == OriginStatus::NotApplicable)
}

/// One line of an outline: an item with its depth (1 = top) and displayed number.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub depth: usize,
    pub number: String,
    pub item: &'a Item,
}

/// Every item of `items` in document order, with depth and derived number. Items marked 不适用
/// (and their children) are listed, for the editor and the comparison, but numbered "" and
/// skipped by the counters: the document's numbering runs on without them.
pub fn rows(items: &[Item], style: NumberingStyle) -> Vec<Row<'_>> {
    walk_rows(items, style, true)
}

/// The items that reach the official document and every export: [`rows`] without the items
/// marked 不适用 and their children. Every exporter and document view calls this one.
pub fn exported_rows(items: &[Item], style: NumberingStyle) -> Vec<Row<'_>> {
    walk_rows(items, style, false)
}

fn walk_rows(items: &[Item], style: NumberingStyle, keep_dropped: bool) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    let mut numberer = Numberer::new(style);
    struct Walk<'a, 'b> {
        n: &'b mut Numberer,
        out: &'b mut Vec<Row<'a>>,
        keep: bool,
    }
    fn go<'a>(items: &'a [Item], depth: usize, dropped: bool, w: &mut Walk<'a, '_>) {
        for item in items {
            let dropped = dropped || not_applicable(item);
            if dropped && !w.keep {
                continue;
            }
            let number = if dropped {
                String::new()
            } else {
                w.n.enter(item)
            };
            w.out.push(Row {
                depth,
                number,
                item,
            });
            go(&item.children, depth + 1, dropped, w);
        }
    }
    let mut w = Walk {
        n: &mut numberer,
        out: &mut out,
        keep: keep_dropped,
    };
    go(items, 1, false, &mut w);
    out
}

/// A body and where it sits in the plan.
#[derive(Debug, Clone, Copy)]
pub struct BodyRef<'a> {
    /// 0 for the main text, N for 附件N.
    pub attachment: usize,
    pub title: &'a str,
    pub body: &'a Body,
}

/// The main body, then each attachment's body.
pub fn bodies(plan: &Plan) -> Vec<BodyRef<'_>> {
    let mut out = vec![BodyRef {
        attachment: 0,
        title: &plan.doc.title,
        body: &plan.body,
    }];
    for (i, a) in plan.attachments.iter().enumerate() {
        out.push(BodyRef {
            attachment: i + 1,
            title: &a.title,
            body: &a.body,
        });
    }
    out
}

/// Visit every item of the plan (bodies and their tables, see [`super::lists`]), mutably.
pub fn for_each_item_mut(plan: &mut Plan, f: &mut dyn FnMut(&mut Item)) {
    fn go(items: &mut [Item], f: &mut dyn FnMut(&mut Item)) {
        for item in items {
            f(item);
            go(&mut item.children, f);
        }
    }
    for (_, items) in super::lists::lists_mut(plan) {
        go(items, f);
    }
}

/// Visit every item of the plan (bodies and their tables, see [`super::lists`]).
pub fn for_each_item(plan: &Plan, f: &mut dyn FnMut(&Item)) {
    fn go(items: &[Item], f: &mut dyn FnMut(&Item)) {
        for item in items {
            f(item);
            go(&item.children, f);
        }
    }
    for l in super::lists::lists(plan) {
        go(l.items, f);
    }
}

/// Number of tasks that reach the document (not 不适用), tables included.
pub fn exported_task_count(plan: &Plan) -> usize {
    let mut n = 0;
    for b in bodies(plan) {
        n += exported_rows(&b.body.items, b.body.numbering)
            .iter()
            .filter(|r| r.item.task.is_some())
            .count();
        for t in &b.body.tables {
            n += exported_rows(&t.items, t.numbering)
                .iter()
                .filter(|r| r.item.task.is_some())
                .count();
        }
    }
    n
}

/// Every row of every list of the plan (bodies and their tables) in document order, each with
/// its list.
pub fn all_rows(plan: &Plan) -> Vec<(ItemList<'_>, Row<'_>)> {
    super::lists::lists(plan)
        .into_iter()
        .flat_map(|l| rows(l.items, l.numbering).into_iter().map(move |r| (l, r)))
        .collect()
}

/// Number of tasks in the plan, tables included.
pub fn task_count(plan: &Plan) -> usize {
    let mut n = 0;
    for_each_item(plan, &mut |i| n += usize::from(i.task.is_some()));
    n
}
