//! Split points: every screen but the start page is fetched on first use in one wasm chunk
//! (`wasm_split`, cut out by `wasm-split-cli` in `scripts/post-build.sh`), so the first paint
//! loads only the shell and the draft list; the chunk then loads in the background once the
//! start page is idle (`preload_when_idle`), so the first click finds it there. Restoring
//! stored drafts (`check_drafts`, `load_draft`) is in it too: the start page lists drafts
//! from the index alone. The exporters (`web::worker_main::make`) are in the same chunk; the
//! export worker loads it from the cache.
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

/// How long the start page must have been shown before the chunk is fetched in the background.
const IDLE_MS: u64 = 300;

/// Fetches the screens chunk in the background once the start page has painted and the page
/// is idle (all its files are loaded by then), so that a click on 新建草稿 or a draft does not
/// wait for it on a slow link; then checks every stored draft (`check_drafts`). A failure here
/// is silent: the click loads the chunk again and reports if that fails too.
pub fn preload_when_idle(ui: Ui) {
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                if let Ok(notices) = check_drafts().await {
                    ui.drafts.update(|n| *n += 1);
                    for n in notices {
                        ui.banner("error", n);
                    }
                }
            })
        },
        std::time::Duration::from_millis(IDLE_MS),
    );
}

/// Every stored draft restored once (`storage::reconcile`): the list is repaired, and what
/// could not be read is backed up and reported. Restore lives in this chunk, not in the first
/// paint; until this has run the start page lists what the index says.
#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn check_drafts() -> Result<Vec<String>, NotLoaded> {
    Ok(crate::web::storage::reconcile().1)
}

/// A stored draft, restored (a draft that cannot be read is backed up, and the error says so).
#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn load_draft(id: String) -> Result<Result<(crate::model::Plan, u64), String>, NotLoaded> {
    Ok(crate::web::storage::load(&id))
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
    /// A document (the city's work points as .docx, .doc, PDF, text…): 新建草稿 reads it.
    Document(String, Vec<u8>),
    Failed(String),
}

/// Reads a file opened on the start page (and remembers a plan's revision for a later merge):
/// restore, the parser and the feedback reader load with this chunk, not before the first
/// paint.
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
    // A document (.doc, PDF, OFD, .xlsx task list) is not read here: it goes on to 新建草稿,
    // which reads it as a template (its reader is a chunk of its own).
    let kind = crate::parse::container(&bytes);
    if kind.has_reader() {
        return Ok(Opened::Document(name, bytes));
    }
    let gb = |b: &[u8]| crate::web::decode_gb18030(b);
    let read = crate::parse::import_plain(&bytes, &gb, &Default::default());
    Ok(match read {
        Ok(crate::parse::Imported::Plan(r)) => {
            super::merge::remember_revision(&r.plan);
            Opened::Plan(Box::new(r.plan), r.repairs)
        }
        Ok(crate::parse::Imported::Parsed(_)) => Opened::Document(name, bytes),
        Err(e) => Opened::Failed(format!("无法打开“{name}”：{e}")),
    })
}

/// Reads a file as `parse::import_bytes` does: .doc/.wps, PDF, OFD and .xlsx task lists with
/// the readers' chunk (`read_file`, fetched when such a file is first opened), `.docx`, text
/// and plan files with the parser in this chunk.
pub async fn import(
    bytes: &[u8],
    opts: &crate::parse::ParseOptions,
) -> Result<Result<crate::parse::Imported, crate::parse::ImportError>, NotLoaded> {
    let kind = crate::parse::container(bytes);
    if !kind.has_reader() {
        let gb = |b: &[u8]| crate::web::decode_gb18030(b);
        return Ok(crate::parse::import_plain(bytes, &gb, opts));
    }
    let extracted = read_file(kind, bytes, opts.sheet.as_deref()).await?;
    Ok(extracted.and_then(|e| crate::parse::import_extracted(e, opts)))
}

/// The readers of .doc/.wps (cfb), PDF, OFD and .xlsx task lists: a chunk of their own.
#[wasm_split(readers, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn read_file(
    kind: crate::parse::Container,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Result<crate::parse::Extracted, crate::parse::ImportError>, NotLoaded> {
    Ok(crate::parse::extract(kind, bytes, sheet))
}

/// The sheets of a workbook that hold a task list (the readers' chunk).
#[wasm_split(readers, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn task_sheets(bytes: &[u8]) -> Result<Result<Vec<String>, String>, NotLoaded> {
    Ok(crate::parse::xlsx_tasks::task_sheets(bytes))
}
