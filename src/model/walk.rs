//! Walking the item tree: document order, depth and derived numbers.
//!
//! Owns traversal helpers used by the CLI, the exporters and the UI.
//! Deliberately does not change the tree (edit operations live elsewhere).

use super::numbering::{Numberer, NumberingStyle};
use super::{Body, Item, ItemList, Plan};

/// One line of an outline: an item with its depth (1 = top) and displayed number.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub depth: usize,
    pub number: String,
    pub item: &'a Item,
}

/// Every item of `items` in document order, with depth and derived number.
pub fn rows(items: &[Item], style: NumberingStyle) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    let mut numberer = Numberer::new(style);
    fn go<'a>(items: &'a [Item], depth: usize, n: &mut Numberer, out: &mut Vec<Row<'a>>) {
        for item in items {
            let number = n.enter(item);
            out.push(Row {
                depth,
                number,
                item,
            });
            go(&item.children, depth + 1, n, out);
        }
    }
    go(items, 1, &mut numberer, &mut out);
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
