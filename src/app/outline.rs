//! A read-only outline of a plan: document data, preface, numbered items with their units,
//! for the main text, each attachment and each task table.
//!
//! Owns how one item row looks. Deliberately renders every user string as text (Leptos
//! escapes text nodes), never as HTML.

use crate::model::{walk, ItemKind, Plan};
use leptos::prelude::*;

#[component]
pub fn PlanOutline(plan: Plan) -> impl IntoView {
    let doc = plan.doc.clone();
    let meta = [
        ("发文字号", doc.doc_number.clone()),
        ("发文机关", doc.issuer.clone()),
        ("成文日期", doc.date.clone()),
        ("主送", doc.recipients.clone()),
    ];
    // Every body (the main text, then each attachment) and its task tables, in order.
    let rows: Vec<_> = crate::model::lists::lists(&plan)
        .into_iter()
        .flat_map(|l| {
            let (head, items, style) = (l.heading(), l.items, l.numbering);
            let head = head.map(|h| view! { <h3 class="section-title">{h}</h3> }.into_any());
            head.into_iter().chain(
                walk::rows(items, style)
                    .into_iter()
                    .map(|row| row_view(&plan, row)),
            )
        })
        .collect();
    view! {
        <article class="outline" data-testid="plan-outline">
            <h2 class="plan-title" data-testid="plan-title">{doc.title.clone()}</h2>
            <dl class="meta">
                {meta.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! {
                    <div><dt>{k}</dt><dd>{v}</dd></div>
                }).collect_view()}
            </dl>
            {plan.body.preface.iter().map(|p| view! { <p class="preface">{p.clone()}</p> }).collect_view()}
            <div class="rows">{rows}</div>
        </article>
    }
}

fn row_view(plan: &Plan, row: walk::Row<'_>) -> AnyView {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| plan.units.name(id).to_string())
            .collect::<Vec<_>>()
            .join("、")
    };
    let item = row.item;
    let kind = match item.kind() {
        ItemKind::Heading => format!(
            "row heading level-{} depth-{}",
            item.level,
            row.depth.min(6)
        ),
        ItemKind::Task => format!("row task depth-{}", row.depth.min(6)),
        ItemKind::Paragraph => format!("row para depth-{}", row.depth.min(6)),
    };
    let units = item
        .task
        .as_ref()
        .map(|t| (names(&t.lead), names(&t.coop), t.generic.join("")));
    let title = item.title.clone();
    let text = item.text.clone();
    view! {
        <div class=kind data-testid="outline-row">
            <span class="num">{row.number}</span>
            <span class="title">{title}</span>
            {(!text.is_empty()).then(|| view! { <span class="text">{text}</span> })}
            {units.map(|(lead, coop, generic)| view! {
                <div class="units">
                    <span class="badge lead" title="牵头单位">"牵头"</span>
                    <span class="lead-names">{if lead.is_empty() { "（未指定）".to_string() } else { lead }}</span>
                    {(!coop.is_empty()).then(|| view! {
                        <span class="badge coop" title="配合单位">"配合"</span>
                        <span class="coop-names">{coop}</span>
                    })}
                    {(!generic.is_empty()).then(|| view! { <span class="generic">{generic}</span> })}
                </div>
            })}
        </div>
    }
    .into_any()
}
