//! 进度 settings: rounds by quarter or by month, the day 汛期前 means (default 5月31日), and the
//! deadlines that could not be read, where the planner sets a date by hand (dates set so are
//! listed too, to change or clear).
//!
//! Owns that panel. The rules are `track::deadline` (`parse_month_day`, `set_due`).

use super::state::{Editor, Ui};
use crate::track::deadline::{self, Due};
use crate::track::period::Date;
use leptos::prelude::*;

#[component]
pub fn ProgressSettings() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ui = expect_context::<Ui>();
    let state = Memo::new(move |_| {
        editor.content.track();
        editor.plan.with_value(|p| {
            let (m, d) = deadline::Context::of(p).flood;
            let dues: Vec<(String, String, String, String)> = deadline::plan_dues(p)
                .into_iter()
                .filter(|d| d.manual || d.due == Due::Unparsed)
                .map(|d| {
                    let set = match d.due {
                        Due::On(x) if d.manual => x.to_string(),
                        _ => String::new(),
                    };
                    (d.task, format!("{}{}", d.number, d.title), d.text, set)
                })
                .collect();
            (p.tracking.monthly, format!("{m}月{d}日"), dues)
        })
    });
    let set_flood = move |v: String| {
        match deadline::parse_month_day(&v) {
            Some((m, d)) => {
                editor.edit_task(|p, _| {
                    p.tracking.flood_season = format!("{m}-{d}");
                    true
                });
            }
            None => ui.banner("error", format!("“{v}”不是日期，请按“5月31日”填写。")),
        };
    };
    view! {
        <details class="progress-settings" data-testid="progress-settings">
            <summary>"设置：期次、汛期前、无法识别的完成时限"</summary>
            <div class="row-actions">
                <label>"进度调度 "
                    <select data-testid="cadence" on:change=move |ev| {
                        let monthly = event_target_value(&ev) == "month";
                        editor.edit_task(|p, _| { let changed = p.tracking.monthly != monthly; p.tracking.monthly = monthly; changed });
                    }>
                        <option value="quarter" selected=move || !state.with(|s| s.0)>"按季度"</option>
                        <option value="month" selected=move || state.with(|s| s.0)>"按月"</option>
                    </select>
                </label>
                <label>"“汛期前”指 "
                    <input type="text" size="8" data-testid="flood-season" prop:value=move || state.with(|s| s.1.clone())
                        on:change=move |ev| set_flood(event_target_value(&ev)) />
                </label>
            </div>
            <h4>{move || format!("需要设定日期的完成时限（{} 项）", state.with(|s| s.2.len()))}</h4>
            <table class="tasks" data-testid="unparsed-deadlines">
                <thead><tr><th>"任务"</th><th>"完成时限"</th><th>"截止日期"</th></tr></thead>
                <tbody>
                    {move || state.with(|s| s.2.clone()).into_iter().map(|(id, task, text, set)| view! {
                        <tr data-testid="unparsed-deadline">
                            <td>{task}</td><td>{text}</td>
                            <td><input type="date" data-testid="set-due" prop:value=set on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let date = Date::parse(&v);
                                if date.is_none() && !v.is_empty() {
                                    return ui.banner("error", "日期无法识别。");
                                }
                                editor.edit_task(|p, _| deadline::set_due(p, &id, date));
                            } /></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
