//! 进度: the year's tracking of the open plan. Mark it 已印发 (changes since listed), choose the
//! period, see completion by unit and overall (SVG chart), the overdue tasks, those due in the
//! next 30 days, the units that have not reported and the trend; a lead unit's status is the
//! task's, cooperating units' answers stand beside it. The round itself (files out, replies
//! in, 催办, 通报 and 台账) is `progressround`; the settings (cadence, 汛期前, dates the
//! planner sets) are `progresssettings`.
//!
//! Owns the tab's layout and its period. Every figure comes from `track::figures::compute`.

use super::state::Editor;
use crate::model::progress::Status;
use crate::track::figures::{self, pct, status_text, Figures, TaskState, STATUS_ORDER};
use crate::track::issue;
use crate::track::period::{self, Date, Period};
use crate::web::storage;
use leptos::prelude::*;

/// Today, as the figures reckon it.
pub fn today() -> Date {
    Date::from_ms(storage::now())
}

#[component]
pub fn ProgressView() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let start = editor
        .plan
        .with_value(|p| period::default_period(p, today()));
    let period = RwSignal::new(start.code());
    let periods = Memo::new(move |_| {
        editor.content.track();
        editor.plan.with_value(|p| {
            let year = p.doc.year.unwrap_or(today().y);
            let mut codes: Vec<String> = period::periods(year, p.tracking.monthly)
                .into_iter()
                .map(Period::code)
                .collect();
            for c in period::round_codes(p, None) {
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
            period::sort_codes(&mut codes);
            codes
        })
    });
    let figs = Memo::new(move |_| {
        editor.content.track();
        editor.units_rev.track();
        let p = Period::parse(&period.get()).unwrap_or(start);
        let t0 = crate::web::perf_now();
        let f = editor
            .plan
            .with_value(|plan| figures::compute(plan, p, period::as_of(p, today())));
        crate::web::record_timing("progress_figures", crate::web::perf_now() - t0);
        f
    });
    view! {
        <section class="card progress" data-testid="progress">
            <IssueState />
            <div class="row-actions">
                <label>"期次 "
                    <select data-testid="progress-period" on:change=move |ev| period.set(event_target_value(&ev))>
                        {move || periods.get().into_iter().map(|c| {
                            let label = Period::parse(&c).map_or(c.clone(), Period::label);
                            let sel = c == period.get_untracked();
                            view! { <option value=c selected=sel>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <span class="muted" data-testid="progress-as-of">{move || figs.with(|f| format!("统计截至 {}", f.as_of))}</span>
            </div>
            {move || figs.with(summary)}
            {move || figs.with(chart)}
            {move || figs.with(lists)}
            <super::progressround::ProgressRound period=period figs=figs />
            <super::progresssettings::ProgressSettings />
        </section>
    }
}

/// 已印发: the date, the changes since, and the button to mark it.
#[component]
fn IssueState() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let date = RwSignal::new(today().to_string());
    let state = Memo::new(move |_| {
        editor.content.track();
        editor.plan.with_value(|p| {
            (
                p.tracking.issued.as_ref().map(|i| i.date.clone()),
                issue::changes_since_issue(p),
            )
        })
    });
    let mark = move |_| {
        let Some(d) = Date::parse(&date.get_untracked()) else {
            return expect_context::<super::state::Ui>()
                .banner("error", "印发日期无法识别，请按“2025-03-01”填写。");
        };
        let who = storage::settings().editor_name;
        editor.edit_task(|p, _| {
            issue::issue(p, d, &who, storage::now());
            true
        });
    };
    view! {
        <div class="issue-state" data-testid="issue-state">
            {move || state.with(|(issued, changes)| match issued {
                Some(d) => view! {
                    <p><b data-testid="issued-date">{format!("已印发：{d}")}</b>
                        <span data-testid="changes-count">{format!("　印发后改动 {} 项", changes.len())}</span></p>
                    <ul data-testid="changes-since-issue">
                        {changes.iter().map(|c| view! {
                            <li data-testid="change-since-issue">{format!("{}：{}{}{}", c.kind.label(), c.number, c.title,
                                if c.fields.is_empty() { String::new() } else { format!("（{}）", c.fields) })}</li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                None => view! { <p class="hint" data-testid="not-issued">"尚未标记印发。印发后，计划的这一版会被保存，此后的改动会在这里列出。"</p> }.into_any(),
            })}
            <div class="row-actions">
                <label>"印发日期 "<input type="date" data-testid="issue-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) /></label>
                <button data-testid="issue-mark" on:click=mark>{move || if state.with(|s| s.0.is_some()) { "重新标记印发" } else { "标记为已印发" }}</button>
            </div>
        </div>
    }
}

fn summary(f: &Figures) -> impl IntoView + use<> {
    let n = |s: Status| f.by_status[figures::status_index(s)];
    let text = format!(
        "{}：共 {} 项任务，已完成 {} 项（{}），推进中 {} 项，长期推进 {} 项，滞后 {} 项，未启动 {} 项，未报送 {} 项；期末前到期 {} 项，已完成 {} 项（{}）。逾期 {} 项，30 天内到期 {} 项，未报送单位 {} 个。",
        f.period.label(),
        f.total(),
        f.done(),
        pct(f.done(), f.total()),
        n(Status::InProgress),
        n(Status::Ongoing),
        n(Status::Late),
        n(Status::NotStarted),
        n(Status::None),
        f.due_by_end,
        f.done_of_due,
        pct(f.done_of_due, f.due_by_end),
        f.overdue.len(),
        f.due_soon.len(),
        f.not_reported.len(),
    );
    view! { <p class="progress-summary" data-testid="progress-summary">{text}</p> }
}

/// CSS class of a status's bar segment.
fn status_class(s: Status) -> &'static str {
    match s {
        Status::None => "st-none",
        Status::NotStarted => "st-notstarted",
        Status::Done => "st-done",
        Status::InProgress => "st-inprogress",
        Status::Ongoing => "st-ongoing",
        Status::Late => "st-late",
    }
}

/// Completion by status: an overall bar, then one bar per unit over the tasks it leads.
fn chart(f: &Figures) -> impl IntoView + use<> {
    let (label_w, bar_w, row_h) = (230, 480, 22);
    let mut rows: Vec<(String, [usize; 6], usize)> =
        vec![("全部任务".to_string(), f.by_status, f.total())];
    rows.extend(
        f.units
            .iter()
            .filter(|u| u.lead > 0)
            .map(|u| (u.name.clone(), u.by_status, u.lead)),
    );
    let height = row_h * rows.len() + 34;
    let legend = STATUS_ORDER
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let x = label_w + i * 80;
            view! {
                <rect x=x y=4 width=12 height=12 class=status_class(*s) />
                <text x=x + 16 y=14 class="bar-value">{status_text(*s)}</text>
            }
        })
        .collect_view();
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (name, counts, total))| {
            let y = 28 + i * row_h;
            let mut x = label_w;
            let segs = STATUS_ORDER
                .iter()
                .enumerate()
                .filter(|(k, _)| counts[*k] > 0)
                .map(|(k, s)| {
                    let w = bar_w * counts[k] / total.max(1);
                    let at = x;
                    x += w;
                    view! { <rect x=at y=y + 3 width=w height=row_h - 6 class=status_class(*s)><title>{format!("{} {}", status_text(*s), counts[k])}</title></rect> }
                })
                .collect_view();
            view! {
                <g data-testid="progress-bar">
                    <text x=label_w - 8 y=y + 14 text-anchor="end" class="bar-label">{name}</text>
                    {segs}
                    <text x=label_w + bar_w + 6 y=y + 14 class="bar-value">{format!("{}/{} {}", counts[2], total, pct(counts[2], total))}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" data-testid="progress-chart" viewBox=format!("0 0 820 {height}") width="100%" role="img" aria-label="各单位完成情况">
            {legend}
            {bars}
        </svg>
    }
}

/// One task as the lists show it: lead's status, cooperating units' answers beside it.
fn task_row(t: &TaskState, year: i32) -> impl IntoView + use<> {
    let due = t
        .due_date
        .map_or_else(|| t.due.describe(year), |d| d.to_string());
    let lead = t.answer.as_ref().map_or(String::new(), |a| {
        [a.progress.as_str(), a.problems.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("；")
    });
    let coop = t
        .coop
        .iter()
        .map(|a| format!("{}：{} {}", a.sender, a.status.label(), a.progress))
        .collect::<Vec<_>>()
        .join("\n");
    view! {
        <tr data-testid="progress-task">
            <td>{format!("{}{}", t.number, t.title)}</td>
            <td>{t.lead.join("、")}</td>
            <td>{due}</td>
            <td data-testid="task-status">{status_text(t.status)}{t.carried.then_some("（前期已完成）")}</td>
            <td>{lead}</td>
            <td class="coop-answers" data-testid="coop-answers">{coop}</td>
        </tr>
    }
}

fn task_table(f: &Figures, which: &[usize], testid: &'static str) -> impl IntoView + use<> {
    let year = f.period.year;
    let rows = which
        .iter()
        .map(|i| task_row(&f.tasks[*i], year))
        .collect_view();
    view! {
        <table class="tasks" data-testid=testid>
            <thead><tr><th>"任务"</th><th>"牵头单位"</th><th>"截止"</th><th>"状态"</th><th>"牵头单位报送"</th><th>"配合单位"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn lists(f: &Figures) -> impl IntoView + use<> {
    let silent: Vec<String> = f
        .not_reported
        .iter()
        .map(|u| {
            f.units
                .iter()
                .find(|x| x.unit == *u)
                .map_or(u.clone(), |x| x.name.clone())
        })
        .collect();
    let trend = f
        .trend
        .iter()
        .map(|t| {
            view! {
                <tr data-testid="trend-row">
                    <td>{t.label.clone()}</td>
                    <td>{format!("{}/{}（{}）", t.done, t.total, pct(t.done, t.total))}</td>
                    <td>{t.overdue}</td>
                    <td>{format!("{}/{}", t.reported_units, t.units)}</td>
                </tr>
            }
        })
        .collect_view();
    let all: Vec<usize> = (0..f.tasks.len()).collect();
    let all = StoredValue::new((f.clone(), all));
    let open = RwSignal::new(false);
    view! {
        <h3 data-testid="overdue-head">{format!("逾期任务（{} 项）", f.overdue.len())}</h3>
        {task_table(f, &f.overdue, "overdue-list")}
        <h3 data-testid="due-soon-head">{format!("30 天内到期（{} 项）", f.due_soon.len())}</h3>
        {task_table(f, &f.due_soon, "due-soon-list")}
        <h3>{format!("未报送单位（{} 个）", silent.len())}</h3>
        <p data-testid="not-reported">{if silent.is_empty() { "无".to_string() } else { silent.join("、") }}</p>
        <h3>"各期趋势"</h3>
        <table class="tasks" data-testid="trend">
            <thead><tr><th>"期次"</th><th>"已完成"</th><th>"逾期"</th><th>"已报送单位"</th></tr></thead>
            <tbody>{trend}</tbody>
        </table>
        <details data-testid="progress-all" on:toggle=move |ev| {
            let t = ev.target().map(wasm_bindgen::JsValue::from).unwrap_or_default();
            open.set(js_sys::Reflect::get(&t, &"open".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false));
        }>
            <summary>{format!("全部任务（{} 项）", f.tasks.len())}</summary>
            {move || open.get().then(|| all.with_value(|(f, all)| task_table(f, all, "progress-all-list")))}
        </details>
    }
}
