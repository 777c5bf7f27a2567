//! Task-table rows are items like any other: merge, 对照 and the new year's draft see them
//! (they all go through `model::lists`).

mod common;
use common::*;
use yaodian::compare;
use yaodian::edit::{self, draft, Field as EditField};
use yaodian::model::{IdGen, Item, OriginStatus, Plan, Task, TaskTable};
use yaodian::sync::merge::{self, Conflict, Field};
use yaodian::sync::yearly::{apply, propose, Action, CityChangeKind};

fn row(id: &str, title: &str) -> Item {
    Item {
        id: id.into(),
        level: 3,
        numbered: true,
        title: title.into(),
        task: Some(Task::default()),
        ..Item::default()
    }
}

/// Seed 001 with a task table under the main body.
fn with_table(rows: &[(&str, &str)]) -> Plan {
    let mut p = parse(SEED_001).plan;
    p.body.tables.push(TaskTable {
        id: "tbl".into(),
        caption: "重点工作任务清单".into(),
        items: rows.iter().map(|(id, t)| row(id, t)).collect(),
        ..TaskTable::default()
    });
    p
}

fn table_titles(p: &Plan) -> Vec<String> {
    p.body.tables[0]
        .items
        .iter()
        .map(|i| i.title.clone())
        .collect()
}

#[test]
fn merge_keeps_table_row_edits_from_both_sides_and_shows_a_row_conflict() {
    let template = with_table(&[
        ("r1", "排查燃气隐患"),
        ("r2", "整治消防通道"),
        ("r3", "开展应急演练"),
    ]);
    let mut base = draft::from_template(&template, &mut IdGen::new(3));
    merge::record_revision(&mut base, "小王", 1.0);
    let ids: Vec<String> = base.body.tables[0]
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    edit::set_field(&mut ours, &ids[0], EditField::Title, "排查燃气隐患（本方）");
    edit::set_field(&mut ours, &ids[2], EditField::Title, "开展应急演练（本方）");
    edit::set_field(&mut theirs, &ids[1], EditField::Text, "对方补充的正文。");
    edit::set_field(
        &mut theirs,
        &ids[2],
        EditField::Title,
        "开展应急演练（对方）",
    );
    let added = edit::add_sibling(&mut theirs, &ids[1], &mut IdGen::new(9)).unwrap();
    edit::set_field(&mut theirs, &added, EditField::Title, "对方新增的清单行");
    merge::record_revision(&mut theirs, "小李", 2.0);

    let m = merge::merge(Some(&base), &ours, &theirs);
    assert_eq!(
        table_titles(&m.plan),
        [
            "排查燃气隐患（本方）",
            "整治消防通道",
            "对方新增的清单行",
            "开展应急演练（本方）"
        ]
    );
    assert_eq!(
        edit::item(&m.plan, &ids[1]).unwrap().text,
        "对方补充的正文。"
    );
    assert!(m.conflicts.iter().any(|c| matches!(c,
        Conflict::Field { item, field: Field::Title, ours, theirs }
            if *item == ids[2] && ours == "开展应急演练（本方）" && theirs == "开展应急演练（对方）")));
    assert!(m.applied.iter().any(|a| a.contains("对方新增的清单行")));
}

#[test]
fn compare_pairs_include_table_rows() {
    let template = with_table(&[("r1", "排查燃气隐患"), ("r2", "整治消防通道")]);
    let mut d = draft::from_template(&template, &mut IdGen::new(3));
    let r2 = d.body.tables[0].items[1].id.clone();
    edit::set_field(&mut d, &r2, EditField::Title, "整治消防通道和楼道");
    let (pairs, _) = compare::pairs(&d);
    let of = |t: &str| pairs.iter().find(|p| p.template_text == t);
    assert_eq!(of("排查燃气隐患").unwrap().status, OriginStatus::Adopted);
    let p2 = of("整治消防通道").expect("table row paired");
    assert_eq!(p2.status, OriginStatus::Modified);
    assert_eq!(p2.draft_text, "整治消防通道和楼道");
    assert!(
        p2.template_number.starts_with("清单1 ") && p2.draft_number.starts_with("清单1 "),
        "{p2:?}"
    );
}

#[test]
fn yearly_matches_and_carries_table_rows() {
    let mut old_city = with_table(&[("r1", "排查燃气隐患"), ("r2", "整治消防通道")]);
    old_city.doc.year = Some(2024);
    let mut last = draft::from_template(&old_city, &mut IdGen::new(3));
    let rows: Vec<String> = last.body.tables[0]
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    // Last year the district marked row 2 不适用 and added a row of its own to the table.
    edit::set_status(&mut last, &rows[1], OriginStatus::NotApplicable, "本区无");
    let own = edit::add_sibling(&mut last, &rows[0], &mut IdGen::new(8)).unwrap();
    edit::set_field(&mut last, &own, EditField::Title, "本区自有清单行");
    let mut new_city = with_table(&[("r1", "排查燃气隐患"), ("r2", "整治消防通道和楼道")]);
    new_city.doc.year = Some(2025);

    let y = propose(&last, &new_city, &mut IdGen::new(11)).unwrap();
    assert!(y
        .city_changes
        .iter()
        .any(|c| c.kind == CityChangeKind::Reworded
            && c.old_text == "整治消防通道"
            && c.new_text == "整治消防通道和楼道"));
    assert!(y.proposals.iter().any(|p| p.label == "沿用不适用"));
    assert!(y.proposals.iter().any(
        |p| matches!(&p.action, Action::Insert { item, .. } if item.title == "本区自有清单行")
    ));
    let plan = apply(&y, &vec![true; y.proposals.len()]);
    let titles = table_titles(&plan);
    assert_eq!(titles[0], "排查燃气隐患");
    assert_eq!(titles[1], "本区自有清单行", "{titles:?}");
    assert_eq!(
        plan.body.tables[0].items[2].origin.as_ref().unwrap().status,
        OriginStatus::NotApplicable
    );
}
