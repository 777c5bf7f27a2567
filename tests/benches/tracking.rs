//! Native benchmarks (criterion) for tracking through the year: a 300-task plan with 60
//! units and four quarterly rounds. Importing a round (all 60 units' answers in one .xlsx) and
//! computing the 进度 figures; the bulletin .docx; the 进度台账 .xlsx; the progress files.
//! Prints figures; not a pass/fail test. Run with `make bench`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use yaodian::export::bulletin;
use yaodian::model::Plan;
use yaodian::parse::{parse_text, ParseOptions};
use yaodian::sync::{progress, xlsx_read};
use yaodian::track::{figures, period::Period};

const DEADLINES: [&str; 7] = [
    "3月底前",
    "6月底前",
    "9月底前",
    "年底前",
    "每季度末",
    "长期坚持",
    "汛期前",
];

/// 300 tasks in groups of ten; lead unit i % 60, two cooperating units; deadlines cycling.
fn plan() -> Plan {
    let mut text = String::from("2025年全区安全生产与防灾减灾救灾工作要点\n一、重点任务\n");
    for i in 0..300 {
        if i % 10 == 0 {
            text.push_str(&format!(
                "（{}）第{}组重点工作\n",
                yaodian::model::numbering::chinese_numeral(i / 10 + 1),
                i / 10 + 1
            ));
        }
        text.push_str(&format!(
            "{}．推进第{}项工作。完善工作机制，确保任务按期完成。（责任单位：区第{}局，区第{}局、区第{}局）\n",
            i + 1,
            i + 1,
            i % 60 + 1,
            (i + 7) % 60 + 1,
            (i + 13) % 60 + 1
        ));
    }
    let mut p = parse_text(&text, &ParseOptions::default()).plan;
    for (i, r) in yaodian::render::task_rows(&p).iter().enumerate() {
        yaodian::edit::set_field(
            &mut p,
            &r.id,
            yaodian::edit::Field::Deadline,
            DEADLINES[i % 7],
        );
    }
    p
}

/// Every unit's reply for `period`, as a unit would fill the exported workbook in.
fn reply(p: &Plan, period: Period, q: u32) -> Vec<u8> {
    let x = progress::export_xlsx(p, period, None).unwrap();
    let sheets = xlsx_read::read_sheets(&x).unwrap();
    let statuses = ["推进中", "已完成", "长期推进", "滞后", "未启动"];
    let out: Vec<yaodian::export::xlsx::Sheet> = sheets
        .into_iter()
        .map(|(name, rows)| {
            let head = rows[0].clone();
            let status = head.iter().position(|h| h.starts_with("完成状态")).unwrap();
            let mut body: Vec<Vec<String>> = rows[1..].to_vec();
            for (i, r) in body.iter_mut().enumerate() {
                r[status] = statuses[(i + q as usize) % 5].into();
                r[status + 1] = format!("第{q}季度进展：已召开专题会议，完成阶段任务。");
            }
            body.reverse();
            yaodian::export::xlsx::Sheet {
                name,
                widths: vec![10; head.len()],
                header: head,
                rows: body,
                hidden_from: None,
                numeric: Vec::new(),
                choices: Vec::new(),
            }
        })
        .collect();
    yaodian::export::xlsx::workbook(&out).unwrap()
}

fn tracking(c: &mut Criterion) {
    let mut p = plan();
    assert_eq!(yaodian::render::task_rows(&p).len(), 300);
    let units = p.units.units.len();
    let quarters: Vec<Period> = (1..=4)
        .map(|q| Period::parse(&format!("2025Q{q}")).unwrap())
        .collect();
    for (q, period) in quarters.iter().enumerate().take(3) {
        let bytes = reply(&p, *period, q as u32 + 1);
        let imp = progress::import(&p, *period, &bytes, "", 0.0).unwrap();
        progress::store(&mut p, *period, &imp);
    }
    let q4 = quarters[3];
    let q4_reply = reply(&p, q4, 4);
    println!(
        "plan: {} tasks, {units} units, 3 rounds stored; Q4 reply {} KB",
        yaodian::render::task_rows(&p).len(),
        q4_reply.len() / 1024
    );
    let mut g = c.benchmark_group("tracking_300_tasks_60_units");
    g.sample_size(10);
    g.bench_function("export_progress_xlsx_all_units", |b| {
        b.iter(|| progress::export_xlsx(black_box(&p), q4, None).unwrap())
    });
    g.bench_function("import_round_and_figures", |b| {
        b.iter(|| {
            let mut plan = p.clone();
            let imp = progress::import(&plan, q4, black_box(&q4_reply), "", 0.0).unwrap();
            progress::store(&mut plan, q4, &imp);
            figures::compute(&plan, q4, bulletin::default_as_of(q4))
        })
    });
    let mut full = p.clone();
    let imp = progress::import(&full, q4, &q4_reply, "", 0.0).unwrap();
    progress::store(&mut full, q4, &imp);
    g.bench_function("figures_only", |b| {
        b.iter(|| figures::compute(black_box(&full), q4, bulletin::default_as_of(q4)))
    });
    let f = figures::compute(&full, q4, bulletin::default_as_of(q4));
    println!(
        "Q4: done {} of {}, overdue {}, trend {:?}",
        f.done(),
        f.total(),
        f.overdue.len(),
        f.trend.iter().map(|t| t.done).collect::<Vec<_>>()
    );
    g.bench_function("bulletin_docx", |b| {
        b.iter(|| {
            let f = figures::compute(black_box(&full), q4, bulletin::default_as_of(q4));
            bulletin::write(&full, &f).unwrap()
        })
    });
    g.bench_function("ledger_xlsx", |b| {
        b.iter(|| bulletin::ledger(black_box(&full), q4).unwrap())
    });
    g.finish();
}

criterion_group!(benches, tracking);
criterion_main!(benches);
