//! 任务清单: every task in a table (序号 / 重点任务 / 工作内容 / 牵头单位 / 配合单位 / 完成时限 /
//! 备注), filtered by unit and by text. A long list is rendered as the reader scrolls.

use crate::app::state::Editor;
use crate::app::window::Growing;
use crate::render;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TaskList() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let grow = Growing::new();
    let unit = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let all = Memo::new(move |_| {
        editor.content.track();
        editor.units_rev.track();
        editor.plan.with_value(render::task_rows)
    });
    let units = move || {
        editor.plan.with_value(|p| {
            p.units
                .units
                .iter()
                .map(|u| (u.id.clone(), u.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let shown = Memo::new(move |_| {
        let (u, q) = (unit.get(), text.get());
        all.get()
            .into_iter()
            .filter(|r| u.is_empty() || r.lead_ids.contains(&u) || r.coop_ids.contains(&u))
            .filter(|r| {
                q.trim().is_empty() || r.title.contains(q.trim()) || r.text.contains(q.trim())
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="card tasklist" data-testid="task-list">
            <div class="filters">
                <label>"单位 "
                    <select data-testid="filter-unit" on:change=move |ev| unit.set(event_target_value(&ev))>
                        <option value="">"全部单位"</option>
                        {units().into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
                    </select>
                </label>
                <label>"查找 "<input type="search" data-testid="filter-text" placeholder="标题或内容中的文字" on:input=move |ev| text.set(event_target_value(&ev)) /></label>
                <span class="muted" data-testid="task-count">{move || format!("共 {} 项", shown.get().len())}</span>
            </div>
            <table class="tasks">
                <thead><tr><th>"序号"</th><th>"重点任务"</th><th>"工作内容"</th><th>"牵头单位"</th><th>"配合单位"</th><th>"完成时限"</th><th>"备注"</th></tr></thead>
                <tbody>
                    {move || {
                        let rows = Arc::new(shown.get());
                        let len = rows.len();
                        grow.chunks(0, len, move |range: std::ops::Range<usize>| rows[range].iter().cloned().map(|r| view! {
                            <tr data-testid="task-row">
                                <td>{r.number}</td><td>{r.title}</td><td class="content">{r.text}</td>
                                <td>{r.lead.join("、")}</td><td>{r.coop.join("、")}</td><td>{r.deadline}</td><td>{r.note}</td>
                            </tr>
                        }).collect_view())
                    }}
                </tbody>
            </table>
            <div node_ref=grow.end></div>
        </section>
    }
}
