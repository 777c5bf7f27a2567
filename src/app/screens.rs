//! Split points: every screen but the start page is fetched on first use in one wasm chunk
//! (`wasm_split`, cut out by `wasm-split-cli` in `scripts/post-build.sh`), so the first paint
//! loads only the shell and the draft list; the chunk then loads in the background once the
//! start page is idle (`preload_when_idle`), so the first click finds it there. The exporters (`web::worker_main::make`) are in the
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

#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_screens))]
pub fn new_draft() -> Result<AnyView, NotLoaded> {
    Ok(view! { <super::newdraft::NewDraft /> }.into_any())
}

/// How long the start page must have been shown before the chunk is fetched in the background.
const IDLE_MS: u64 = 300;

/// Fetches the screens chunk in the background once the start page has painted and the page
/// is idle (all its files are loaded by then), so that a click on 新建草稿 or a draft does not
/// wait for it on a slow link. A failure here is silent: the click loads the chunk again and
/// reports if that fails too.
pub fn preload_when_idle() {
    set_timeout(
        || leptos::task::spawn_local(async { _ = preload_screens().await }),
        std::time::Duration::from_millis(IDLE_MS),
    );
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
    // A progress file is answered on the same screen, with the progress fields.
    Ok(if file.format == crate::sync::progress::PROGRESS_TAG {
        view! { <super::progressreply::ProgressReply file /> }.into_any()
    } else {
        view! { <super::reply::ReplyPage file /> }.into_any()
    })
}

#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn merge_page(theirs: crate::model::Plan) -> Result<AnyView, NotLoaded> {
    Ok(view! { <super::merge::MergePage theirs /> }.into_any())
}

/// What opening a file on the start page found.
#[allow(clippy::large_enum_variant)] // one per file opened
pub enum Opened {
    Reply(crate::sync::feedback::FeedbackFile),
    /// A plan, with what restore repaired (Chinese, one line each).
    Plan(Box<crate::model::Plan>, Vec<String>),
    Failed(String),
}

/// Reads a file opened on the start page (and remembers a plan's revision for a later merge):
/// the parser, the .docx/.xlsx readers and the feedback reader load with this chunk, not
/// before the first paint.
#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn open_file(name: String, bytes: Vec<u8>) -> Result<Opened, NotLoaded> {
    if let Some(f) = crate::sync::feedback::read_file(&bytes)
        .or_else(|| crate::sync::progress::read_file(&bytes))
    {
        return Ok(Opened::Reply(f));
    }
    if crate::parse::sanity::is_empty_input(&bytes) {
        return Ok(Opened::Failed(crate::parse::sanity::empty_file_message(
            &name,
        )));
    }
    let gb = |b: &[u8]| crate::web::decode_gb18030(b);
    Ok(
        match crate::parse::import_bytes(&bytes, &gb, &Default::default()) {
            Ok(crate::parse::Imported::Plan(r)) => {
                super::merge::remember_revision(&r.plan);
                Opened::Plan(Box::new(r.plan), r.repairs)
            }
            Ok(crate::parse::Imported::Parsed(_)) => Opened::Failed(
                "这个文件是文档而不是要点计划文件（.json）。请点击“新建草稿”，以它为模板导入。"
                    .into(),
            ),
            Err(e) => Opened::Failed(format!("无法打开“{name}”：{e}")),
        },
    )
}
