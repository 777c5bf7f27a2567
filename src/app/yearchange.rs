//! The proposals a change of 年度 brings (see `edit::year`): every dependent field with its
//! text before and after, ticked, and the years left alone with why. Shown in 文件信息 and in
//! the new-draft step; the caller applies what is kept.
//!
//! Owns the list and its ticks only. Deliberately no rule: `edit::year` decides what moves.

use crate::edit::year::Change;
use leptos::prelude::*;

#[component]
pub fn YearProposals(
    /// (new year, proposals); None hides the panel.
    pending: RwSignal<Option<(i32, Vec<Change>)>>,
    /// Called with the new year and the kept changes.
    on_apply: Callback<(i32, Vec<Change>)>,
) -> impl IntoView {
    let off: RwSignal<Vec<usize>> = RwSignal::new(Vec::new());
    let finish = move |keep: bool| {
        if let Some((year, changes)) = pending.get_untracked() {
            let skip = off.get_untracked();
            let kept = changes
                .into_iter()
                .enumerate()
                .filter(|(i, _)| keep && !skip.contains(i))
                .map(|(_, c)| c)
                .collect();
            on_apply.run((year, kept));
        }
        off.set(Vec::new());
        pending.set(None);
    };
    move || {
        pending.get().map(|(year, changes)| {
            let moved = changes.iter().filter(|c| c.after != c.before).count();
            view! {
                <section class="card year-proposals" data-testid="year-proposals">
                    <h3>{format!("年度改为 {year}：随之改动 {moved} 处，请确认")}</h3>
                    <ul class="changes">
                        {changes.into_iter().enumerate().map(|(i, c)| {
                            let notes: Vec<String> = c.flags.iter().map(|f| format!("{}（{}）", f.message, f.excerpt)).collect();
                            let moves = c.after != c.before;
                            view! {
                                <li data-testid="year-change">
                                    {moves.then(|| view! {
                                        <input type="checkbox" prop:checked=move || !off.get().contains(&i)
                                            on:change=move |ev| off.update(|s| if event_target_checked(&ev) { s.retain(|x| *x != i) } else { s.push(i) }) />
                                    })}
                                    <b>{c.place.clone()}</b>" "
                                    {moves.then(|| view! {
                                        <span class="change-text"><crate::app::views::DiffText pieces=crate::compare::diff_in_context(&c.before, &c.after, 40) /></span>
                                    })}
                                    {notes.into_iter().map(|n| view! { <p class="muted small" data-testid="year-flag">{"⚠ "}{n}</p> }).collect_view()}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <div class="row-actions">
                        <button class="primary" data-testid="year-apply" on:click=move |_| finish(true)>"应用所选改动"</button>
                        <button data-testid="year-only" on:click=move |_| finish(false)>"只改年度"</button>
                    </div>
                </section>
            }
        })
    }
}

/// The proposals for moving `plan` to `to`, if its year is known and differs.
pub fn proposals_for(plan: &crate::model::Plan, to: Option<i32>) -> Option<(i32, Vec<Change>)> {
    let to = to?;
    let from = crate::edit::draft::template_year(plan)?;
    (from != to).then(|| (to, crate::edit::year::propose(plan, from, to)))
}
