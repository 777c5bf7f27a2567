//! 填报进度: a unit that uses Yaodian opens the progress file it was sent (the start page's
//! file opening and the reply screen are the feedback round's), fills in each task's 完成状态,
//! 进展情况, 存在问题 and 下步打算 and who fills it in, and saves the answered file to send back.
//!
//! Owns that screen's body. The file format is `sync::feedback::FeedbackFile` with its
//! `progress` fields (`sync::progress`).

use super::state::{Screen, Ui};
use crate::model::progress::Status;
use crate::sync::feedback::FeedbackFile;
use crate::sync::progress::ProgressFields;
use crate::track::period::Period;
use leptos::prelude::*;

#[component]
pub fn ProgressReply(file: FeedbackFile) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let data = StoredValue::new(file.clone());
    let set = move |u: usize, t: usize, f: fn(&mut ProgressFields, String), v: String| {
        data.update_value(|d| f(d.units[u].tasks[t].progress.get_or_insert_default(), v));
    };
    let period = Period::parse(&file.period).map_or(file.period.clone(), Period::label);
    let save = move |_| {
        data.with_value(|d| {
            let label = Period::parse(&d.period).map_or(d.period.clone(), Period::label);
            let what = format!("{label}进度填报");
            super::reply::save_answered(
                ui,
                d,
                &what,
                "进度文件已保存，请发回给区应急管理局（安委办）。",
            )
        })
    };
    view! {
        <main class="start" data-testid="reply-page">
            <h1 data-testid="progress-reply-title">{format!("填报进度：{}（{period}）", file.plan_title)}</h1>
            <p class="hint">"请逐项填写本期的完成状态、进展情况、存在问题和下步打算。填好后点“保存填报文件”，把文件发回。"</p>
            <label>"填报人 "
                <input type="text" data-testid="progress-sender" prop:value=file.sender.clone()
                    on:input=move |ev| data.update_value(|d| d.sender = event_target_value(&ev)) />
            </label>
            {file.units.iter().enumerate().map(|(u, unit)| view! {
                <section class="card">
                    <h3>{format!("{}（{} 项任务）", unit.unit_name, unit.tasks.len())}</h3>
                    {unit.tasks.iter().enumerate().map(|(t, task)| {
                        let now = task.progress.clone().unwrap_or_default();
                        let chosen = Status::parse(&now.status);
                        view! {
                        <div class="reply-task" data-testid="progress-reply-task">
                            <p><b>{format!("{}{}", task.number, task.title)}</b>{format!("（{}；完成时限：{}；本期截止：{}）", task.role, if task.deadline.is_empty() { "未写明" } else { task.deadline.as_str() }, task.due)}</p>
                            <div class="row-actions">
                                <select data-testid="progress-status" on:change=move |ev| set(u, t, |r, v| r.status = v, event_target_value(&ev))>
                                    <option value="">"（完成状态）"</option>
                                    {Status::ALL.iter().map(|s| view! { <option value=s.label() selected=*s == chosen>{s.label()}</option> }).collect_view()}
                                </select>
                            </div>
                            <textarea placeholder="进展情况" data-testid="progress-text" prop:value=now.progress.clone() on:input=move |ev| set(u, t, |r, v| r.progress = v, event_target_value(&ev))></textarea>
                            <input type="text" placeholder="存在问题" data-testid="progress-problems" prop:value=now.problems.clone() on:input=move |ev| set(u, t, |r, v| r.problems = v, event_target_value(&ev)) />
                            <input type="text" placeholder="下步打算" data-testid="progress-next" prop:value=now.next.clone() on:input=move |ev| set(u, t, |r, v| r.next = v, event_target_value(&ev)) />
                        </div>
                    }}).collect_view()}
                </section>
            }).collect_view()}
            <div class="row-actions">
                <button class="primary" data-testid="progress-reply-save" on:click=save>"保存填报文件"</button>
                <button class="link" on:click=move |_| ui.screen.set(Screen::Start)>"返回"</button>
            </div>
        </main>
    }
}
