//! 单位库: the unit registry editor. Rename (the old name stays as an alias), aliases, kind,
//! merge two units (every task follows), confirm units the parser added.
//!
//! Owns the table; the operations are `edit::units`.

use super::state::Editor;
use crate::edit::units as ops;
use crate::model::UnitKind;
use leptos::prelude::*;

#[component]
pub fn RegistryEditor() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let rows = Memo::new(move |_| {
        editor.units_rev.track();
        editor.epoch.track();
        editor.plan.with_value(|p| {
            let usage = ops::usage(p);
            p.units
                .units
                .iter()
                .map(|u| (u.clone(), usage.get(&u.id).copied().unwrap_or((0, 0))))
                .collect::<Vec<_>>()
        })
    });
    let all = move || {
        rows.get()
            .into_iter()
            .map(|(u, _)| (u.id, u.name))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="card registry" data-testid="registry">
            <p class="hint">"同一单位的不同写法（如“区应急局”“应急局”“应急管理局”）作为别名记在一起，统计和按单位视图才准确。改名后原名自动成为别名；合并后所有任务随之更新。"</p>
            <table>
                <thead><tr><th>"名称"</th><th>"别名（用、分隔）"</th><th>"类别"</th><th>"牵头"</th><th>"配合"</th><th>"合并到"</th><th></th></tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|(u, n)| (u.clone().id, u.name.clone(), u.aliases.join("、"), u.kind, u.new, *n) let:row>
                        {
                            let (u, (lead, coop)) = row;
                            let (id1, id2, id3, id4, id5) = (u.id.clone(), u.id.clone(), u.id.clone(), u.id.clone(), u.id.clone());
                            let others: Vec<(String, String)> = all().into_iter().filter(|(i, _)| *i != u.id).collect();
                            view! {
                                <tr data-testid="unit-row" class:new-unit=u.new>
                                    <td><input type="text" data-testid="unit-name" value=u.name.clone() on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        editor.edit_task(|p, _| ops::rename(p, &id1, &v));
                                    } /></td>
                                    <td><input type="text" data-testid="unit-aliases" value=u.aliases.join("、") on:change=move |ev| {
                                        let v: Vec<String> = event_target_value(&ev).split(['、', ',', '，']).map(str::to_string).collect();
                                        editor.edit_task(|p, _| ops::set_aliases(p, &id2, v));
                                    } /></td>
                                    <td><select on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        if let Some(k) = UnitKind::ALL.iter().find(|k| format!("{k:?}") == v) {
                                            editor.edit_task(|p, _| ops::set_kind(p, &id3, *k));
                                        }
                                    }>
                                        {UnitKind::ALL.iter().map(|k| view! { <option value=format!("{k:?}") selected=*k == u.kind>{k.label()}</option> }).collect_view()}
                                    </select></td>
                                    <td>{lead}</td>
                                    <td>{coop}</td>
                                    <td><select data-testid="unit-merge" on:change=move |ev| {
                                        let keep = event_target_value(&ev);
                                        if !keep.is_empty() {
                                            editor.edit_task(|p, _| ops::merge(p, &keep, &id4));
                                        }
                                    }>
                                        <option value="">"—"</option>
                                        {others.into_iter().map(|(i, n)| view! { <option value=i>{n}</option> }).collect_view()}
                                    </select></td>
                                    <td>{u.new.then(|| view! {
                                        <button class="mini" title="确认这是一个正确的单位名称" on:click=move |_| { editor.edit_task(|p, _| ops::confirm(p, &id5)); }>"确认"</button>
                                    })}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </section>
    }
}
