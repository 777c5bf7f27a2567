//! 单位库: the unit registry editor. Rename (the old name stays as an alias), aliases, kind,
//! merge two units (every task follows; asked first, saying what will happen; undoable),
//! confirm units the parser added (the hint says what 确认 means).
//!
//! Owns the table; the operations are `edit::units`.

use super::state::Editor;
use crate::edit::units as ops;
use crate::model::UnitKind;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    let ui = expect_context::<super::state::Ui>();
    // What merging `drop` into `keep` does, in the words of the question asked first.
    let describe = move |drop: &str, keep: &str| {
        rows.with(|r| {
            let find = |id: &str| r.iter().find(|(u, _)| u.id == id);
            let (Some((d, (lead, coop))), Some((k, _))) = (find(drop), find(keep)) else {
                return String::new();
            };
            format!(
                "把“{}”合并到“{}”：“{}”的 {} 项牵头、{} 项配合任务改由“{}”承担，“{}”及其别名成为“{}”的别名，“{}”从单位库中去掉。",
                d.name, k.name, d.name, lead, coop, k.name, d.name, k.name, d.name
            )
        })
    };
    view! {
        <section class="card registry" data-testid="registry">
            <p class="hint">"同一单位的不同写法（如“区应急局”“应急局”“应急管理局”）作为别名记在一起，统计和按单位视图才准确。改名后原名自动成为别名；合并后所有任务随之更新。"</p>
            <p class="hint" data-testid="confirm-hint">"标黄的行是导入时从责任单位中新识别出的名称，还没有核对：名称正确，点“确认名称”；它其实是另一个单位的简称或别称，在“合并到”中选择那个单位。"</p>
            <table>
                <thead><tr><th>"名称"</th><th>"别名（用、分隔）"</th><th>"类别"</th><th>"牵头"</th><th>"配合"</th><th>"合并到"</th><th>"核对"</th></tr></thead>
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
                                        if keep.is_empty() {
                                            return;
                                        }
                                        let text = describe(&id4, &keep);
                                        let yes = web_sys::window()
                                            .and_then(|w| w.confirm_with_message(&format!("{text}\n\n合并后可以撤销。确定合并吗？")).ok())
                                            .unwrap_or(false);
                                        if yes && editor.edit_task(|p, _| ops::merge(p, &keep, &id4)) {
                                            ui.banner("info", format!("已{text}如需恢复，点上方的“撤销”（Ctrl+Z）。"));
                                        } else if let Some(sel) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                                            sel.set_value("");
                                        }
                                    }>
                                        <option value="">"—"</option>
                                        {others.into_iter().map(|(i, n)| view! { <option value=i>{n}</option> }).collect_view()}
                                    </select></td>
                                    <td>{u.new.then(|| view! {
                                        <button class="mini" data-testid="unit-confirm" title="确认这是一个正确的单位名称" on:click=move |_| { editor.edit_task(|p, _| ops::confirm(p, &id5)); }>"确认名称"</button>
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
