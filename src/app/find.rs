//! 查找: the outline's own search box. The outline renders only the rows near the screen, so
//! the browser's find-in-page cannot see the rest; this box searches every item's title and
//! text, counts the matches, and steps through them (Enter / Shift+Enter, ↓ / ↑), bringing
//! each one on screen and marking it. Ctrl+F on the outline comes here first (a second Ctrl+F
//! in the box is the browser's).
//!
//! Owns the query, the matches and the current one. Deliberately no replacing: edits go
//! through the rows.

use super::state::Editor;
use crate::model::walk;
use leptos::ev;
use leptos::prelude::*;

/// The search state the rows read to mark themselves.
#[derive(Clone, Copy)]
pub struct Find {
    pub query: RwSignal<String>,
    /// The match on show.
    pub current: RwSignal<Option<String>>,
}

impl Find {
    pub fn new() -> Self {
        Self {
            query: RwSignal::new(String::new()),
            current: RwSignal::new(None),
        }
    }

    /// Does this text match the query?
    pub fn hits(&self, title: &str, text: &str) -> bool {
        self.query.with(|q| {
            let q = q.trim();
            !q.is_empty() && (title.contains(q) || text.contains(q))
        })
    }
}

/// Ids of the items whose title or text contains `q`, in document order.
fn matches(editor: Editor, q: &str) -> Vec<String> {
    let q = q.trim();
    if q.is_empty() {
        return Vec::new();
    }
    editor.plan.with_value(|p| {
        let mut out = Vec::new();
        for b in walk::bodies(p) {
            let tables = b.body.tables.iter().map(|t| (&t.items, t.numbering));
            for (items, style) in std::iter::once((&b.body.items, b.body.numbering)).chain(tables) {
                for r in walk::rows(items, style) {
                    if r.item.title.contains(q) || r.item.text.contains(q) {
                        out.push(r.item.id.clone());
                    }
                }
            }
        }
        out
    })
}

#[component]
pub fn FindBar(find: Find) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let input = NodeRef::<leptos::html::Input>::new();
    // Recounted when the query or the tree changes (not on every keystroke in a row: stepping
    // recounts anyway).
    let found = Memo::new(move |_| {
        editor.structure.track();
        editor.epoch.track();
        matches(editor, &find.query.get())
    });
    let step = move |forward: bool| {
        let list = matches(editor, &find.query.get_untracked());
        if list.is_empty() {
            find.current.set(None);
            return;
        }
        let at = find
            .current
            .get_untracked()
            .and_then(|c| list.iter().position(|x| *x == c));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => list.len() - 1,
            (Some(i), true) => (i + 1) % list.len(),
            (Some(i), false) => (i + list.len() - 1) % list.len(),
        };
        let id = list[next].clone();
        find.current.set(Some(id.clone()));
        editor.reveal.set(Some((id, false)));
    };
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("f") {
            let Some(el) = input.get_untracked() else {
                return;
            };
            let in_box = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|a| a == **el);
            if !in_box {
                e.prevent_default();
                let _ = el.focus();
                el.select();
            }
        }
    });
    on_cleanup(move || handle.remove());
    let label = move || {
        let q = find.query.get();
        if q.trim().is_empty() {
            return String::new();
        }
        let list = found.get();
        let at = find
            .current
            .get()
            .and_then(|c| list.iter().position(|x| *x == c));
        match (list.len(), at) {
            (0, _) => "无匹配".to_string(),
            (n, Some(i)) => format!("第 {} / {} 处", i + 1, n),
            (n, None) => format!("共 {n} 处"),
        }
    };
    view! {
        <div class="find-bar no-print" data-testid="find-bar">
            <input type="search" node_ref=input data-testid="find-input" placeholder="在草稿中查找（Ctrl+F）"
                prop:value=move || find.query.get()
                on:input=move |ev| {
                    find.query.set(event_target_value(&ev));
                    find.current.set(None);
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                    "Enter" | "ArrowDown" => { ev.prevent_default(); step(!ev.shift_key() || ev.key() == "ArrowDown"); }
                    "ArrowUp" => { ev.prevent_default(); step(false); }
                    "Escape" => { find.query.set(String::new()); find.current.set(None); }
                    _ => {}
                } />
            <span class="muted small" data-testid="find-count">{label}</span>
            <button class="mini" title="上一处 (Shift+Enter)" data-testid="find-prev" on:click=move |_| step(false)>"↑"</button>
            <button class="mini" title="下一处 (Enter)" data-testid="find-next" on:click=move |_| step(true)>"↓"</button>
        </div>
    }
}
