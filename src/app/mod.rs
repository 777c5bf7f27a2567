//! The Leptos app: shell, start page, new-draft flow, editor and views. wasm32 only.
//!
//! Owns components and the reactive state passed by context (`state::Ui`, `state::Editor`).
//! Deliberately holds no document logic (that is the pure core) and no browser plumbing
//! beyond what `crate::web` offers.

mod docdata;
mod docinfo;
mod doctexts;
mod editor;
mod exportmenu;
mod feedbackview;
mod find;
mod merge;
mod newdraft;
mod outline;
mod problems;
mod progressreply;
mod progressround;
mod progresssettings;
mod progressview;
mod recognized;
mod registry;
mod reply;
mod rows;
pub mod screens;
mod start;
pub mod state;
mod taskpanel;
mod views;
mod window;
mod yearchange;
mod yearly;

use leptos::ev;
use leptos::prelude::*;
use screens::lazy_view;
use state::{Editor, SaveState, Screen, Ui};

/// Mount the app on `<body>`.
pub fn mount() {
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let ui = Ui::new();
    let editor = Editor::new();
    provide_context(ui);
    provide_context(editor);

    // Keep work safe: save on leaving or hiding the page.
    let flush = move || {
        if ui.screen.get_untracked() == Screen::Edit {
            editor.flush(false);
        }
    };
    let _ = window_event_listener(ev::pagehide, move |_| flush());
    let _ = window_event_listener(ev::visibilitychange, move |_| flush());
    // Another tab saved the draft that is open here.
    let _ = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
        let Some(key) = e.key() else { return };
        if key == crate::store::INDEX_KEY {
            ui.drafts.update(|n| *n += 1);
        }
        let open_id = editor.plan.with_value(|p| p.id.clone());
        if ui.screen.get_untracked() == Screen::Edit
            && crate::store::draft_id_of_key(&key) == Some(open_id.as_str())
        {
            let theirs = crate::web::storage::current_rev(&open_id);
            if theirs != editor.rev.get_value() {
                editor
                    .save
                    .set(SaveState::Failed(crate::web::storage::SaveError::Conflict));
            }
        }
    });
    // A new screen starts at the top.
    Effect::new(move |_| {
        ui.screen.track();
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // Loads the screens chunk once the start page is idle, then checks every stored draft.
    screens::preload_when_idle(ui);

    view! {
        <header class="app-header" data-testid="app-header">
            <button class="brand" title="回到草稿列表" on:click=move |_| {
                flush();
                ui.screen.set(Screen::Start);
                ui.drafts.update(|n| *n += 1);
            }>
                <span class="logo" aria-hidden="true">"要"</span>
                <span class="name">"要点"</span>
                <span class="tagline">"安全生产与防灾减灾救灾工作要点编制"</span>
            </button>
            <span class="offline-note">"全部在本机浏览器中处理，不上传任何内容"</span>
        </header>
        <Banners />
        {move || match ui.screen.get() {
            Screen::Start => view! { <start::StartPage /> }.into_any(),
            Screen::New => lazy_view(screens::new_draft).into_any(),
            Screen::Edit => lazy_view(screens::editor_screen).into_any(),
            Screen::Yearly => lazy_view(screens::yearly_page).into_any(),
            Screen::Reply => match ui.pending_reply.get_untracked() {
                Some(file) => lazy_view(move || screens::reply_page(file.clone())).into_any(),
                None => view! { <start::StartPage /> }.into_any(),
            },
            Screen::Merge => match ui.pending_merge.get_untracked() {
                Some(theirs) => lazy_view(move || screens::merge_page(theirs.clone())).into_any(),
                None => view! { <start::StartPage /> }.into_any(),
            },
        }}
    }
}

#[component]
fn Banners() -> impl IntoView {
    let ui = expect_context::<Ui>();
    view! {
        <div class="banners">
            <For each=move || ui.banners.get() key=|b| b.id let:b>
                <div class=format!("banner {}", b.kind) data-testid="banner" role="alert">
                    <span>{b.text.clone()}</span>
                    <button class="link" on:click=move |_| ui.dismiss(b.id)>"知道了"</button>
                </div>
            </For>
        </div>
    }
}
