//! 文档: the plan as the official document reads, on A4 pages laid out as in GB/T 9704
//! (margins 37/35/28/26 mm, 3号仿宋 body, 2号小标宋 title, 黑体/楷体 headings). Printing this
//! view gives the document without the app around it.
//!
//! A long plan's paragraphs are rendered as the reader scrolls (`window::Growing`), and all
//! of them before printing.

use crate::app::state::Editor;
use crate::app::window::Growing;
use crate::model::{walk, Body, ItemKind, Plan};
use crate::render;
use leptos::prelude::*;
use std::sync::Arc;

/// One body's paragraphs; `offset` counts the paragraphs of the bodies before it.
fn body_view(plan: &Plan, body: &Body, grow: Growing, offset: &mut usize) -> impl IntoView + use<> {
    let preface: Vec<String> = body.preface.clone();
    let paras: Vec<(String, String, String)> = walk::rows(&body.items, body.numbering)
        .into_iter()
        .map(|r| {
            let item = r.item;
            let class = match item.kind() {
                ItemKind::Paragraph => "p".to_string(),
                _ => format!("p h{}", item.level.min(5)),
            };
            let (head, tail) = render::paragraph_parts(plan, &r.number, item, false);
            (class, head, tail)
        })
        .collect();
    let (start, len) = (*offset, paras.len());
    *offset += len;
    let paras = Arc::new(paras);
    let render = move |r: std::ops::Range<usize>| {
        paras[r]
            .iter()
            .cloned()
            .map(|(class, head, tail)| view! { <p class=class><span class="head">{head}</span>{tail}</p> })
            .collect_view()
    };
    view! {
        {preface.into_iter().map(|p| view! { <p class="p">{p}</p> }).collect_view()}
        {grow.chunks(start, len, render)}
    }
}

#[component]
pub fn DocumentView() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let grow = Growing::new();
    let content = move || {
        editor.content.track();
        editor.units_rev.track();
        editor.plan.with_value(|plan| {
            let d = plan.doc.clone();
            let mut offset = 0;
            let main = body_view(plan, &plan.body, grow, &mut offset);
            let attachments: Vec<_> = plan
                .attachments
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let title = a.title.clone();
                    let body = body_view(plan, &a.body, grow, &mut offset);
                    view! {
                        <article class="a4 page-break">
                            <p class="attachment-label">{format!("附件{}", i + 1)}</p>
                            <h1 class="doc-title">{title}</h1>
                            {body}
                        </article>
                    }
                })
                .collect();
            let has_notice = !d.notice_title.is_empty() || !d.doc_number.is_empty();
            view! {
                <article class="a4" data-testid="document-page">
                    {has_notice.then(|| view! {
                        <p class="doc-number">{d.doc_number.clone()}</p>
                        <h1 class="doc-title">{d.notice_title.clone()}</h1>
                        <p class="recipients">{if d.recipients.is_empty() { String::new() } else { format!("{}：", d.recipients) }}</p>
                        {d.cover_text.lines().map(|l| view! { <p class="p">{l.to_string()}</p> }).collect_view()}
                        <p class="signature">{d.signature.clone()}</p>
                        <p class="signature">{d.date.clone()}</p>
                        <p class="p">{d.publish_note.clone()}</p>
                    })}
                    <h1 class="doc-title" data-testid="document-title">{d.title.clone()}</h1>
                    {main}
                </article>
                {attachments}
                {(!d.cc.is_empty() || !d.printer.is_empty()).then(|| view! {
                    <article class="a4 banji-page">
                        <div class="banji">
                            {(!d.cc.is_empty()).then(|| view! { <p>{format!("抄送：{}。", d.cc)}</p> })}
                            <p class="printer"><span>{d.printer.clone()}</span><span>{format!("{}印发", d.print_date)}</span></p>
                        </div>
                    </article>
                })}
            }
        })
    };
    view! {
        <section class="doc-view" data-testid="document-view">
            <div class="doc-tools no-print">
                <button data-testid="print" on:click=move |_| {
                    grow.all();
                    request_animation_frame(|| { let _ = web_sys::window().map(|w| w.print()); });
                }>"打印"</button>
                <span class="muted small">"按 GB/T 9704 版式：A4，上 37 mm、下 35 mm、左 28 mm、右 26 mm；正文三号仿宋。"</span>
            </div>
            {content}
            <div node_ref=grow.end></div>
        </section>
    }
}
