//! 文件信息: the document data of the open draft (版头, 主送, 落款, 版记), how its 责任单位
//! clauses are written, and how its task numbers run. Edited here at any time.
//!
//! Owns the form; every change is an undoable edit. A new 年度 brings the proposals of
//! `edit::year` (see `yearchange`) for approval; the other texts that reach the exports are in
//! `doctexts`.

use super::state::Editor;
use crate::model::{Convention, DocInfo, NumberingStyle};
use leptos::prelude::*;

type Getter = fn(&DocInfo) -> String;
type Setter = fn(&mut DocInfo, String);

const FIELDS: &[(&str, &str, Getter, Setter)] = &[
    (
        "发文机关",
        "info-issuer",
        |d| d.issuer.clone(),
        |d, v| d.issuer = v,
    ),
    (
        "发文字号",
        "info-number",
        |d| d.doc_number.clone(),
        |d, v| d.doc_number = v,
    ),
    (
        "通知标题",
        "info-notice-title",
        |d| d.notice_title.clone(),
        |d, v| d.notice_title = v,
    ),
    (
        "要点标题",
        "info-title",
        |d| d.title.clone(),
        |d, v| d.title = v,
    ),
    (
        "主送机关",
        "info-recipients",
        |d| d.recipients.clone(),
        |d, v| d.recipients = v,
    ),
    (
        "印发通知正文",
        "info-cover",
        |d| d.cover_text.clone(),
        |d, v| d.cover_text = v,
    ),
    (
        "署名",
        "info-signature",
        |d| d.signature.clone(),
        |d, v| d.signature = v,
    ),
    (
        "成文日期",
        "info-date",
        |d| d.date.clone(),
        |d, v| d.date = v,
    ),
    (
        "公开方式",
        "info-publish",
        |d| d.publish_note.clone(),
        |d, v| d.publish_note = v,
    ),
    ("抄送", "info-cc", |d| d.cc.clone(), |d, v| d.cc = v),
    (
        "印发机关",
        "info-printer",
        |d| d.printer.clone(),
        |d, v| d.printer = v,
    ),
    (
        "印发日期",
        "info-print-date",
        |d| d.print_date.clone(),
        |d, v| d.print_date = v,
    ),
];

#[component]
pub fn DocInfoForm() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let pending = RwSignal::new(None);
    let on_apply = Callback::new(move |(year, kept): (i32, Vec<crate::edit::year::Change>)| {
        editor.edit(None, true, |p, _| {
            crate::edit::year::apply(p, Some(year), &kept);
            true
        });
    });
    let form = move || {
        editor.structure.track();
        let doc = editor.plan.with_value(|p| p.doc.clone());
        let (convention, numbering) = editor.plan.with_value(|p| (p.convention, p.body.numbering));
        view! {
            <section class="card form" data-testid="doc-info">
                <label class="field">
                    <span>"年度"</span>
                    <input type="number" data-testid="info-year" prop:value=doc.year.map(|y| y.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let v: Option<i32> = event_target_value(&ev).parse().ok();
                            match editor.plan.with_value(|p| super::yearchange::proposals_for(p, v)) {
                                Some(x) => pending.set(Some(x)),
                                None => { editor.edit(None, false, |p, _| { p.doc.year = v; true }); }
                            }
                        } />
                </label>
                {FIELDS.iter().map(|(label, testid, get, set)| {
                    let (set, key) = (*set, format!("doc/{testid}"));
                    view! {
                        <label class="field">
                            <span>{*label}</span>
                            <input type="text" data-testid=*testid value=get(&doc)
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    editor.type_into(&key, |p| set(&mut p.doc, v));
                                }
                                on:blur=move |_| editor.seal() />
                        </label>
                    }
                }).collect_view()}
                <label class="field">
                    <span>"责任单位写法"</span>
                    <select data-testid="info-convention" on:change=move |ev| {
                        let c = if event_target_value(&ev) == "unit" { Convention::FirstUnitLeads } else { Convention::FirstGroupLeads };
                        editor.edit_task(|p, _| { p.convention = c; true });
                    }>
                        <option value="group" selected=convention == Convention::FirstGroupLeads>{Convention::FirstGroupLeads.label()}</option>
                        <option value="unit" selected=convention == Convention::FirstUnitLeads>{Convention::FirstUnitLeads.label()}</option>
                    </select>
                </label>
                <label class="field">
                    <span>"任务编号"</span>
                    <select data-testid="info-numbering" on:change=move |ev| {
                        let n = match event_target_value(&ev).as_str() {
                            "restart" => NumberingStyle::Restart,
                            "whole" => NumberingStyle::Whole,
                            _ => NumberingStyle::Continuous,
                        };
                        editor.edit(None, true, |p, _| { p.body.numbering = n; true });
                    }>
                        {[("continuous", NumberingStyle::Continuous), ("restart", NumberingStyle::Restart), ("whole", NumberingStyle::Whole)]
                            .into_iter()
                            .map(|(v, s)| view! { <option value=v selected=numbering == s>{s.label()}</option> })
                            .collect_view()}
                    </select>
                </label>
            </section>
        }
    };
    view! {
        <super::yearchange::YearProposals pending on_apply />
        {form}
        <super::doctexts::DocTexts />
    }
}
