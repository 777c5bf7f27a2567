//! 反馈: the feedback round with the units. Send each unit (or all) a file of its tasks —
//! Excel for units that use Excel, JSON for units that use Yaodian; read the replies back;
//! see who answered; accept or reject each reply.
//!
//! The replies and 导入回复 come first (that is what the tab is opened for once the files are
//! out); sending the files follows.
//!
//! Owns that tab. Files are made in the export worker; replies are read with
//! `sync::feedback::import` and kept in the plan.

use super::exportmenu::run_export;
use super::state::{Editor, Ui};
use crate::model::{Decision, ReplyState};
use crate::sync::feedback;
use crate::web::files;
use leptos::prelude::*;

#[component]
pub fn FeedbackView() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ui = expect_context::<Ui>();
    let busy = RwSignal::new(false);
    let report: RwSignal<Option<feedback::Imported>> = RwSignal::new(None);
    let units = Memo::new(move |_| {
        editor.units_rev.track();
        editor.epoch.track();
        editor.plan.with_value(|p| {
            p.units
                .units
                .iter()
                .filter_map(|u| {
                    let n = crate::export::unit_rows(p, &u.id).len();
                    (n > 0).then(|| {
                        let answered = p.feedback.replies.iter().filter(|r| r.unit == u.id).count();
                        (
                            u.id.clone(),
                            u.name.clone(),
                            n,
                            p.feedback.sent.contains(&u.id),
                            answered,
                        )
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let replies = Memo::new(move |_| {
        editor.units_rev.track();
        editor.epoch.track();
        editor.plan.with_value(|p| {
            let rows = crate::render::task_rows(p);
            p.feedback
                .replies
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let task = rows
                        .iter()
                        .find(|t| t.id == r.task)
                        .map(|t| format!("{}{}", t.number, t.title))
                        .unwrap_or_else(|| "（任务已删除）".into());
                    (i, task, p.units.name(&r.unit).to_string(), r.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    let send = move |kind: &'static str, unit: Option<String>| {
        editor.edit_task(|p, _| {
            let ids: Vec<String> = match &unit {
                Some(u) => vec![u.clone()],
                None => p.units.units.iter().map(|u| u.id.clone()).collect(),
            };
            for id in ids {
                if !p.feedback.sent.contains(&id) && !crate::export::unit_rows(p, &id).is_empty() {
                    p.feedback.sent.push(id);
                }
            }
            true
        });
        run_export(editor, ui, busy, kind, unit, false);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen(&ev) else {
            return;
        };
        files::read_then(file, move |name, bytes| {
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => return ui.banner("error", e),
            };
            let result = editor
                .plan
                .with_value(|p| feedback::import(p, &bytes, crate::web::storage::now()));
            match result {
                Ok(imported) => {
                    editor.edit_task(|p, _| {
                        feedback::store(p, &imported);
                        true
                    });
                    report.set(Some(imported));
                }
                Err(e) => ui.banner("error", format!("无法读取回复“{name}”：{e}")),
            }
        });
    };
    view! {
        <section class="card feedback" data-testid="feedback">
            // Replies first: once the files are out, answering them is what the user comes for.
            <h3 data-testid="replies-head">{move || {
                let all = replies.with(Vec::len);
                let open = replies.with(|r| r.iter().filter(|x| x.3.state == ReplyState::Pending).count());
                if all == 0 { "回复".to_string() } else { format!("回复（{all} 条，待处理 {open} 条）") }
            }}</h3>
            <div class="row-actions">
                <label class="button">"导入回复（.xlsx / .json）"
                    <input type="file" hidden accept=".xlsx,.json" data-testid="feedback-import" on:change=on_file />
                </label>
            </div>
            {move || report.get().map(|r| view! {
                <div class="banner info" data-testid="feedback-report">
                    <span>{format!("收到 {} 条回复，来自 {} 个单位。{}", r.replies.len(), r.units.len(), if r.unmatched.is_empty() { String::new() } else { format!("{} 行无法对应到任务，已列出：", r.unmatched.len()) })}</span>
                </div>
                <ul data-testid="feedback-unmatched">{r.unmatched.into_iter().map(|(w, t)| view! { <li>{format!("{w}：{t}")}</li> }).collect_view()}</ul>
            })}
            <p class="hint" data-testid="no-replies" hidden=move || !replies.with(Vec::is_empty)>"还没有回复。先在下面给各单位发出反馈表；收到的 Excel 或要点文件从“导入回复”读回。"</p>
            <table class="tasks" data-testid="replies" hidden=move || replies.with(Vec::is_empty)>
                <thead><tr><th>"任务"</th><th>"单位"</th><th>"意见"</th><th>"建议表述 / 时限 / 理由"</th><th>"处理"</th></tr></thead>
                <tbody>
                    {move || replies.get().into_iter().map(|(i, task, unit, r)| view! {
                        <tr data-testid="reply">
                            <td>{task}</td><td>{unit}</td><td>{r.decision.label()}</td>
                            <td>{[r.wording.clone(), r.deadline.clone(), r.reason.clone(), r.comment.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" / ")}</td>
                            <td>{match r.state {
                                ReplyState::Accepted => view! { <span class="status s-Added">"已采纳"</span> }.into_any(),
                                ReplyState::Rejected => view! { <span class="status">"不采纳"</span> }.into_any(),
                                ReplyState::Pending => view! {
                                    <button class="mini" data-testid="reply-accept" disabled=r.decision == Decision::Decline
                                        on:click=move |_| { editor.edit(None, false, |p, _| feedback::decide(p, i, true)); editor.epoch.update(|n| *n += 1); }>"采纳"</button>
                                    <button class="mini" data-testid="reply-reject" on:click=move |_| { editor.edit_task(|p, _| feedback::decide(p, i, false)); }>"不采纳"</button>
                                }.into_any(),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"发出反馈表"</h3>
            <p class="hint">"请各单位确认自己牵头、配合的任务：可以同意、提出修改（表述或时限）、不同意（说明理由）或备注。Excel 表中的隐藏列用于对应任务，请勿删除。"</p>
            <div class="row-actions">
                <button data-testid="feedback-all-xlsx" on:click=move |_| send("feedback-xlsx", None)>"全部单位（Excel）"</button>
                <button data-testid="feedback-all-json" on:click=move |_| send("feedback-json", None)>"全部单位（要点文件）"</button>
            </div>
            <table class="tasks">
                <thead><tr><th>"单位"</th><th>"任务"</th><th>"已发"</th><th>"已回复"</th><th></th></tr></thead>
                <tbody>
                    {move || units.get().into_iter().map(|(id, name, n, sent, answered)| {
                        let (a, b) = (id.clone(), id.clone());
                        view! {
                            <tr data-testid="feedback-unit">
                                <td>{name}</td><td>{n}</td><td>{if sent { "是" } else { "" }}</td>
                                <td>{if answered > 0 { format!("{answered} 条") } else { String::new() }}</td>
                                <td>
                                    <button class="mini" data-testid="feedback-unit-xlsx" on:click=move |_| send("feedback-xlsx", Some(a.clone()))>"Excel"</button>
                                    <button class="mini" data-testid="feedback-unit-json" on:click=move |_| send("feedback-json", Some(b.clone()))>"要点文件"</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
