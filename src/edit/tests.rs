//! Tests of the edit operations on the sample plan.

use super::*;
use crate::model::{walk, NumberingStyle};

fn sample() -> Plan {
    crate::sample::sample_plan(9).plan
}

fn numbers(plan: &Plan) -> Vec<(String, String)> {
    walk::rows(&plan.body.items, plan.body.numbering)
        .into_iter()
        .filter(|r| r.item.level > 0)
        .map(|r| (r.number.clone(), r.item.title.clone()))
        .collect()
}

fn id_of(plan: &Plan, number: &str) -> String {
    walk::rows(&plan.body.items, plan.body.numbering)
        .into_iter()
        .find(|r| r.number == number)
        .unwrap()
        .item
        .id
        .clone()
}

#[test]
fn move_renumbers_continuously() {
    let mut p = sample();
    let t2 = id_of(&p, "2.");
    assert!(move_by(&mut p, &t2, false));
    let n = numbers(&p);
    let pos = |t: &str| n.iter().find(|(_, x)| x == t).unwrap().0.clone();
    assert_eq!(pos("推进基层应急管理体系建设"), "3.");
    assert_eq!(pos("强化综合统筹协调"), "2.");
    let t1 = id_of(&p, "1.");
    assert!(
        !move_by(&mut p, &t1, true),
        "first of its group cannot move up"
    );
}

#[test]
fn indent_outdent_and_restart_style() {
    let mut p = sample();
    let g2 = id_of(&p, "（二）");
    assert!(outdent(&mut p, &g2), "（二） becomes a level-1 section");
    let n = numbers(&p);
    assert!(n
        .iter()
        .any(|(num, t)| num == "四、" && t == "突出“统”字，强化综合统筹协调"));
    // Its subtree moves up with it: its tasks are now the section's （一）（二）（三）.
    assert!(n
        .iter()
        .any(|(num, t)| num == "（一）" && t == "推进基层应急管理体系建设"));
    // Indenting makes it the last child of 三、 again: the tenth group, tasks 29–31.
    assert!(indent(&mut p, &g2));
    let n = numbers(&p);
    assert!(n
        .iter()
        .any(|(num, t)| num == "（十）" && t == "突出“统”字，强化综合统筹协调"));
    assert!(n
        .iter()
        .any(|(num, t)| num == "29." && t == "推进基层应急管理体系建设"));
    p.body.numbering = NumberingStyle::Restart;
    let n = numbers(&p);
    assert!(n
        .iter()
        .any(|(num, t)| num == "1." && t == "推进基层应急管理体系建设"));
}

#[test]
fn add_and_delete_with_undo() {
    let mut p = sample();
    let before = p.clone();
    let mut h = History::default();
    let mut ids = IdGen::new(5);
    let t1 = id_of(&p, "1.");
    h.record(&p, None);
    let new = add_sibling(&mut p, &t1, &mut ids).unwrap();
    assert_eq!(item(&p, &new).unwrap().level, 3);
    assert!(item(&p, &new).unwrap().task.is_some());
    assert_eq!(
        item(&p, &new).unwrap().origin.as_ref().unwrap().status,
        OriginStatus::Added
    );
    assert_eq!(walk::task_count(&p), 32);
    h.record(&p, None);
    delete(&mut p, &t1).unwrap();
    assert_eq!(walk::task_count(&p), 31);
    assert!(h.undo(&mut p));
    assert!(h.undo(&mut p));
    assert_eq!(p, before);
    assert!(h.redo(&mut p));
    assert_eq!(walk::task_count(&p), 32);
}

#[test]
fn typing_burst_is_one_undo_step() {
    let mut p = sample();
    let before = p.clone();
    let mut h = History::default();
    let t = id_of(&p, "3.");
    for s in ["强", "强化", "强化综"] {
        h.record(&p, Some("t/title"));
        set_field(&mut p, &t, Field::Title, s);
    }
    assert!(h.undo(&mut p));
    assert_eq!(p, before);
    assert!(!h.can_undo());
}

#[test]
fn drafting_keeps_lineage_and_editing_marks_modified() {
    let template = sample();
    let mut d = draft::from_template(&template, &mut IdGen::new(2));
    assert_eq!(d.template.as_deref().unwrap().id, template.id);
    let t1 = id_of(&d, "1.");
    let origin = item(&d, &t1).unwrap().origin.clone().unwrap();
    assert_eq!(origin.status, OriginStatus::Adopted);
    assert_eq!(origin.template_item.unwrap(), id_of(&template, "1."));
    set_field(&mut d, &t1, Field::Text, "改写。");
    assert_eq!(
        item(&d, &t1).unwrap().origin.as_ref().unwrap().status,
        OriginStatus::Modified
    );
    set_status(&mut d, &t1, OriginStatus::NotApplicable, "本区无此项");
    assert_eq!(
        item(&d, &t1).unwrap().origin.as_ref().unwrap().reason,
        "本区无此项"
    );
}

#[test]
fn merge_units_updates_every_task() {
    let mut p = sample();
    let yj = p.units.find("应急局").unwrap().id.clone();
    let mut ids = IdGen::new(4);
    let other = units::add(&mut p, "区应急管理局新", &mut ids).unwrap();
    let t9 = id_of(&p, "9.");
    set_units(&mut p, &t9, vec![other.clone()], vec![yj.clone()]);
    assert!(units::merge(&mut p, &yj, &other));
    let t = item(&p, &t9).unwrap().task.clone().unwrap();
    assert_eq!(t.lead, vec![yj.clone()]);
    assert!(t.coop.is_empty(), "no unit both leads and cooperates");
    assert!(p
        .units
        .get(&yj)
        .unwrap()
        .aliases
        .contains(&"区应急管理局新".to_string()));
    assert!(units::rename(&mut p, &yj, "区应急管理局"));
    assert!(p
        .units
        .get(&yj)
        .unwrap()
        .aliases
        .contains(&"应急局".to_string()));
    let leads_before = units::usage(&sample())[&yj].0;
    assert_eq!(units::usage(&p)[&yj].0, leads_before + 1);
}

#[test]
fn localize_rules() {
    let r = localize::default_rules();
    assert_eq!(
        localize::apply_rules("全市各区县要落实市级责任，市应急局牵头", &r),
        "全区各镇街要落实区级责任，区应急局牵头"
    );
    assert_eq!(
        localize::apply_rules("市场监管局、城市管理局、市政府", &r),
        "市场监管局、城市管理局、区政府"
    );
    assert_eq!(
        localize::apply_rules("市住房城乡建委", &r),
        "区住房城乡建委"
    );
    let mut p = sample();
    p.doc.title = "2024年全市安全生产工作要点".into();
    let changes = localize::preview(&p, &r);
    assert!(changes
        .iter()
        .any(|c| c.target == localize::Target::Title && c.after == "2024年全区安全生产工作要点"));
    let n = changes.len();
    localize::apply(&mut p, &changes);
    assert!(localize::preview(&p, &r).len() < n);
}

mod localize_rules {
    use crate::edit::localize::*;
    use crate::model::Plan;

    #[test]
    fn citations_quotes_and_city_references_stay() {
        let r = default_rules();
        let t = "依据《关于印发2024年全市安全生产工作要点的通知》，贯彻市委六届二次全会精神和市委、市政府决策部署，全市推进“全市一张网”建设。";
        assert_eq!(
            apply_rules(t, &r),
            "依据《关于印发2024年全市安全生产工作要点的通知》，贯彻市委六届二次全会精神和市委、市政府决策部署，全区推进“全市一张网”建设。"
        );
        // An office of the district is still re-scoped.
        assert_eq!(apply_rules("报市政府审定", &r), "报区政府审定");
    }

    #[test]
    fn a_named_city_system_is_proposed_unticked_in_its_sentence() {
        let mut p = Plan::default();
        p.body.preface = vec!["坚持安全发展。健全全市\"1366\"应急管理体系，提升能力。".into()];
        let c = preview(&p, &default_rules());
        assert_eq!(c.len(), 1);
        assert!(!c[0].default_on);
        assert_eq!(c[0].sentence, "健全全市\"1366\"应急管理体系，提升能力。");
        let (a, w, b) = c[0].in_sentence();
        assert_eq!(
            (a.as_str(), w.as_str(), b.as_str()),
            ("健全", "全市", "\"1366\"应急管理体系，提升能力。")
        );
    }

    #[test]
    fn several_changes_in_one_field_apply_together() {
        let mut p = Plan::default();
        p.doc.title = "全市市级工作要点".into();
        let c = preview(&p, &default_rules());
        assert_eq!(c.len(), 2);
        apply(&mut p, &c);
        assert_eq!(p.doc.title, "全区区级工作要点");
    }
}
