//! What the parser filled in and what it guessed, shown in the recognition preview of the
//! new-draft flow: every front-matter field it found (发文字号, 通知标题, 主送, 标题, 署名, 日期 …),
//! editable in place for correction, the lines it was unsure of, and the paragraphs it kept as
//! plain text with the reason.
//!
//! Owns that panel. Deliberately reads the parse report and edits only `template.doc`; the
//! steps of the flow stay in `newdraft`.

use crate::model::{DocInfo, Plan};
use crate::parse::ParseReport;
use leptos::prelude::*;

type Field = (
    &'static str,
    &'static str,
    fn(&DocInfo) -> &String,
    fn(&mut DocInfo, String),
);

/// The front-matter fields, in document order: (label, test id, read, write).
const FIELDS: &[Field] = &[
    (
        "发文字号",
        "front-doc-number",
        |d| &d.doc_number,
        |d, v| d.doc_number = v,
    ),
    (
        "通知标题",
        "front-notice-title",
        |d| &d.notice_title,
        |d, v| d.notice_title = v,
    ),
    (
        "主送",
        "front-recipients",
        |d| &d.recipients,
        |d, v| d.recipients = v,
    ),
    (
        "署名",
        "front-signature",
        |d| &d.signature,
        |d, v| d.signature = v,
    ),
    ("日期", "front-date", |d| &d.date, |d, v| d.date = v),
    ("标题", "front-title", |d| &d.title, |d, v| d.title = v),
    ("抄送", "front-cc", |d| &d.cc, |d, v| d.cc = v),
    (
        "印发机关",
        "front-printer",
        |d| &d.printer,
        |d, v| d.printer = v,
    ),
];

#[component]
pub fn Recognized(template: RwSignal<Option<Plan>>, report: ParseReport) -> impl IntoView {
    let doc = template.get_untracked().map(|p| p.doc).unwrap_or_default();
    let filled: Vec<&Field> = FIELDS.iter().filter(|f| !(f.2)(&doc).is_empty()).collect();
    let fields = filled
        .into_iter()
        .map(|&(label, testid, read, write)| {
            let value = read(&doc).clone();
            view! {
                <label class="field">
                    <span>{label}</span>
                    <input type="text" data-testid=testid prop:value=value
                        on:input=move |ev| template.update(|t| if let Some(t) = t { write(&mut t.doc, event_target_value(&ev)) }) />
                </label>
            }
        })
        .collect_view();
    let guesses = report.guesses.clone();
    let plain = report.plain.clone();
    let n_guesses = guesses.len();
    let n_plain = plain.len();
    view! {
        <div class="recognized" data-testid="recognized">
            <details open class="front-fields" data-testid="front-fields">
                <summary>"识别出的文件信息（可直接改正）"</summary>
                <div class="form">{fields}</div>
            </details>
            <Show when={move || n_guesses > 0}>
                <details open class="warnings guesses" data-testid="parse-guesses">
                    <summary>{format!("需要核对 {n_guesses} 处（识别时拿不准）")}</summary>
                    <ul>{guesses.iter().map(|g| view! {
                        <li data-testid="guess">{format!("第{}行：{}", g.line, g.text)}</li>
                    }).collect_view()}</ul>
                </details>
            </Show>
            <Show when={move || n_plain > 0}>
                <details class="warnings" data-testid="parse-plain">
                    <summary>{format!("按普通段落保留 {n_plain} 段（不列入提纲，文字不丢失）")}</summary>
                    <ul>{plain.iter().map(|g| view! {
                        <li>{format!("第{}行：{}", g.line, g.text)}</li>
                    }).collect_view()}</ul>
                </details>
            </Show>
        </div>
    }
}
