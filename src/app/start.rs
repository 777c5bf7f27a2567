//! The start page: drafts kept in this browser (name, year, last edited), 新建, and opening a
//! plan file as a draft.
//!
//! Owns the list and the JSON import decision (new draft, or replace an existing draft of the
//! same plan after an explicit confirmation). Deliberately parses nothing itself.

use super::state::{Editor, Screen, Ui};
use crate::model::{IdGen, Plan};
use crate::web::{files, storage};
use leptos::prelude::*;

/// Open a plan in the editor (saving it first if it is new).
pub fn open_plan(ui: Ui, editor: Editor, plan: Plan, rev: u64) {
    let new = rev == 0;
    editor.open(plan, rev);
    if new {
        editor.save.set(super::state::SaveState::Pending);
        editor.flush(false);
    }
    ui.screen.set(Screen::Edit);
}

/// The banner text listing what restore repaired in an opened file (None when nothing was).
pub fn repairs_banner(repairs: &[String]) -> Option<String> {
    const SHOWN: usize = 20;
    if repairs.is_empty() {
        return None;
    }
    let mut text = format!(
        "文件中有 {} 处内容不符合格式，已自动修复（无法识别的原值仍保存在文件中）。请核对：",
        repairs.len()
    );
    for (i, r) in repairs.iter().take(SHOWN).enumerate() {
        text.push_str(&format!("\n{}. {r}", i + 1));
    }
    if repairs.len() > SHOWN {
        text.push_str(&format!("\n……另有 {} 处。", repairs.len() - SHOWN));
    }
    Some(text)
}

#[component]
pub fn StartPage() -> impl IntoView {
    let ui = expect_context::<Ui>();
    let editor = expect_context::<Editor>();
    let drafts = Memo::new(move |_| {
        ui.drafts.track();
        storage::list()
    });
    let pending: RwSignal<Option<Plan>> = RwSignal::new(None);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let bytes = match files::read(&file).await {
                Ok(b) => b,
                Err(e) => return ui.banner("error", e),
            };
            match super::screens::open_file(file.name(), bytes).await {
                Ok(super::screens::Opened::Reply(f)) => {
                    ui.pending_reply.set(Some(f));
                    ui.screen.set(Screen::Reply);
                }
                Ok(super::screens::Opened::Plan(plan, repairs)) => {
                    let plan = *plan;
                    if let Some(text) = repairs_banner(&repairs) {
                        ui.banner("repair", text);
                    }
                    if storage::current_rev(&plan.id) > 0 {
                        pending.set(Some(plan));
                    } else {
                        open_plan(ui, editor, plan, 0);
                    }
                }
                Ok(super::screens::Opened::Document(name, bytes)) => {
                    ui.pending_document.set(Some((name, bytes)));
                    ui.screen.set(Screen::New);
                }
                Ok(super::screens::Opened::Failed(e)) => ui.banner("error", e),
                Err(_) => ui.banner("error", super::screens::NOT_LOADED),
            }
        });
    };
    view! {
        <main class="start">
            <section class="start-head">
                <div>
                    <h1>"我的草稿"</h1>
                    <p class="hint">"草稿只保存在这台电脑的浏览器中。换电脑或清理浏览器前，请导出 JSON 文件。"</p>
                </div>
                <div class="actions">
                    <button class="primary" data-testid="new-draft" on:click=move |_| ui.screen.set(Screen::New)>"新建草稿"</button>
                    <button data-testid="new-year" title="用去年的计划和市里新一年的模板生成今年的草稿" on:click=move |_| ui.screen.set(Screen::Yearly)>"新年度草稿"</button>
                    <label class="editor-name" title="导出和合并时记录是谁改的">"我的名字 "
                        <input type="text" data-testid="editor-name" placeholder="如：应急局 小王" value=storage::settings().editor_name
                            on:change=move |ev| {
                                let mut s = storage::settings();
                                s.editor_name = event_target_value(&ev);
                                storage::save_settings(&s);
                            } />
                    </label>
                    <label class="button" data-testid="open-json">
                        "打开文件（计划、反馈表或文档）"
                        <input type="file" accept=".json,.txt,.docx,.doc,.wps,.pdf,.ofd,.xlsx,application/json,text/plain" data-testid="open-json-input" on:change=on_file hidden />
                    </label>
                </div>
            </section>
            {move || pending.get().map(|plan| {
                let (a, b) = (plan.clone(), plan.clone());
                view! {
                    <div class="confirm" data-testid="import-confirm">
                        <p>{format!("这份计划“{}”在本浏览器中已有草稿。要怎么处理？", plan.doc.title)}</p>
                        <button class="primary" data-testid="import-merge" on:click={
                            let p = plan.clone();
                            move |_| {
                                pending.set(None);
                                ui.pending_merge.set(Some(p.clone()));
                                ui.screen.set(Screen::Merge);
                            }
                        }>"合并到现有草稿"</button>
                        <button class="danger" data-testid="import-replace" on:click=move |_| {
                            let rev = storage::current_rev(&a.id);
                            pending.set(None);
                            editor.open(a.clone(), rev);
                            editor.flush(true);
                            ui.screen.set(Screen::Edit);
                        }>"替换现有草稿"</button>
                        <button data-testid="import-as-new" on:click=move |_| {
                            let mut p = b.clone();
                            p.id = IdGen::new(crate::web::random_seed()).next('p');
                            pending.set(None);
                            open_plan(ui, editor, p, 0);
                        }>"另存为新草稿"</button>
                        <button class="link" on:click=move |_| pending.set(None)>"取消"</button>
                    </div>
                }
            })}
            <table class="drafts" data-testid="draft-list">
                <thead><tr><th>"名称"</th><th>"年度"</th><th>"任务"</th><th>"最后编辑"</th><th></th></tr></thead>
                <tbody>
                    // A short list that changes rarely: re-rendered whole (<For>'s keyed diffing
                    // costs ~2 KB of wasm per use).
                    {move || drafts.get().into_iter().map(|m| {
                            let (id, id2) = (m.id.clone(), m.id.clone());
                            view! {
                                <tr data-testid="draft-row">
                                    <td>
                                        <button class="link draft-name" on:click=move |_| {
                                            let id = id.clone();
                                            leptos::task::spawn_local(async move {
                                                match super::screens::load_draft(id).await {
                                                    Ok(Ok((plan, rev))) => open_plan(ui, editor, plan, rev),
                                                    Ok(Err(e)) => {
                                                        ui.banner("error", e);
                                                        ui.drafts.update(|n| *n += 1);
                                                    }
                                                    Err(_) => ui.banner("error", super::screens::NOT_LOADED),
                                                }
                                            });
                                        }>{m.name.clone()}</button>
                                    </td>
                                    <td>{m.year.map(|y| y.to_string()).unwrap_or_default()}</td>
                                    <td>{m.tasks}</td>
                                    <td>{crate::store::format_time(m.updated)}</td>
                                    <td>
                                        <button class="link danger-text" on:click=move |_| {
                                            let ok = web_sys::window()
                                                .and_then(|w| w.confirm_with_message("删除这份草稿及其存档？此操作不能撤销。").ok())
                                                .unwrap_or(false);
                                            if ok {
                                                storage::delete(&id2);
                                                ui.drafts.update(|n| *n += 1);
                                            }
                                        }>"删除"</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                </tbody>
            </table>
            <Show when=move || drafts.get().is_empty()>
                <p class="empty" data-testid="no-drafts">"还没有草稿。点击“新建草稿”，从内置示例或市里的文件开始。"</p>
            </Show>
        </main>
    }
}
