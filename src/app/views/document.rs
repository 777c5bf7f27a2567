//! 文档: the plan as the official document reads, on A4 pages laid out as in GB/T 9704
//! (margins 37/35/28/26 mm, 3号仿宋 body, 2号小标宋 title, 黑体/楷体 headings). Printing this
//! view gives the document without the app around it. Titles break as in the .docx
//! (`export::title`); 不适用 items are left out by `walk::exported_rows`; the 版记 sits at the
//! foot of the last page.
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
    let paras: Vec<(String, String, String)> = walk::exported_rows(&body.items, body.numbering)
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
    // The body's task tables, as the .docx export writes them: caption, then one row a task.
    let tables: Vec<(String, Vec<render::TaskRow>)> = body
        .tables
        .iter()
        .map(|t| {
            let rows = render::rows_of(plan, &t.items, t.numbering, "");
            (t.caption.clone(), rows)
        })
        .collect();
    view! {
        {preface.into_iter().map(|p| view! { <p class="p">{p}</p> }).collect_view()}
        {grow.chunks(start, len, render)}
        {tables.into_iter().map(|(caption, rows)| view! {
            <p class="p h1 table-caption">{caption}</p>
            <table class="doc-table" data-testid="document-table">
                <tr><th>"序号"</th><th>"重点任务"</th><th>"责任单位"</th><th>"完成时限"</th></tr>
                {rows.into_iter().map(|r| {
                    let units = if r.coop.is_empty() {
                        r.lead.join("、")
                    } else {
                        format!("牵头：{}；配合：{}", r.lead.join("、"), r.coop.join("、"))
                    };
                    view! {
                        <tr><td>{r.number}</td><td>{r.title}</td><td>{units}</td><td>{r.deadline}</td></tr>
                    }
                }).collect_view()}
            </table>
        }).collect_view()}
    }
}

/// A title broken between words as the .docx breaks it (`export::title`), one line per span.
fn title_lines(title: &str) -> impl IntoView + use<> {
    crate::export::title::break_title(title, 18)
        .into_iter()
        .map(|l| view! { <span class="title-line">{l}</span> })
        .collect_view()
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
            // The 版记 closes the last page, at its foot (GB/T 9704).
            let mut banji = (!d.cc.is_empty() || !d.printer.is_empty()).then(|| view! {
                <div class="banji" data-testid="document-banji">
                    {(!d.cc.is_empty()).then(|| view! { <p>{format!("抄送：{}。", d.cc)}</p> })}
                    <p class="printer"><span>{d.printer.clone()}</span><span>{format!("{}印发", d.print_date)}</span></p>
                </div>
            });
            let last = plan.attachments.len();
            let attachments: Vec<_> = plan
                .attachments
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let title = a.title.clone();
                    let body = body_view(plan, &a.body, grow, &mut offset);
                    let foot = if i + 1 == last { banji.take() } else { None };
                    view! {
                        <article class="a4 page-break" class:last-page=i + 1 == last>
                            <p class="attachment-label">{format!("附件{}", i + 1)}</p>
                            <h1 class="doc-title">{title_lines(&title)}</h1>
                            {body}
                            {foot}
                        </article>
                    }
                })
                .collect();
            let main_foot = banji.take();
            let has_notice = !d.notice_title.is_empty() || !d.doc_number.is_empty();
            view! {
                <article class="a4" class:last-page=last == 0 data-testid="document-page">
                    {has_notice.then(|| view! {
                        <p class="doc-number">{d.doc_number.clone()}</p>
                        <h1 class="doc-title">{title_lines(&d.notice_title)}</h1>
                        <p class="recipients">{if d.recipients.is_empty() { String::new() } else { format!("{}：", d.recipients) }}</p>
                        {d.cover_text.lines().map(|l| view! { <p class="p">{l.to_string()}</p> }).collect_view()}
                        <p class="signature">{d.signature.clone()}</p>
                        <p class="signature">{d.date.clone()}</p>
                        <p class="p">{d.publish_note.clone()}</p>
                    })}
                    <h1 class="doc-title" data-testid="document-title">{title_lines(&d.title)}</h1>
                    {main}
                    {main_foot}
                </article>
                {attachments}
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
