//! Three-way merge of two copies of one plan through their common revision.

mod common;
use common::*;
use yaodian::edit::{self, Field as EditField};
use yaodian::model::{walk, IdGen, Plan};
use yaodian::sync::merge::{self, Choice, Conflict, Field};

fn id_of(p: &Plan, number: &str) -> String {
    walk::rows(&p.body.items, p.body.numbering)
        .into_iter()
        .find(|r| r.number == number)
        .unwrap()
        .item
        .id
        .clone()
}

fn title(p: &Plan, id: &str) -> Option<String> {
    edit::item(p, id).map(|i| i.title.clone())
}

fn setup() -> (Plan, Plan, Plan) {
    let mut base = edit::draft::from_template(&parse(SEED_001).plan, &mut IdGen::new(3));
    merge::record_revision(&mut base, "小王", 1.0);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let t = |p: &Plan, n: &str| id_of(p, n);
    // Ours: edit task 1, add after task 3, delete task 6, edit task 5's title.
    let (t1, t3, t5, t6) = (
        t(&ours, "1."),
        t(&ours, "3."),
        t(&ours, "5."),
        t(&ours, "6."),
    );
    edit::set_field(&mut ours, &t1, EditField::Title, "推行“333”工作法");
    let mine = edit::add_sibling(&mut ours, &t3, &mut IdGen::new(4)).unwrap();
    edit::set_field(&mut ours, &mine, EditField::Title, "本区新增甲");
    edit::delete(&mut ours, &t6);
    edit::set_field(&mut ours, &t5, EditField::Title, "持续深化双防控（本方）");
    // Theirs: edit task 2's text, delete task 4, add after task 9, edit task 5 and task 6.
    let (t2, t4, t9) = (t(&theirs, "2."), t(&theirs, "4."), t(&theirs, "9."));
    edit::set_field(&mut theirs, &t2, EditField::Text, "对方改写的正文。");
    edit::delete(&mut theirs, &t4);
    let theirs_new = edit::add_sibling(&mut theirs, &t9, &mut IdGen::new(5)).unwrap();
    edit::set_field(&mut theirs, &theirs_new, EditField::Title, "对方新增乙");
    edit::set_field(&mut theirs, &t5, EditField::Title, "持续深化双防控（对方）");
    edit::set_field(&mut theirs, &t6, EditField::Text, "对方补充了内容。");
    merge::record_revision(&mut theirs, "小李", 2.0);
    (base, ours, theirs)
}

#[test]
fn the_common_base_is_found_through_revisions() {
    let (base, ours, theirs) = setup();
    let stored = base.clone();
    let lookup = |h: &str| (h == merge::content_hash(&stored)).then(|| stored.clone());
    let found = merge::common_base(&ours, &theirs, &lookup).expect("shared revision");
    assert_eq!(found, base);
    assert!(merge::common_base(&parse(SEED_001).plan, &theirs, &lookup).is_none());
}

#[test]
fn non_conflicting_changes_apply_by_themselves() {
    let (base, ours, theirs) = setup();
    let m = merge::merge(Some(&base), &ours, &theirs);
    let p = &m.plan;
    let rows: Vec<String> = walk::rows(&p.body.items, p.body.numbering)
        .iter()
        .map(|r| r.item.title.clone())
        .collect();
    assert!(rows.contains(&"推行“333”工作法".to_string()), "our edit");
    assert!(rows.contains(&"本区新增甲".to_string()), "our addition");
    let at = rows
        .iter()
        .position(|t| t == "完善现场指挥调度和突发事件信息报送机制")
        .unwrap();
    assert_eq!(
        rows[at + 1],
        "对方新增乙",
        "their addition, placed after their task 9"
    );
    assert!(
        !rows.contains(&"完善工作任务落实闭环机制".to_string()),
        "their deletion"
    );
    assert_eq!(
        edit::item(p, &id_of(&base, "2.")).unwrap().text,
        "对方改写的正文。"
    );
    assert!(
        m.applied
            .iter()
            .any(|a| a.starts_with("小李修改了") && a.contains("正文")),
        "who changed what: {:?}",
        m.applied
    );
    assert!(m.applied.iter().any(|a| a.starts_with("小李新增")));
    assert!(p.revisions.iter().any(|r| r.editor == "小李"));
}

#[test]
fn conflicts_are_listed_and_resolved_by_choice() {
    let (base, ours, theirs) = setup();
    let mut m = merge::merge(Some(&base), &ours, &theirs);
    assert_eq!(m.conflicts.len(), 2, "{:?}", m.conflicts);
    let (t5, t6) = (id_of(&base, "5."), id_of(&base, "6."));
    let field = m
        .conflicts
        .iter()
        .position(|c| matches!(c, Conflict::Field { item, field: Field::Title, .. } if *item == t5))
        .unwrap();
    let deleted = m
        .conflicts
        .iter()
        .position(
            |c| matches!(c, Conflict::Deleted { item, theirs_deleted: false, .. } if *item == t6),
        )
        .unwrap();
    if let Conflict::Field { ours, theirs, .. } = &m.conflicts[field] {
        assert_eq!(
            (ours.as_str(), theirs.as_str()),
            ("持续深化双防控（本方）", "持续深化双防控（对方）")
        );
    }
    // Until decided, ours stands.
    assert_eq!(title(&m.plan, &t5).unwrap(), "持续深化双防控（本方）");
    assert!(title(&m.plan, &t6).is_none());
    merge::resolve(&mut m, field, Choice::Theirs);
    merge::resolve(&mut m, deleted, Choice::Theirs);
    assert_eq!(title(&m.plan, &t5).unwrap(), "持续深化双防控（对方）");
    assert_eq!(edit::item(&m.plan, &t6).unwrap().text, "对方补充了内容。");
    merge::resolve_with_text(&mut m, field, "持续深化双防控（商定）");
    assert_eq!(title(&m.plan, &t5).unwrap(), "持续深化双防控（商定）");
}

#[test]
fn without_a_common_base_differences_are_conflicts_and_nothing_is_lost() {
    let (_, ours, theirs) = setup();
    let m = merge::merge(None, &ours, &theirs);
    assert!(m.conflicts.len() >= 4);
    let titles: Vec<String> = walk::rows(&m.plan.body.items, m.plan.body.numbering)
        .iter()
        .map(|r| r.item.title.clone())
        .collect();
    assert!(
        titles.contains(&"本区新增甲".to_string()) && titles.contains(&"对方新增乙".to_string())
    );
    assert!(
        titles.contains(&"完善工作任务落实闭环机制".to_string()),
        "no deletion without a base"
    );
}

#[test]
fn their_deletion_of_a_section_we_edited_inside_is_a_conflict_not_a_loss() {
    let (base, mut ours, mut theirs) = setup();
    // They delete the whole group （三）; we edited task 7 inside it.
    let group = walk::rows(&base.body.items, base.body.numbering)
        .into_iter()
        .find(|r| r.number == "（三）")
        .unwrap()
        .item
        .id
        .clone();
    edit::delete(&mut theirs, &group);
    let t7 = id_of(&ours, "7.");
    edit::set_field(&mut ours, &t7, EditField::Text, "本方补充。");
    let m = merge::merge(Some(&base), &ours, &theirs);
    assert!(m.conflicts.iter().any(
        |c| matches!(c, Conflict::Deleted { item, theirs_deleted: true, .. } if *item == group)
    ));
    assert_eq!(
        edit::item(&m.plan, &t7).unwrap().text,
        "本方补充。",
        "kept until the user decides"
    );
}
