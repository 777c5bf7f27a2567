//! The texts of the document outside the outline that reach every export: the preface
//! paragraphs of the main text and of each attachment (依据……特制定……), the attachment titles
//! and the task-table captions. Edited in 文件信息, each change an undoable edit.
//!
//! Owns this form. Deliberately not the document data (see `docinfo`) or the items (outline).

use super::state::Editor;
use crate::edit::year::Target;
use crate::model::walk;
use leptos::prelude::*;

#[component]
pub fn DocTexts() -> impl IntoView {
    let editor = expect_context::<Editor>();
    move || {
        editor.structure.track();
        // (label, testid, target, text, multi-line)
        let fields: Vec<(String, String, Target, String, bool)> = editor.plan.with_value(|p| {
            let mut out = Vec::new();
            for b in walk::bodies(p) {
                let part = if b.attachment == 0 {
                    "正文".to_string()
                } else {
                    let i = b.attachment - 1;
                    out.push((
                        format!("附件{}标题", b.attachment),
                        format!("text-att-title-{i}"),
                        Target::AttachmentTitle(i),
                        b.title.to_string(),
                        false,
                    ));
                    format!("附件{}", b.attachment)
                };
                for (i, t) in b.body.preface.iter().enumerate() {
                    out.push((
                        format!("{part}前言第{}段", i + 1),
                        format!("text-preface-{}-{i}", b.attachment),
                        Target::Preface(b.attachment, i),
                        t.clone(),
                        true,
                    ));
                }
                for (i, t) in b.body.tables.iter().enumerate() {
                    out.push((
                        format!("{part}表题"),
                        format!("text-caption-{}-{i}", b.attachment),
                        Target::TableCaption(b.attachment, i),
                        t.caption.clone(),
                        false,
                    ));
                }
            }
            out
        });
        view! {
            <section class="card form" data-testid="doc-texts">
                <h3>"前言、附件标题和表题"</h3>
                {fields.into_iter().map(|(label, testid, target, text, multi)| {
                    let key = format!("texts/{testid}");
                    let set = move |v: String| {
                        let t = target.clone();
                        editor.type_into(&key, move |p| crate::edit::year::set(p, &t, &v));
                    };
                    view! {
                        <label class="field">
                            <span>{label}</span>
                            {if multi {
                                view! { <textarea rows="4" data-testid=testid prop:value=text on:input=move |ev| set(event_target_value(&ev)) on:blur=move |_| editor.seal()></textarea> }.into_any()
                            } else {
                                view! { <input type="text" data-testid=testid prop:value=text on:input=move |ev| set(event_target_value(&ev)) on:blur=move |_| editor.seal() /> }.into_any()
                            }}
                        </label>
                    }
                }).collect_view()}
                <button data-testid="add-preface" on:click=move |_| {
                    editor.edit(None, true, |p, _| { p.body.preface.push(String::new()); true });
                }>"添加正文前言段落"</button>
            </section>
        }
    }
}
