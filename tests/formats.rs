//! The formats documents come in: .doc/.wps, PDF and OFD fixtures made from the seeds (the
//! app's own .docx, converted by LibreOffice; the OFD by easyofd from LibreOffice's PDF)
//! import to the same outline as the .docx; an .xlsx task list (the app's export) imports back
//! to the same tasks; damaged, encrypted and scanned files give a Chinese reason.

mod common;
use common::*;
use yaodian::export::{self, Format, Options};
use yaodian::model::Plan;
use yaodian::parse::{import_bytes, ImportError, Imported, ParseOptions};

fn opts() -> ParseOptions {
    ParseOptions {
        seed: 1,
        ..ParseOptions::default()
    }
}

fn import(bytes: &[u8]) -> Result<Plan, ImportError> {
    import_bytes(bytes, &|_| None, &opts()).map(|i| match i {
        Imported::Parsed(p) => p.plan,
        Imported::Plan(r) => r.plan,
    })
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The outline of a seed as the app's .docx export of it imports.
fn docx_outline(seed: &str) -> String {
    let docx = export::export(&parse(seed).plan, Format::Docx, &Options::default()).unwrap();
    yaodian::cli::outline(&import(&docx).unwrap())
}

/// Lines that differ, for a readable failure.
fn diff(a: &str, b: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let mut out = format!("{} vs {} lines\n", a.len(), b.len());
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (a.get(i).unwrap_or(&"∅"), b.get(i).unwrap_or(&"∅"));
        if x != y {
            out.push_str(&format!("{i}:\n  got  {x}\n  want {y}\n"));
        }
    }
    out
}

fn assert_same_outline(file: &str, seed: &str) {
    let got = yaodian::cli::outline(&import(&fixture(file)).unwrap());
    let want = docx_outline(seed);
    assert!(want.lines().count() > 5, "the seed has an outline");
    assert!(got == want, "{file}: {}", diff(&got, &want));
}

/// Every task's (text, lead, coop, deadline), in order.
fn tasks(plan: &Plan) -> Vec<(String, Vec<String>, Vec<String>, String)> {
    yaodian::render::task_rows(plan)
        .into_iter()
        .map(|r| {
            let text = format!("{}。{}", r.title.trim_end_matches('。'), r.text);
            (text, r.lead, r.coop, r.deadline)
        })
        .collect()
}

#[test]
fn xlsx_export_imports_back_to_the_same_tasks() {
    for seed in [SEED_001, SEED_002] {
        let plan = parse(seed).plan;
        let xlsx = export::export(&plan, Format::Xlsx, &Options::default()).unwrap();
        let back = import(&xlsx).unwrap();
        let (want, got) = (tasks(&plan), tasks(&back));
        assert!(want.len() > 20);
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w);
        }
    }
}

#[test]
fn xlsx_sheet_is_chosen_by_name() {
    let plan = parse(SEED_001).plan;
    let xlsx = export::export(&plan, Format::Xlsx, &Options::default()).unwrap();
    let sheets = yaodian::parse::xlsx_tasks::task_sheets(&xlsx).unwrap();
    assert_eq!(sheets[0], "任务清单");
    assert!(sheets.contains(&"应急局".to_string()), "{sheets:?}");
    assert!(!sheets.contains(&"单位统计".to_string()));
    let o = ParseOptions {
        sheet: Some("应急局".into()),
        ..opts()
    };
    let Ok(Imported::Parsed(p)) = import_bytes(&xlsx, &|_| None, &o) else {
        panic!("imports")
    };
    let all = tasks(&plan).len();
    let mine = tasks(&p.plan);
    assert!(!mine.is_empty() && mine.len() < all);
    let bad = ParseOptions {
        sheet: Some("没有这张表".into()),
        ..opts()
    };
    let e = import_bytes(&xlsx, &|_| None, &bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("没有这张表"), "{e}");
}

#[test]
fn xlsx_merged_cells_read_as_their_value() {
    // A hand-made task-division sheet: a title row, a merged group column, a merged unit.
    let sheet = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>2025年重点工作任务分工表</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>序号</t></is></c><c r="B3" t="inlineStr"><is><t>重点任务</t></is></c><c r="C3" t="inlineStr"><is><t>具体措施</t></is></c><c r="D3" t="inlineStr"><is><t>牵头单位</t></is></c></row>
<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t>（一）强化责任落实</t></is></c><c r="C4" t="inlineStr"><is><t>修订安全生产责任清单。</t></is></c><c r="D4" t="inlineStr"><is><t>区应急局</t></is></c></row>
<row r="5"><c r="A5"><v>2</v></c><c r="C5" t="inlineStr"><is><t>开展安全生产考核。</t></is></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="B4:B5"/><mergeCell ref="D4:D5"/></mergeCells></worksheet>"#;
    let wb = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="分工" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let bytes = yaodian::package::write(&[
        ("xl/workbook.xml", wb.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
    .unwrap();
    let plan = import(&bytes).unwrap();
    let out = yaodian::cli::outline(&plan);
    let lines: Vec<&str> = out.lines().collect();
    // The corpus outline format (tests/corpus/README.md): a task table is one depth-1 line
    // with its caption (here the title row above the header), its group rows at depth 2 and
    // its tasks at depth 3. The merged group opens once; the merged unit leads both tasks.
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(lines[0], "1\t\t2025年重点工作任务分工表\t\t");
    assert_eq!(lines[1], "2\t（一）\t强化责任落实\t\t");
    assert_eq!(lines[2], "3\t1.\t修订安全生产责任清单\t区应急局\t");
    assert_eq!(lines[3], "3\t2.\t开展安全生产考核\t区应急局\t");
}

#[test]
fn damaged_encrypted_and_scanned_files_say_why() {
    // A compound file that is no Word document, and a truncated one.
    let doc = fixture("seed001.doc");
    let cut = import(&doc[..doc.len() / 3]).unwrap_err().to_string();
    assert!(cut.contains("Word/WPS"), "{cut}");
    let pdf = fixture("seed001.pdf");
    assert!(import(&pdf[..200]).is_err());
    for f in ["scanned.ofd", "scanned.pdf"] {
        let scanned = import(&fixture(f)).unwrap_err().to_string();
        assert!(scanned.contains("扫描件"), "{scanned}");
    }
    // A PDF with an /Encrypt dictionary in its trailer.
    let mut enc = pdf.clone();
    enc.extend_from_slice(b"\ntrailer\n<< /Root 1 0 R /Encrypt 9 0 R >>\n%%EOF\n");
    let e = import(&enc).unwrap_err().to_string();
    assert!(e.contains("加密"), "{e}");
}

#[test]
fn permission_only_pdfs_are_decrypted() {
    // seed001.pdf encrypted by pikepdf with an owner password only (no copying, no editing;
    // see tests/fixtures/README.md): RC4 40 and 128 bit, AES-128, AES-256.
    for f in [
        "seed001-owner-rc4-40.pdf",
        "seed001-owner-rc4-128.pdf",
        "seed001-owner-aes-128.pdf",
        "seed001-owner-aes-256.pdf",
    ] {
        assert!(
            fixture(f).windows(8).any(|w| w == b"/Encrypt"),
            "{f} is encrypted"
        );
        assert_same_outline(f, SEED_001);
    }
    // A password to open it: refused, saying so.
    let e = import(&fixture("seed001-userpw.pdf"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("打开密码"), "{e}");
}

#[test]
fn doc_imports_like_the_docx() {
    assert_same_outline("seed001.doc", SEED_001);
    assert_same_outline("seed002.doc", SEED_002);
}

#[test]
fn wps_is_detected_by_content() {
    // LibreOffice cannot write WPS 文字 files; WPS saves .wps in the same Word 97 container.
    assert_same_outline("seed001.wps", SEED_001);
}

#[test]
fn pdf_imports_like_the_docx() {
    assert_same_outline("seed001.pdf", SEED_001);
}

#[test]
fn pdf_task_table_imports_like_the_docx() {
    // Seed 002 ends with a task table (重点任务 merged down its groups, units in two columns,
    // the header repeated on every page): its rows are rebuilt from the text positions.
    assert_same_outline("seed002.pdf", SEED_002);
    let docx = export::export(&parse(SEED_002).plan, Format::Docx, &Options::default()).unwrap();
    let (want, got) = (
        import(&docx).unwrap(),
        import(&fixture("seed002.pdf")).unwrap(),
    );
    let rows = |p: &Plan| {
        yaodian::render::task_rows(p)
            .into_iter()
            .map(|r| (r.number, r.title, r.lead, r.coop, r.deadline))
            .collect::<Vec<_>>()
    };
    let (want, got) = (rows(&want), rows(&got));
    // The table's tasks carry their units (lead and cooperating columns).
    assert!(
        want.iter().any(|t| t.2
            == [
                "区农业农村委",
                "区住房城乡建委",
                "区规划自然资源局",
                "区应急局"
            ]
            && t.3 == ["有关街镇"]),
        "{want:#?}"
    );
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
}

#[test]
fn ofd_imports_like_the_docx() {
    assert_same_outline("seed001.ofd", SEED_001);
    // Seed 002's task table, its text objects placed by easyofd: the same rows.
    assert_same_outline("seed002.ofd", SEED_002);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Damaged fixtures (bytes overwritten, then cut) give an error or a plan, never a panic.
    #[test]
    fn damaged_fixtures_never_panic(
        which in 0usize..5,
        edits in proptest::collection::vec((0usize..1 << 20, proptest::prelude::any::<u8>()), 1..40),
        cut in 0usize..1 << 20,
    ) {
        let name = [
            "seed001.doc",
            "seed001.pdf",
            "seed001.ofd",
            "seed001-tasks.xlsx",
            "seed001-owner-aes-256.pdf",
        ][which];
        let mut bytes = fixture(name);
        for (at, b) in edits {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        let n = bytes.len();
        bytes.truncate(n - cut % (n / 2));
        let _ = import(&bytes);
    }
}
