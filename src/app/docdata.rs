//! Step 3 of 新建草稿: the district's document data, every field that depends on the year
//! among them (发文字号, 通知标题, 要点标题, 印发通知正文, 前言, 日期, 版记). A new 年度 brings the
//! proposals of `edit::year` for approval (see `yearchange`), on the template before drafting.
//!
//! Owns this form. Deliberately not the front-matter preview of the import (step 2).

use crate::edit::year::{self, DocField, Target};
use crate::model::Plan;
use leptos::prelude::*;

#[component]
pub fn DocData(
    template: RwSignal<Option<Plan>>,
    next: Callback<()>,
    back: Callback<()>,
) -> impl IntoView {
    let pending = RwSignal::new(None);
    let refresh = RwSignal::new(0u32);
    let on_apply = Callback::new(move |(y, kept): (i32, Vec<year::Change>)| {
        template.update(|t| {
            if let Some(t) = t {
                year::apply(t, Some(y), &kept);
            }
        });
        refresh.update(|n| *n += 1);
    });
    let form = move || {
        refresh.track();
        let plan = template.get_untracked().unwrap_or_default();
        let field = move |label: &'static str,
                          testid: &'static str,
                          target: Target,
                          value: String,
                          multi: bool| {
            let set = move |v: String| {
                template.update(|t| {
                    if let Some(t) = t {
                        year::set(t, &target, &v)
                    }
                })
            };
            view! {
                <label class="field">
                    <span>{label}</span>
                    {if multi {
                        view! { <textarea rows="3" data-testid=testid prop:value=value on:input=move |ev| set(event_target_value(&ev))></textarea> }.into_any()
                    } else {
                        view! { <input type="text" data-testid=testid prop:value=value on:input=move |ev| set(event_target_value(&ev)) /> }.into_any()
                    }}
                </label>
            }
        };
        let doc = plan.doc.clone();
        let d = |f: DocField| f.get(&doc).clone();
        view! {
            <label class="field">
                <span>"年度"</span>
                <input type="number" data-testid="doc-year" prop:value=doc.year.map(|y| y.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let v: Option<i32> = event_target_value(&ev).parse().ok();
                        match template.with_untracked(|t| t.as_ref().and_then(|p| super::yearchange::proposals_for(p, v))) {
                            Some(x) => pending.set(Some(x)),
                            None => template.update(|t| if let Some(t) = t { t.doc.year = v }),
                        }
                    } />
            </label>
            <label class="field">
                <span>"发文机关（区县）"</span>
                <input type="text" data-testid="doc-issuer" prop:value=doc.issuer.clone()
                    on:input=move |ev| template.update(|t| if let Some(t) = t { let v = event_target_value(&ev); t.doc.issuer = v.clone(); t.doc.signature = v; }) />
            </label>
            {field("发文字号", "doc-number", Target::Doc(DocField::DocNumber), d(DocField::DocNumber), false)}
            {field("通知标题", "doc-notice-title", Target::Doc(DocField::NoticeTitle), d(DocField::NoticeTitle), false)}
            {field("要点标题", "doc-title", Target::Doc(DocField::Title), d(DocField::Title), false)}
            <label class="field">
                <span>"主送机关"</span>
                <input type="text" data-testid="doc-recipients" prop:value=doc.recipients.clone()
                    on:input=move |ev| template.update(|t| if let Some(t) = t { t.doc.recipients = event_target_value(&ev) }) />
            </label>
            {field("印发通知正文", "doc-cover", Target::Doc(DocField::CoverText), d(DocField::CoverText), true)}
            {field("成文日期", "doc-date", Target::Doc(DocField::Date), d(DocField::Date), false)}
            {plan.body.preface.iter().enumerate().map(|(i, p)| field("正文前言", "doc-preface", Target::Preface(0, i), p.clone(), true)).collect_view()}
            {field("抄送", "doc-cc", Target::Doc(DocField::Cc), d(DocField::Cc), false)}
            <label class="field">
                <span>"印发机关"</span>
                <input type="text" data-testid="doc-printer" prop:value=doc.printer.clone()
                    on:input=move |ev| template.update(|t| if let Some(t) = t { t.doc.printer = event_target_value(&ev) }) />
            </label>
            {field("印发日期", "doc-print-date", Target::Doc(DocField::PrintDate), d(DocField::PrintDate), false)}
        }
    };
    view! {
        <super::yearchange::YearProposals pending on_apply />
        <section class="card form" data-testid="doc-data">
            <p class="hint">"这些信息会出现在正式文件中，之后也可以在“文件信息”中修改。改年度时，随年份变化的内容会逐项列出供确认。"</p>
            {form}
            <div class="row-actions">
                <button class="primary" data-testid="doc-data-next" on:click=move |_| next.run(())>"下一步"</button>
                <button class="link" on:click=move |_| back.run(())>"上一步"</button>
            </div>
        </section>
    }
}
