//! Tracking a plan through the year: its deadlines as dates (`deadline`), periods and dates
//! (`period`), issuing it (`issue`: 已印发, changes since), and a period's figures with the
//! 催办 texts (`figures`). Pure Rust, tested natively.
//!
//! Deliberately no files: the progress round's files live in `crate::sync::progress`, the
//! bulletin and the ledger in `crate::export::bulletin`.

pub mod deadline;
pub mod figures;
pub mod issue;
pub mod period;
