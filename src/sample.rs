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

/// A synthetic plan text with `tasks` tasks in groups of ten (benchmarks, stress tests).
pub fn synthetic(tasks: usize) -> String {
    let mut out = String::from("2025年全区安全生产与防灾减灾救灾工作要点\n为做好全区安全生产工作，制定本要点。\n一、重点任务\n");
    for i in 0..tasks {
        if i % 10 == 0 {
            let g = i / 10 + 1;
            out.push_str(&format!(
                "（{}）第{g}组重点工作\n",
                crate::model::numbering::chinese_numeral(g as u32)
            ));
        }
        out.push_str(&format!(
            "{}．推进第{}项工作。加强组织领导，完善工作机制，细化工作措施，确保任务按期完成。（责任单位：区应急局，各镇街、区公安分局、区住房城乡建委等有关单位）\n",
            i + 1,
            i + 1
        ));
    }
    out
}
