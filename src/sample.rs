//! The built-in sample template: seed 001 (万盛经开区 2024, 31 tasks), bundled into the app.
//!
//! Owns the bundled text and a helper to parse it; deliberately no other data.

use crate::parse::{parse_text, ParseOptions, Parsed};

/// The text of 《2024年全区安全生产与防灾减灾救灾工作要点》 (万盛经开区), as published.
pub const SAMPLE_TEXT: &str = include_str!("sample/wansheng-2024.txt");

/// The sample, parsed with the default convention (first `，`-group leads).
pub fn sample_plan(seed: u64) -> Parsed {
    parse_text(
        SAMPLE_TEXT,
        &ParseOptions {
            seed,
            ..ParseOptions::default()
        },
    )
}
