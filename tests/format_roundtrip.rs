//! The file format on real plans: save → restore → save is byte-identical, nothing is lost,
//! and the example in the format module's documentation (src/format/mod.rs) restores.

mod common;
use common::*;
use yaodian::format::{restore, save, RestoreError};

#[test]
fn seeds_round_trip_byte_identical() {
    for seed in [SEED_001, SEED_002, SEED_004] {
        let plan = parse(seed).plan;
        let first = save(&plan);
        let restored = restore(&first).expect("own output restores");
        assert_eq!(restored, plan, "restore gives the same plan");
        assert_eq!(save(&restored), first, "and the same bytes");
    }
}

#[test]
fn saving_is_deterministic() {
    assert_eq!(save(&parse(SEED_002).plan), save(&parse(SEED_002).plan));
}

#[test]
fn envelope_is_tagged_and_versioned() {
    let text = save(&parse(SEED_001).plan);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "yaodian-plan");
    assert_eq!(v["version"], 1);
    assert!(text.starts_with("{\n  \"format\": \"yaodian-plan\",\n  \"version\": 1,"));
}

#[test]
fn documented_example_restores() {
    // The module documentation, without its `//! ` prefixes.
    let doc: String = include_str!("../src/format/mod.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let start = doc.find("```json").expect("example block") + "```json".len();
    let end = start + doc[start..].find("```").unwrap();
    let plan = restore(&doc[start..end]).expect("the documented example is a valid plan");
    assert_eq!(plan.body.items.len(), 1);
    assert_eq!(plan.units.units.len(), 2);
    let task = plan.body.items[0].children[0].task.as_ref().unwrap();
    assert_eq!(task.lead, ["u-yjj"]);
}

#[test]
fn newer_versions_are_refused_not_guessed() {
    let text = save(&parse(SEED_001).plan).replacen("\"version\": 1", "\"version\": 2", 1);
    assert_eq!(restore(&text), Err(RestoreError::TooNew { version: 2 }));
    assert!(RestoreError::TooNew { version: 2 }
        .to_string()
        .contains("升级"));
}

#[test]
fn truncated_file_is_a_clear_error() {
    let text = save(&parse(SEED_001).plan);
    let cut = &text[..text.len() / 2];
    let err = restore(cut).unwrap_err();
    assert!(matches!(err, RestoreError::NotJson { .. }));
    assert!(err.to_string().contains("损坏或被截断"));
}
