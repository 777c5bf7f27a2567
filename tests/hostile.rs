//! Hostile and unlucky inputs (issue 12, part B): time stays linear in the input (line
//! joining, nested .docx tables, thousands of units in one clause), a .docx cut short is an
//! error, and exports stay files Word and Excel open (no character XML forbids, Excel's cell
//! and sheet-name limits).

mod common;
use common::*;
use std::io::Read;
use std::time::Instant;
use yaodian::export::{self, Format, Options};
use yaodian::parse::{import_bytes, ImportError, ParseOptions};

fn paras_xml(text: &str) -> String {
    text.lines()
        .map(|l| format!("<w:p><w:r><w:t>{l}</w:t></w:r></w:p>"))
        .collect()
}

/// Seconds `f(n)` takes, the best of two runs (a busy machine only adds time).
fn secs(f: &dyn Fn(usize), n: usize) -> f64 {
    (0..2)
        .map(|_| {
            let t = Instant::now();
            f(n);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

/// `f` at 8 times the size takes at most 20 times as long: linear work gives about 8,
/// quadratic 64. Generous both ways, so a busy machine does not fail it.
fn assert_linear(what: &str, f: &dyn Fn(usize), n: usize) {
    let small = secs(f, n);
    let large = secs(f, 8 * n);
    let ratio = large / small.max(1e-3);
    assert!(
        ratio < 20.0,
        "{what}: {small:.3}s at n={n}, {large:.3}s at 8n (×{ratio:.1}); not linear"
    );
}

#[test]
fn joining_lines_without_sentence_ends_is_linear() {
    let text = |n: usize| {
        "加强安全生产风险隐患排查整治工作持续推进专项行动落实企业主体责任强化监管执法\n".repeat(n)
    };
    assert_linear(
        "line joining",
        &|n| {
            let p = parse(&text(n));
            // One paragraph (the first line may be taken as the title).
            assert!(p.plan.body.items.len() + p.plan.body.preface.len() <= 2);
        },
        5_000,
    );
}

#[test]
fn nested_docx_tables_are_linear_and_keep_their_text() {
    let xml = |n: usize| {
        let open = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p>".repeat(n);
        let close = "</w:tc></w:tr></w:tbl>".repeat(n);
        format!("<w:document><w:body>{open}{close}</w:body></w:document>")
    };
    assert_linear(
        "nested tables",
        &|n| {
            let blocks = yaodian::parse::docx::parse_document_xml(&xml(n)).unwrap();
            // A one-column table is read as the paragraphs it boxes; either way, every
            // level's text is kept.
            let kept: usize = blocks
                .iter()
                .map(|b| match b {
                    yaodian::parse::blocks::Block::Table { rows, .. } => {
                        rows.iter().flatten().map(|c| c.matches('格').count()).sum()
                    }
                    yaodian::parse::blocks::Block::Para { text, .. } => text.matches('格').count(),
                })
                .sum();
            assert_eq!(kept, n, "every level's text kept");
        },
        1_000,
    );
}

#[test]
fn thousands_of_units_in_one_clause_are_linear() {
    let text = |n: usize| {
        let units: Vec<String> = (0..n).map(|i| format!("第{i}单位局")).collect();
        format!("1．开展工作。（责任单位：{}）\n", units.join("、"))
    };
    assert_linear(
        "units",
        &|n| {
            let p = parse(&text(n));
            assert_eq!(p.plan.units.units.len(), n);
        },
        500,
    );
}

#[test]
fn document_xml_cut_after_a_paragraph_is_an_error() {
    let xml = paras_xml(SEED_001);
    let whole = format!("<w:document><w:body>{xml}</w:body></w:document>");
    assert!(import_bytes(&docx_of(&whole), &no_gb, &ParseOptions::default()).is_ok());
    // Valid zip, XML cut right after a paragraph in the middle.
    let cut = whole[..whole.len() / 2].rfind("</w:p>").unwrap() + "</w:p>".len();
    let err = import_bytes(&docx_of(&whole[..cut]), &no_gb, &ParseOptions::default()).unwrap_err();
    match &err {
        ImportError::Docx(why) => assert!(why.contains("不完整"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("被截断"), "{err}");
}

fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().unwrap().to_string(), s)
        })
        .collect()
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[test]
fn exports_drop_every_character_xml_forbids() {
    // From a .docx with `&#xFFFE;`, and from text pasted with U+FFFF and a control character.
    let xml = paras_xml(SEED_001).replacen("工作要点", "工作&#xFFFE;要点", 1);
    let imported = match import_bytes(
        &docx_of(&format!("<w:document><w:body>{xml}</w:body></w:document>")),
        &no_gb,
        &ParseOptions::default(),
    )
    .unwrap()
    {
        yaodian::parse::Imported::Parsed(p) => p.plan,
        _ => unreachable!(),
    };
    let mut pasted = parse(SEED_001).plan;
    pasted.doc.title.push_str("\u{FFFF}\u{1}\u{FFFE}");
    pasted.body.items[0].title.push('\u{FFFF}');
    pasted.units.units[0].name.push('\u{FFFE}');
    for plan in [imported, pasted] {
        let forbidden = yaodian::format::save(&plan)
            .chars()
            .chain(plan.doc.title.chars())
            .any(|c| c == '\u{FFFE}' || c == '\u{FFFF}');
        assert!(forbidden, "the plan does carry a forbidden character");
        for format in [Format::Docx, Format::Xlsx] {
            let bytes = export::export(&plan, format, &Options::default()).unwrap();
            for (name, text) in parts(&bytes) {
                let bad = text.chars().find(|&c| !xml_char(c));
                assert_eq!(bad, None, "{name} of the {format:?} export");
            }
        }
    }
}

#[test]
fn an_xlsx_cell_over_32767_characters_goes_on_below() {
    let mut plan = parse(SEED_001).plan;
    // 40,000 characters, a quarter of them outside the BMP (two UTF-16 units each).
    let long: String = (0..40_000)
        .map(|i| if i % 4 == 0 { '𠀋' } else { '安' })
        .collect();
    let mut done = false;
    yaodian::model::walk::for_each_item_mut(&mut plan, &mut |item| {
        if item.task.is_some() && !done {
            item.text = long.clone();
            done = true;
        }
    });
    assert!(done, "seed 001 has tasks");
    let bytes = export::export(&plan, Format::Xlsx, &Options::default()).unwrap();
    let sheets = yaodian::sync::xlsx_read::read_sheets(&bytes).unwrap();
    let (_, rows) = &sheets[0];
    let column: Vec<&String> = rows.iter().filter_map(|r| r.get(2)).collect();
    for cell in &column {
        assert!(cell.encode_utf16().count() <= 32_767);
    }
    let at = column.iter().position(|c| c.contains('𠀋')).unwrap();
    let joined: String = column[at..at + 2].iter().map(|s| s.as_str()).collect();
    assert!(
        joined.ends_with(&long),
        "the whole text is in the cell and the one below"
    );
    assert_eq!(
        rows.len(),
        1 + 31 + 1,
        "header, 31 tasks, one continuation row"
    );
}

#[test]
fn sheet_names_follow_excels_rules() {
    use yaodian::export::xlsx::sheet_name;
    let taken = vec![
        "任务清单".to_string(),
        "单位统计".to_string(),
        "ABC".to_string(),
    ];
    let name = |n: &str| sheet_name(n, &taken);
    assert_eq!(
        name("\u{FFFE}\u{1}"),
        "单位",
        "empty once forbidden characters go"
    );
    assert_eq!(name("[]:*?/\\"), "单位");
    assert_eq!(name("'应急局'"), "应急局");
    assert_eq!(name("History"), "History2");
    assert_eq!(name("history"), "history2");
    assert_eq!(name("abc"), "abc2", "names are unique ignoring case");
    let long = "重庆市某某区某某某某某某某某某某某某某某某某某某某某某某某某某某某某局";
    assert_eq!(name(long).encode_utf16().count(), 31);
    let wide = "𠀋".repeat(20);
    assert!(name(&wide).encode_utf16().count() <= 31);
    assert!(!name(&wide).ends_with('\u{FFFD}'));
    let cut = format!("{}'x", "a".repeat(30));
    assert_eq!(name(&cut), "a".repeat(30), "no trailing ' after shortening");
    let mut many = taken.clone();
    for _ in 0..12 {
        let n = sheet_name(long, &many);
        assert!(n.encode_utf16().count() <= 31);
        assert!(!many.iter().any(|t| t.to_lowercase() == n.to_lowercase()));
        many.push(n);
    }
}

#[test]
fn a_feedback_sheet_with_a_long_task_reads_back_without_stray_rows() {
    use yaodian::sync::feedback;
    let mut plan = parse(SEED_001).plan;
    let mut unit = None;
    yaodian::model::walk::for_each_item_mut(&mut plan, &mut |item| {
        if let Some(t) = &item.task {
            if unit.is_none() && !t.lead.is_empty() {
                unit = Some(t.lead[0].clone());
                item.text = "安".repeat(70_000);
            }
        }
    });
    let unit = unit.expect("seed 001 has a task with a lead unit");
    let bytes = feedback::export_xlsx(&plan, Some(&unit)).unwrap();
    let sheets = yaodian::sync::xlsx_read::read_sheets(&bytes).unwrap();
    assert!(sheets[0]
        .1
        .iter()
        .flatten()
        .any(|c| c.chars().count() == 32_767));
    let back = feedback::import(&plan, &bytes, 1.0).unwrap();
    assert!(back.unmatched.is_empty(), "{:?}", back.unmatched);
}
