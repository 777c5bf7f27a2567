//! Through the year: issue the plan, run progress rounds with the units (an .xlsx re-sorted,
//! shortened and added to; a JSON answered in Yaodian), keep every period's answers, and the
//! figures in the 进度 view, the bulletin and the ledger.

mod common;
use common::*;
use std::io::Read;
use yaodian::edit::{set_field, Field};
use yaodian::export::{bulletin, xlsx};
use yaodian::model::progress::Status;
use yaodian::model::Plan;
use yaodian::sync::{progress, xlsx_read};
use yaodian::track::figures;
use yaodian::track::issue::{self, ChangeKind};
use yaodian::track::period::{Date, Period};

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Seed 001 (2024, 31 tasks) with deadlines on its first tasks; returns the plan and the ids
/// of tasks 1–5 and 31 (每季度).
fn plan() -> (Plan, Vec<String>) {
    let mut p = parse(SEED_001).plan;
    let rows = yaodian::render::task_rows(&p);
    let ids: Vec<String> = [0, 1, 2, 3, 4, 30]
        .iter()
        .map(|i| rows[*i].id.clone())
        .collect();
    for (id, d) in ids
        .iter()
        .zip(["3月底前", "6月底前", "7月20日前", "长期坚持", "9月底前"])
    {
        set_field(&mut p, id, Field::Deadline, d);
    }
    assert_eq!(rows[30].deadline, "每季度");
    (p, ids)
}

fn lead_of(p: &Plan, task: &str) -> String {
    yaodian::render::task_rows(p)
        .into_iter()
        .find(|r| r.id == task)
        .unwrap()
        .lead_ids[0]
        .clone()
}

/// Fill an exported .xlsx as a unit would: answers by task id, rows re-sorted (reversed), one
/// row deleted, one row added without ids; written out again as a new workbook.
fn fill_xlsx(bytes: &[u8], answers: &[(&str, &str, &str)], delete: Option<&str>) -> Vec<u8> {
    let sheets = xlsx_read::read_sheets(bytes).unwrap();
    let mut out = Vec::new();
    for (name, rows) in sheets {
        let head = rows[0].clone();
        let col = |h: &str| head.iter().position(|x| x.starts_with(h)).unwrap();
        let (id, status, prog) = (col("任务ID"), col("完成状态"), col("进展情况"));
        let mut body: Vec<Vec<String>> = rows[1..]
            .iter()
            .filter(|r| delete != Some(r[id].as_str()))
            .cloned()
            .collect();
        for r in &mut body {
            if let Some((_, s, t)) = answers.iter().find(|a| a.0 == r[id]) {
                r[status] = s.to_string();
                r[prog] = t.to_string();
            }
        }
        body.reverse();
        let mut extra = vec![String::new(); head.len()];
        extra[2] = "单位自己加的一行".into();
        extra[prog] = "新增工作进展".into();
        body.push(extra);
        out.push(xlsx::Sheet {
            name,
            widths: vec![10; head.len()],
            header: head,
            rows: body,
            hidden_from: None,
            numeric: Vec::new(),
            choices: Vec::new(),
        });
    }
    xlsx::workbook(&out).unwrap()
}

fn docx_text(bytes: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    let mut text = String::new();
    for part in s.split("<w:t xml:space=\"preserve\">").skip(1) {
        text.push_str(part.split("</w:t>").next().unwrap());
        text.push('|');
    }
    text
}

#[test]
fn issuing_keeps_the_version_and_shows_later_changes() {
    let (mut p, ids) = plan();
    assert!(issue::changes_since_issue(&p).is_empty());
    let hash = issue::issue(&mut p, date("2024-03-01"), "李四", 1.0);
    assert_eq!(issue::issued_on(&p), Some(date("2024-03-01")));
    assert_eq!(
        p.revisions.last().unwrap().hash,
        hash,
        "recorded as a revision"
    );
    assert!(issue::changes_since_issue(&p).is_empty());
    set_field(&mut p, &ids[1], Field::Deadline, "8月底前");
    let mut gen = yaodian::model::IdGen::new(9);
    let added = yaodian::edit::add_sibling(&mut p, &ids[0], &mut gen).unwrap();
    set_field(&mut p, &added, Field::Title, "年中新增的任务");
    let changes = issue::changes_since_issue(&p);
    assert!(changes
        .iter()
        .any(|c| c.kind == ChangeKind::Edited && c.task == ids[1] && c.fields == "完成时限"));
    assert!(changes
        .iter()
        .any(|c| c.kind == ChangeKind::Added && c.title == "年中新增的任务"));
    // The snapshot travels with the plan file.
    let back = yaodian::format::restore(&yaodian::format::save(&p)).unwrap();
    assert_eq!(back.tracking, p.tracking);
    assert_eq!(issue::changes_since_issue(&back), changes);
}

#[test]
fn an_untracked_plan_saves_as_before() {
    let (p, _) = plan();
    let saved = yaodian::format::save(&p);
    assert!(!saved.contains("\"tracking\""));
    // Unknown fields inside tracking survive.
    let with = saved.replacen(
        "\"id\":",
        "\"tracking\": {\"rounds\": [{\"period\": \"2024Q1\", \"future\": 1}], \"later\": true},\n  \"id\":",
        1,
    );
    let back = yaodian::format::restore(&with).unwrap();
    let again = yaodian::format::save(&back);
    assert!(again.contains("\"future\": 1") && again.contains("\"later\": true"));
    assert_eq!(back.tracking.rounds[0].period, "2024Q1");
}

#[test]
fn a_quarter_by_xlsx_and_json_matches_by_id_and_keeps_every_period() {
    let (mut p, ids) = plan();
    issue::issue(&mut p, date("2024-03-01"), "", 0.0);
    let (q1, q2) = (
        Period::parse("2024Q1").unwrap(),
        Period::parse("2024Q2").unwrap(),
    );
    let lead0 = lead_of(&p, &ids[0]);
    // Q1: the lead of task 1 answers by Excel (re-sorted, a row deleted, a row added).
    let x = progress::export_xlsx(&p, q1, Some(&lead0)).unwrap();
    let grid = xlsx_read::read_sheets(&x).unwrap();
    assert!(grid[0].1[0].iter().any(|h| h == "任务ID"));
    assert!(grid[0].1[1].contains(&"2024年第一季度".to_string()));
    assert!(
        grid[0].1[1].contains(&"2024-03-31".to_string()),
        "due date filled in"
    );
    let other = yaodian::export::unit_rows(&p, &lead0)
        .into_iter()
        .map(|r| r.id)
        .find(|id| !ids.contains(id))
        .unwrap();
    let reply = fill_xlsx(
        &x,
        &[(ids[0].as_str(), "已完成", "已印发方案")],
        Some(&other),
    );
    let imp = progress::import(&p, q1, &reply, "", 100.0).unwrap();
    assert_eq!(imp.answers.len(), 1, "{:?}", imp.answers);
    assert_eq!(imp.answers[0].status, Status::Done);
    assert_eq!(
        imp.answers[0].sender,
        p.units.name(&lead0),
        "sender defaults to the unit"
    );
    assert_eq!(imp.unmatched.len(), 1);
    assert!(
        imp.unmatched[0].1.contains("新增工作进展"),
        "listed, not dropped"
    );
    progress::store(&mut p, q1, &imp);
    // The same file is refused for another period.
    let err = progress::import(&p, q2, &reply, "", 0.0).unwrap_err();
    assert!(err.contains("2024年第一季度"), "{err}");

    // Q2: the lead of task 2 answers in Yaodian (JSON), with its name.
    let lead1 = lead_of(&p, &ids[1]);
    let json = progress::export_json(&p, q2, Some(&lead1));
    let mut f = progress::read_file(json.as_bytes()).unwrap();
    assert_eq!(f.period, "2024Q2");
    f.sender = "王五".into();
    for t in &mut f.units[0].tasks {
        let fields = t.progress.as_mut().unwrap();
        if t.id == ids[1] {
            fields.status = "推进中".into();
            fields.progress = "完成80%".into();
            fields.problems = "资金未到位".into();
        }
    }
    f.units[0]
        .tasks
        .push(yaodian::sync::feedback::FeedbackTask {
            id: "gone".into(),
            number: "99.".into(),
            title: "已删除的任务".into(),
            ..Default::default()
        });
    let text = yaodian::sync::feedback::write_file(&f);
    let imp2 = progress::import(&p, q2, text.as_bytes(), "", 200.0).unwrap();
    assert_eq!(imp2.answers.len(), 1);
    assert_eq!(imp2.answers[0].sender, "王五");
    assert_eq!(imp2.answers[0].problems, "资金未到位");
    assert_eq!(imp2.unmatched.len(), 1);
    progress::store(&mut p, q2, &imp2);
    // A JSON file of Q1 is refused in Q2.
    let old = progress::export_json(&p, q1, Some(&lead1));
    assert!(progress::import(&p, q2, old.as_bytes(), "", 0.0).is_err());

    // Both periods kept, in order, with who and when.
    let t = &p.tracking;
    assert_eq!(
        t.rounds
            .iter()
            .map(|r| r.period.as_str())
            .collect::<Vec<_>>(),
        ["2024Q1", "2024Q2"]
    );
    assert_eq!(t.rounds[0].answers[0].received, 100.0);
    assert_eq!(t.rounds[1].answers[0].received, 200.0);
    // Re-importing Q2 replaces Q2's answer and leaves Q1 alone.
    progress::store(&mut p, q2, &imp2);
    assert_eq!(p.tracking.rounds[1].answers.len(), 1);
    assert_eq!(p.tracking.rounds[0].answers.len(), 1);
    let back = yaodian::format::restore(&yaodian::format::save(&p)).unwrap();
    assert_eq!(back.tracking, p.tracking);
}

/// Answers put in directly, to check the figures by hand.
fn answered(p: &mut Plan, period: &str, task: &str, unit: &str, status: Status) {
    let imp = progress::Imported {
        answers: vec![yaodian::model::progress::Answer {
            unit: unit.into(),
            task: task.into(),
            status,
            progress: format!("{}进展", status.label()),
            ..Default::default()
        }],
        ..Default::default()
    };
    progress::store(p, Period::parse(period).unwrap(), &imp);
}

#[test]
fn figures_overdue_due_soon_silent_units_and_trend() {
    let (mut p, ids) = plan();
    let l = |i: usize| lead_of(&p, &ids[i]);
    let (l0, l1, l2, l5) = (l(0), l(1), l(2), l(5));
    answered(&mut p, "2024Q1", &ids[0], &l0, Status::Done);
    answered(&mut p, "2024Q2", &ids[1], &l1, Status::InProgress);
    answered(&mut p, "2024Q2", &ids[2], &l2, Status::InProgress);
    answered(&mut p, "2024Q2", &ids[5], &l5, Status::Done);
    let q2 = Period::parse("2024Q2").unwrap();
    let f = figures::compute(&p, q2, date("2024-07-01"));
    assert_eq!(f.total(), 31);
    let state = |id: &str| f.tasks.iter().find(|t| t.task == id).unwrap();
    // Task 1: done in Q1, carried.
    assert_eq!(state(&ids[0]).status, Status::Done);
    assert!(state(&ids[0]).carried);
    // Task 2: due 6月30日, in progress on 7月1日 → overdue.
    assert!(state(&ids[1]).overdue);
    // Task 3: due 7月20日 → due within 30 days, not overdue.
    assert!(!state(&ids[2]).overdue && state(&ids[2]).due_soon);
    // Task 4 (长期坚持) is never overdue; task 5 (9月底前) is neither.
    assert!(!state(&ids[3]).overdue && !state(&ids[3]).due_soon);
    assert!(!state(&ids[4]).overdue && !state(&ids[4]).due_soon);
    // Task 31 (每季度): this quarter's date is 6月30日, reported done.
    assert_eq!(state(&ids[5]).due_date, Some(date("2024-06-30")));
    assert!(!state(&ids[5]).overdue);
    assert_eq!(f.overdue.len(), 1);
    assert_eq!(f.done(), 2);
    assert_eq!(f.by_status[figures::status_index(Status::InProgress)], 2);
    assert_eq!(f.by_status[0], 27, "not reported");
    // Dated tasks due by 6月30日: tasks 1, 2 and 31 (this quarter) → 2 of 3 done.
    assert_eq!((f.due_by_end, f.done_of_due), (3, 2));
    assert_eq!(figures::pct(2, 3), "66.7%");
    // Units: those that answered in Q2 reported; every other unit with tasks did not.
    let reported: Vec<&String> = f
        .units
        .iter()
        .filter(|u| u.reported)
        .map(|u| &u.unit)
        .collect();
    for u in [&l1, &l2, &l5] {
        assert!(reported.contains(&u));
    }
    // Collective entries (各镇街, 有关成员单位) send no file of their own.
    let collective = |u: &str| p.units.get(u).unwrap().kind == yaodian::model::UnitKind::Collective;
    let silent: Vec<&String> = f
        .units
        .iter()
        .filter(|u| !u.reported && !collective(&u.unit))
        .map(|u| &u.unit)
        .collect();
    assert!(f.units.iter().any(|u| collective(&u.unit)));
    assert_eq!(f.not_reported.iter().collect::<Vec<_>>(), silent);
    // Trend across periods: Q1 then Q2.
    assert_eq!(f.trend.len(), 2);
    assert_eq!((f.trend[0].period.as_str(), f.trend[0].done), ("2024Q1", 1));
    assert_eq!((f.trend[1].period.as_str(), f.trend[1].done), ("2024Q2", 2));
    // A cooperating unit's answer stands beside the lead's.
    let t1 = yaodian::render::task_rows(&p)
        .into_iter()
        .find(|r| r.id == ids[1])
        .unwrap();
    if let Some(c) = t1.coop_ids.first() {
        answered(&mut p, "2024Q2", &ids[1], c, Status::Done);
        let g = figures::compute(&p, q2, date("2024-07-01"));
        let s = g.tasks.iter().find(|t| t.task == ids[1]).unwrap();
        assert_eq!(
            s.status,
            Status::InProgress,
            "the lead's status is the task's"
        );
        assert_eq!(s.coop.len(), 1);
    }
    // 催办: the late unit gets its overdue task; a silent unit gets all its tasks.
    let r = figures::reminders(&p, &f, date("2024-07-08"));
    let late = r.iter().find(|r| r.unit == l1).unwrap();
    assert_eq!(late.overdue, 1);
    assert!(late.text.contains("7月8日前"));
    assert!(late.text.contains(&t1.title));
    let silent = r.iter().find(|r| r.unreported > 0).unwrap();
    assert!(f.not_reported.contains(&silent.unit));
}

#[test]
fn the_bulletin_names_figures_late_tasks_and_silent_units() {
    let (mut p, ids) = plan();
    let (l0, l1) = (lead_of(&p, &ids[0]), lead_of(&p, &ids[1]));
    answered(&mut p, "2024Q1", &ids[0], &l0, Status::Done);
    answered(&mut p, "2024Q2", &ids[1], &l1, Status::Late);
    let q2 = Period::parse("2024Q2").unwrap();
    let f = figures::compute(&p, q2, bulletin::default_as_of(q2));
    let bytes = bulletin::write(&p, &f).unwrap();
    let text = docx_text(&bytes);
    assert!(text
        .replace('|', "")
        .contains("关于2024年第二季度安全生产与防灾减灾救灾工作要点落实情况的通报"));
    assert!(text.contains("《要点》共明确重点任务31项"));
    assert!(text.contains("已完成1项"), "task 1, done in Q1");
    assert!(text.contains("滞后1项"));
    assert!(text.contains("完成率3.2%"));
    // The late task with its lead unit.
    let t1 = &f.tasks[f.overdue[0]];
    assert!(text.contains(&format!("牵头单位：{}", p.units.name(&l1))));
    assert!(text.contains(&t1.title));
    // Silent units named, a table per unit.
    let silent = p.units.name(&f.not_reported[0]);
    assert!(text.contains(silent));
    assert!(text.contains("未按时报送本期进展情况"));
    assert!(text.contains(&format!(
        "（一）{}",
        f.units.iter().find(|u| u.lead > 0).unwrap().name
    )));
    assert!(text.contains("五、下步工作要求"));
    // Headings keep with what follows (a unit's heading never ends a page alone).
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let unit = f.units.iter().find(|u| u.lead > 0).unwrap();
    let at = xml.find(&format!("（一）{}", unit.name)).unwrap();
    let para = &xml[xml[..at].rfind("<w:p>").unwrap()..at];
    assert!(para.contains("<w:pPr><w:keepNext/>"), "{para}");
    assert!(xml.matches("<w:keepNext/>").count() >= 5);
    // The ledger: one column group per period.
    let ledger = bulletin::ledger(&p, q2).unwrap();
    let sheets = xlsx_read::read_sheets(&ledger).unwrap();
    assert_eq!(sheets[0].0, "进度台账");
    let head = &sheets[0].1[0];
    assert!(head.contains(&"2024年第一季度\n完成状态".to_string()));
    assert!(head.contains(&"2024年第二季度\n进展情况".to_string()));
    let row = sheets[0].1.iter().find(|r| r[1] == t1.title).unwrap();
    let q2_status = head
        .iter()
        .position(|h| h == "2024年第二季度\n完成状态")
        .unwrap();
    assert_eq!(row[q2_status], "滞后（逾期）");
    assert_eq!(sheets[1].0, "单位进度");
}

#[test]
fn the_bulletin_renders_in_libreoffice() {
    let (mut p, ids) = plan();
    let l1 = lead_of(&p, &ids[1]);
    answered(&mut p, "2024Q2", &ids[1], &l1, Status::Late);
    let q2 = Period::parse("2024Q2").unwrap();
    let f = figures::compute(&p, q2, bulletin::default_as_of(q2));
    let dir = std::env::temp_dir().join(format!("yaodian-bulletin-{}", std::process::id()));
    let pdf = docx_to_pdf(&dir, "bulletin", &bulletin::write(&p, &f).unwrap());
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)"), "{info}");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace(['\n', ' '], "");
    assert!(text.contains("关于2024年第二季度安全生产与防灾减灾救灾工作要点落实情况的通报"));
    assert!(text.contains("一、总体进展") && text.contains("五、下步工作要求"));
    assert!(text.contains("—1—") && text.contains("—2—"), "page numbers");
    assert!(text.contains("滞后（逾期）"));
}

#[test]
fn the_progress_xlsx_offers_the_five_statuses_as_a_dropdown() {
    let (p, _) = plan();
    let period = Period::parse("2024Q2").unwrap();
    let bytes = progress::export_xlsx(&p, period, None).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut s = String::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    // 完成状态 is the tenth column (J): 序号, 角色, five task columns, 期次, 截止日期.
    let head = xlsx_read::read_sheets(&bytes).unwrap()[0].1[0].clone();
    assert!(head[9].starts_with("完成状态"), "{head:?}");
    let rows = xlsx_read::read_sheets(&bytes).unwrap()[0].1.len();
    assert!(
        s.contains(&format!("sqref=\"J2:J{rows}\"")),
        "the list covers every data row: {s}"
    );
    assert!(s.contains("<formula1>\"未启动,推进中,已完成,滞后,长期推进\"</formula1>"));
    // The dropdown sits where the schema wants it: after the data, before the margins.
    assert!(
        s.find("</sheetData>") < s.find("<dataValidations")
            && s.find("<dataValidations") < s.find("<pageMargins")
    );
    // A feedback file has none.
    let fb = yaodian::sync::feedback::export_xlsx(&p, None).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&fb[..])).unwrap();
    let mut s = String::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    assert!(!s.contains("dataValidation"));
}

#[test]
fn several_reply_files_import_at_once_and_a_bad_one_changes_nothing() {
    let (mut p, ids) = plan();
    let period = Period::parse("2024Q2").unwrap();
    let lead = lead_of(&p, &ids[1]);
    let json = progress::export_json(&p, period, Some(&lead));
    let mut f = progress::read_file(json.as_bytes()).unwrap();
    for t in &mut f.units[0].tasks {
        t.progress = Some(progress::ProgressFields {
            status: "推进中".into(),
            progress: "按计划推进".into(),
            ..Default::default()
        });
    }
    f.units[0].tasks[0].id = "no-such-task".into();
    let answered = f.units[0].tasks.len() - 1;
    let good = serde_json::to_vec(&f).unwrap();
    let before = p.tracking.clone();
    let files = vec![
        ("甲.json".to_string(), good),
        ("乙.json".to_string(), b"{not json".to_vec()),
    ];
    let batch = progress::import_files(&mut p, period, &files, "", 1.0);
    assert_eq!(batch.answers, answered);
    assert_eq!(batch.units, vec![lead]);
    assert_eq!(batch.unmatched.len(), 1);
    assert_eq!(batch.unmatched[0].0, "甲.json");
    assert_eq!(batch.failed.len(), 1);
    assert!(batch.failed[0].1.contains("无法读取"), "{:?}", batch.failed);
    assert_ne!(p.tracking, before);
    assert_eq!(p.tracking.rounds[0].answers.len(), answered);
    // Only a bad file: nothing changes.
    let mut q = p.clone();
    let batch = progress::import_files(&mut q, period, &files[1..], "", 2.0);
    assert_eq!(batch.answers, 0);
    assert_eq!(q, p);
}
