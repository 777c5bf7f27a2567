//! Sharing by file: matching two templates by content (`similarity`) and the new year's draft
//! (`yearly`). Pure Rust, tested natively; the UI only shows the proposals.
//!
//! Deliberately no storage or UI code.

pub mod similarity;
pub mod yearly;
