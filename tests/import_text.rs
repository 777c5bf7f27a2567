//! Every input through `import_bytes`: what is text is read as text (with warnings about what
//! was repaired), a plan file with bad values is repaired and reported, and the "not text"
//! message is given only for what is not text.

mod common;
use common::*;
use yaodian::format::RestoreError;
use yaodian::model::walk;
use yaodian::parse::{import_bytes, ImportError, Imported, ParseOptions, Parsed};

fn gb(bytes: &[u8]) -> Option<String> {
    let (t, _, bad) = encoding_rs::GB18030.decode(bytes);
    (!bad).then(|| t.into_owned())
}

fn parsed(bytes: &[u8]) -> Parsed {
    match import_bytes(bytes, &gb, &ParseOptions::default()) {
        Ok(Imported::Parsed(p)) => p,
        Ok(Imported::Plan(_)) => panic!("read as a plan file"),
        Err(e) => panic!("refused: {e}"),
    }
}

fn warnings(p: &Parsed) -> String {
    p.report
        .warnings
        .iter()
        .map(|n| n.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn cr_only_line_ends_are_line_ends() {
    let p = parsed(SEED_001.replace('\n', "\r").as_bytes());
    assert_eq!(walk::task_count(&p.plan), 31);
}

#[test]
fn utf16_without_bom_is_read() {
    let bytes: Vec<u8> = SEED_001
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let p = parsed(&bytes);
    assert_eq!(walk::task_count(&p.plan), 31);
    assert!(warnings(&p).contains("UTF-16"));
}

#[test]
fn one_bad_byte_is_a_warning_not_a_refusal() {
    let mut bytes = SEED_001.as_bytes().to_vec();
    let at = SEED_001.find("推行").unwrap();
    bytes[at + 1] = 0xFF;
    let p = parsed(&bytes);
    assert_eq!(walk::task_count(&p.plan), 31);
    assert!(warnings(&p).contains("无法识别的字节"), "{}", warnings(&p));
}

#[test]
fn text_starting_with_a_brace_that_is_not_a_plan_is_text() {
    let text = format!("{{内部资料}}\n{SEED_001}");
    let p = parsed(text.as_bytes());
    assert_eq!(walk::task_count(&p.plan), 31);
    assert!(warnings(&p).contains("不是要点计划文件，已按文本读取"));
    // A damaged plan file is still called a damaged plan file.
    let cut = r#"{"format":"yaodian-plan","version":1,"body":{"items":[{"ti"#;
    assert!(matches!(
        import_bytes(cut.as_bytes(), &gb, &ParseOptions::default()),
        Err(ImportError::Json(RestoreError::NotJson { .. }))
    ));
}

#[test]
fn a_plan_with_bad_values_is_repaired_and_the_repairs_reported() {
    let json = r#"{"format":"yaodian-plan","version":1,"doc":{"year":"2025","title":"T"},
      "body":{"items":[{"id":"a","level":300,"title":"总体要求"},{"id":"a","level":1,"title":"主要任务"}]}}"#;
    let Ok(Imported::Plan(r)) = import_bytes(json.as_bytes(), &gb, &ParseOptions::default()) else {
        panic!("not restored")
    };
    assert_eq!(r.plan.doc.year, Some(2025));
    assert_eq!(r.repairs.len(), 3, "{:?}", r.repairs);
    assert_ne!(r.plan.body.items[0].id, r.plan.body.items[1].id);
}

#[test]
fn messages_are_chinese_and_binary_is_only_for_binary() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(std::iter::repeat_n(0u8, 512));
    ole.extend((0..=255u8).cycle().take(4096));
    // The Word 97 container with no document in it: read as a .doc now, and called damaged.
    let e = import_bytes(&ole, &gb, &ParseOptions::default()).unwrap_err();
    assert!(matches!(e, ImportError::Doc(_)), "{e:?}");
    assert!(e.to_string().contains("Word 97"), "{e}");
    let errors = [
        "",
        "{\"format\":",
        "[1]",
        "{\"format\":\"x\"}",
        "{\"format\":\"yaodian-plan\",\"version\":\"x\"}",
        "{\"format\":\"yaodian-plan\",\"version\":9}",
    ];
    for input in errors {
        let Err(e) = yaodian::format::restore(input) else {
            panic!("{input} restored")
        };
        let msg = e.to_string();
        let english = msg
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 3 && !["JSON", "format", "yaodian", "plan"].contains(w))
            .collect::<Vec<_>>();
        assert!(english.is_empty(), "{msg}: {english:?}");
        assert!(msg.contains('。'), "{msg}");
    }
}
