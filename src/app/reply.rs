//! 答复反馈: a unit that uses Yaodian opens the feedback file it was sent, answers each task
//! (同意 / 修改 with new wording or deadline / 不同意 with a reason, and a comment), and saves
//! the answered file to send back.
//!
//! Owns that screen. The file format is `sync::feedback`.

use super::state::{Screen, Ui};
use crate::sync::feedback::{self, FeedbackFile};
use crate::web::files;
use leptos::prelude::*;

#[component]
pub fn ReplyPage(file: FeedbackFile) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let data = StoredValue::new(file.clone());
    let set = move |u: usize, t: usize, f: fn(&mut feedback::ReplyFields, String), v: String| {
        data.update_value(|d| f(&mut d.units[u].tasks[t].reply, v));
    };
    let save = move |_| {
        data.with_value(|d| {
            let what = format!("{}意见反馈", d.plan_title);
            save_answered(
                ui,
                d,
                &what,
                "回复文件已保存，请发回给区应急管理局（安委办）。",
            )
        })
    };
    view! {
        <main class="start" data-testid="reply-page">
            <h1>{format!("答复：{}", file.plan_title)}</h1>
            <p class="hint">"请逐项填写意见：同意；修改（写出建议的表述或时限）；不同意（写明理由）。填好后点“保存回复文件”，把文件发回。"</p>
            {file.units.iter().enumerate().map(|(u, unit)| view! {
                <section class="card">
                    <h3>{format!("{}（{} 项任务）", unit.unit_name, unit.tasks.len())}</h3>
                    {unit.tasks.iter().enumerate().map(|(t, task)| view! {
                        <div class="reply-task" data-testid="reply-task">
                            <p><b>{format!("{}{}", task.number, task.title)}</b>{format!("（{}）", task.role)}</p>
                            <p class="muted small">{task.text.clone()}</p>
                            <div class="row-actions">
                                <select data-testid="reply-decision" on:change=move |ev| set(u, t, |r, v| r.decision = v, event_target_value(&ev))>
                                    <option value="">"（未填）"</option>
                                    <option value="同意">"同意"</option>
                                    <option value="修改">"修改"</option>
                                    <option value="不同意">"不同意"</option>
                                </select>
                                <input type="text" placeholder="建议时限" data-testid="reply-deadline" on:input=move |ev| set(u, t, |r, v| r.deadline = v, event_target_value(&ev)) />
                            </div>
                            <textarea placeholder="建议表述（修改时填写）" data-testid="reply-wording" on:input=move |ev| set(u, t, |r, v| r.wording = v, event_target_value(&ev))></textarea>
                            <input type="text" placeholder="理由（不同意时填写）" data-testid="reply-reason" on:input=move |ev| set(u, t, |r, v| r.reason = v, event_target_value(&ev)) />
                            <input type="text" placeholder="备注" data-testid="reply-comment" on:input=move |ev| set(u, t, |r, v| r.comment = v, event_target_value(&ev)) />
                        </div>
                    }).collect_view()}
                </section>
            }).collect_view()}
            <div class="row-actions">
                <button class="primary" data-testid="reply-save" on:click=save>"保存回复文件"</button>
                <button class="link" on:click=move |_| ui.screen.set(Screen::Start)>"返回"</button>
            </div>
        </main>
    }
}

/// Saves an answered feedback or progress file as `<what>（<units>回复）.json` and tells the
/// unit what was done (or why it failed).
pub(super) fn save_answered(ui: Ui, d: &FeedbackFile, what: &str, done: &str) {
    let who = d
        .units
        .iter()
        .map(|u| u.unit_name.as_str())
        .collect::<Vec<_>>()
        .join("、");
    let name = files::safe_name(&format!("{what}（{who}回复）"), "json");
    match files::download(
        &name,
        "application/json",
        feedback::write_file(d).as_bytes(),
    ) {
        Ok(()) => ui.banner("info", done),
        Err(e) => ui.banner("error", e),
    }
}
