//! The panel beside the outline for the selected item: lead and cooperating units (picker with
//! autocomplete over names and aliases, reorderable lists), deadline (presets or free text),
//! note, and its status against the template (采纳 / 不适用 with a reason).
//!
//! Owns those controls; every change goes through `Editor::edit_task`.

use super::state::Editor;
use crate::edit::{self, units as unit_ops, Field};
use crate::model::{OriginStatus, DEADLINE_PRESETS};
use leptos::either::Either;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Lead,
    Coop,
}

#[component]
pub fn TaskPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    // The details are rebuilt when another item is selected, on undo/redo/load, or when the
    // selected item is gone; not on every structural edit (a move leaves them as they are).
    let shown = Memo::new(move |_| {
        editor.structure.track();
        let id = editor.selected.get();
        let exists = id
            .as_deref()
            .is_some_and(|id| editor.plan.with_value(|p| edit::item(p, id).is_some()));
        (id, editor.epoch.get(), exists)
    });
    view! {
        <aside class="task-panel" data-testid="task-panel">
            {move || match shown.get().0 {
                None => view! { <p class="hint">"点选左侧的条目，在这里指定牵头单位、配合单位和完成时限。"</p> }.into_any(),
                Some(id) => view! { <Details id /> }.into_any(),
            }}
        </aside>
    }
}

#[component]
fn Details(id: String) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let Some(item) = editor.plan.with_value(|p| edit::item(p, &id).cloned()) else {
        return view! { <p class="hint">"该条目已不存在。"</p> }.into_any();
    };
    let id = StoredValue::new(id);
    let task = RwSignal::new(item.task.clone());
    let refresh = move || {
        task.set(
            editor
                .plan
                .with_value(|p| edit::item(p, &id.get_value()).and_then(|i| i.task.clone())),
        )
    };
    let set_lists = move |lead: Vec<String>, coop: Vec<String>| {
        editor.edit_task(|p, _| edit::set_units(p, &id.get_value(), lead, coop));
        refresh();
    };
    let is_template_item = item
        .origin
        .as_ref()
        .is_some_and(|o| o.template_item.is_some());
    let status = RwSignal::new(item.origin.as_ref().map(|o| o.status));
    let reason = RwSignal::new(
        item.origin
            .as_ref()
            .map(|o| o.reason.clone())
            .unwrap_or_default(),
    );
    let set_status = move |s: OriginStatus| {
        // Structural: a 不适用 item leaves the numbering, so the numbers after it change.
        editor.edit(None, true, |p, _| {
            edit::set_status(p, &id.get_value(), s, &reason.get_untracked())
        });
        editor.units_rev.update(|n| *n += 1);
        status.set(Some(s));
    };
    let make_task = move |on: bool| {
        editor.edit_task(|p, _| {
            let Some(i) = edit::item_mut(p, &id.get_value()) else {
                return false;
            };
            i.task = on.then(Default::default);
            true
        });
        refresh();
    };

    view! {
        <div class="details" data-testid="details">
            <h3 class="details-title">{if item.title.is_empty() { "（无标题）".to_string() } else { item.title.clone() }}</h3>
            {is_template_item.then(|| view! {
                <div class="status-row" data-testid="status-controls">
                    // The state is a label (no border, not clickable); the actions are verbs.
                    <span>"与模板相比："</span>
                    <span class=move || format!("status state s-{:?}", status.get().unwrap_or(OriginStatus::Adopted)) data-testid="details-status">
                        {move || status.get().map(|s| s.label()).unwrap_or("")}
                    </span>
                </div>
                <div class="status-row" data-testid="status-actions">
                    <button class="mini" data-testid="mark-adopted" title="恢复为照搬模板的状态"
                        disabled=move || status.get() == Some(OriginStatus::Adopted)
                        on:click=move |_| set_status(OriginStatus::Adopted)>"标为采纳"</button>
                    <input type="text" placeholder="不适用的理由" data-testid="na-reason" prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev)) />
                    <button class="mini" data-testid="mark-na"
                        disabled=move || status.get() == Some(OriginStatus::NotApplicable)
                        on:click=move |_| set_status(OriginStatus::NotApplicable)>"标为不适用"</button>
                </div>
            })}
            {move || match task.get() {
                None => view! {
                    <button data-testid="make-task" on:click=move |_| make_task(true)>"设为任务（指定责任单位）"</button>
                }.into_any(),
                Some(t) => {
                    let (lead, coop) = (t.lead.clone(), t.coop.clone());
                    view! {
                        <UnitList role=Role::Lead ids=lead.clone() other=coop.clone() set_lists />
                        <UnitList role=Role::Coop ids=coop.clone() other=lead.clone() set_lists />
                        <UnitPicker lead coop set_lists />
                        <label class="field">
                            <span>"完成时限"</span>
                            <select data-testid="deadline-preset" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                editor.edit_task(|p, _| edit::set_field(p, &id.get_value(), Field::Deadline, &v));
                                refresh();
                            }>
                                <option value="" selected=t.deadline.is_empty()>"（未定）"</option>
                                {DEADLINE_PRESETS.iter().map(|d| view! { <option value=*d selected=t.deadline == *d>{*d}</option> }).collect_view()}
                                {(!t.deadline.is_empty() && crate::model::deadline_preset(&t.deadline).is_none()).then(|| view! {
                                    <option value=t.deadline.clone() selected=true>{t.deadline.clone()}</option>
                                })}
                            </select>
                            <input type="text" placeholder="或填写，如 2025年9月底前" data-testid="deadline-text" prop:value=t.deadline.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    editor.edit_task(|p, _| edit::set_field(p, &id.get_value(), Field::Deadline, v.trim()));
                                    refresh();
                                } />
                        </label>
                        <label class="field">
                            <span>"备注"</span>
                            <textarea data-testid="task-note" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                editor.edit_task(|p, _| edit::set_field(p, &id.get_value(), Field::Note, &v));
                            }>{t.note.clone()}</textarea>
                        </label>
                        {(!t.units_text.is_empty()).then(|| view! { <p class="muted small">"原文：" {t.units_text.clone()}</p> })}
                        <button class="link" on:click=move |_| make_task(false)>"不作为任务"</button>
                    }.into_any()
                }
            }}
        </div>
    }
    .into_any()
}

#[component]
fn UnitList(
    role: Role,
    ids: Vec<String>,
    other: Vec<String>,
    set_lists: impl Fn(Vec<String>, Vec<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (label, testid) = match role {
        Role::Lead => ("牵头单位", "lead-list"),
        Role::Coop => ("配合单位", "coop-list"),
    };
    let apply = move |list: Vec<String>, other: Vec<String>| match role {
        Role::Lead => set_lists(list, other),
        Role::Coop => set_lists(other, list),
    };
    let n = ids.len();
    view! {
        <div class="unit-list" data-testid=testid>
            <h4>{label}</h4>
            {(n == 0).then(|| view! { <p class="muted small">"（无）"</p> })}
            <ol>
                {ids.iter().enumerate().map(|(i, uid)| {
                    let name = editor.plan.with_value(|p| p.units.name(uid).to_string());
                    let (l1, l2, l3, o) = (ids.clone(), ids.clone(), ids.clone(), other.clone());
                    let (o2, o3) = (other.clone(), other.clone());
                    let uid = uid.clone();
                    view! {
                        <li data-testid="unit-chip">
                            <span class="unit-name">{name}</span>
                            <button class="mini" title="上移" disabled=i == 0 on:click=move |_| { let mut l = l1.clone(); l.swap(i, i - 1); apply(l, o.clone()); }>"↑"</button>
                            <button class="mini" title="下移" disabled=i + 1 == n on:click=move |_| { let mut l = l2.clone(); l.swap(i, i + 1); apply(l, o2.clone()); }>"↓"</button>
                            <button class="mini" title="改为另一种角色" on:click=move |_| {
                                let mut l = l3.clone();
                                let moved = l.remove(i);
                                let mut o = o3.clone();
                                o.push(moved);
                                apply(l, o);
                            }>{match role { Role::Lead => "→配合", Role::Coop => "→牵头" }}</button>
                            <button class="mini" title="移除" data-testid="unit-remove" on:click={
                                let ids = ids.clone();
                                let other = other.clone();
                                move |_| { let l: Vec<String> = ids.iter().filter(|x| **x != uid).cloned().collect(); apply(l, other.clone()); }
                            }>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}

/// Type a name; matches by name or alias are offered; Enter or a click assigns it.
#[component]
fn UnitPicker(
    lead: Vec<String>,
    coop: Vec<String>,
    set_lists: impl Fn(Vec<String>, Vec<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let query = RwSignal::new(String::new());
    // The user chose to add a new unit although known ones match.
    let deliberate = RwSignal::new(false);
    let lead = StoredValue::new(lead);
    let coop = StoredValue::new(coop);
    let matches = Memo::new(move |_| {
        let q = query.get();
        let q = q.trim();
        if q.is_empty() {
            return Vec::new();
        }
        let key = crate::model::units::name_key(q);
        editor.plan.with_value(|p| {
            p.units
                .units
                .iter()
                .filter(|u| {
                    u.name.contains(q)
                        || u.aliases.iter().any(|a| a.contains(q))
                        || crate::model::units::name_key(&u.name).contains(&key)
                })
                .take(8)
                .map(|u| {
                    (
                        u.id.clone(),
                        u.name.clone(),
                        u.aliases
                            .iter()
                            .find(|a| a.contains(q) && !u.name.contains(q))
                            .cloned(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let assign = move |uid: String, as_lead: bool| {
        let (mut l, mut c) = (lead.get_value(), coop.get_value());
        l.retain(|x| *x != uid);
        c.retain(|x| *x != uid);
        if as_lead {
            l.push(uid)
        } else {
            c.push(uid)
        }
        set_lists(l, c);
        query.set(String::new());
    };
    let add_new = move |as_lead: bool| {
        let name = query.get_untracked();
        let mut uid = None;
        editor.edit_task(|p, ids| {
            uid = unit_ops::add(p, &name, ids);
            uid.is_some()
        });
        if let Some(uid) = uid {
            assign(uid, as_lead);
        }
    };
    view! {
        <div class="picker" data-testid="unit-picker">
            <input type="text" placeholder="输入单位名称或简称，如“应急”" data-testid="unit-query" prop:value=move || query.get()
                on:input=move |ev| { deliberate.set(false); query.set(event_target_value(&ev)); }
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" {
                    ev.prevent_default();
                    match matches.get_untracked().first() {
                        Some((uid, _, _)) => assign(uid.clone(), !ev.shift_key() && lead.get_value().is_empty()),
                        None => add_new(lead.get_value().is_empty()),
                    }
                } />
            <ul class="suggestions">
                // A short list, re-rendered with the query: a plain list is enough (<For>'s keyed
                // diffing costs ~2 KB of wasm per use).
                {move || matches.get().into_iter().map(|m| {
                        let (a, b) = (m.0.clone(), m.0.clone());
                        view! {
                            <li data-testid="unit-suggestion">
                                <span>{m.1.clone()}</span>
                                {m.2.clone().map(|a| view! { <span class="muted small">{format!("（{a}）")}</span> })}
                                <button class="mini" data-testid="pick-lead" on:click=move |_| assign(a.clone(), true)>"牵头"</button>
                                <button class="mini" data-testid="pick-coop" on:click=move |_| assign(b.clone(), false)>"配合"</button>
                            </li>
                        }
                    }).collect_view()}
                // A new unit is offered outright only when nothing known matches: “应急” is
                // 应急局 unless the user says it is not.
                {move || {
                    let q = query.get();
                    let q = q.trim().to_string();
                    let key = crate::model::units::name_key(&q);
                    let found = matches.get();
                    if q.is_empty() || found.iter().any(|m| crate::model::units::name_key(&m.1) == key) {
                        None
                    } else if found.is_empty() || deliberate.get() {
                        Some(Either::Left(view! {
                            <li class="new-unit" data-testid="new-unit">
                                <span>{format!("新增单位“{q}”")}</span>
                                <button class="mini" data-testid="new-unit-lead" on:click=move |_| add_new(true)>"牵头"</button>
                                <button class="mini" data-testid="new-unit-coop" on:click=move |_| add_new(false)>"配合"</button>
                            </li>
                        }))
                    } else {
                        Some(Either::Right(view! {
                            <li class="new-unit">
                                <button class="link" data-testid="new-unit-anyway" on:click=move |_| deliberate.set(true)>
                                    {format!("以上都不是，新增单位“{q}”…")}
                                </button>
                            </li>
                        }))
                    }
                }}
            </ul>
        </div>
    }
}
