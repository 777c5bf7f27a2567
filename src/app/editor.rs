//! The editor screen: toolbar (tabs, undo/redo, save state, export/import, 存档), the active
//! view, and the keyboard shortcuts that work anywhere on the screen.
//!
//! Owns the layout and the conflict/quota banners of the open draft. Each view is its own
//! component; the outline editor is in `rows`, the task details in `taskpanel`.

use super::state::{Editor, SaveState, Screen, Tab, Ui};
use crate::store::Snapshot;
use crate::web::{files, storage};
use leptos::ev;
use leptos::prelude::*;

const TABS: [(Tab, &str, &str); 10] = [
    (Tab::Outline, "编辑", "tab-outline"),
    (Tab::Document, "文档", "tab-document"),
    (Tab::Tasks, "任务清单", "tab-tasks"),
    (Tab::ByUnit, "按单位", "tab-byunit"),
    (Tab::Compare, "对照", "tab-compare"),
    (Tab::Units, "单位库", "tab-units"),
    (Tab::Info, "文件信息", "tab-info"),
    (Tab::Feedback, "反馈", "tab-feedback"),
    (Tab::Progress, "进度", "tab-progress"),
    (Tab::Problems, "问题", "tab-problems"),
];

/// Save the plan file; the version that leaves is recorded as a revision (and kept here) so a
/// colleague's edited copy can later be merged against it.
pub fn export_json(editor: Editor) {
    let who = storage::settings().editor_name;
    let mut changed = false;
    editor.plan.update_value(|p| {
        let before = p.revisions.len();
        crate::sync::merge::record_revision(p, &who, storage::now());
        changed = p.revisions.len() != before;
    });
    editor.plan.with_value(super::merge::remember_revision);
    if changed {
        editor.save.set(SaveState::Pending);
        editor.flush(false);
    }
    let (name, text) = editor.plan.with_value(|p| {
        (
            files::safe_name(&p.doc.title, "json"),
            crate::format::save(p),
        )
    });
    let _ = files::download(&name, "application/json", text.as_bytes());
}

#[component]
pub fn EditorScreen() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ui = expect_context::<Ui>();
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        let ctrl = e.ctrl_key() || e.meta_key();
        let key = e.key().to_ascii_lowercase();
        if ctrl && (key == "y" || (key == "z" && e.shift_key())) {
            e.prevent_default();
            editor.redo();
        } else if ctrl && key == "z" {
            e.prevent_default();
            editor.undo();
        } else if ctrl && key == "s" {
            e.prevent_default();
            editor.flush(false);
        }
    });
    on_cleanup(move || handle.remove());
    let title = move || {
        editor.content.track();
        editor.plan.with_value(|p| {
            if p.doc.title.is_empty() {
                "未命名草稿".to_string()
            } else {
                p.doc.title.clone()
            }
        })
    };
    let problem_count = Memo::new(move |_| {
        editor.settled.track();
        editor.structure.track();
        editor
            .plan
            .with_value(|p| crate::validate::problems(p).len())
    });
    let show_snaps = RwSignal::new(false);

    view! {
        <main class="editor" data-testid="editor">
            <div class="toolbar">
                <h1 class="draft-title" data-testid="draft-title">{title}</h1>
                <div class="tools">
                    <button data-testid="undo" title="撤销 (Ctrl+Z)" on:click=move |_| { editor.undo(); }>"撤销"</button>
                    <button data-testid="redo" title="重做 (Ctrl+Y)" on:click=move |_| { editor.redo(); }>"重做"</button>
                    <span class="save-state" data-testid="save-state">{move || match editor.save.get() {
                        SaveState::Saved => "已保存".to_string(),
                        SaveState::Pending => "保存中…".to_string(),
                        SaveState::Failed(_) => "未保存".to_string(),
                    }}</span>
                    <super::exportmenu::ExportMenu />
                    <button data-testid="snapshots-toggle" on:click=move |_| show_snaps.update(|s| *s = !*s)>"存档"</button>
                    <button class="link" on:click=move |_| { editor.flush(false); ui.screen.set(Screen::Start); ui.drafts.update(|n| *n += 1); }>"返回列表"</button>
                </div>
            </div>
            <SaveProblem />
            <Show when=move || show_snaps.get()>
                <Snapshots />
            </Show>
            <nav class="tabs" role="tablist">
                {TABS.into_iter().map(|(tab, label, testid)| view! {
                    <button role="tab" data-testid=testid class:active=move || editor.tab.get() == tab
                        on:click=move |_| editor.tab.set(tab)>
                        {label}
                        {(tab == Tab::Problems).then(|| view! { <span class="count" data-testid="problem-count">{move || problem_count.get()}</span> })}
                    </button>
                }).collect_view()}
            </nav>
            {move || match editor.tab.get() {
                Tab::Outline => view! {
                    <div class="workspace">
                        <super::rows::OutlineEditor />
                        <super::taskpanel::TaskPanel />
                    </div>
                }.into_any(),
                Tab::Document => view! { <super::views::DocumentView /> }.into_any(),
                Tab::Tasks => view! { <super::views::TaskList /> }.into_any(),
                Tab::ByUnit => view! { <super::views::ByUnit /> }.into_any(),
                Tab::Compare => view! { <super::views::CompareView /> }.into_any(),
                Tab::Units => view! { <super::registry::RegistryEditor /> }.into_any(),
                Tab::Info => view! { <super::docinfo::DocInfoForm /> }.into_any(),
                Tab::Feedback => view! { <super::feedbackview::FeedbackView /> }.into_any(),
                Tab::Progress => view! { <super::progressview::ProgressView /> }.into_any(),
                Tab::Problems => view! { <super::problems::ProblemsPanel /> }.into_any(),
            }}
        </main>
    }
}

/// Quota or conflict: say what happened and offer the way out.
#[component]
fn SaveProblem() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ui = expect_context::<Ui>();
    move || match editor.save.get() {
        SaveState::Failed(e) => {
            let conflict = e == storage::SaveError::Conflict;
            Some(view! {
                <div class="banner error" data-testid="save-problem" role="alert">
                    <span>{e.to_string()}</span>
                    <button data-testid="save-problem-export" on:click=move |_| export_json(editor)>"导出 JSON"</button>
                    {conflict.then(|| view! {
                        <button data-testid="conflict-load-theirs" on:click=move |_| {
                            let id = editor.plan.with_value(|p| p.id.clone());
                            match storage::load(&id) {
                                Ok((plan, rev)) => editor.open(plan, rev),
                                Err(e) => ui.banner("error", e),
                            }
                        }>"载入对方的版本"</button>
                        <button data-testid="conflict-keep-mine" on:click=move |_| editor.flush(true)>"用本页内容覆盖"</button>
                    })}
                    {(!conflict).then(|| view! {
                        <button on:click=move |_| { editor.save.set(SaveState::Pending); editor.flush(false); }>"重试保存"</button>
                    })}
                </div>
            })
        }
        _ => None,
    }
}

/// Named snapshots (存档) of the open draft: take, restore (undoable), delete.
#[component]
fn Snapshots() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ui = expect_context::<Ui>();
    let id = editor.plan.with_value(|p| p.id.clone());
    let list = RwSignal::new(storage::snapshots(&id));
    let name = RwSignal::new(String::new());
    let id2 = id.clone();
    let take = move |_| {
        let n = name.get_untracked();
        let n = if n.trim().is_empty() {
            crate::store::format_time(storage::now())
        } else {
            n
        };
        let snap = Snapshot {
            name: n,
            time: storage::now(),
            plan: editor.plan.with_value(crate::format::save_compact),
        };
        let mut l = list.get_untracked();
        l.insert(0, snap);
        match storage::save_snapshots(&id2, &l) {
            Ok(()) => {
                list.set(l);
                name.set(String::new());
            }
            Err(e) => ui.banner("error", e.to_string()),
        }
    };
    view! {
        <section class="card snapshots" data-testid="snapshots">
            <div class="row-actions">
                <input type="text" placeholder="存档名称，如“征求意见稿”" data-testid="snapshot-name" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
                <button class="primary" data-testid="snapshot-take" on:click=take>"存档当前版本"</button>
            </div>
            <ul>
                {move || list.get().into_iter().enumerate().map(|(i, s)| {
                    let id = id.clone();
                    let plan_text = s.plan.clone();
                    view! {
                        <li data-testid="snapshot">
                            <span>{s.name.clone()}</span>" "
                            <span class="muted">{crate::store::format_time(s.time)}</span>
                            <button class="link" data-testid="snapshot-restore" on:click=move |_| match crate::format::restore(&plan_text) {
                                Ok(p) => editor.replace(p),
                                Err(e) => ui.banner("error", format!("存档无法读取：{e}")),
                            }>"恢复"</button>
                            <button class="link danger-text" on:click=move |_| {
                                let mut l = list.get_untracked();
                                l.remove(i);
                                let _ = storage::save_snapshots(&id, &l);
                                list.set(l);
                            }>"删除"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
