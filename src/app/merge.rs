//! 合并: a colleague's copy of a plan that is open here. What came in by itself is listed
//! with who changed it; conflicts are shown side by side and the user picks a side or writes
//! the text. The state before the merge is kept as a snapshot.
//!
//! Owns that screen; the merge itself is `sync::merge`.

use super::state::{Editor, Screen, Ui};
use crate::model::Plan;
use crate::store::Snapshot;
use crate::sync::merge::{self, Choice, Conflict, Field};
use crate::web::storage;
use leptos::prelude::*;

/// A stored copy of a shared revision, for finding the common ancestor later.
pub fn remember_revision(plan: &Plan) {
    let hash = merge::content_hash(plan);
    let _ = storage::set(
        &crate::store::revision_key(&plan.id, &hash),
        &crate::format::save_compact(plan),
    );
}

fn lookup(plan_id: String) -> impl Fn(&str) -> Option<Plan> {
    move |hash: &str| {
        storage::get(&crate::store::revision_key(&plan_id, hash))
            .and_then(|raw| crate::format::restore(&raw).ok())
    }
}

#[derive(Clone, PartialEq)]
enum Pick {
    Ours,
    Theirs,
    Text(String),
}

#[component]
pub fn MergePage(theirs: Plan) -> impl IntoView {
    let ui = expect_context::<Ui>();
    let editor = expect_context::<Editor>();
    let (ours, rev) = match storage::load(&theirs.id) {
        Ok(x) => x,
        Err(e) => {
            ui.banner("error", e);
            ui.screen.set(Screen::Start);
            return view! { <p></p> }.into_any();
        }
    };
    let base = merge::common_base(&ours, &theirs, &lookup(ours.id.clone()));
    let found = base.is_some();
    let merged = StoredValue::new(merge::merge(base.as_ref(), &ours, &theirs));
    let (applied, conflicts) = merged.with_value(|m| (m.applied.clone(), m.conflicts.clone()));
    let picks: RwSignal<Vec<Pick>> = RwSignal::new(vec![Pick::Ours; conflicts.len()]);
    let who = merge::author(&theirs);
    let ours_snapshot = ours.clone();
    let mut ours_titles = std::collections::HashMap::new();
    crate::model::walk::for_each_item(&ours, &mut |i| {
        ours_titles.insert(i.id.clone(), i.title.clone());
    });
    let finish = move |_| {
        // Keep the state before the merge, restorable from 存档.
        let mut snaps = storage::snapshots(&ours_snapshot.id);
        snaps.insert(
            0,
            Snapshot {
                name: format!("合并前（{}）", crate::store::format_time(storage::now())),
                time: storage::now(),
                plan: crate::format::save_compact(&ours_snapshot),
            },
        );
        if let Err(e) = storage::save_snapshots(&ours_snapshot.id, &snaps) {
            ui.banner("error", format!("无法保存合并前的存档，合并已取消：{e}"));
            return;
        }
        let mut m = merged.get_value();
        for (i, p) in picks.get_untracked().into_iter().enumerate() {
            match p {
                Pick::Ours => merge::resolve(&mut m, i, Choice::Ours),
                Pick::Theirs => merge::resolve(&mut m, i, Choice::Theirs),
                Pick::Text(t) => merge::resolve_with_text(&mut m, i, &t),
            }
        }
        editor.open(m.plan, rev);
        editor.save.set(super::state::SaveState::Pending);
        editor.flush(true);
        ui.banner("info", "合并完成。合并前的版本已存档，可在“存档”中恢复。");
        ui.screen.set(Screen::Edit);
    };
    view! {
        <main class="start" data-testid="merge-page">
            <h1>"合并同事的修改"</h1>
            <p class="hint">{if found {
                format!("找到了双方共同的版本：{who}的修改中，没有冲突的已自动合并，冲突逐条列在下面。")
            } else {
                "没有找到双方共同的版本（对方的文件不是从本机导出的版本改来的）：所有不同之处都列为冲突，默认保留本机内容，双方新增的条目都保留。".to_string()
            }}</p>
            <section class="card">
                <h3 data-testid="merge-applied-count">{format!("自动合并 {} 处", applied.len())}</h3>
                <ul class="changes" data-testid="merge-applied">{applied.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            </section>
            <section class="card">
                <h3 data-testid="merge-conflict-count">{format!("冲突 {} 处", conflicts.len())}</h3>
                {conflicts.into_iter().enumerate().map(|(i, c)| {
                    let id = match &c { Conflict::Field { item, .. } | Conflict::Deleted { item, .. } => item.clone() };
                    let title = merged.with_value(|m| crate::edit::item(&m.plan, &id).map(|x| x.title.clone()))
                        .or_else(|| ours_titles.get(&id).cloned())
                        .unwrap_or_default();
                    conflict_row(i, c, picks, &who, &title)
                }).collect_view()}
            </section>
            <div class="row-actions">
                <button class="primary" data-testid="merge-finish" on:click=finish>"完成合并"</button>
                <button class="link" on:click=move |_| ui.screen.set(Screen::Start)>"取消（不改动本机草稿）"</button>
            </div>
        </main>
    }
    .into_any()
}

fn conflict_row(
    i: usize,
    c: Conflict,
    picks: RwSignal<Vec<Pick>>,
    who: &str,
    title: &str,
) -> impl IntoView + use<> {
    let (what, ours, theirs, editable) = match &c {
        Conflict::Field {
            field,
            ours,
            theirs,
            ..
        } => (
            format!("双方都改了{}", field.label()),
            ours.clone(),
            theirs.clone(),
            matches!(field, Field::Title | Field::Text),
        ),
        Conflict::Deleted {
            theirs_deleted: true,
            kept,
            ..
        } => (
            "本机改了，对方删除了".to_string(),
            kept.full_text(),
            "（删除）".to_string(),
            false,
        ),
        Conflict::Deleted { kept, .. } => (
            "本机删除了，对方改了".to_string(),
            "（删除）".to_string(),
            kept.full_text(),
            false,
        ),
    };
    let name = format!("conflict-{i}");
    let custom = ours.clone();
    view! {
        <div class="conflict" data-testid="conflict">
            <p><b>{format!("“{}”：{what}", crate::parse::report::excerpt(title, 24))}</b></p>
            <div class="sides">
                <label class="side"><input type="radio" name=name.clone() checked=true data-testid="pick-ours" on:change=move |_| picks.update(|p| p[i] = Pick::Ours) />
                    <span class="muted">"本机："</span><span>{ours}</span></label>
                <label class="side"><input type="radio" name=name.clone() data-testid="pick-theirs" on:change=move |_| picks.update(|p| p[i] = Pick::Theirs) />
                    <span class="muted">{format!("{who}：")}</span><span>{theirs}</span></label>
                {editable.then(|| view! {
                    <label class="side"><input type="radio" name=name.clone() data-testid="pick-text" on:change={let custom = custom.clone(); move |_| picks.update(|p| p[i] = Pick::Text(custom.clone()))} />
                        <span class="muted">"自行编辑："</span>
                        <textarea data-testid="pick-text-value" on:input=move |ev| picks.update(|p| p[i] = Pick::Text(event_target_value(&ev)))>{custom.clone()}</textarea></label>
                })}
            </div>
        </div>
    }
}
