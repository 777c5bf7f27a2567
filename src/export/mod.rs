//! Exporters: the official .docx (GB/T 9704), the task list as .xlsx and .csv, and plain text
//! / Markdown. All pure Rust returning bytes, so the app (in its export worker) and
//! `yaodian-cli convert` run the same code.
//!
//! Owns the choice of format, file names, and one unit's slice of a plan. Deliberately no
//! browser code: the worker and the CLI only move bytes.

pub mod csv;
pub mod docx;
pub mod ooxml;
pub mod text;
pub mod xlsx;

use crate::model::{walk, Item, Plan};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Xlsx,
    Csv,
    Markdown,
    Text,
}

impl Format {
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "docx" => Some(Self::Docx),
            "xlsx" => Some(Self::Xlsx),
            "csv" => Some(Self::Csv),
            "md" => Some(Self::Markdown),
            "txt" => Some(Self::Text),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Csv => "csv",
            Self::Markdown => "md",
            Self::Text => "txt",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Csv => "text/csv;charset=utf-8",
            Self::Markdown => "text/markdown;charset=utf-8",
            Self::Text => "text/plain;charset=utf-8",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only this unit's tasks (its slice, to send to that unit).
    pub unit: Option<String>,
    /// .docx: add the task table as an attachment.
    pub task_table: bool,
}

/// Export `plan` in `format`.
pub fn export(plan: &Plan, format: Format, opts: &Options) -> Result<Vec<u8>, String> {
    let sliced;
    let plan = match &opts.unit {
        Some(u) if format != Format::Xlsx => {
            sliced = slice(plan, u);
            &sliced
        }
        _ => plan,
    };
    match format {
        Format::Docx => docx::write(plan, docx::Options { task_table: opts.task_table }),
        Format::Xlsx => xlsx::write(plan, opts.unit.as_deref()),
        Format::Csv => Ok(csv::write(plan)),
        Format::Markdown => Ok(text::write(plan, true).into_bytes()),
        Format::Text => Ok(text::write(plan, false).into_bytes()),
    }
}

/// A download name: `2025年全区…工作要点.docx`, or `…（区应急局）.xlsx` for a unit's slice.
pub fn file_name(plan: &Plan, format: Format, unit: Option<&str>) -> String {
    let title = if plan.doc.title.trim().is_empty() { "工作要点".to_string() } else { plan.doc.title.trim().to_string() };
    let who = unit.map(|u| format!("（{}）", plan.units.name(u))).unwrap_or_default();
    let base: String = format!("{title}{who}").chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect();
    format!("{base}.{}", format.extension())
}

/// The plan reduced to the tasks `unit` leads or supports, with the headings above them.
pub fn slice(plan: &Plan, unit: &str) -> Plan {
    fn keep(items: &[Item], unit: &str) -> Vec<Item> {
        items
            .iter()
            .filter_map(|i| {
                let mine = i.task.as_ref().is_some_and(|t| t.lead.iter().chain(&t.coop).any(|u| u == unit));
                let children = keep(&i.children, unit);
                (mine || !children.is_empty()).then(|| Item { children: if mine { i.children.clone() } else { children }, ..i.clone() })
            })
            .collect()
    }
    let mut out = plan.clone();
    out.template = None;
    out.body.items = keep(&plan.body.items, unit);
    for (a, orig) in out.attachments.iter_mut().zip(&plan.attachments) {
        a.body.items = keep(&orig.body.items, unit);
        for (t, ot) in a.body.tables.iter_mut().zip(&orig.body.tables) {
            t.items = keep(&ot.items, unit);
        }
    }
    for (t, ot) in out.body.tables.iter_mut().zip(&plan.body.tables) {
        t.items = keep(&ot.items, unit);
    }
    out.attachments.retain(|a| walk::rows(&a.body.items, a.body.numbering).iter().any(|r| r.item.task.is_some()));
    out
}
