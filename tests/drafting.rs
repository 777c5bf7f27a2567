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
    // 版记 in a frame anchored at the bottom of the page, after everything else.
    let banji = xml
        .find("w:vertAnchor=\"margin\"")
        .expect("版记 at the foot");
    assert!(xml[banji..].contains("抄送："));
    assert!(xml[banji..].contains("印发"));
    assert!(!xml[banji..].contains("附件"));
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
