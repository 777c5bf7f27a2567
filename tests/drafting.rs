//! Issue 14: a draft that makes a correct official document. The year rule, localisation with
//! its exceptions, 不适用 leaving every export, the GB/T 9704 layout details and the export
//! smalls, each checked on what a reviewing office would read.

mod common;
use common::*;
use yaodian::edit::{self, draft, localize, year};
use yaodian::export::{self, Format, Options};
use yaodian::model::{walk, IdGen, OriginStatus, Plan};

fn sample_draft() -> Plan {
    draft::from_template(&parse(SEED_001).plan, &mut IdGen::new(5))
}

fn id_of(p: &Plan, title: &str) -> String {
    let mut id = None;
    walk::for_each_item(p, &mut |i| {
        if i.title == title {
            id = Some(i.id.clone());
        }
    });
    id.unwrap_or_else(|| panic!("no item {title}"))
}

fn unzip(bytes: &[u8], part: &str) -> String {
    let pkg = yaodian::package::Package::open(bytes).unwrap();
    String::from_utf8(pkg.part(part, 1 << 26).unwrap()).unwrap()
}

fn text_of(xml: &str) -> String {
    let mut out = String::new();
    for piece in xml.split("<w:t xml:space=\"preserve\">").skip(1) {
        out.push_str(&piece[..piece.find("</w:t>").unwrap()]);
    }
    out
}

#[test]
fn setting_the_year_proposes_every_dependent_field() {
    let mut p = sample_draft();
    let t = id_of(&p, "夯实党政领导责任");
    edit::set_field(&mut p, &t, edit::Field::Deadline, "2024年12月底前");
    let changes = year::propose(&p, 2024, 2025);
    let after = |target: year::Target| {
        changes
            .iter()
            .find(|c| c.target == target)
            .map(|c| c.after.clone())
            .unwrap_or_default()
    };
    use year::{DocField as F, Target as T};
    assert_eq!(after(T::Doc(F::DocNumber)), "万盛经开发〔2025〕号");
    assert!(after(T::Doc(F::NoticeTitle)).contains("关于印发2025年全区"));
    assert!(after(T::Doc(F::Title)).starts_with("2025年全区"));
    assert!(after(T::Doc(F::CoverText)).starts_with("现将《2025年全区"));
    assert_eq!(after(T::Doc(F::PrintDate)), "2025年5月16日");
    let preface = after(T::Preface(0, 0));
    assert!(preface.contains("特制定2025年全区"), "{preface}");
    // The cited city document and its number are references: flagged, not moved.
    assert!(preface.contains("《关于印发2024年全市") && preface.contains("渝府发〔2024〕1号"));
    assert_eq!(
        after(T::Item(t.clone(), edit::Field::Deadline)),
        "2025年12月底前"
    );
    let flags: Vec<&str> = changes
        .iter()
        .flat_map(|c| c.flags.iter().map(|f| f.message.as_str()))
        .collect();
    assert!(flags.iter().any(|m| m.contains("2023年")), "{flags:?}");
    assert!(flags.iter().any(|m| m.contains("引用的文件")), "{flags:?}");
    year::apply(&mut p, Some(2025), &changes);
    assert_eq!(p.doc.year, Some(2025));
    let text =
        String::from_utf8(export::export(&p, Format::Text, &Options::default()).unwrap()).unwrap();
    assert!(text.contains("2023年水毁修复项目"));
    assert!(text.contains("2025年5月16日印发"));
    // Re-dating is not an edit of the wording: origins stay 采纳.
    assert_eq!(
        edit::item(&p, &t).unwrap().origin.as_ref().unwrap().status,
        OriginStatus::Adopted
    );
}

#[test]
fn localising_keeps_citations_city_references_and_asks_about_named_systems() {
    let mut p = sample_draft();
    p.body.preface.push(
        "贯彻市委六届二次全会精神和市委、市政府决策部署，落实《关于印发2024年全市安全生产工作要点的通知》，健全全市“1366”应急管理体系，全市各区县要压实市级责任。".into(),
    );
    let changes = localize::preview(&p, &localize::default_rules());
    let ours: Vec<&localize::Change> = changes
        .iter()
        .filter(|c| c.sentence.contains("1366"))
        .collect();
    let words: Vec<(String, bool)> = ours
        .iter()
        .map(|c| (c.in_sentence().1, c.default_on))
        .collect();
    assert_eq!(
        words,
        vec![
            ("全市".to_string(), false),
            ("全市".to_string(), true),
            ("各区县".to_string(), true),
            ("市级".to_string(), true)
        ]
    );
    // Each change comes with its whole sentence, never cut mid-word.
    assert!(ours
        .iter()
        .all(|c| c.sentence.starts_with("贯彻") && c.sentence.ends_with('。')));
    let kept: Vec<localize::Change> = changes.into_iter().filter(|c| c.default_on).collect();
    localize::apply(&mut p, &kept);
    assert_eq!(
        p.body.preface.last().unwrap(),
        "贯彻市委六届二次全会精神和市委、市政府决策部署，落实《关于印发2024年全市安全生产工作要点的通知》，健全全市“1366”应急管理体系，全区各镇街要压实区级责任。"
    );
}

#[test]
fn not_applicable_leaves_every_export_and_the_numbering() {
    let mut p = sample_draft();
    let gone = id_of(&p, "推进基层应急管理体系建设");
    edit::set_status(&mut p, &gone, OriginStatus::NotApplicable, "本区已完成");
    let all = walk::task_count(&p);
    assert_eq!(walk::exported_task_count(&p), all - 1);
    let rows = yaodian::render::task_rows(&p);
    assert_eq!(rows.len(), all - 1);
    assert!(!rows.iter().any(|r| r.id == gone));
    // Numbering runs on without it: the next task takes number 2.
    assert!(rows
        .iter()
        .any(|r| r.number == "2." && r.title == "强化综合统筹协调"));
    // Still in the editor's walk, without a number.
    let listed = walk::rows(&p.body.items, p.body.numbering);
    let r = listed.iter().find(|r| r.item.id == gone).unwrap();
    assert_eq!(r.number, "");
    for (f, opts) in [
        (
            Format::Docx,
            Options {
                task_table: true,
                unit: None,
            },
        ),
        (Format::Xlsx, Options::default()),
        (Format::Csv, Options::default()),
        (Format::Markdown, Options::default()),
        (Format::Text, Options::default()),
    ] {
        let bytes = export::export(&p, f, &opts).unwrap();
        let text = match f {
            Format::Docx => text_of(&unzip(&bytes, "word/document.xml")),
            Format::Xlsx => unzip(&bytes, "xl/worksheets/sheet1.xml"),
            _ => String::from_utf8(bytes).unwrap(),
        };
        assert!(
            !text.contains("推进基层应急管理体系建设"),
            "{f:?} still has it"
        );
        assert!(text.contains("强化综合统筹协调"), "{f:?}");
    }
    // Not counted as a problem either.
    assert!(!yaodian::validate::problems(&p)
        .iter()
        .any(|x| x.item_id.as_deref() == Some(gone.as_str())));
}

#[test]
fn docx_title_breaks_between_words_banji_at_the_foot_and_merged_groups() {
    let p = sample_draft();
    let bytes = export::export(
        &p,
        Format::Docx,
        &Options {
            task_table: true,
            unit: None,
        },
    )
    .unwrap();
    let xml = unzip(&bytes, "word/document.xml");
    for line in export::title::break_title(&p.doc.notice_title, 18) {
        assert!(xml.contains(&format!(">{line}</w:t>")), "{line}");
        for w in ["安全生产", "应急管理", "工作要点", "防灾减灾救灾"] {
            assert!(!line.ends_with(&w[..3]) || line.ends_with(w), "{line}");
        }
    }
    // 版记: a floating table aligned to the bottom of the text block, placed from the page's
    // left edge (LibreOffice makes it a frame only then), after everything else; only its
    // anchor paragraph follows it.
    let banji = xml.find("<w:tblpPr ").expect("版记 at the foot");
    let tblp = &xml[banji..banji + xml[banji..].find("/>").unwrap()];
    for a in [
        "w:vertAnchor=\"margin\"",
        "w:tblpYSpec=\"bottom\"",
        "w:horzAnchor=\"page\"",
        "w:tblpX=\"1587\"",
    ] {
        assert!(tblp.contains(a), "{tblp}");
    }
    assert!(
        !tblp.contains("w:tblpY=\""),
        "no position from an estimated height: {tblp}"
    );
    assert_eq!(xml.matches("<w:tblpPr ").count(), 1);
    assert!(xml[banji..].contains("抄送："));
    assert!(xml[banji..].contains("印发"));
    assert!(!xml[banji..].contains("附件"));
    let after = &xml[banji + xml[banji..].find("</w:tbl>").unwrap()..];
    assert_eq!(
        after.matches("<w:p>").count(),
        1,
        "only the anchor after the 版记"
    );
    // Group cells merged vertically in the task table.
    assert!(xml.contains("<w:vMerge w:val=\"restart\"/>"));
    assert!(xml.contains("<w:vMerge/>"));
}

#[test]
fn export_smalls() {
    let p = sample_draft();
    let plain = export::file_name_for(&p, Format::Docx, &Options::default());
    let table = export::file_name_for(
        &p,
        Format::Docx,
        &Options {
            task_table: true,
            unit: None,
        },
    );
    assert_ne!(plain, table);
    assert!(table.ends_with("（附任务清单）.docx"));
    // 单位统计 counts are numbers.
    let x = export::export(&p, Format::Xlsx, &Options::default()).unwrap();
    let pkg = yaodian::package::Package::open(&x).unwrap();
    let count = (1..500)
        .take_while(|n| {
            pkg.part(&format!("xl/worksheets/sheet{n}.xml"), 1 << 26)
                .is_ok()
        })
        .count();
    let stats = unzip(&x, &format!("xl/worksheets/sheet{count}.xml"));
    assert!(stats.contains("牵头任务数"));
    assert!(
        stats.contains("<v>"),
        "counts stored as numbers: {}",
        &stats[..400.min(stats.len())]
    );
    // The unit slice .docx: 重点任务 is the task title, as in the .xlsx.
    let yj = p.units.find("应急局").unwrap().id.clone();
    let d = export::export(
        &p,
        Format::Docx,
        &Options {
            task_table: false,
            unit: Some(yj),
        },
    )
    .unwrap();
    let xml = unzip(&d, "word/document.xml");
    let first_row = &xml[xml.find("</w:tr>").unwrap()..];
    let cells: Vec<String> = first_row.split("</w:tc>").take(3).map(text_of).collect();
    assert_eq!(cells[1], "推行“333”工作策略，采用互动、互助、互联的方法，达到提升技术水平、提升本质安全、提升执法质效的目标");
}

/// The district named in the draft replaces the template's issuing organ in every field it
/// appears in, by one rule (`edit::organ`), as localisation proposals.
#[test]
fn the_district_replaces_the_issuing_organ_everywhere() {
    let template = parse(SEED_001).plan;
    let (d, summary) =
        draft::draft_with_defaults(&template, Some(2025), Some("大足区"), &mut IdGen::new(3));
    let doc = &d.doc;
    assert_eq!(doc.issuer, "大足区人民政府");
    assert_eq!(doc.signature, "大足区人民政府");
    assert_eq!(
        doc.notice_title,
        "重庆市大足区人民政府关于印发2025年全区安全生产与防灾减灾救灾工作要点的通知"
    );
    assert_eq!(
        doc.recipients,
        "各镇人民政府，各街道办事处，区政府各部门，区属国有重点企业，驻区有关单位"
    );
    assert_eq!(doc.printer, "重庆市大足区人民政府办公室");
    // 万盛经开发 is the 管委会's 机关代字: not derivable for a 人民政府, so left empty and flagged.
    assert_eq!(doc.doc_number, "〔2025〕号");
    assert!(summary.organ_notes.iter().any(|n| n.contains("万盛经开发")));
    // The 抄送 list is 万盛's own party and mass bodies: kept, and flagged for the planner.
    assert_eq!(doc.cc, template.doc.cc);
    assert!(doc.cc.contains("党工委办公室"), "{}", doc.cc);
    assert!(
        summary
            .organ_notes
            .iter()
            .any(|n| n.starts_with("抄送机关沿用了万盛经开区管委会的")
                && n.contains("大足区人民政府"))
    );
    // The template stored in the draft is the one imported.
    assert_eq!(d.template.as_ref().unwrap().doc, template.doc);
    // In the .docx too: no 万盛 anywhere in the document part.
    let bytes = export::export(&d, Format::Docx, &Options::default()).unwrap();
    let text = text_of(&unzip(&bytes, "word/document.xml"));
    assert!(!text.contains("万盛"), "{text}");
    assert!(text.contains("大足区人民政府"));
}

#[test]
fn a_city_template_gets_the_district_under_the_city_and_a_derivable_prefix_moves() {
    let doc = yaodian::model::DocInfo {
        year: Some(2025),
        issuer: "重庆市人民政府".into(),
        doc_number: "渝府发〔2025〕1号".into(),
        notice_title: "重庆市人民政府关于印发2025年全市安全生产工作要点的通知".into(),
        title: "2025年全市安全生产工作要点".into(),
        recipients: "各区县（自治县）人民政府，市政府各部门，有关单位".into(),
        cover_text: "现将《2025年全市安全生产工作要点》印发给你们，请认真贯彻执行。".into(),
        signature: "重庆市人民政府".into(),
        printer: "重庆市人民政府办公厅".into(),
        ..Default::default()
    };
    let mut city = Plan {
        doc,
        ..Plan::default()
    };
    let swap = edit::organ::swap(&city.doc, "大足区");
    let changes = localize::preview_for(&city, &localize::rules_for("大足区"), swap.as_ref());
    let kept: Vec<localize::Change> = changes.iter().filter(|c| c.default_on).cloned().collect();
    let number = changes
        .iter()
        .find(|c| c.target == localize::Target::Front(edit::organ::FrontField::DocNumber))
        .unwrap();
    assert!(number.note.contains("渝府发"), "{number:?}");
    localize::apply(&mut city, &kept);
    let doc = &city.doc;
    assert_eq!(doc.issuer, "重庆市大足区人民政府");
    assert_eq!(doc.printer, "重庆市大足区人民政府办公室");
    assert_eq!(
        doc.notice_title,
        "重庆市大足区人民政府关于印发2025年全区安全生产工作要点的通知"
    );
    assert_eq!(doc.title, "2025年全区安全生产工作要点");
    // The cover text quotes the plan's own title: it follows the title (not a citation).
    assert_eq!(
        doc.cover_text,
        "现将《2025年全区安全生产工作要点》印发给你们，请认真贯彻执行。"
    );
    assert_eq!(doc.recipients, "各镇街人民政府，区政府各部门，有关单位");
    assert_eq!(doc.doc_number, "〔2025〕1号");

    // A district government's prefix built on its place name moves to the new district.
    let mut jb = Plan::default();
    jb.doc.issuer = "重庆市江北区人民政府".into();
    jb.doc.signature = "重庆市江北区人民政府".into();
    jb.doc.doc_number = "江北府发〔2024〕3号".into();
    jb.doc.title = "2024年江北区安全生产工作要点".into();
    let swap = edit::organ::swap(&jb.doc, "大足区");
    let changes = localize::preview_for(&jb, &localize::default_rules(), swap.as_ref());
    assert!(changes.iter().all(|c| c.note.is_empty()));
    localize::apply(&mut jb, &changes);
    assert_eq!(jb.doc.doc_number, "大足府发〔2024〕3号");
    assert_eq!(jb.doc.signature, "重庆市大足区人民政府");
    assert_eq!(jb.doc.title, "2024年大足区安全生产工作要点");
}

/// A year set while preparing the draft changes the draft, never the template it stores.
#[test]
fn preparing_a_draft_leaves_the_stored_template_as_imported() {
    let imported = parse(SEED_001).plan;
    let mut prepared = imported.clone();
    let changes = year::propose(&prepared, 2024, 2025);
    year::apply(&mut prepared, Some(2025), &changes);
    let d = draft::from_prepared(&imported, &prepared, &mut IdGen::new(9));
    assert_eq!(d.doc.year, Some(2025));
    assert!(d.body.preface[0].contains("特制定2025年"));
    let stored = d.template.as_ref().unwrap();
    assert_eq!(
        **stored,
        Plan {
            template: None,
            ..imported.clone()
        }
    );
    assert!(stored.body.preface[0].contains("特制定2024年"));
    // Lineage points at the imported template's items.
    let first = &d.body.items[0];
    let origin = first
        .origin
        .as_ref()
        .unwrap()
        .template_item
        .clone()
        .unwrap();
    assert_eq!(origin, imported.body.items[0].id);
}

/// Changing the rules recomputes the proposals; the planner's ticks stay on the proposals that
/// did not change and reset on those that did.
#[test]
fn ticks_survive_a_rule_change_only_on_unchanged_proposals() {
    let mut p = Plan::default();
    p.body.preface = vec!["全市各区县要压实市级责任。全市推进。".into()];
    let rules = localize::default_rules();
    let before = localize::preview(&p, &rules);
    let find = |cs: &[localize::Change], w: &str, n: usize| {
        cs.iter()
            .filter(|c| c.in_sentence().1 == w)
            .nth(n)
            .cloned()
            .unwrap()
    };
    let mut flips = edit::ticks::Flips::default();
    let (quan, gequ, shiji, quan2) = (
        find(&before, "全市", 0),
        find(&before, "各区县", 0),
        find(&before, "市级", 0),
        find(&before, "全市", 1),
    );
    for c in [&quan, &gequ, &shiji] {
        flips.toggle(c);
    }
    assert!(!flips.ticked(&quan) && !flips.ticked(&gequ) && flips.ticked(&quan2));
    // The planner drops the 市级 rule and writes 全市 → 全县 instead of 全区.
    let mut changed: Vec<localize::Rule> = rules.into_iter().filter(|r| r.from != "市级").collect();
    changed.iter_mut().find(|r| r.from == "全市").unwrap().to = "全县".into();
    let after = localize::preview(&p, &changed);
    flips.retain_in(&after);
    assert_eq!(
        flips.len(),
        1,
        "only the 各区县 flip is still about the same proposal"
    );
    assert!(
        !flips.ticked(&find(&after, "各区县", 0)),
        "the unchanged proposal keeps its tick"
    );
    assert!(
        flips.ticked(&find(&after, "全市", 0)),
        "the changed proposal is back at its default"
    );
    let kept = flips.kept(&after);
    localize::apply(&mut p, &kept);
    assert_eq!(p.body.preface[0], "全县各区县要压实市级责任。全县推进。");
}

/// A template whose organ names no place (区安委会) is not rewritten: nothing is guessed.
#[test]
fn an_organ_without_a_place_is_left_and_reported() {
    let mut t = parse(SEED_001).plan;
    for s in [&mut t.doc.issuer, &mut t.doc.signature] {
        *s = "区安委会".into();
    }
    t.doc.notice_title = "关于印发2024年全区安全生产工作要点的通知".into();
    let (d, summary) = draft::draft_with_defaults(&t, None, Some("大足区"), &mut IdGen::new(1));
    assert_eq!(d.doc.issuer, "区安委会");
    assert_eq!(d.doc.doc_number, t.doc.doc_number);
    assert!(summary.organ_notes.iter().any(|n| n.contains("未写明地名")));
    t.doc.issuer.clear();
    t.doc.signature.clear();
    let (d, _) = draft::draft_with_defaults(&t, None, Some("大足区"), &mut IdGen::new(1));
    assert_eq!(d.doc.issuer, "大足区");
}
