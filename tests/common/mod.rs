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
