//! Sharing by file: three-way merge of a colleague's copy (`merge`), the feedback round with
//! the units (`feedback`, reading .xlsx back with `xlsx_read`), matching two templates by
//! content (`similarity`) and the new year's draft (`yearly`). Pure Rust, tested natively; the UI only shows the proposals.
//!
//! Deliberately no storage or UI code.

pub mod carryover;
pub mod feedback;
pub mod merge;
pub mod progress;
pub mod similarity;
pub mod templates;
pub mod unitfile;
pub mod xlsx_read;
pub mod yearly;
