//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use yaodian::model::{walk, ItemKind, Plan};
use yaodian::parse::{parse_text, ParseOptions, Parsed};

pub const SEED_001: &str = include_str!("../seeds/001_00f1b5cf09c889b2.txt");
pub const SEED_002: &str = include_str!("../seeds/002_e6959c7bfbb927f2.txt");
pub const SEED_004: &str = include_str!("../seeds/004_eab97c569ba7ef6e.txt");

pub fn parse(text: &str) -> Parsed {
    parse_text(
        text,
        &ParseOptions {
            seed: 42,
            ..ParseOptions::default()
        },
    )
}

/// (depth, number, title, lead, coop) of every non-paragraph item of the main body.
pub fn outline_rows(plan: &Plan) -> Vec<(usize, String, String, String, String)> {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|i| plan.units.name(i).to_string())
            .collect::<Vec<_>>()
            .join("、")
    };
    walk::rows(&plan.body.items, plan.body.numbering)
        .into_iter()
        .filter(|r| r.item.kind() != ItemKind::Paragraph)
        .map(|r| {
            let (l, c) = r
                .item
                .task
                .as_ref()
                .map_or((String::new(), String::new()), |t| {
                    (names(&t.lead), names(&t.coop))
                });
            (r.depth, r.number.clone(), r.item.title.clone(), l, c)
        })
        .collect()
}

/// No GB18030 decoder (the tests' inputs are UTF-8).
pub fn no_gb(_: &[u8]) -> Option<String> {
    None
}

/// A .docx holding only this `word/document.xml`, zipped by the independent `zip` crate.
pub fn docx_of(xml: &str) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

/// Renders `docx` (written as `<dir>/<name>.docx`) to `<dir>/<name>.pdf` with LibreOffice and
/// returns the PDF's path; the test fails with soffice's message if it cannot.
pub fn docx_to_pdf(dir: &std::path::Path, name: &str, docx: &[u8]) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(format!("{name}.docx"));
    std::fs::write(&path, docx).unwrap();
    let out = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&path)
        .env("HOME", dir)
        .output()
        .expect("LibreOffice (soffice) is needed for this test: `make test` installs it");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join(format!("{name}.pdf"))
}
