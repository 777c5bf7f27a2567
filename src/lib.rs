//! Yaodian (要点): draft a district's annual work points on work safety and disaster
//! prevention from the city's template, assign responsible units, export — in the browser.
//!
//! The pure core (`model`, `format`, `package`, `parse`, `edit`, `export`, `validate`, `cli`)
//! uses no leptos, web-sys or gloo and is tested natively with `cargo test`. The app (`app`)
//! and the browser layer (`web`) exist only on wasm32.

#![forbid(unsafe_code)]

pub mod compare;
pub mod edit;
pub mod export;
pub mod format;
pub mod limits;
pub mod model;
pub mod order;
pub mod package;
pub mod parse;
pub mod render;
pub mod sample;
pub mod store;
pub mod sync;
pub mod track;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli_track;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod web;
