//! Exports: the .docx read back as XML (GB/T 9704 properties) and rendered by LibreOffice to
//! A4 pages; the .xlsx and .csv task lists; Markdown/text parsed back to the same plan;
//! one unit's slice; file names.

mod common;
use common::*;
use std::io::Read;
use yaodian::export::{self, Format, Options};
use yaodian::model::{walk, Plan};

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn sample() -> Plan {
    parse(SEED_001).plan
}

#[test]
fn docx_follows_gbt_9704() {
    let bytes = export::export(
        &sample(),
        Format::Docx,
        &Options {
            task_table: true,
            unit: None,
        },
    )
    .unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert!(
        doc.contains(r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#),
        "37/26/35/28 mm"
    );
    assert!(
        doc.contains(r#"w:lineRule="exact""#) && doc.contains(r#"w:line="579""#),
        "28.9 pt, 22 lines"
    );
    // Title: 2号 方正小标宋简体, centred.
    let title_run = r#"w:eastAsia="方正小标宋简体" w:cs="Times New Roman" w:hint="eastAsia"/><w:sz w:val="44"/>"#;
    assert!(doc.contains(title_run));
    assert!(doc.contains(r#"<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="方正小标宋简体""#));
    // Headings: 一、 黑体, （一） 楷体, 1. bold 仿宋; body 仿宋 3号, first line indented 2 characters.
    assert!(doc.contains(r#"w:eastAsia="黑体" w:cs="Times New Roman" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">一、总体要求"#));
    assert!(doc.contains(r#"w:eastAsia="楷体_GB2312" w:cs="Times New Roman" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">（一）打造一个工作亮点"#));
    assert!(doc.contains(r#"w:eastAsia="仿宋_GB2312" w:cs="Times New Roman" w:hint="eastAsia"/><w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">1.推行"#));
    assert!(doc.contains(r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#));
    // East Asian fonts set per run, always before the size (schema order).
    for rpr in doc.split("<w:rPr>").skip(1) {
        let rpr = &rpr[..rpr.find("</w:rPr>").unwrap()];
        let (f, sz) = (rpr.find("<w:rFonts").unwrap(), rpr.find("<w:sz ").unwrap());
        assert!(f < sz && rpr.contains("w:eastAsia="), "{rpr}");
    }
    // Order of parts: 发文字号, notice, 主送, cover, 署名, date, note, work points, attachments, 版记.
    let pos = |s: &str| doc.find(s).unwrap_or_else(|| panic!("missing {s}"));
    let order = [
        "万盛经开发〔2024〕8号",
        "重庆市万盛经开区管委会关于",
        "各镇人民政府",
        "现将《",
        "万盛经开区管委会</w:t>",
        "2024年5月16日</w:t>",
        "（此件公开发布）",
        "一、总体要求",
        "附件1",
        "抄送：",
    ];
    for w in order.windows(2) {
        assert!(pos(w[0]) < pos(w[1]), "{} before {}", w[0], w[1]);
    }
    assert!(
        doc.contains("（责任单位：安委办，经济信息局、住房城乡建设局、交通局、应急局等有关单位）")
    );
    // 版记: 4号仿宋 between rules, in a frame at the foot of the last page.
    let cc = &doc[doc.find("w:vertAnchor=\"margin\"").unwrap()..];
    assert!(cc.contains("<w:tblBorders><w:top "));
    assert!(cc.contains(r#"<w:sz w:val="28"/>"#) && cc.contains("印发"));
    // Page numbers: 4号宋体 — N —, odd pages right, even pages left.
    let (odd, even) = (
        part(&bytes, "word/footer1.xml"),
        part(&bytes, "word/footer2.xml"),
    );
    assert!(odd.contains(r#"<w:jc w:val="right"/>"#) && even.contains(r#"<w:jc w:val="left"/>"#));
    for f in [&odd, &even] {
        assert!(
            f.contains(" PAGE ")
                && f.contains("— ")
                && f.contains(" —")
                && f.contains(r#"w:eastAsia="宋体""#)
                && f.contains(r#"<w:sz w:val="28"/>"#)
        );
    }
    assert!(part(&bytes, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
}

#[test]
fn docx_renders_to_a4_pages_in_libreoffice() {
    let dir = std::env::temp_dir().join(format!("yaodian-lo-{}", std::process::id()));
    let docx = export::export(&sample(), Format::Docx, &Options::default()).unwrap();
    let pdf = docx_to_pdf(&dir, "plan", &docx);
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)"), "{info}");
    let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..]
        .trim()
        .parse()
        .unwrap();
    assert!((8..=20).contains(&pages), "{pages} pages");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace(['\n', ' '], "");
    assert!(text.contains("2024年全区安全生产与防灾减灾救灾工作要点"));
    assert!(text.contains("—1—") && text.contains("—2—"), "page numbers");
    assert!(text.contains("（责任单位：安委办，经济信息局"));
}

#[test]
fn xlsx_task_list_unit_sheets_and_statistics() {
    let bytes = export::export(&sample(), Format::Xlsx, &Options::default()).unwrap();
    let wb = part(&bytes, "xl/workbook.xml");
    assert!(wb.contains(r#"<sheet name="任务清单" sheetId="1""#));
    assert!(
        wb.contains(r#"name="单位统计""#)
            && wb.contains(r#"name="各镇街""#)
            && wb.contains(r#"name="党工委宣传部（网信办）""#)
    );
    assert!(wb.contains(
        r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'任务清单'!$1:$1</definedName>"#
    ));
    let s1 = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(s1.contains(r#"state="frozen""#) && s1.contains(r#"ySplit="1""#));
    assert!(s1.contains(r#"orientation="landscape""#) && s1.contains(r#"paperSize="9""#));
    assert!(s1.contains(r#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">序号</t>"#));
    for h in [
        "重点任务",
        "工作内容",
        "牵头单位",
        "配合单位",
        "完成时限",
        "备注",
    ] {
        assert!(s1.contains(&format!(">{h}</t>")));
    }
    assert_eq!(s1.matches("<row ").count(), 32, "header + 31 tasks");
    assert!(!s1.contains("<f>"), "no formulas");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>") && styles.contains(r#"wrapText="1""#));
    // 单位统计 is the last sheet: 各镇街 leads 19 tasks.
    let n = wb.matches("<sheet ").count();
    let stats = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
    // Counts are numbers (Excel sums them), not text.
    assert!(stats.contains(">各镇街</t>") && stats.contains("<v>19</v>"));
}

#[test]
fn csv_has_bom_and_no_live_formulas() {
    let mut plan = sample();
    walk::for_each_item_mut(&mut plan, &mut |i| {
        if i.title == "建立考评机制" {
            i.text = "=HYPERLINK(\"http://x\")".into();
        }
    });
    let bytes = export::export(&plan, Format::Csv, &Options::default()).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.lines().next().unwrap().contains(
        "\"序号\",\"重点任务\",\"工作内容\",\"牵头单位\",\"配合单位\",\"完成时限\",\"备注\""
    ));
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
    assert_eq!(text.lines().count(), 32);
}

type Shape = Vec<(String, String, String, Vec<String>, Vec<String>, String)>;

/// (number, title, text, lead, coop, deadline) of every item of every body and table.
fn shape(p: &Plan) -> Shape {
    let mut out = Vec::new();
    let n = |ids: &[String]| {
        ids.iter()
            .map(|i| p.units.name(i).to_string())
            .collect::<Vec<_>>()
    };
    for b in walk::bodies(p) {
        let mut lists = vec![(&b.body.items, b.body.numbering)];
        lists.extend(b.body.tables.iter().map(|t| (&t.items, t.numbering)));
        for (items, style) in lists {
            for r in walk::rows(items, style) {
                let t = r.item.task.clone().unwrap_or_default();
                out.push((
                    r.number.clone(),
                    r.item.title.clone(),
                    r.item.text.clone(),
                    n(&t.lead),
                    n(&t.coop),
                    t.deadline.clone(),
                ));
            }
        }
    }
    out
}

#[test]
fn markdown_and_text_parse_back_to_the_same_plan() {
    for seed in [SEED_001, SEED_002] {
        let mut plan = parse(seed).plan;
        // A deadline set in the editor travels too.
        walk::for_each_item_mut(&mut plan, &mut |i| {
            if let Some(t) = i.task.as_mut() {
                if t.deadline.is_empty() {
                    t.deadline = "年底前".into();
                }
            }
        });
        for format in [Format::Markdown, Format::Text] {
            let text =
                String::from_utf8(export::export(&plan, format, &Options::default()).unwrap())
                    .unwrap();
            let back = parse(&text).plan;
            let (a, b) = (shape(&back), shape(&plan));
            if let Some(i) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) {
                panic!(
                    "{format:?}: first difference at item {i}:\n got {:?}\nwant {:?}",
                    a.get(i),
                    b.get(i)
                );
            }
            assert_eq!(back.doc.title, plan.doc.title);
            assert_eq!(back.doc.doc_number, plan.doc.doc_number);
            assert_eq!(back.doc.cc, plan.doc.cc);
            assert_eq!(back.attachments.len(), plan.attachments.len());
            assert_eq!(
                back.attachments
                    .iter()
                    .map(|a| &a.title)
                    .collect::<Vec<_>>(),
                plan.attachments
                    .iter()
                    .map(|a| &a.title)
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn one_units_slice_keeps_plan_numbers() {
    let plan = sample();
    let unit = plan.units.find("党工委党校").unwrap().id.clone();
    assert_eq!(export::unit_rows(&plan, &unit).len(), 1);
    let text = String::from_utf8(
        export::export(
            &plan,
            Format::Text,
            &Options {
                unit: Some(unit.clone()),
                task_table: false,
            },
        )
        .unwrap(),
    )
    .unwrap();
    assert!(
        text.contains("25.提升培训质量。"),
        "numbered as in the plan"
    );
    assert!(text.contains("（牵头。牵头单位：党工委政法办、党工委党校、应急局"));
    let d = export::export(
        &plan,
        Format::Docx,
        &Options {
            unit: Some(unit.clone()),
            task_table: false,
        },
    )
    .unwrap();
    let doc = part(&d, "word/document.xml");
    assert!(doc.contains("党工委党校承担的任务（共 1 项）") && doc.contains(">25.</w:t>"));
    let x = export::export(
        &plan,
        Format::Xlsx,
        &Options {
            unit: Some(unit.clone()),
            task_table: false,
        },
    )
    .unwrap();
    let wb = part(&x, "xl/workbook.xml");
    assert!(wb.contains(r#"name="党工委党校""#) && !wb.contains(r#"name="任务清单""#));
    assert_eq!(
        export::file_name(&plan, Format::Xlsx, Some(&unit)),
        "2024年全区安全生产与防灾减灾救灾工作要点（党工委党校）.xlsx"
    );
    assert_eq!(
        export::file_name(&plan, Format::Docx, None),
        "2024年全区安全生产与防灾减灾救灾工作要点.docx"
    );
}
