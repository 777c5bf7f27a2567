//! Duplicate item ids in a restored plan: the first item in document order keeps the id, every
//! later copy gets a fresh one, and references follow sensibly.
//!
//! Owns the re-issuing and the repair of what is keyed by item id: a draft item's origin points
//! at the k-th template copy of a duplicated template id when it is the k-th draft item pointing
//! there (copies were usually made together); feedback replies stay with the item that keeps
//! the id. Also reports levels outside 0–5 before `normalize` clamps them.
//! Deliberately does not fill missing ids (that is `normalize`).

use crate::model::{walk, IdGen, Plan};
use std::collections::{HashMap, HashSet};

fn name(title: &str) -> String {
    crate::parse::report::excerpt(title, 16)
}

/// Report items whose level will be clamped to 5.
pub fn report_levels(plan: &Plan, out: &mut Vec<String>) {
    walk::for_each_item(plan, &mut |i| {
        if i.level > 5 {
            out.push(format!(
                "条目“{}”的层级 {} 超出范围（0–5），已改为 5。",
                name(&i.title),
                i.level
            ));
        }
    });
}

/// Give every later copy of a duplicated item id a fresh id. Returns, per duplicated id, the
/// ids of its copies in document order (the first is the id itself).
fn reissue(
    plan: &mut Plan,
    ids: &mut IdGen,
    whose: &str,
    out: &mut Vec<String>,
) -> HashMap<String, Vec<String>> {
    let mut taken: HashSet<String> = HashSet::new();
    walk::for_each_item(plan, &mut |i| {
        taken.insert(i.id.clone());
    });
    let mut seen: HashSet<String> = HashSet::new();
    let mut copies: HashMap<String, Vec<String>> = HashMap::new();
    walk::for_each_item_mut(plan, &mut |i| {
        if seen.insert(i.id.clone()) {
            return;
        }
        let mut fresh = ids.next('i');
        while taken.contains(&fresh) {
            fresh = ids.next('i');
        }
        taken.insert(fresh.clone());
        out.push(format!(
            "{whose}有两个条目编号相同（{}）：后面的“{}”已改用新编号 {fresh}，前面的保留原编号。",
            i.id,
            name(&i.title)
        ));
        copies
            .entry(i.id.clone())
            .or_insert_with(|| vec![i.id.clone()])
            .push(fresh.clone());
        i.id = fresh;
    });
    copies
}

/// Re-issue duplicate ids in the template and in the plan, and repair the references.
pub fn dedupe(plan: &mut Plan, ids: &mut IdGen, out: &mut Vec<String>) {
    if let Some(t) = plan.template.as_deref_mut() {
        let copies = reissue(t, ids, "市级模板中", out);
        if !copies.is_empty() {
            // The k-th draft item drafted from a duplicated template id follows the k-th copy.
            let mut nth: HashMap<String, usize> = HashMap::new();
            walk::for_each_item_mut(plan, &mut |i| {
                let Some(o) = i.origin.as_mut() else { return };
                let Some(t) = o.template_item.as_ref() else {
                    return;
                };
                let Some(list) = copies.get(t) else { return };
                let k = nth.entry(t.clone()).or_default();
                if let Some(new) = list.get(*k).filter(|n| *n != t) {
                    out.push(format!(
                        "条目“{}”的来源已改指向市级模板中对应的第 {} 个同编号条目（{new}）。",
                        name(&i.title),
                        *k + 1
                    ));
                    o.template_item = Some(new.clone());
                }
                *k += 1;
            });
        }
    }
    // Replies keyed by item id stay with the item that keeps the id (the first).
    reissue(plan, ids, "计划中", out);
}

#[cfg(test)]
mod tests {
    use crate::format::{restore_report, save};
    use crate::model::walk;

    #[test]
    fn duplicate_ids_are_reissued_and_references_follow() {
        let input = r#"{"format":"yaodian-plan","version":1,
          "body":{"items":[
            {"id":"x","level":3,"title":"甲","task":{},"origin":{"template_item":"t"}},
            {"id":"x","level":3,"title":"乙","task":{},"origin":{"template_item":"t"}}]},
          "template":{"body":{"items":[
            {"id":"t","level":3,"title":"甲"},{"id":"t","level":3,"title":"乙"}]}},
          "feedback":{"replies":[{"unit":"u","task":"x","wording":"改"}]}}"#;
        let r = restore_report(input).unwrap();
        let items = &r.plan.body.items;
        assert_eq!(items[0].id, "x");
        assert_ne!(items[1].id, "x");
        let t = &r.plan.template.as_ref().unwrap().body.items;
        assert_eq!(t[0].id, "t");
        assert_ne!(t[1].id, "t");
        assert_eq!(
            items[1].origin.as_ref().unwrap().template_item.as_deref(),
            Some(t[1].id.as_str())
        );
        assert_eq!(
            items[0].origin.as_ref().unwrap().template_item.as_deref(),
            Some("t")
        );
        assert_eq!(r.plan.feedback.replies[0].task, "x");
        assert_eq!(r.repairs.len(), 3, "{:?}", r.repairs);
        assert!(r.repairs.iter().any(|m| m.contains("“乙”已改用新编号")));
        // Ids are unique now, and an edit by id reaches the second item.
        let mut all = Vec::new();
        walk::for_each_item(&r.plan, &mut |i| all.push(i.id.clone()));
        all.dedup();
        assert_eq!(all.len(), 2);
        let mut p = r.plan.clone();
        let second = p.body.items[1].id.clone();
        crate::edit::set_field(&mut p, &second, crate::edit::Field::Title, "丙");
        assert_eq!(p.body.items[0].title, "甲");
        assert_eq!(p.body.items[1].title, "丙");
        // Repaired once, the file reads clean.
        assert!(restore_report(&save(&r.plan)).unwrap().repairs.is_empty());
    }
}
