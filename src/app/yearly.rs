//! 新年度草稿: last year's district plan and the city's new template in; what the city
//! changed, and every proposal for this year's draft with accept/reject, on one screen.
//!
//! Owns that screen. The matching and the proposals are `sync::yearly`.

use super::state::{Editor, Screen, Ui};
use crate::model::Plan;
use crate::sync::yearly::{self, CityChangeKind, Yearly};
use crate::web::{files, storage};
use leptos::prelude::*;

#[component]
pub fn YearlyPage() -> impl IntoView {
    let ui = expect_context::<Ui>();
    let editor = expect_context::<Editor>();
    let drafts = storage::list();
    let last: RwSignal<Option<String>> = RwSignal::new(drafts.first().map(|d| d.id.clone()));
    let pasted = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let result: RwSignal<Option<Yearly>> = RwSignal::new(None);
    let accepted: RwSignal<Vec<bool>> = RwSignal::new(Vec::new());

    let run = move |city: Plan| {
        let Some(id) = last.get_untracked() else {
            error.set("请先选择去年的草稿。".into());
            return;
        };
        let plan = match storage::load(&id) {
            Ok((p, _)) => p,
            Err(e) => return error.set(e),
        };
        let t0 = crate::web::perf_now();
        let mut ids = crate::model::IdGen::new(crate::web::random_seed());
        match yearly::propose(&plan, &city, &mut ids) {
            Ok(mut y) => {
                crate::sync::carryover::propose(&plan, &mut y, &mut ids);
                crate::web::record_timing("yearly_propose", crate::web::perf_now() - t0);
                accepted.set(y.proposals.iter().map(|p| p.default_on).collect());
                result.set(Some(y));
                error.set(String::new());
            }
            Err(e) => error.set(e),
        }
    };
    let from_bytes = move |name: String, bytes: Vec<u8>| {
        leptos::task::spawn_local(async move {
            match super::screens::import(&bytes, &Default::default()).await {
                Ok(Ok(crate::parse::Imported::Parsed(p))) => run(p.plan),
                Ok(Ok(crate::parse::Imported::Plan(r))) => run(r.plan),
                Ok(Err(e)) => error.set(format!("无法读取“{name}”：{e}")),
                Err(_) => error.set(super::screens::NOT_LOADED.into()),
            }
        });
    };
    let create = move |_| {
        let Some(y) = result.get_untracked() else {
            return;
        };
        let plan = yearly::apply(&y, &accepted.get_untracked());
        super::start::open_plan(ui, editor, plan, 0);
    };

    view! {
        <main class="start" data-testid="yearly-page">
            <h1>"新年度草稿"</h1>
            <p class="hint">"用去年的本区计划和市里新一年的模板，生成今年的草稿：沿用的责任单位、本区修改、不适用和本区自有条目逐条列出，可逐条接受或拒绝。"</p>
            <Show when=move || !error.get().is_empty()>
                <p class="banner error" role="alert" data-testid="yearly-error">{move || error.get()}</p>
            </Show>
            <section class="card">
                <label class="field">"去年的计划 "
                    <select data-testid="yearly-last" on:change=move |ev| last.set(Some(event_target_value(&ev)))>
                        {drafts.iter().map(|d| view! { <option value=d.id.clone()>{format!("{}（{}项任务）", d.name, d.tasks)}</option> }).collect_view()}
                    </select>
                </label>
                <p class="hint">"市里新一年的模板：粘贴全文，或选择文件（.txt / .docx / .json）。"</p>
                <textarea class="paste small-paste" data-testid="yearly-paste" on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <div class="row-actions">
                    <button class="primary" data-testid="yearly-run" on:click=move |_| {
                        let text = pasted.get_untracked();
                        if text.trim().is_empty() {
                            error.set("请先粘贴新模板的全文，或选择文件。".into());
                        } else {
                            match crate::parse::parse_pasted(&text, &Default::default()) {
                                Ok(p) => run(p.plan),
                                Err(e) => error.set(e.to_string()),
                            }
                        }
                    }>"对照并生成建议"</button>
                    <label class="button">"选择新模板文件"
                        <input type="file" hidden accept=".txt,.docx,.json" data-testid="yearly-file" on:change=move |ev| {
                            if let Some(f) = files::chosen(&ev) {
                                files::read_then(f, move |name, bytes| match bytes {
                                    Ok(b) => from_bytes(name, b),
                                    Err(e) => error.set(e),
                                });
                            }
                        } />
                    </label>
                    <button class="link" on:click=move |_| ui.screen.set(Screen::Start)>"取消"</button>
                </div>
            </section>
            {move || result.get().map(|y| {
                let count = |k: CityChangeKind| y.city_changes.iter().filter(|c| c.kind == k).count();
                let summary = format!(
                    "市级模板：新增 {} · 删除 {} · 改写 {} · 调整位置 {} · 未变 {}",
                    count(CityChangeKind::Added), count(CityChangeKind::Removed), count(CityChangeKind::Reworded),
                    count(CityChangeKind::Moved), count(CityChangeKind::Same)
                );
                let changes: Vec<_> = y.city_changes.iter().filter(|c| c.kind != CityChangeKind::Same).cloned().collect();
                view! {
                    <section class="card" data-testid="yearly-result">
                        <p class="totals" data-testid="yearly-summary">{summary}</p>
                        <details>
                            <summary>"市级模板的变化"</summary>
                            <table class="compare"><tbody>
                                {changes.into_iter().map(|c| view! {
                                    <tr data-testid="city-change">
                                        <td class="status-cell"><span class="status">{c.kind.label()}</span></td>
                                        <td>{c.old_number}{crate::parse::report::excerpt(&c.old_text, 60)}</td>
                                        <td>{c.new_number}{if c.diff.is_empty() { view! { <span>{crate::parse::report::excerpt(&c.new_text, 60)}</span> }.into_any() } else { view! { <super::views::DiffText pieces=c.diff /> }.into_any() }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody></table>
                        </details>
                        <h3>{format!("建议 {} 条", y.proposals.len())}</h3>
                        <ul class="proposals">
                            {y.proposals.iter().enumerate().map(|(i, p)| view! {
                                <li data-testid="proposal" class:review=!p.default_on>
                                    <input type="checkbox" prop:checked=move || accepted.with(|a| a.get(i).copied().unwrap_or(false))
                                        on:change=move |ev| accepted.update(|a| a[i] = event_target_checked(&ev)) />
                                    <span class="status">{p.label}</span>
                                    <span class="muted">{p.place.clone()}</span>
                                    <span>{p.message.clone()}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                        <button class="primary" data-testid="yearly-create" on:click=create>"按所选建议生成新草稿"</button>
                    </section>
                }
            })}
        </main>
    }
}
