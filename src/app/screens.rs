//! Split points: every screen but the start page is fetched on first use in one wasm chunk
//! (`wasm_split`, cut out by `wasm-split-cli` in `scripts/build-web.sh`), so the first paint
//! loads only the shell and the draft list. The exporters (`web::worker_main::make`) are in the
//! same chunk; the export worker loads it from the cache.
//!
//! Owns the lazy wrappers and the one way to show them (`lazy_view`). Deliberately nothing
//! else: each screen is still an ordinary component in its own module.

use super::state::Ui;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;

/// A chunk could not be fetched (network gone, or the server was updated meanwhile).
#[derive(Debug, Clone)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What the user is told when a chunk does not load. Nothing of the draft is touched.
pub const NOT_LOADED: &str =
    "程序的一部分没能载入（可能是网络中断，或服务器上的程序刚更新）。请刷新页面后重试，草稿不受影响。";

/// Shows the view a lazy wrapper returns once its chunk is loaded; until then a quiet
/// "正在载入…" line. A chunk that cannot be fetched is reported, and the start page stays.
pub fn lazy_view<F>(load: impl Fn() -> F + Send + Sync + 'static) -> impl IntoView
where
    F: Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
{
    let ui = expect_context::<Ui>();
    view! {
        <Suspense fallback=|| view! { <p class="loading" data-testid="loading">"正在载入…"</p> }>
            {move || {
                let loading = load();
                Suspend::new(async move {
                    loading.await.unwrap_or_else(|NotLoaded| {
                        ui.banner("error", NOT_LOADED);
                        ui.screen.set(super::state::Screen::Start);
                        ().into_any()
                    })
                })
            }}
        </Suspense>
    }
}

#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn new_draft() -> Result<AnyView, NotLoaded> {
    Ok(view! { <super::newdraft::NewDraft /> }.into_any())
}

#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn editor_screen() -> Result<AnyView, NotLoaded> {
    Ok(view! { <super::editor::EditorScreen /> }.into_any())
}

#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn yearly_page() -> Result<AnyView, NotLoaded> {
    Ok(view! { <super::yearly::YearlyPage /> }.into_any())
}

#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn reply_page(file: crate::sync::feedback::FeedbackFile) -> Result<AnyView, NotLoaded> {
    Ok(view! { <super::reply::ReplyPage file /> }.into_any())
}

#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn merge_page(theirs: crate::model::Plan) -> Result<AnyView, NotLoaded> {
    Ok(view! { <super::merge::MergePage theirs /> }.into_any())
}

/// What opening a file on the start page found.
// One value per opened file, moved once: boxing the plan would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Opened {
    Reply(crate::sync::feedback::FeedbackFile),
    Plan(crate::model::Plan),
    Failed(String),
}

/// Reads a file opened on the start page (and remembers a plan's revision for a later merge):
/// the parser, the .docx/.xlsx readers and the feedback reader load with this chunk, not
/// before the first paint.
#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn open_file(name: String, bytes: Vec<u8>) -> Result<Opened, NotLoaded> {
    if let Some(f) = crate::sync::feedback::read_file(&bytes) {
        return Ok(Opened::Reply(f));
    }
    let gb = |b: &[u8]| crate::web::decode_gb18030(b);
    Ok(
        match crate::parse::import_bytes(&bytes, &gb, &Default::default()) {
            Ok(crate::parse::Imported::Plan(plan)) => {
                super::merge::remember_revision(&plan);
                Opened::Plan(plan)
            }
            Ok(crate::parse::Imported::Parsed(_)) => Opened::Failed(
                "这个文件是文档而不是要点计划文件（.json）。请点击“新建草稿”，以它为模板导入。"
                    .into(),
            ),
            Err(e) => Opened::Failed(format!("无法打开“{name}”：{e}")),
        },
    )
}
