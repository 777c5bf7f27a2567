//! `yaodian-cli deadlines` and `yaodian-cli progress`: a quarter from the command line —
//! issue, the units' files out, replies in (one .xlsx, one JSON), the bulletin, the ledger and
//! the updated plan written.

mod common;
use common::*;

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = yaodian::cli::run(&args, &mut "".as_bytes(), &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("yaodian-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Seed 001 as a plan file, with deadlines on tasks 1 and 2 and one unreadable deadline.
fn plan_file(d: &std::path::Path) -> (String, Vec<String>) {
    let mut p = parse(SEED_001).plan;
    let rows = yaodian::render::task_rows(&p);
    use yaodian::edit::{set_field, Field};
    set_field(&mut p, &rows[0].id, Field::Deadline, "6月底前");
    set_field(&mut p, &rows[1].id, Field::Deadline, "汛期前");
    set_field(&mut p, &rows[2].id, Field::Deadline, "视上级部署");
    let path = d.join("plan.json");
    std::fs::write(&path, yaodian::format::save(&p)).unwrap();
    (
        path.to_str().unwrap().to_string(),
        rows.iter().map(|r| r.id.clone()).collect(),
    )
}

#[test]
fn deadlines_lists_dates_and_what_it_cannot_read() {
    let d = dir("deadlines");
    let (plan, _) = plan_file(&d);
    let (code, out, _) = run(&["deadlines", &plan]);
    assert_eq!(code, 1, "an unreadable deadline is reported");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("1.\t6月底前\t2024-06-30\t"));
    assert!(lines[1].starts_with("2.\t汛期前\t2024-05-31\t"));
    assert!(lines[2].starts_with("3.\t视上级部署\t无法识别\t"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("31.\t每季度\t2024-03-31,2024-06-30")));
    assert!(out.contains("无法识别的完成时限（1 项"));
    let (code, _, err) = run(&["deadlines"]);
    assert_eq!(code, 2);
    assert!(err.contains("需要计划文件"));
}

#[test]
fn a_quarter_from_the_command_line() {
    let d = dir("progress");
    let (plan, ids) = plan_file(&d);
    let files = d.join("files");
    let issued = d.join("issued.json");
    let (code, out, err) = run(&[
        "progress",
        &plan,
        "--period",
        "2024Q2",
        "--issue",
        "2024-03-01",
        "--files",
        files.to_str().unwrap(),
        "-o",
        issued.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已标记为已印发：2024-03-01"));
    let names: Vec<String> = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with(".xlsx")) && names.iter().any(|n| n.ends_with(".json"))
    );
    let p = yaodian::format::restore(&std::fs::read_to_string(&issued).unwrap()).unwrap();
    assert!(p.tracking.issued.is_some());
    assert!(
        !p.tracking.rounds[0].sent.is_empty(),
        "the units asked are recorded"
    );

    // Task 1's lead answers by JSON (done); task 2's lead answers nothing.
    let lead = p
        .units
        .name(&yaodian::render::task_rows(&p)[0].lead_ids[0])
        .to_string();
    let json_path = files.join(yaodian::export::safe_file_name(
        &format!("2024年第二季度进度填报（{lead}）"),
        "json",
    ));
    let mut f = yaodian::sync::progress::read_file(&std::fs::read(&json_path).unwrap()).unwrap();
    for t in &mut f.units[0].tasks {
        if t.id == ids[0] {
            let pf = t.progress.as_mut().unwrap();
            pf.status = "已完成".into();
            pf.progress = "方案已印发实施".into();
        }
    }
    let reply = d.join("reply.json");
    std::fs::write(&reply, yaodian::sync::feedback::write_file(&f)).unwrap();
    let bulletin = d.join("bulletin.docx");
    let (code, out, err) = run(&[
        "progress",
        issued.to_str().unwrap(),
        "--period",
        "2024Q2",
        "--replies",
        reply.to_str().unwrap(),
        "-o",
        bulletin.to_str().unwrap(),
        "--remind",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("1 条回复（{lead}）")), "{out}");
    assert!(out.contains("任务 31 项，已完成 1（3.2%）"), "{out}");
    // Task 2 (汛期前, 5月31日) is overdue; task 31 (每季度) too.
    assert!(out.contains("逾期 2 项"), "{out}");
    assert!(out.contains("请于7月8日前"), "催办 text printed");
    let bytes = std::fs::read(&bulletin).unwrap();
    assert!(bytes.starts_with(b"PK"));

    // The ledger and the updated plan with the answers.
    let ledger = d.join("ledger.xlsx");
    let plan2 = d.join("plan2.json");
    for out_file in [&ledger, &plan2] {
        let (code, _, err) = run(&[
            "progress",
            issued.to_str().unwrap(),
            "--period",
            "2024Q2",
            "--replies",
            reply.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
    }
    let sheets = yaodian::sync::xlsx_read::read_sheets(&std::fs::read(&ledger).unwrap()).unwrap();
    assert_eq!(sheets[0].0, "进度台账");
    let p2 = yaodian::format::restore(&std::fs::read_to_string(&plan2).unwrap()).unwrap();
    let round = p2
        .tracking
        .rounds
        .iter()
        .find(|r| r.period == "2024Q2")
        .unwrap();
    assert_eq!(round.answers.len(), 1);
    assert_eq!(round.answers[0].progress, "方案已印发实施");
}

#[test]
fn progress_errors_are_clear() {
    let d = dir("progress-errors");
    let (plan, _) = plan_file(&d);
    let (code, _, err) = run(&["progress", &plan]);
    assert_eq!(code, 2);
    assert!(err.contains("--period"));
    let (code, _, err) = run(&["progress", &plan, "--period", "2024Q9"]);
    assert_eq!(code, 2);
    assert!(err.contains("期次“2024Q9”无法识别"));
    let junk = d.join("junk.json");
    std::fs::write(&junk, "{\"format\": \"something\"}").unwrap();
    let (code, _, err) = run(&[
        "progress",
        &plan,
        "--period",
        "2024Q2",
        "--replies",
        junk.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("不是要点的进度填报文件"), "{err}");
}
