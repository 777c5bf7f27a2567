//! The read-only views of the open draft: 文档 (GB/T 9704 page layout, prints cleanly),
//! 任务清单, 按单位 and 对照. Each refreshes from the plan while it is shown.
//!
//! Owns presentation only; the data comes from `render`, `compare` and `edit::units`.

mod compare;
mod document;
mod tasks;
mod units;

pub use compare::CompareView;
pub use document::DocumentView;
pub use tasks::TaskList;
pub use units::ByUnit;

use crate::compare::Piece;
use leptos::prelude::*;

/// A character diff: removed text struck through, added text underlined.
#[component]
pub fn DiffText(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Same(s) => view! { <span>{s}</span> }.into_any(),
            Piece::Added(s) => view! { <ins data-testid="diff-added">{s}</ins> }.into_any(),
            Piece::Removed(s) => view! { <del data-testid="diff-removed">{s}</del> }.into_any(),
        })
        .collect_view()
}
