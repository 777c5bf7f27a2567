//! 按单位: for each unit, the tasks it leads and the tasks it supports, with counts, and an
//! SVG bar chart of tasks per unit (lead and cooperating stacked). A card's task lists are
//! rendered when it is opened (a 1000-task plan has thousands of them).

use crate::app::state::Editor;
use crate::render;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct UnitTasks {
    id: String,
    name: String,
    lead: Vec<String>,
    coop: Vec<String>,
}

#[component]
pub fn ByUnit() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ui = expect_context::<crate::app::state::Ui>();
    let busy = RwSignal::new(false);
    let data = Memo::new(move |_| {
        editor.content.track();
        editor.units_rev.track();
        editor.plan.with_value(|p| {
            let rows = render::task_rows(p);
            let mut out: Vec<UnitTasks> = p
                .units
                .units
                .iter()
                .map(|u| {
                    let pick = |f: &dyn Fn(&render::TaskRow) -> bool| {
                        rows.iter()
                            .filter(|r| f(r))
                            .map(|r| format!("{}{}", r.number, r.title))
                            .collect::<Vec<_>>()
                    };
                    UnitTasks {
                        id: u.id.clone(),
                        name: u.name.clone(),
                        lead: pick(&|r| r.lead_ids.contains(&u.id)),
                        coop: pick(&|r| r.coop_ids.contains(&u.id)),
                    }
                })
                .filter(|u| !u.lead.is_empty() || !u.coop.is_empty())
                .collect();
            crate::order::sort_by(&mut out, |a, b| {
                (b.lead.len() + b.coop.len())
                    .cmp(&(a.lead.len() + a.coop.len()))
                    .then(b.lead.len().cmp(&a.lead.len()))
            });
            out
        })
    });
    view! {
        <section class="card byunit" data-testid="by-unit">
            {move || chart(&data.get())}
            <div class="unit-cards">
                {move || data.get().into_iter().map(|u| {
                    let open = RwSignal::new(false);
                    let u = StoredValue::new(u);
                    view! {
                    <details class="unit-card" data-testid="unit-card" on:toggle=move |ev| {
                        let t = ev.target().map(wasm_bindgen::JsValue::from).unwrap_or_default();
                        open.set(js_sys::Reflect::get(&t, &"open".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false));
                    }>
                        <summary><b>{u.with_value(|u| u.name.clone())}</b>{u.with_value(|u| format!("　牵头 {} 项，配合 {} 项", u.lead.len(), u.coop.len()))}</summary>
                        {move || open.get().then(|| view! {
                            <div class="row-actions">
                                {[("xlsx", "导出该单位任务（Excel）", "unit-export-xlsx"), ("docx", "导出该单位任务（Word）", "unit-export-docx")].into_iter().map(|(f, label, testid)| {
                                    let id = u.with_value(|u| u.id.clone());
                                    view! { <button class="mini" data-testid=testid on:click=move |_| crate::app::exportmenu::run_export(editor, ui, busy, f, Some(id.clone()), false)>{label}</button> }
                                }).collect_view()}
                            </div>
                            <h4>"牵头"</h4>
                            <ul>{u.with_value(|u| u.lead.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view())}</ul>
                            <h4>"配合"</h4>
                            <ul>{u.with_value(|u| u.coop.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view())}</ul>
                        })}
                    </details>
                }}).collect_view()}
            </div>
        </section>
    }
}

/// Horizontal stacked bars: lead (dark) then cooperating (light), one bar per unit.
fn chart(data: &[UnitTasks]) -> impl IntoView + use<> {
    // Whole-pixel coordinates: no float formatting in the wasm.
    let max = data
        .iter()
        .map(|u| u.lead.len() + u.coop.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let (label_w, bar_w, row_h) = (230, 520, 22);
    let height = row_h * data.len() + 30;
    let bars: Vec<_> = data
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let y = 24 + i * row_h;
            let lw = bar_w * u.lead.len() / max;
            let cw = bar_w * u.coop.len() / max;
            view! {
                <g data-testid="bar">
                    <text x=label_w - 8 y=y + 14 text-anchor="end" class="bar-label">{u.name.clone()}</text>
                    <rect x=label_w y=y + 3 width=lw height=row_h - 6 class="bar-lead"><title>{format!("牵头 {}", u.lead.len())}</title></rect>
                    <rect x=label_w + lw y=y + 3 width=cw height=row_h - 6 class="bar-coop"><title>{format!("配合 {}", u.coop.len())}</title></rect>
                    <text x=label_w + lw + cw + 6 y=y + 14 class="bar-value">{format!("{} / {}", u.lead.len(), u.coop.len())}</text>
                </g>
            }
        })
        .collect();
    view! {
        <svg class="chart" data-testid="unit-chart" viewBox=format!("0 0 820 {height}") width="100%" role="img" aria-label="各单位任务数">
            <rect x=label_w y=4 width=12 height=12 class="bar-lead" /><text x=label_w + 16 y=14 class="bar-value">"牵头"</text>
            <rect x=label_w + 60 y=4 width=12 height=12 class="bar-coop" /><text x=label_w + 76 y=14 class="bar-value">"配合"</text>
            {bars}
        </svg>
    }
}
