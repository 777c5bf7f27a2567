//! 导出: the official .docx (optionally with the task table), the task list as .xlsx/.csv,
//! Markdown and plain text, the plan file (.json); and one unit's slice. Exports run in the
//! export worker, which loads on the first export.
//!
//! Owns the menu (closed by a choice, its button or Escape) and the download of what the
//! worker returns.

use super::state::{Editor, Ui};
use crate::web::{files, worker};
use leptos::prelude::*;

/// Export in the worker and offer the file; errors become a banner.
pub fn run_export(
    editor: Editor,
    ui: Ui,
    busy: RwSignal<bool>,
    format: &str,
    unit: Option<String>,
    task_table: bool,
) {
    let format = format.to_string();
    // Timings by kind (`bulletin`, not `bulletin:2025Q2:…`).
    let key = format.split(':').next().unwrap_or_default().to_string();
    let plan_json = editor.plan.with_value(crate::format::save_compact);
    busy.set(true);
    let t0 = crate::web::perf_now();
    leptos::task::spawn_local(async move {
        let result = worker::export(plan_json, &format, unit, task_table).await;
        busy.set(false);
        match result {
            Ok(x) => {
                crate::web::record_timing(&format!("export_{key}_worker"), x.ms);
                crate::web::record_timing(
                    &format!("export_{key}_total"),
                    crate::web::perf_now() - t0,
                );
                if let Err(e) = files::download(&x.name, &x.mime, &x.bytes) {
                    ui.banner("error", e);
                }
            }
            Err(e) => ui.banner("error", format!("导出失败：{e}")),
        }
    });
}

const ITEMS: [(&str, &str, &str, bool); 6] = [
    (
        "Word 公文（.docx，GB/T 9704 版式）",
        "docx",
        "export-docx",
        false,
    ),
    ("Word 公文，附任务清单", "docx", "export-docx-table", true),
    (
        "Excel 任务清单（.xlsx，含各单位分表）",
        "xlsx",
        "export-xlsx",
        false,
    ),
    ("CSV 任务清单", "csv", "export-csv", false),
    ("Markdown（粘贴到邮件、聊天）", "md", "export-md", false),
    ("纯文本（.txt）", "txt", "export-txt", false),
];

#[component]
pub fn ExportMenu() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ui = expect_context::<Ui>();
    let open = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    // Escape closes the menu and gives the focus back to its button.
    let handle = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <div class="menu">
            <button data-testid="export-menu" node_ref=button aria-haspopup="menu" aria-expanded=move || if open.get() { "true" } else { "false" } on:click=move |_| open.update(|o| *o = !*o)>
                {move || if busy.get() { "正在生成…" } else { "导出 ▾" }}
            </button>
            <Show when=move || open.get()>
                <div class="menu-panel" data-testid="export-panel">
                    {ITEMS.iter().map(|(label, format, testid, table)| {
                        let (format, table) = (*format, *table);
                        view! {
                            <button class="menu-item" data-testid=*testid on:click=move |_| {
                                open.set(false);
                                run_export(editor, ui, busy, format, None, table);
                            }>{*label}</button>
                        }
                    }).collect_view()}
                    <button class="menu-item" data-testid="export-json" on:click=move |_| {
                        open.set(false);
                        super::editor::export_json(editor);
                    }>"计划文件（.json，可再次导入）"</button>
                </div>
            </Show>
        </div>
    }
}
