//! Into next year: last year's unfinished tasks (by their last reported status) are proposed
//! for the new draft with that status; finished ones are not.

mod common;
use common::*;
use yaodian::edit::{self, draft};
use yaodian::model::progress::Status;
use yaodian::model::{IdGen, Plan};
use yaodian::sync::{carryover, progress, yearly};
use yaodian::track::period::Period;

fn answer(p: &mut Plan, period: &str, task: &str, status: Status, text: &str) {
    let lead = yaodian::render::task_rows(p)
        .into_iter()
        .find(|r| r.id == task)
        .unwrap()
        .lead_ids[0]
        .clone();
    let imp = progress::Imported {
        answers: vec![yaodian::model::progress::Answer {
            unit: lead,
            task: task.into(),
            status,
            progress: text.into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    progress::store(p, Period::parse(period).unwrap(), &imp);
}

#[test]
fn unfinished_tasks_are_proposed_with_their_last_status() {
    let city = parse(SEED_001).plan;
    let mut last = draft::from_template(&city, &mut IdGen::new(11));
    let rows = yaodian::render::task_rows(&last);
    let (done, going, dropped) = (rows[2].id.clone(), rows[3].id.clone(), rows[30].id.clone());
    answer(&mut last, "2024Q3", &done, Status::InProgress, "");
    answer(&mut last, "2024Q4", &done, Status::Done, "已完成");
    answer(&mut last, "2024Q3", &going, Status::Late, "");
    answer(
        &mut last,
        "2024Q4",
        &going,
        Status::InProgress,
        "完成两个镇街",
    );
    answer(&mut last, "2024Q4", &dropped, Status::NotStarted, "");
    // The city's 2025 template without the last task (建立考评机制) and its group.
    let text = SEED_001.replace("2024年", "2025年");
    let cut: String = text
        .lines()
        .skip_while(|l| !l.starts_with("（十）强化问题清单报送"))
        .take(2)
        .map(|l| format!("{l}\n"))
        .collect();
    let new_city = parse(&text.replace(&cut, "")).plan;
    let mut ids = IdGen::new(5);
    let mut y = yearly::propose(&last, &new_city, &mut ids).unwrap();
    let before = y.proposals.len();
    carryover::propose(&last, &mut y, &mut ids);
    let carried: Vec<&yearly::Proposal> = y.proposals[before..].iter().collect();
    let title = |id: &str| edit::item(&last, id).unwrap().title.clone();
    // Finished: not proposed.
    assert!(!carried.iter().any(|p| p.message.contains(&title(&done))));
    // In the new draft already: its last status, and the note on accept.
    let p = carried
        .iter()
        .find(|p| p.message.contains(&title(&going)))
        .unwrap();
    assert!(
        p.message.contains("2024年第四季度：推进中，完成两个镇街"),
        "{}",
        p.message
    );
    assert!(
        matches!(&p.action, yearly::Action::SetTask { task, .. } if task.note == "上年结转（推进中）")
    );
    // Not in the new template: a copy to insert.
    let q = carried
        .iter()
        .find(|p| p.message.contains(&title(&dropped)))
        .unwrap();
    assert_eq!(q.label, "结转未完成任务");
    let accepted: Vec<bool> = y.proposals.iter().map(|p| p.default_on).collect();
    let plan = yearly::apply(&y, &accepted);
    let rows = yaodian::render::task_rows(&plan);
    let copy = rows.iter().find(|r| r.title == title(&dropped)).unwrap();
    assert_eq!(copy.note, "上年结转（未启动）");
    assert_ne!(copy.id, dropped, "a fresh id");
    let kept = rows.iter().find(|r| r.title == title(&going)).unwrap();
    assert_eq!(kept.note, "上年结转（推进中）");
    // Rejecting leaves the draft without the copy.
    let mut off = accepted.clone();
    for on in off.iter_mut().skip(before) {
        *on = false;
    }
    let plain = yearly::apply(&y, &off);
    assert!(!yaodian::render::task_rows(&plain)
        .iter()
        .any(|r| r.title == title(&dropped)));
    // Tasks never reported are proposed too (status unknown).
    assert!(carried.iter().any(|p| p.message.contains("全年未报送进展")));
}

#[test]
fn no_rounds_no_proposals() {
    let city = parse(SEED_001).plan;
    let last = draft::from_template(&city, &mut IdGen::new(11));
    let new_city = parse(&SEED_001.replace("2024年", "2025年")).plan;
    let mut ids = IdGen::new(5);
    let mut y = yearly::propose(&last, &new_city, &mut ids).unwrap();
    let n = y.proposals.len();
    carryover::propose(&last, &mut y, &mut ids);
    assert_eq!(y.proposals.len(), n);
}
