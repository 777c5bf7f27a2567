//! Parsing at 1, 4 and 16 MB of text, with sentence ends (the seed document repeated) and
//! without (the same text with its closing punctuation removed, so every line joins the
//! paragraph before it): time per MB must not grow with the size (issue 12). Also prints the
//! peak memory of one parse, from a counting allocator. Figures, not a pass/fail test.
//! Run with `make bench` or `cargo bench --bench scale`.

#[path = "../common/alloc.rs"]
mod alloc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Instant;
use yaodian::parse::{parse_pasted, ParseOptions};

#[global_allocator]
static COUNTING: alloc::Counting = alloc::Counting;

const SEED_001: &str = include_str!("../seeds/001_00f1b5cf09c889b2.txt");
const MB: usize = 1024 * 1024;

fn text(mb: usize, sentence_ends: bool) -> String {
    let seed: String = if sentence_ends {
        SEED_001.to_string()
    } else {
        SEED_001
            .chars()
            .filter(|c| !"。；;：:！!？?）)”…".contains(*c))
            .collect()
    };
    let mut out = String::with_capacity(mb * MB + seed.len());
    while out.len() < mb * MB {
        out.push_str(&seed);
    }
    out
}

fn scale(c: &mut Criterion) {
    let opts = ParseOptions::default();
    let mut g = c.benchmark_group("parse_scale");
    g.sample_size(10)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(5));
    for ends in [true, false] {
        let label = if ends {
            "sentence_ends"
        } else {
            "no_sentence_ends"
        };
        for mb in [1, 4, 16] {
            let input = text(mb, ends);
            // One timed run with the peak memory, printed as figures per MB.
            let t = Instant::now();
            let (parsed, peak) = alloc::peak_during(|| parse_pasted(&input, &opts));
            let secs = t.elapsed().as_secs_f64();
            let tasks = parsed.map(|p| p.report.tasks).unwrap_or(0);
            println!(
                "{label} {mb:>2} MB: {:.0} ms/MB, peak {} MB ({:.1} × input), {tasks} tasks",
                secs * 1000.0 / mb as f64,
                peak / MB,
                peak as f64 / input.len() as f64
            );
            g.throughput(Throughput::Bytes(input.len() as u64));
            g.bench_function(format!("{label}_{mb}MB"), |b| {
                b.iter(|| parse_pasted(black_box(&input), &opts))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
