//! The outline editor: one row per item with its live number, editable title and text, and
//! buttons for the structural edits; keyboard: Enter (next item), Tab / Shift+Tab (indent,
//! outdent), Alt+↑/↓ (move).
//!
//! Owns row rendering. Only the rows near the screen are in the page (`window::Window`), so
//! a 1000-task plan costs what a short one does; `Editor::reveal` brings any row on screen.
//! Rows are keyed by (id, depth, level, epoch): a keystroke changes no key, so typing
//! re-renders nothing; a move or insert only moves rows and updates the number text of the
//! rendered rows whose number changed (numbers are looked up, not part of the key).

use super::state::Editor;
use crate::edit::{self, Field, ListId};
use crate::model::{walk, ItemKind, OriginStatus};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct RowData {
    id: String,
    depth: usize,
    level: u8,
    kind: ItemKind,
    /// First row of an attachment: its heading.
    section: Option<String>,
    /// The editor's epoch when listed: undo/redo/load rebuild every row.
    epoch: u64,
}

type Listing = (Vec<RowData>, std::collections::HashMap<String, String>);

fn row_list(editor: Editor, epoch: u64) -> Listing {
    editor.plan.with_value(|p| {
        let mut out = Vec::new();
        let mut numbers = std::collections::HashMap::new();
        for l in crate::model::lists::lists(p) {
            let (head, items, style) = (l.heading(), l.items, l.numbering);
            let mut section = head;
            for r in walk::rows(items, style) {
                numbers.insert(r.item.id.clone(), r.number);
                out.push(RowData {
                    id: r.item.id.clone(),
                    depth: r.depth,
                    level: r.item.level,
                    kind: r.item.kind(),
                    section: section.take(),
                    epoch,
                });
            }
        }
        (out, numbers)
    })
}

/// Run a structural edit and keep the item selected and focused.
fn structural(
    editor: Editor,
    id: &str,
    f: impl FnOnce(&mut crate::model::Plan, &mut crate::model::IdGen) -> Option<String>,
) {
    let t0 = crate::web::perf_now();
    let mut target = None;
    editor.edit(None, true, |p, ids| {
        target = f(p, ids);
        target.is_some()
    });
    crate::web::record_timing("structural_edit", crate::web::perf_now() - t0);
    let target = target.unwrap_or_else(|| id.to_string());
    // A new row focuses itself when it mounts, before the next key arrives.
    editor.focus.set_value(Some(target.clone()));
    editor.selected.set(Some(target.clone()));
    // The row may have been rebuilt or moved off screen: bring it back, cursor in it.
    editor.reveal.set(Some((target, true)));
    // A row that was only moved never mounts: drop the request once the frame is drawn.
    request_animation_frame(move || editor.focus.set_value(None));
}

/// A first guess at a row's height in pixels, until it has been on screen and measured.
fn estimate(r: &RowData) -> i32 {
    let head = if r.section.is_some() { 44 } else { 0 };
    head + match r.kind {
        ItemKind::Heading => 38,
        ItemKind::Task => 92,
        ItemKind::Paragraph => 44,
    }
}

#[component]
pub fn OutlineEditor() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let listing = Memo::new(move |_| {
        editor.structure.track();
        row_list(editor, editor.epoch.get())
    });
    let root = NodeRef::<leptos::html::Div>::new();
    let win = super::window::Window::new(root);
    let find = super::find::Find::new();
    provide_context(find);
    let keys = move |l: &Listing| l.0.iter().map(|r| (r.id.clone(), estimate(r))).collect();
    // The first rows render with the component; later lists follow the edits.
    win.set_rows(listing.with_untracked(keys));
    Effect::new(move |_| win.set_rows(listing.with(keys)));
    // A row to bring on screen: render it, then scroll the real element into view.
    Effect::new(move |_| {
        let Some((id, focus)) = editor.reveal.get() else {
            return;
        };
        if let Some(i) = listing.with(|l| l.0.iter().position(|r| r.id == id)) {
            win.reveal(i);
        }
        request_animation_frame(move || {
            super::problems::scroll_to(&id, focus);
            editor.reveal.set(None);
        });
    });
    let empty = move || listing.with(|l| l.0.is_empty());
    let shown = move || {
        let (s, e) = win.range.get();
        listing.with(|l| l.0[s.min(l.0.len())..e.min(l.0.len())].to_vec())
    };
    view! {
        <section class="outline-editor" data-testid="outline-editor">
            <super::find::FindBar find />
            <Show when=empty>
                <button class="primary" data-testid="add-first" on:click=move |_| structural(editor, "", |p, ids| edit::add_top(p, ListId::Main, 1, ids))>"添加第一项"</button>
            </Show>
            <div node_ref=root>
                <div class="vpad" style:height=move || format!("{}px", win.pads.get().0)></div>
                <For each=shown key=|r| (r.id.clone(), r.depth, r.level, r.epoch) let:r>
                    <Row r listing />
                </For>
                <div class="vpad" style:height=move || format!("{}px", win.pads.get().1)></div>
            </div>
        </section>
    }
}

#[component]
fn Row(r: RowData, listing: Memo<Listing>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = r.id.clone();
    let id_status = id.clone();
    let id_reason = id.clone();
    let id_text = id.clone();
    let id_num = id.clone();
    let (title, text, status) = editor.plan.with_value(|p| {
        let item = edit::item(p, &id);
        (
            item.map(|i| i.title.clone()).unwrap_or_default(),
            item.map(|i| i.text.clone()).unwrap_or_default(),
            item.and_then(|i| i.origin.as_ref().map(|o| o.status)),
        )
    });
    let status = RwSignal::new(status);
    // The unit line refreshes on unit edits only, never on a keystroke.
    let units = {
        let id = id.clone();
        Memo::new(move |_| {
            editor.units_rev.track();
            editor.plan.with_value(|p| {
                let task = edit::item(p, &id)?.task.clone()?;
                let names = |ids: &[String]| {
                    ids.iter()
                        .map(|u| p.units.name(u).to_string())
                        .collect::<Vec<_>>()
                        .join("、")
                };
                Some((names(&task.lead), names(&task.coop), task.deadline.clone()))
            })
        })
    };
    Effect::new(move |_| {
        editor.units_rev.track();
        let s = editor.plan.with_value(|p| {
            edit::item(p, &id_status).and_then(|i| i.origin.as_ref().map(|o| o.status))
        });
        status.set(s);
    });
    let title_ref = NodeRef::<leptos::html::Input>::new();
    {
        let id = id.clone();
        Effect::new(move |_| {
            if let Some(el) = title_ref.get() {
                if editor
                    .focus
                    .with_value(|f| f.as_deref() == Some(id.as_str()))
                {
                    editor.focus.set_value(None);
                    let _ = el.focus();
                }
            }
        });
    }
    let selected = {
        let id = id.clone();
        Memo::new(move |_| editor.selected.get().as_deref() == Some(id.as_str()))
    };
    let on_type = {
        let id = id.clone();
        move |field: Field, value: String| {
            let burst = format!("{id}/{field:?}");
            editor.type_into(&burst, |p| {
                edit::set_field(p, &id, field, &value);
            });
            if status.get_untracked() == Some(OriginStatus::Adopted) {
                status.set(editor.plan.with_value(|p| {
                    edit::item(p, &id).and_then(|i| i.origin.as_ref().map(|o| o.status))
                }));
            }
        }
    };
    let on_type2 = on_type.clone();
    let keys = {
        let id = id.clone();
        move |ev: web_sys::KeyboardEvent| {
            let id = id.as_str();
            match (ev.key().as_str(), ev.alt_key(), ev.shift_key()) {
                ("Enter", false, false)
                    if ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        .is_some() =>
                {
                    ev.prevent_default();
                    structural(editor, id, |p, ids| edit::add_sibling(p, id, ids));
                }
                ("Tab", false, false) => {
                    ev.prevent_default();
                    structural(editor, id, |p, _| {
                        edit::indent(p, id).then(|| id.to_string())
                    });
                }
                ("Tab", false, true) => {
                    ev.prevent_default();
                    structural(editor, id, |p, _| {
                        edit::outdent(p, id).then(|| id.to_string())
                    });
                }
                ("ArrowUp", true, _) | ("ArrowDown", true, _) => {
                    ev.prevent_default();
                    let up = ev.key() == "ArrowUp";
                    structural(editor, id, |p, _| {
                        edit::move_by(p, id, up).then(|| id.to_string())
                    });
                }
                _ => {}
            }
        }
    };
    let keys2 = keys.clone();
    let class = format!(
        "erow depth-{} {}",
        r.depth.min(6),
        match r.kind {
            ItemKind::Heading => format!("heading level-{}", r.level),
            ItemKind::Task => "task".into(),
            ItemKind::Paragraph => "para".into(),
        }
    );
    let (sid, id_sel) = (id.clone(), id.clone());
    let buttons = {
        let id = id.clone();
        move || {
            let id = id.clone();
            let b = move |label: &'static str,
                          tip: &'static str,
                          testid: &'static str,
                          op: fn(
                &mut crate::model::Plan,
                &str,
                &mut crate::model::IdGen,
            ) -> Option<String>| {
                let id = id.clone();
                view! { <button class="mini" title=tip data-testid=testid on:click=move |_| structural(editor, &id, |p, ids| op(p, &id, ids))>{label}</button> }
            };
            view! {
                <div class="row-tools">
                    {b("↑", "上移 (Alt+↑)", "move-up", |p, id, _| edit::move_by(p, id, true).then(|| id.to_string()))}
                    {b("↓", "下移 (Alt+↓)", "move-down", |p, id, _| edit::move_by(p, id, false).then(|| id.to_string()))}
                    {b("←", "升级 (Shift+Tab)", "outdent", |p, id, _| edit::outdent(p, id).then(|| id.to_string()))}
                    {b("→", "降级 (Tab)", "indent", |p, id, _| edit::indent(p, id).then(|| id.to_string()))}
                    {b("＋同级", "在后面添加同级条目 (Enter)", "add-sibling", edit::add_sibling)}
                    {b("＋下级", "添加下级条目", "add-child", edit::add_child)}
                    {b("删除", "删除（可撤销）", "delete", |p, id, _| {
                        let next = next_selection(p, id);
                        edit::delete(p, id).map(|_| next)
                    })}
                </div>
            }
        }
    };
    let find = expect_context::<super::find::Find>();
    let (id_hit, id_cur) = (id.clone(), id.clone());
    let hit = move || {
        editor
            .plan
            .with_value(|p| edit::item(p, &id_hit).is_some_and(|i| find.hits(&i.title, &i.text)))
    };
    let current = move || find.current.with(|c| c.as_deref() == Some(id_cur.as_str()));
    view! {
        <div class="vrow" data-vkey=id.clone()>
        {r.section.clone().map(|s| view! { <h3 class="section-title">{s}</h3> })}
        <div class=class class:selected=move || selected.get() data-testid="edit-row" data-id=sid
            class:find-hit=hit class:find-current=current
            class:not-applicable=move || status.get() == Some(OriginStatus::NotApplicable)
            on:click=move |_| if !selected.get_untracked() { editor.selected.set(Some(id_sel.clone())) }>
            <span class="num" data-testid="row-number">{
                let id = id_num.clone();
                move || listing.with(|l| l.1.get(&id).cloned().unwrap_or_default())
            }</span>
            <div class="fields">
                {(r.kind != ItemKind::Paragraph).then(|| view! {
                    <input class="title-input" type="text" data-testid="row-title" node_ref=title_ref value=title
                        placeholder="标题"
                        on:input=move |ev| on_type(Field::Title, event_target_value(&ev))
                        on:blur=move |_| editor.seal()
                        on:keydown=keys />
                })}
                <Show when={let always = !text.is_empty() || r.kind != ItemKind::Heading; move || always || selected.get()}>
                    <textarea class="text-input" data-testid="row-text" placeholder="正文（可空）"
                        on:input={let on_type2 = on_type2.clone(); move |ev| on_type2(Field::Text, event_target_value(&ev))}
                        on:blur=move |_| editor.seal()
                        on:keydown=keys2.clone()>{editor.plan.with_value(|p| edit::item(p, &id_text).map(|i| i.text.clone()).unwrap_or_default())}</textarea>
                </Show>
            </div>
            <span class="badges">
                {move || status.get().map(|s| view! { <span class=format!("status s-{s:?}") data-testid="row-status">{s.label()}</span> })}
                {let id = id_reason.clone(); move || (status.get() == Some(OriginStatus::NotApplicable)).then(|| {
                    let reason = editor.plan.with_value(|p| edit::item(p, &id).and_then(|i| i.origin.as_ref()).map(|o| o.reason.clone()).unwrap_or_default());
                    view! { <span class="muted small" data-testid="row-na-reason">{reason}</span> }
                })}
            </span>
            {move || units.get().map(|(lead, coop, deadline)| view! {
                <div class="unit-line" data-testid="row-units">
                    {if lead.is_empty() {
                        view! { <span class="status warn">"缺牵头单位"</span> }.into_any()
                    } else {
                        view! { <span class="badge lead">"牵头"</span><span class="lead-names">{lead}</span> }.into_any()
                    }}
                    {(!coop.is_empty()).then(|| view! { <span class="badge coop">"配合"</span><span class="coop-names">{coop}</span> })}
                    {(!deadline.is_empty()).then(|| view! { <span class="deadline">{deadline}</span> })}
                </div>
            })}
            <Show when=move || selected.get()>{buttons.clone()}</Show>
        </div>
        </div>
    }
}

/// After deleting `id`, select the item that took its place (or its parent).
fn next_selection(p: &crate::model::Plan, id: &str) -> String {
    let ids: Vec<String> = walk::all_rows(p)
        .into_iter()
        .map(|(_, r)| r.item.id.clone())
        .collect();
    let pos = ids.iter().position(|x| x == id).unwrap_or(0);
    ids.get(pos.saturating_sub(1)).cloned().unwrap_or_default()
}

use wasm_bindgen::JsCast;
