//! 对照: the city template and the district draft side by side. Each item shows its status
//! (采纳/修改/不适用/新增) and a character diff of what the district changed; totals on top.
//! A long list is rendered as the reader scrolls.

use super::DiffText;
use crate::app::state::Editor;
use crate::app::window::Growing;
use crate::model::OriginStatus;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CompareView() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let grow = Growing::new();
    let data = Memo::new(move |_| {
        editor.content.track();
        editor.units_rev.track();
        editor.plan.with_value(crate::compare::pairs)
    });
    let has_template = move || editor.plan.with_value(|p| p.template.is_some());
    view! {
        <section class="card compare" data-testid="compare">
            <Show when=has_template fallback=|| view! { <p class="hint">"这份草稿不是从模板创建的，没有可对照的模板。"</p> }>
                {move || {
                    let (pairs, t) = data.get();
                    let len = pairs.len();
                    let pairs = Arc::new(pairs);
                    view! {
                        <p class="totals" data-testid="compare-totals">
                            {format!("采纳 {} · 修改 {} · 不适用 {} · 新增 {}", t.adopted, t.modified, t.not_applicable, t.added)}
                        </p>
                        <table>
                            <thead><tr><th>"市级模板"</th><th>"状态"</th><th>"本区草稿"</th></tr></thead>
                            <tbody>
                                {grow.chunks(0, len, move |range: std::ops::Range<usize>| pairs[range].iter().cloned().map(|p| {
                                    let cls = format!("s-{:?}", p.status);
                                    let modified = p.status == OriginStatus::Modified;
                                    view! {
                                        <tr class=cls data-testid="compare-row">
                                            <td>{p.template_number}{p.template_text}</td>
                                            <td class="status-cell"><span class="status">{p.status.label()}</span>
                                                {(!p.reason.is_empty()).then(|| view! { <div class="muted small">{p.reason.clone()}</div> })}</td>
                                            <td>{p.draft_number}{if modified { view! { <DiffText pieces=p.diff /> }.into_any() } else { view! { <span>{p.draft_text}</span> }.into_any() }}</td>
                                        </tr>
                                    }
                                }).collect_view())}
                            </tbody>
                        </table>
                    }
                }}
            </Show>
            <div node_ref=grow.end></div>
        </section>
    }
}
