//! Peak memory stays a bounded multiple of the input (issue 12): measured natively with a
//! counting global allocator. Inputs far beyond a real plan are refused with a Chinese
//! message before they take the memory; the largest accepted ones stay within budget.
//! One test, the cases one after another: the allocator counts every thread.

#[path = "common/alloc.rs"]
mod alloc;
mod common;
use common::{docx_of, no_gb};

use yaodian::export::{export, Format, Options};
use yaodian::limits::{MAX_BLOCKS, MAX_JSON_NODES};
use yaodian::parse::{import_bytes, parse_pasted, ImportError, ParseOptions};

#[global_allocator]
static COUNTING: alloc::Counting = alloc::Counting;

const MB: usize = 1024 * 1024;

fn assert_peak(what: &str, peak: usize, max: usize) {
    println!("{what}: peak {} MB", peak / MB);
    assert!(
        peak <= max,
        "{what}: peak {} MB > {} MB",
        peak / MB,
        max / MB
    );
}

fn too_many(r: Result<impl std::fmt::Debug, ImportError>) {
    let err = r.unwrap_err();
    assert!(matches!(err, ImportError::TooMany { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("未导入") && msg.contains("草稿没有改动"),
        "{msg}"
    );
}

#[test]
fn peak_memory_is_bounded() {
    let opts = ParseOptions::default();

    // 12 MB of `1．x` lines (two million tasks; 1.9 GB before): refused, in ~25 × the input.
    let lines = "1．x\n".repeat(12 * MB / 6);
    let (r, peak) = alloc::peak_during(|| parse_pasted(&lines, &opts).map(|_| ()));
    too_many(r);
    assert_peak("12 MB of 1．x lines", peak, 30 * lines.len());
    drop(lines);

    // The most tasks accepted: parse and .docx export stay within a few hundred MB.
    let lines = "1．x\n".repeat(MAX_BLOCKS);
    let (parsed, peak) = alloc::peak_during(|| parse_pasted(&lines, &opts).unwrap());
    assert_peak("parse of MAX_BLOCKS tasks", peak, 200 * MB);
    let (_, peak) =
        alloc::peak_during(|| export(&parsed.plan, Format::Docx, &Options::default()).unwrap());
    assert_peak(".docx export of MAX_BLOCKS tasks", peak, 300 * MB);
    drop(parsed);

    // A 166 KB .docx of 1.5 million tiny paragraphs (2.2 GB before): refused; the inflated
    // XML (53 MB) is the largest part of the peak.
    let para = "<w:p><w:r><w:t>x</w:t></w:r></w:p>";
    let xml = format!(
        "<w:document><w:body>{}</w:body></w:document>",
        para.repeat(1_500_000)
    );
    let docx = docx_of(&xml);
    drop(xml);
    let (r, peak) = alloc::peak_during(|| import_bytes(&docx, &no_gb, &opts).map(|_| ()));
    too_many(r);
    assert_peak(".docx of 1.5 million paragraphs", peak, 100 * MB);

    // 10 MB of `{}` items (2.3 GB before): refused before any JSON is built.
    let json = format!(
        "{{\"format\":\"yaodian-plan\",\"version\":1,\"body\":{{\"items\":[{}{{}}]}}}}",
        "{},".repeat(10 * MB / 3)
    );
    let (r, peak) = alloc::peak_during(|| import_bytes(json.as_bytes(), &no_gb, &opts).map(|_| ()));
    too_many(r);
    assert_peak("10 MB of {} items", peak, 2 * json.len());
    // Just under the limit still restores.
    let n = MAX_JSON_NODES - 10;
    let json = format!(
        "{{\"format\":\"yaodian-plan\",\"version\":1,\"body\":{{\"items\":[{}{{}}]}}}}",
        "{},".repeat(n)
    );
    let (r, peak) = alloc::peak_during(|| import_bytes(json.as_bytes(), &no_gb, &opts).map(|_| ()));
    assert!(r.is_ok(), "{r:?}");
    assert_peak("MAX_JSON_NODES empty items", peak, 500 * MB);

    // A 20 MB title (2.3 GB on export at 50 MB before): a small multiple of the text.
    let mut plan = common::parse(common::SEED_001).plan;
    plan.doc.title = "安全生产工作要点".repeat(20 * MB / 24);
    for format in [Format::Docx, Format::Xlsx] {
        let (_, peak) = alloc::peak_during(|| export(&plan, format, &Options::default()).unwrap());
        assert_peak(
            &format!("{format:?} export of a 20 MB title"),
            peak,
            8 * 20 * MB,
        );
    }
}
