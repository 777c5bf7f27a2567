//! The problems panel: tasks without a lead unit, units not in the registry, empty titles and
//! duplicates. Clicking a problem jumps to its item in the outline.
//!
//! Owns the list view; the checks are `validate::problems`.

use super::state::{Editor, Tab};
use leptos::prelude::*;

#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let list = Memo::new(move |_| {
        editor.content.track();
        editor.plan.with_value(crate::validate::problems)
    });
    view! {
        <section class="card problems" data-testid="problems">
            <Show when=move || list.with(Vec::is_empty)>
                <p class="ok" data-testid="no-problems">"没有发现问题。"</p>
            </Show>
            <ul>
                {move || list.get().into_iter().map(|pr| {
                    let id = pr.item_id.clone();
                    view! {
                        <li data-testid="problem">
                            <button class="link" on:click=move |_| {
                                if let Some(id) = id.clone() {
                                    editor.selected.set(Some(id.clone()));
                                    editor.tab.set(Tab::Outline);
                                    editor.reveal.set(Some((id, true)));
                                }
                            }>{pr.place.clone()}</button>
                            "：" {pr.message.clone()}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Scroll the rendered outline row of `id` into view, and put the cursor in it if `focus`
/// (`Editor::reveal` renders it first).
pub fn scroll_to(id: &str, focus: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(el)) = doc.query_selector(&format!("[data-id=\"{id}\"]")) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        if let Ok(Some(input)) = el
            .query_selector("input, textarea")
            .map(|i| i.filter(|_| focus))
        {
            use wasm_bindgen::JsCast;
            // Focusing forces a style and layout pass: skip it when the cursor is there
            // already (a moved row usually keeps it).
            let active = doc.active_element();
            if active.as_ref() != Some(&input) {
                if let Ok(h) = input.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
    }
}
