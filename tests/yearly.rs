//! The new year's template: two versions of a city template built from seed 001 (items added,
//! removed, reworded and moved), last year's district draft with edits, and the proposal a
//! careful planner would make.

mod common;
use common::*;
use yaodian::edit::{self, draft, Field};
use yaodian::model::{walk, IdGen, OriginStatus, Plan};
use yaodian::sync::yearly::{apply, propose, Action, CityChangeKind};

fn id_of(p: &Plan, title_start: &str) -> String {
    let mut found = None;
    walk::for_each_item(p, &mut |i| {
        if found.is_none() && i.title.starts_with(title_start) {
            found = Some(i.id.clone());
        }
    });
    found.unwrap_or_else(|| panic!("no item {title_start}"))
}

fn item<'a>(p: &'a Plan, title_start: &str) -> &'a yaodian::model::Item {
    edit::item(p, &id_of(p, title_start)).unwrap()
}

/// The city's 2025 template: years moved on, task 8 reworded, task 31 (and its group) removed,
/// a new task in group (七), task 1 moved into group (八).
fn city_2025() -> Plan {
    let mut t = SEED_001
        .replace("2024年", "2025年")
        .replace("抓好蓄水保水。", "抓好蓄水保水，开展病险水库安全鉴定。");
    let task1 = t
        .lines()
        .find(|l| l.starts_with("1．推行"))
        .unwrap()
        .to_string();
    t = t.replace(&format!("{task1}\n"), "");
    t = t.replace(
        "（九）推进行政执法改革\n",
        &format!("{task1}\n（九）推进行政执法改革\n"),
    );
    let removed = t
        .lines()
        .skip_while(|l| !l.starts_with("（十）强化问题清单报送"))
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    t = t.replace(&format!("{removed}\n"), "");
    t = t.replace("（八）开展宣传教育培训\n", "22．推进应急广播全覆盖。实现行政村应急广播全覆盖。（责任单位：应急局，各镇街）\n（八）开展宣传教育培训\n");
    parse(&t).plan
}

fn district_2024() -> Plan {
    let city = parse(SEED_001).plan;
    let mut d = draft::from_template(&city, &mut IdGen::new(11));
    let t5 = id_of(&d, "持续深化双防控体系建设");
    let text = format!("{}本区重点关注煤矿。", edit::item(&d, &t5).unwrap().text);
    edit::set_field(&mut d, &t5, Field::Text, &text);
    let t8 = id_of(&d, "筑牢防灾减灾基础");
    let text = format!("{}本区增加小流域治理。", edit::item(&d, &t8).unwrap().text);
    edit::set_field(&mut d, &t8, Field::Text, &text);
    let t2 = id_of(&d, "推进基层应急管理体系建设");
    edit::set_status(&mut d, &t2, OriginStatus::NotApplicable, "本区已完成");
    let t14 = id_of(&d, "夯实党政领导责任");
    edit::set_field(
        &mut d,
        &t14,
        Field::Text,
        "对照2023年考核结果，2024年全面落实党政领导责任清单。",
    );
    let t3 = id_of(&d, "强化综合统筹协调");
    let mut ids = IdGen::new(12);
    let own = edit::add_sibling(&mut d, &t3, &mut ids).unwrap();
    edit::set_field(&mut d, &own, Field::Title, "建设区级应急指挥中心");
    edit::set_field(&mut d, &own, Field::Text, "2024年底前建成并投入使用。");
    let yj = d.units.find("应急局").unwrap().id.clone();
    edit::set_units(&mut d, &own, vec![yj], vec![]);
    let t10 = id_of(&d, "夯实党政领导责任");
    edit::set_field(&mut d, &t10, Field::Deadline, "2024年12月底前");
    let t9 = id_of(&d, "完善现场指挥调度");
    edit::item_mut(&mut d, &t9)
        .unwrap()
        .task
        .as_mut()
        .unwrap()
        .deadline = "6月底前".into();
    d
}

#[test]
fn the_city_changes_are_found_by_content() {
    let y = propose(&district_2024(), &city_2025(), &mut IdGen::new(1)).unwrap();
    let find = |kind: CityChangeKind, text: &str| {
        y.city_changes
            .iter()
            .any(|c| c.kind == kind && (c.new_text.contains(text) || c.old_text.contains(text)))
    };
    assert!(find(CityChangeKind::Reworded, "病险水库安全鉴定"));
    assert!(find(CityChangeKind::Removed, "建立考评机制"));
    assert!(find(CityChangeKind::Added, "应急广播全覆盖"));
    assert!(find(CityChangeKind::Moved, "推行“333”工作策略"));
    assert!(find(CityChangeKind::Same, "强化舆情处置"));
    let moved = y
        .city_changes
        .iter()
        .filter(|c| c.kind == CityChangeKind::Moved)
        .count();
    assert_eq!(moved, 1, "renumbering alone is not a move");
    let reworded = y
        .city_changes
        .iter()
        .filter(|c| c.kind == CityChangeKind::Reworded)
        .count();
    assert!(
        reworded <= 4,
        "only the items whose words changed (and years): {reworded}"
    );
}

#[test]
fn the_proposal_is_what_a_careful_planner_would_do() {
    let last = district_2024();
    let y = propose(&last, &city_2025(), &mut IdGen::new(1)).unwrap();
    let defaults: Vec<bool> = y.proposals.iter().map(|p| p.default_on).collect();
    let p = apply(&y, &defaults);
    assert_eq!(p.doc.year, Some(2025));
    assert_eq!(p.doc.title, "2025年全区安全生产与防灾减灾救灾工作要点");
    // Followed the city: the city's new wording, last year's units.
    let t8 = item(&p, "筑牢防灾减灾基础");
    assert!(t8.text.contains("开展病险水库安全鉴定"));
    assert!(
        !t8.text.contains("本区增加小流域治理"),
        "district edit on a reworded item waits for review"
    );
    assert_eq!(p.units.name(&t8.task.as_ref().unwrap().lead[0]), "各镇街");
    assert!(y
        .proposals
        .iter()
        .any(|x| x.label == "本区修改（需复核）" && !x.default_on));
    // District edit where the city did not change: kept.
    assert!(item(&p, "持续深化双防控体系建设")
        .text
        .ends_with("本区重点关注煤矿。"));
    // 不适用 carried with its reason; deadline carried.
    let o = item(&p, "推进基层应急管理体系建设").origin.clone().unwrap();
    assert_eq!(
        (o.status, o.reason.as_str()),
        (OriginStatus::NotApplicable, "本区已完成")
    );
    assert_eq!(
        item(&p, "完善现场指挥调度").task.as_ref().unwrap().deadline,
        "6月底前"
    );
    // A deadline with the plan year moves on (the same rule as setting 年度).
    assert_eq!(
        item(&p, "夯实党政领导责任").task.as_ref().unwrap().deadline,
        "2025年12月底前"
    );
    // Proposals name the task by its title, not only its number.
    assert!(y
        .proposals
        .iter()
        .any(|x| x.label == "沿用单位" && x.place.contains("夯实党政领导责任")));
    // The document data moved on: 发文字号 (number left empty), notice, cover text, dates.
    assert_eq!(p.doc.doc_number, "万盛经开发〔2025〕号");
    assert!(p.doc.cover_text.contains("《2025年"));
    assert_eq!(p.doc.print_date, "2025年5月16日");
    // District-only item carried, flagged, right after its neighbour, year moved on.
    let rows: Vec<String> = walk::rows(&p.body.items, p.body.numbering)
        .iter()
        .map(|r| r.item.title.clone())
        .collect();
    let at = rows.iter().position(|t| t == "强化综合统筹协调").unwrap();
    assert_eq!(rows[at + 1], "建设区级应急指挥中心");
    let own = item(&p, "建设区级应急指挥中心");
    assert_eq!(own.text, "2025年底前建成并投入使用。");
    assert_eq!(own.origin.as_ref().unwrap().status, OriginStatus::Added);
    assert!(y
        .proposals
        .iter()
        .any(|x| x.label == "本区自有" && matches!(x.action, Action::Insert { .. })));
    // Years: the plan year moves on, an older year is flagged and left alone.
    let t14 = item(&p, "夯实党政领导责任");
    assert_eq!(
        t14.text,
        "对照2023年考核结果，2025年全面落实党政领导责任清单。"
    );
    assert!(y
        .proposals
        .iter()
        .any(|x| x.label == "年份待核" && x.message.contains("2023年")));
    // The city's new item is there with its units in last year's registry; the removed one is gone.
    let radio = item(&p, "推进应急广播全覆盖");
    assert_eq!(
        radio.task.as_ref().unwrap().lead,
        vec![last.units.find("应急局").unwrap().id.clone()]
    );
    assert!(!rows.iter().any(|t| t == "建立考评机制"));
    assert!(y
        .proposals
        .iter()
        .any(|x| x.label == "市级删除" && x.message.contains("建立考评机制")));
    // Lineage: the new draft's template is the 2025 city template.
    assert!(p.template.as_ref().unwrap().doc.title.starts_with("2025年"));
}

#[test]
fn rejecting_proposals_leaves_the_city_text() {
    let y = propose(&district_2024(), &city_2025(), &mut IdGen::new(1)).unwrap();
    let p = apply(&y, &vec![false; y.proposals.len()]);
    assert!(!item(&p, "持续深化双防控体系建设").text.contains("煤矿"));
    assert!(!walk::rows(&p.body.items, p.body.numbering)
        .iter()
        .any(|r| r.item.title == "建设区级应急指挥中心"));
    assert!(
        item(&p, "推进基层应急管理体系建设")
            .origin
            .as_ref()
            .unwrap()
            .status
            != OriginStatus::NotApplicable
    );
}

#[test]
fn a_plan_without_lineage_is_refused_clearly() {
    let err = propose(&parse(SEED_001).plan, &city_2025(), &mut IdGen::new(1)).unwrap_err();
    assert!(err.contains("没有保存市级模板"));
}
