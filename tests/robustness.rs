//! Bad input never panics and never hangs: empty input, binary junk, a 20 MB paste, a zip bomb
//! disguised as .docx, a truncated .docx; plus property tests over arbitrary input.

mod common;
use common::*;
use proptest::prelude::*;
use std::io::Write;
use std::time::Instant;
use yaodian::parse::{import_bytes, parse_text, ImportError, ParseOptions};

fn no_gb(_: &[u8]) -> Option<String> {
    None
}

#[test]
fn empty_and_whitespace() {
    for s in ["", "\n\n", "   ", "\u{feff}"] {
        let p = parse(s);
        assert_eq!(p.plan.body.items.len(), 0);
        assert!(
            !p.report.warnings.is_empty(),
            "the user is told nothing was found"
        );
    }
}

#[test]
fn binary_junk_is_refused_with_a_message() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let err = import_bytes(&junk, &no_gb, &ParseOptions::default()).unwrap_err();
    assert_eq!(err, ImportError::Binary);
    assert!(err.to_string().contains(".docx"));
}

#[test]
fn too_large_names_its_size_rounded_to_a_tenth() {
    let msg = |bytes: usize| ImportError::TooLarge { bytes }.to_string();
    assert!(
        msg(21_976_884).contains("（21.0 MB，"),
        "{}",
        msg(21_976_884)
    ); // 20.958… MB
    assert!(
        msg(22_020_096).contains("（21.0 MB，"),
        "{}",
        msg(22_020_096)
    );
    assert!(
        msg(22_125_000).contains("（21.1 MB，"),
        "{}",
        msg(22_125_000)
    ); // 21.100… MB
}

#[test]
fn twenty_megabyte_paste_is_linear() {
    let mut big = String::new();
    while big.len() < 20 * 1024 * 1024 {
        big.push_str(SEED_001);
    }
    let t = Instant::now();
    let p = parse(&big);
    let secs = t.elapsed().as_secs_f64();
    assert!(p.report.tasks > 1000);
    // Generous bound: catches quadratic behaviour (minutes), not machine speed.
    assert!(secs < 60.0, "20 MB took {secs:.1}s");
}

#[test]
fn one_line_twenty_megabytes() {
    let line = "安全生产".repeat(20 * 1024 * 1024 / 12);
    let t = Instant::now();
    let p = parse(&line);
    assert!(t.elapsed().as_secs() < 30);
    assert_eq!(p.plan.body.preface.len() + p.plan.body.items.len(), 1);
}

#[test]
fn zip_bomb_docx_is_refused() {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..80 {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap();
    let bytes = buf.into_inner();
    assert!(
        bytes.len() < 1024 * 1024,
        "compressed bomb is small: {}",
        bytes.len()
    );
    let err = import_bytes(&bytes, &no_gb, &ParseOptions::default()).unwrap_err();
    assert!(
        matches!(err, ImportError::Docx(ref why) if why.contains("过大")),
        "{err:?}"
    );
}

#[test]
fn truncated_docx_is_refused() {
    let paras: Vec<(&str, Option<u8>)> = SEED_001.lines().map(|l| (l, None)).collect();
    let whole = make_docx(&paras);
    for cut in [10, whole.len() / 3, whole.len() - 30] {
        let err = import_bytes(&whole[..cut], &no_gb, &ParseOptions::default()).unwrap_err();
        assert!(matches!(err, ImportError::Docx(_)), "cut at {cut}: {err:?}");
    }
}

fn make_docx(paras: &[(&str, Option<u8>)]) -> Vec<u8> {
    let body: String = paras
        .iter()
        .map(|(t, _)| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"))
        .collect();
    let xml = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

const TOKENS: &[&str] = &[
    "一、",
    "（二）",
    "3．",
    "(4)",
    "⑤",
    "。",
    "（责任单位：",
    "）",
    "、",
    "，",
    "\n",
    "\t",
    "|",
    "附件1\n",
    "抄送：",
    "应急局",
    "重点任务",
    "责任单位",
    "2024年5月16日",
    "〔2024〕8号",
    "牵头",
    "等有关单位",
    "【大 中 小】",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics(s in any::<String>()) {
        let _ = parse_text(&s, &ParseOptions::default());
    }

    #[test]
    fn parse_never_panics_on_document_like_text(parts in proptest::collection::vec(
        prop_oneof![prop::sample::select(TOKENS).prop_map(String::from), ".{0,8}"], 0..80)) {
        let s: String = parts.concat();
        let p = parse_text(&s, &ParseOptions::default());
        // Whatever came in, the result saves and restores.
        let saved = yaodian::format::save(&p.plan);
        prop_assert_eq!(yaodian::format::restore(&saved).map(|r| yaodian::format::save(&r)), Ok(saved));
    }

    #[test]
    fn restore_never_panics(s in any::<String>()) {
        let _ = yaodian::format::restore(&s);
    }

    #[test]
    fn restore_never_panics_on_json_like(s in r#"\{"format":"yaodian-plan"(,"[a-z]{1,6}":(\[|\{|"x"|1|null|\}|\]|,){0,12})*\}"#) {
        let _ = yaodian::format::restore(&s);
    }

    #[test]
    fn import_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import_bytes(&bytes, &no_gb, &ParseOptions::default());
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        let _ = import_bytes(&zipped, &no_gb, &ParseOptions::default());
    }
}
