//! Native benchmarks (criterion): parsing seed 002 and seed 001, save and restore.
//! Prints figures; not a pass/fail test. Run with `make bench`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use yaodian::parse::{parse_text, ParseOptions};

const SEED_001: &str = include_str!("../seeds/001_00f1b5cf09c889b2.txt");
const SEED_002: &str = include_str!("../seeds/002_e6959c7bfbb927f2.txt");

fn parse(c: &mut Criterion) {
    let opts = ParseOptions {
        seed: 1,
        ..ParseOptions::default()
    };
    let mut g = c.benchmark_group("parse");
    for (name, text) in [("seed_002", SEED_002), ("seed_001", SEED_001)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| parse_text(black_box(text), &opts)));
    }
    g.finish();
}

fn file_format(c: &mut Criterion) {
    let plan = parse_text(SEED_002, &ParseOptions::default()).plan;
    let saved = yaodian::format::save(&plan);
    let mut g = c.benchmark_group("format");
    g.throughput(Throughput::Bytes(saved.len() as u64));
    g.bench_function("save_seed_002", |b| {
        b.iter(|| yaodian::format::save(black_box(&plan)))
    });
    g.bench_function("restore_seed_002", |b| {
        b.iter(|| yaodian::format::restore(black_box(&saved)))
    });
    g.finish();
}

fn export(c: &mut Criterion) {
    use yaodian::export::{export, Format, Options};
    let plan = parse_text(&yaodian::sample::synthetic(1000), &ParseOptions::default()).plan;
    let mut g = c.benchmark_group("export_1000_tasks");
    g.sample_size(20);
    for format in [Format::Docx, Format::Xlsx, Format::Csv, Format::Markdown] {
        g.bench_function(format.extension(), |b| {
            b.iter(|| export(black_box(&plan), format, &Options::default()).unwrap())
        });
    }
    g.finish();
}

fn yearly(c: &mut Criterion) {
    use yaodian::model::IdGen;
    let opts = ParseOptions::default();
    let old_city = parse_text(&yaodian::sample::synthetic(300), &opts).plan;
    // The new year: every fifth task reworded, one in ten removed, some added.
    let text: String = yaodian::sample::synthetic(300)
        .lines()
        .enumerate()
        .filter(|(i, _)| i % 10 != 7)
        .map(|(i, l)| {
            if i % 5 == 0 {
                format!("{l}并开展年度评估。\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let new_city = parse_text(
        &format!("{text}301．推进新增工作。完善新机制。（责任单位：区应急局）\n"),
        &opts,
    )
    .plan;
    let last = yaodian::edit::draft::from_template(&old_city, &mut IdGen::new(1));
    c.bench_function("yearly_propose_300", |b| {
        b.iter(|| {
            yaodian::sync::yearly::propose(
                black_box(&last),
                black_box(&new_city),
                &mut IdGen::new(2),
            )
            .unwrap()
        })
    });
}

criterion_group!(benches, parse, file_format, export, yearly);
criterion_main!(benches);
