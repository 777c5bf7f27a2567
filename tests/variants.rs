//! What users really paste: variants of the seeds with half-width and full-width markers,
//! `1、`, stray spaces, broken titles, bookmarks, website furniture, CRLF and BOM, flattened and
//! `|` tables, other unit-clause conventions, GB18030 bytes and .docx files.

mod common;
use common::*;
use std::io::Write;
use yaodian::model::{walk, Convention};
use yaodian::parse::{import_bytes, parse_text, Imported, ParseOptions};

fn gb(bytes: &[u8]) -> Option<String> {
    let (t, _, bad) = encoding_rs::GB18030.decode(bytes);
    (!bad).then(|| t.into_owned())
}

/// Same structure and units as the clean seed 001.
fn assert_like_seed_001(text: &str) {
    let clean = outline_rows(&parse(SEED_001).plan);
    let got = outline_rows(&parse(text).plan);
    assert_eq!(got.len(), clean.len(), "row count");
    for (a, b) in got.iter().zip(&clean) {
        assert_eq!(a, b);
    }
}

#[test]
fn half_width_and_full_width_markers() {
    let v = SEED_001
        .replace('（', "(")
        .replace('）', ")")
        .replace("1．", "１．")
        .replace("2．", "2、")
        .replace("3．", "3.")
        .replace("30．", "３０．");
    // Unit clauses now use half-width brackets too; names with inner brackets must survive.
    let p = parse(&v);
    let rows = outline_rows(&p.plan);
    assert_eq!(rows.iter().filter(|r| r.0 == 3).count(), 31);
    assert_eq!(rows.iter().filter(|r| r.0 == 2).count(), 12);
    let t24 = rows.iter().find(|r| r.1 == "24.").unwrap();
    assert_eq!(
        t24.4,
        "党工委宣传部(网信办)、应急局、安委会、减灾委有关成员单位"
    );
}

#[test]
fn crlf_bom_bookmarks_and_stray_spaces() {
    let v = format!("\u{feff}{}", SEED_001.replace('\n', "\r\n"))
        .replace(
            "（一）打造一个工作亮点",
            "（一） 打造 一个 工作亮点[bookmark: _GoBack]",
        )
        .replace("三、重点任务", "三、 重点任务  ");
    assert_like_seed_001(&v);
}

#[test]
fn website_furniture_is_removed() {
    let v = format!(
        "首页 > 政务公开 > 通知公告\n字体：【大 中 小】\n发布日期：2024-05-20\n来源：万盛经开区管委会办公室\n{}\n分享到：\n[责任编辑：张三]\n打印本页 关闭窗口",
        SEED_001
    );
    let p = parse(&v);
    assert_eq!(p.report.removed.len(), 7);
    assert_like_seed_001(&v);
}

#[test]
fn titles_broken_over_lines() {
    let v = SEED_001
        .replace(
            "（二）突出“统”字，强化综合统筹协调",
            "（二）突出“统”字，强化综合\n统筹协调",
        )
        .replace("四、保障措施", "四、保障\n措施");
    assert_like_seed_001(&v);
}

#[test]
fn restarting_numbering_is_detected_and_kept() {
    let text = "一、重点任务\n（一）第一组\n1．甲。（责任单位：应急局）\n2．乙。（责任单位：应急局）\n（二）第二组\n1．丙。（责任单位：水利局）\n2．丁。（责任单位：水利局）\n";
    let p = parse(text);
    assert_eq!(
        p.plan.body.numbering,
        yaodian::model::NumberingStyle::Restart
    );
    let numbers: Vec<String> = outline_rows(&p.plan)
        .into_iter()
        .filter(|r| r.0 == 3)
        .map(|r| r.1)
        .collect();
    assert_eq!(numbers, ["1.", "2.", "1.", "2."]);
    assert!(p.report.warnings.is_empty(), "{:?}", p.report.warnings);
}

#[test]
fn skipped_numbers_are_warned_with_line() {
    let text = "一、重点任务\n1．甲。（责任单位：应急局）\n3．乙。（责任单位：应急局）\n";
    let p = parse(text);
    assert_eq!(p.report.warnings.len(), 1);
    assert_eq!(p.report.warnings[0].line, 3);
    assert!(p.report.warnings[0].text.contains("“3.”"));
}

#[test]
fn pipe_table_is_a_plan() {
    let text = "| 序号 | 重点任务 | 工作内容 | 牵头单位 | 配合单位 | 完成时限 | 备注 |\n|---|---|---|---|---|---|---|\n| 1 | 一、风险防控 | 开展隐患排查。每月一次。 | 区应急局 | 各镇街、区公安分局 | 2025年6月底前 | |\n| 2 | | 完善预案。 | 应急管理局 | | 年底前 | 重点 |\n";
    let p = parse(text);
    // A document that is only a task table: the table, its caption line, and its rows under
    // it (the corpus outline format), nothing in the running text.
    assert!(p.plan.body.items.is_empty());
    let outline = yaodian::cli::outline(&p.plan);
    let lines: Vec<&str> = outline.lines().collect();
    assert_eq!(lines.len(), 4, "{outline}");
    assert_eq!(lines[1], "2\t一、\t风险防控\t\t");
    assert_eq!(
        lines[2],
        "3\t1.\t开展隐患排查\t区应急局\t各镇街、区公安分局"
    );
    assert_eq!(
        lines[3], "3\t2.\t完善预案\t区应急局\t",
        "应急管理局 resolves to the same unit"
    );
    let t = &p.plan.body.tables[0];
    let tasks: Vec<_> = walk::rows(&t.items, t.numbering)
        .into_iter()
        .filter_map(|r| r.item.task.clone())
        .collect();
    assert_eq!(tasks[0].deadline, "2025年6月底前");
    assert_eq!(tasks[1].note, "重点");
}

#[test]
fn conventions_first_unit_and_explicit() {
    let text = "一、重点任务\n1．甲。（责任单位：区应急局、区公安分局、各镇街）\n2．乙。（牵头单位：区水利局；配合单位：区应急局）\n3．丙。（区应急局、区消防救援大队牵头，各镇街按职责分工负责）\n";
    let p = parse_text(
        text,
        &ParseOptions {
            convention: Convention::FirstUnitLeads,
            seed: 1,
            ..Default::default()
        },
    );
    let rows = outline_rows(&p.plan);
    assert_eq!(
        (rows[1].3.as_str(), rows[1].4.as_str()),
        ("区应急局", "区公安分局、各镇街")
    );
    assert_eq!(
        (rows[2].3.as_str(), rows[2].4.as_str()),
        ("区水利局", "区应急局")
    );
    assert_eq!(
        (rows[3].3.as_str(), rows[3].4.as_str()),
        ("区应急局、区消防救援大队", "各镇街")
    );
}

#[test]
fn known_registry_resolves_and_new_names_are_flagged() {
    let mut opts = ParseOptions {
        seed: 3,
        ..Default::default()
    };
    let first = parse_text("一、任务\n1．甲。（责任单位：区应急局）", &opts);
    opts.registry = first.plan.units.clone();
    let p = parse_text("一、任务\n1．乙。（责任单位：应急管理局，区气象局）", &opts);
    assert_eq!(p.report.new_units, ["区气象局"]);
    assert_eq!(p.plan.units.units.len(), 2);
    assert!(p.plan.units.find("区气象局").unwrap().new);
}

#[test]
fn gb18030_text_is_decoded() {
    let (bytes, _, _) = encoding_rs::GB18030.encode(SEED_001);
    assert!(std::str::from_utf8(&bytes).is_err());
    match import_bytes(&bytes, &gb, &ParseOptions::default()).unwrap() {
        Imported::Parsed(p) => assert_eq!(walk::task_count(&p.plan), 31),
        Imported::Plan(_) => panic!("not a plan file"),
    }
}

/// A minimal .docx with the given paragraphs (numbering level per paragraph, optional).
pub fn make_docx(paras: &[(&str, Option<u8>)]) -> Vec<u8> {
    let mut body = String::new();
    for (text, lvl) in paras {
        let num = lvl.map_or(String::new(), |l| {
            format!(
                "<w:pPr><w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            )
        });
        let esc = text.replace('&', "&amp;").replace('<', "&lt;");
        body.push_str(&format!(
            "<w:p>{num}<w:r><w:t xml:space=\"preserve\">{esc}</w:t></w:r></w:p>"
        ));
    }
    let xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

#[test]
fn docx_with_text_numbers_matches_text_parse() {
    let paras: Vec<(&str, Option<u8>)> = SEED_001
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| (l, None))
        .collect();
    let bytes = make_docx(&paras);
    let Imported::Parsed(p) = import_bytes(
        &bytes,
        &gb,
        &ParseOptions {
            seed: 42,
            ..Default::default()
        },
    )
    .unwrap() else {
        panic!()
    };
    assert_eq!(outline_rows(&p.plan), outline_rows(&parse(SEED_001).plan));
    assert_eq!(p.report.source, "Word 文档");
}

#[test]
fn docx_automatic_numbering_decides_levels() {
    let bytes = make_docx(&[
        ("重点任务", Some(0)),
        ("强化领导", Some(1)),
        (
            "推进体系建设。加强保障。（责任单位：应急局，各镇街）",
            Some(2),
        ),
        ("完善机制。", Some(2)),
    ]);
    let Imported::Parsed(p) = import_bytes(&bytes, &gb, &ParseOptions::default()).unwrap() else {
        panic!()
    };
    let rows = outline_rows(&p.plan);
    let got: Vec<(usize, &str, &str)> = rows
        .iter()
        .map(|r| (r.0, r.1.as_str(), r.2.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "一、", "重点任务"),
            (2, "（一）", "强化领导"),
            (3, "1.", "推进体系建设"),
            (3, "2.", "完善机制")
        ]
    );
    assert_eq!(rows[2].3, "应急局");
}
