//! The parser against the corpus of real documents (`tests/corpus/`, see its README): every
//! `<id>.txt` is read through the real entry point (`yaodian::cli::load`, as `yaodian-cli
//! outline` does), rendered by `yaodian::cli::outline`, aligned in order against the
//! hand-written `<id>.expected`, and scored:
//!
//! - headings and tasks found with the right depth and number (%),
//! - unit assignments exact: lead and cooperating units both equal (%),
//! - extra lines (outline lines the expectation does not have), per 10 documents.
//!
//! Prints a table per document and the totals, then asserts the thresholds of the real-world
//! import issue (≥ 95 %, ≥ 90 %, ≤ 1 extra line per 10 documents).
//! `YAODIAN_CORPUS=dir1:dir2` scores other corpus folders; `YAODIAN_CORPUS_DIFF=1` prints every
//! line that was missed, wrong or extra.

use std::path::{Path, PathBuf};
use std::time::Instant;
use yaodian::model::units::name_key;
use yaodian::model::{walk, Convention, ItemKind, Plan};
use yaodian::parse::{unitclause::strip_generic, ParseOptions};

#[derive(Debug, Clone)]
struct Line {
    depth: usize,
    number: String,
    title: String,
    lead: String,
    coop: String,
    /// An actual line that is a task-table row (its number is derived, not printed).
    table_row: bool,
}

fn read_lines(text: &str) -> Vec<Line> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let field = |i: usize| f.get(i).map_or("", |s| s.trim()).to_string();
            Line {
                depth: field(0).parse().unwrap_or(0),
                number: field(1),
                title: field(2),
                lead: field(3),
                coop: field(4),
                table_row: false,
            }
        })
        .collect()
}

/// Which outline lines (in `cli::outline` order) are task-table rows.
fn table_flags(plan: &Plan) -> Vec<bool> {
    let mut flags = Vec::new();
    let count = |items: &[yaodian::model::Item], style| {
        walk::rows(items, style)
            .iter()
            .filter(|r| r.item.kind() != ItemKind::Paragraph)
            .count()
    };
    for b in walk::bodies(plan) {
        flags.extend(std::iter::repeat_n(
            false,
            count(&b.body.items, b.body.numbering),
        ));
        for t in &b.body.tables {
            flags.push(false);
            flags.extend(std::iter::repeat_n(true, count(&t.items, t.numbering)));
        }
    }
    flags
}

/// Title text for comparison: no spaces or punctuation.
fn norm(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| {
            !c.is_whitespace() && !"，。、；：:;,.“”‘’\"'（）()《》【】〔〕[]！!？?—-".contains(*c)
        })
        .collect()
}

/// Whether two titles name the same item (equal, one a prefix of the other, or mostly the
/// same character pairs: the page and the parser may cut a title phrase differently).
fn similar(a: &[char], b: &[char]) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 4 && long.starts_with(short) {
        return true;
    }
    if short.len() < 2 {
        return false;
    }
    let pairs = |s: &[char]| s.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>();
    let (pa, mut pb) = (pairs(a), pairs(b));
    let total = pa.len() + pb.len();
    let mut common = 0;
    for p in pa {
        if let Some(k) = pb.iter().position(|q| *q == p) {
            pb.swap_remove(k);
            common += 1;
        }
    }
    common * 2 * 10 >= total * 6
}

/// Unit names as a comparable list: registry keys, generic wording (`等有关单位`) set aside
/// as the model keeps it apart from the names.
fn units(s: &str) -> Vec<String> {
    s.split('、')
        .map(|n| strip_generic(n.trim()).0)
        .filter(|n| !n.is_empty())
        .map(|n| name_key(&n))
        .collect()
}

/// Pairs (expected index, actual index) of the best in-order alignment.
fn align(exp: &[Line], act: &[Line]) -> Vec<(usize, usize)> {
    let (n, m) = (exp.len(), act.len());
    let en: Vec<Vec<char>> = exp.iter().map(|l| norm(&l.title)).collect();
    let an: Vec<Vec<char>> = act.iter().map(|l| norm(&l.title)).collect();
    let weight = |i: usize, j: usize| -> u32 {
        let (e, a) = (&exp[i], &act[j]);
        let same_place = e.depth == a.depth && e.number == a.number;
        if similar(&en[i], &an[j]) {
            2 + u32::from(e.depth == a.depth) + u32::from(e.number == a.number)
        } else if same_place && !e.number.is_empty() && en[i].is_empty() == an[j].is_empty() {
            // Same place and number, title cut differently: still the same item.
            1
        } else {
            0
        }
    };
    let mut dp = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let w = weight(i, j);
            let take = if w > 0 { w + dp[i + 1][j + 1] } else { 0 };
            dp[i][j] = take.max(dp[i + 1][j]).max(dp[i][j + 1]);
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        let w = weight(i, j);
        if w > 0 && dp[i][j] == w + dp[i + 1][j + 1] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if dp[i][j] == dp[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[derive(Default)]
struct Score {
    expected: usize,
    found: usize,
    unit_lines: usize,
    unit_exact: usize,
    extra: usize,
}

fn score(id: &str, exp: &[Line], act: &[Line], diff: bool) -> Score {
    let pairs = align(exp, act);
    let mut s = Score {
        expected: exp.len(),
        ..Score::default()
    };
    let mut paired_exp = vec![None; exp.len()];
    let mut paired_act = vec![false; act.len()];
    for &(i, j) in &pairs {
        paired_exp[i] = Some(j);
        paired_act[j] = true;
    }
    for (i, e) in exp.iter().enumerate() {
        let a = paired_exp[i].map(|j| &act[j]);
        let place_ok = a.is_some_and(|a| {
            e.depth == a.depth && (e.number == a.number || (e.number.is_empty() && a.table_row))
        });
        s.found += usize::from(place_ok);
        let has_units = !e.lead.is_empty()
            || !e.coop.is_empty()
            || a.is_some_and(|a| !a.lead.is_empty() || !a.coop.is_empty());
        if has_units {
            s.unit_lines += 1;
            let exact = a.is_some_and(|a| {
                units(&e.lead) == units(&a.lead) && units(&e.coop) == units(&a.coop)
            });
            s.unit_exact += usize::from(exact);
            if let Some(a) = a.filter(|_| diff && !exact) {
                println!(
                    "  {id} units  {} {}: want [{}|{}] got [{}|{}]",
                    e.number, e.title, e.lead, e.coop, a.lead, a.coop
                );
            }
        }
        if diff && !place_ok {
            match a {
                Some(a) => println!(
                    "  {id} place  want {} {} {}  got {} {} {}",
                    e.depth, e.number, e.title, a.depth, a.number, a.title
                ),
                None => println!("  {id} missed {} {} {}", e.depth, e.number, e.title),
            }
        }
    }
    for (j, a) in act.iter().enumerate() {
        if !paired_act[j] {
            s.extra += 1;
            if diff {
                println!("  {id} extra  {} {} {}", a.depth, a.number, a.title);
            }
        }
    }
    s
}

fn corpus_dirs() -> Vec<PathBuf> {
    match std::env::var("YAODIAN_CORPUS") {
        Ok(v) if !v.is_empty() => v.split(':').map(PathBuf::from).collect(),
        _ => vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")],
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        a as f64 * 100.0 / b as f64
    }
}

#[test]
fn corpus_score() {
    let diff = std::env::var("YAODIAN_CORPUS_DIFF").is_ok_and(|v| !v.is_empty());
    let mut docs: Vec<PathBuf> = corpus_dirs()
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    docs.sort();
    let mut total = Score::default();
    let mut slowest = (0.0f64, String::new());
    println!(
        "{:<44} {:>5} {:>6} {:>9} {:>6} {:>6}",
        "document", "lines", "found", "units", "extra", "ms"
    );
    for path in &docs {
        let id = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let expected_path = path.with_extension("expected");
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            panic!("{id}: no {}", expected_path.display());
        };
        let header = |key: &str| {
            expected.lines().find_map(|l| {
                l.strip_prefix(&format!("# {key}:"))
                    .map(|v| v.trim().to_string())
            })
        };
        assert!(
            header("url").is_some(),
            "{id}: the expectation names no url"
        );
        let convention = match header("convention").as_deref() {
            Some("first-unit") => Convention::FirstUnitLeads,
            _ => Convention::FirstGroupLeads,
        };
        let opts = ParseOptions {
            convention,
            seed: 1,
            ..ParseOptions::default()
        };
        let started = Instant::now();
        let (plan, _) = yaodian::cli::load(
            path.to_str().unwrap_or_default(),
            &mut std::io::empty(),
            &opts,
        )
        .unwrap_or_else(|e| panic!("{id}: {e}"));
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if ms > slowest.0 {
            slowest = (ms, id.clone());
        }
        let mut actual = read_lines(&yaodian::cli::outline(&plan));
        for (line, flag) in actual.iter_mut().zip(table_flags(&plan)) {
            line.table_row = flag;
        }
        let s = score(&id, &read_lines(&expected), &actual, diff);
        println!(
            "{:<44} {:>5} {:>6} {:>4}/{:<4} {:>6} {:>6.1}",
            id, s.expected, s.found, s.unit_exact, s.unit_lines, s.extra, ms
        );
        total.expected += s.expected;
        total.found += s.found;
        total.unit_lines += s.unit_lines;
        total.unit_exact += s.unit_exact;
        total.extra += s.extra;
    }
    let n = docs.len();
    let found = pct(total.found, total.expected);
    let exact = pct(total.unit_exact, total.unit_lines);
    let extra_per_10 = if n == 0 {
        0.0
    } else {
        total.extra as f64 * 10.0 / n as f64
    };
    println!(
        "TOTAL {n} documents: headings/tasks with right depth and number {found:.1}% ({}/{}), \
         unit assignments exact {exact:.1}% ({}/{}), extra lines {extra_per_10:.1} per 10 documents ({}); \
         slowest parse {:.1} ms ({})",
        total.found, total.expected, total.unit_exact, total.unit_lines, total.extra, slowest.0, slowest.1
    );
    assert!(found >= 95.0, "headings/tasks found {found:.1}% < 95%");
    assert!(exact >= 90.0, "unit assignments exact {exact:.1}% < 90%");
    assert!(
        extra_per_10 <= 1.0,
        "extra lines {extra_per_10:.1} per 10 documents > 1"
    );
}
