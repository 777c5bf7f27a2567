//! The progress round inside the 进度 tab: import the units' replies (several files at once,
//! unmatched rows listed), send each unit (or all) its progress file for the period (Excel
//! with hidden ids, or a Yaodian file it answers on the reply screen), the 催办 texts with a
//! 复制 button, and the period's 通报 (.docx) and 进度台账 (.xlsx).
//!
//! Owns that part of the tab. Files are made in the export worker (`export::tracking`);
//! replies are read and kept by `sync::progress::import_files`; the texts are
//! `track::figures::reminders`.

use super::exportmenu::run_export;
use super::progressview::today;
use super::state::{Editor, Ui};
use crate::export::tracking::request;
use crate::sync::progress;
use crate::track::figures::{self, Figures};
use crate::track::period::{self, Period};
use crate::web::{files, storage};
use leptos::prelude::*;

#[component]
pub fn ProgressRound(period: RwSignal<String>, figs: Memo<Figures>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ui = expect_context::<Ui>();
    let busy = RwSignal::new(false);
    let report: RwSignal<Option<progress::Batch>> = RwSignal::new(None);
    let current =
        move || Period::parse(&period.get_untracked()).unwrap_or(figs.get_untracked().period);
    let req = move |kind: &str| {
        let p = current();
        request(kind, p, period::as_of(p, today()))
    };
    let send = move |kind: &'static str, unit: Option<String>| {
        let p = current();
        editor.edit_task(|plan, _| {
            let ids = crate::sync::unitfile::units_of(plan, unit.as_deref());
            progress::mark_sent(plan, p, &ids);
            true
        });
        run_export(editor, ui, busy, &req(kind), unit, false);
    };
    let on_files = move |ev: leptos::ev::Event| {
        let chosen = files::chosen_all(&ev);
        if chosen.is_empty() {
            return;
        }
        let p = current();
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for f in chosen {
                match files::read(&f).await {
                    Ok(b) => read.push((f.name(), b)),
                    Err(e) => ui.banner("error", format!("“{}”：{e}", f.name())),
                }
            }
            let t0 = crate::web::perf_now();
            let mut batch = progress::Batch::default();
            editor.edit_task(|plan, _| {
                batch = progress::import_files(plan, p, &read, "", storage::now());
                batch.failed.len() < read.len()
            });
            crate::web::record_timing("progress_import", crate::web::perf_now() - t0);
            for (name, e) in &batch.failed {
                ui.banner("error", format!("无法读取回复“{name}”：{e}"));
            }
            report.set(Some(batch));
        });
    };
    let units = Memo::new(move |_| {
        figs.with(|f| {
            f.units
                .iter()
                .map(|u| (u.unit.clone(), u.name.clone(), u.lead, u.coop, u.reported))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3>"导入回复"</h3>
        <div class="row-actions">
            <label class="button">"导入进度回复（.xlsx / .json，可多选）"
                <input type="file" hidden multiple accept=".xlsx,.json" data-testid="progress-import" on:change=on_files />
            </label>
            <button data-testid="export-bulletin" on:click=move |_| run_export(editor, ui, busy, &req("bulletin"), None, false)>"导出通报（Word）"</button>
            <button data-testid="export-ledger" on:click=move |_| run_export(editor, ui, busy, &req("ledger"), None, false)>"导出进度台账（Excel）"</button>
            <span class="muted">{move || if busy.get() { "正在生成…" } else { "" }}</span>
        </div>
        {move || report.get().map(|r| {
            let mut names = editor.plan.with_value(|p| r.units.iter().take(8).map(|u| p.units.name(u).to_string()).collect::<Vec<_>>().join("、"));
            if r.units.len() > 8 {
                names.push('等');
            }
            view! {
                <div class="banner info" data-testid="progress-report">
                    <span>{format!("收到 {} 条进展，来自 {} 个单位（{}）。{}", r.answers, r.units.len(), names,
                        if r.unmatched.is_empty() { String::new() } else { format!("{} 行无法对应到任务，已列出：", r.unmatched.len()) })}</span>
                </div>
                <ul data-testid="progress-unmatched">{r.unmatched.into_iter().map(|(f, w, t)| view! { <li>{format!("{f}　{w}：{t}")}</li> }).collect_view()}</ul>
            }
        })}
        <Reminders figs=figs />
        <h3>"发出进度表"</h3>
        <p class="hint">"各单位填写本期每项任务的完成状态、进展情况、存在问题和下步打算。Excel 表中的隐藏列用于对应任务，请勿删除；使用要点的单位打开要点文件即可填报。"</p>
        <div class="row-actions">
            <button data-testid="progress-all-xlsx" on:click=move |_| send("progress-xlsx", None)>"全部单位（Excel）"</button>
            <button data-testid="progress-all-json" on:click=move |_| send("progress-json", None)>"全部单位（要点文件）"</button>
        </div>
        <table class="tasks">
            <thead><tr><th>"单位"</th><th>"牵头"</th><th>"配合"</th><th>"本期已报送"</th><th></th></tr></thead>
            <tbody>
                {move || units.get().into_iter().map(|(id, name, lead, coop, reported)| {
                    let (a, b) = (id.clone(), id);
                    view! {
                        <tr data-testid="progress-unit">
                            <td>{name}</td><td>{lead}</td><td>{coop}</td><td>{if reported { "是" } else { "" }}</td>
                            <td>
                                <button class="mini" data-testid="progress-unit-xlsx" on:click=move |_| send("progress-xlsx", Some(a.clone()))>"Excel"</button>
                                <button class="mini" data-testid="progress-unit-json" on:click=move |_| send("progress-json", Some(b.clone()))>"要点文件"</button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// 催办: one ready text per unit with overdue or unreported tasks, and its 复制 button.
#[component]
fn Reminders(figs: Memo<Figures>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let open = RwSignal::new(false);
    // The texts are made when the list is opened (60 units' texts are long).
    let list = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let reply_by = today().add_days(7);
        figs.with(|f| {
            editor
                .plan
                .with_value(|p| figures::reminders(p, f, reply_by))
        })
    });
    let count = Memo::new(move |_| {
        figs.with(|f| {
            f.units
                .iter()
                .filter(|u| u.overdue > 0 || (!u.reported && f.not_reported.contains(&u.unit)))
                .count()
        })
    });
    view! {
        <details class="reminders" data-testid="reminders" on:toggle=move |ev| {
            let t = ev.target().map(wasm_bindgen::JsValue::from).unwrap_or_default();
            open.set(js_sys::Reflect::get(&t, &"open".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false));
        }>
            <summary>{move || format!("催办（{} 个单位）", count.get())}</summary>
            {move || list.get().into_iter().map(|r| {
                let area = NodeRef::<leptos::html::Textarea>::new();
                let copied = RwSignal::new("");
                let text = r.text.clone();
                view! {
                    <div class="reminder" data-testid="reminder">
                        <p><b>{r.name.clone()}</b>{format!("　逾期 {} 项，未报送 {} 项", r.overdue, r.unreported)}</p>
                        <textarea readonly rows="6" data-testid="reminder-text" node_ref=area prop:value=r.text.clone()></textarea>
                        <div class="row-actions">
                            <button class="mini" data-testid="reminder-copy" on:click=move |_| {
                                let text = text.clone();
                                leptos::task::spawn_local(async move {
                                    if crate::web::clipboard::copy(&text).await {
                                        copied.set("已复制");
                                    } else {
                                        // No clipboard here: select the text for Ctrl+C.
                                        if let Some(a) = area.get_untracked() {
                                            a.select();
                                        }
                                        copied.set("已选中全文，请按 Ctrl+C 复制");
                                    }
                                });
                            }>"复制"</button>
                            <span class="muted" data-testid="reminder-copied">{move || copied.get()}</span>
                        </div>
                    </div>
                }
            }).collect_view()}
        </details>
    }
}
