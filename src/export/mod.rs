//! Exporters: the official .docx (GB/T 9704), the task list as .xlsx and .csv, and plain text
//! / Markdown. All pure Rust returning bytes, so the app (in its export worker) and
//! `yaodian-cli convert` run the same code.
//!
//! Owns the choice of format, file names, and which tasks make one unit's slice. Deliberately no
//! browser code: the worker and the CLI only move bytes.

pub mod bulletin;
pub mod csv;
pub mod docx;
pub mod ooxml;
pub mod text;
pub mod title;
pub mod tracking;
pub mod xlsx;

use crate::model::Plan;

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

/// Export `plan` in `format`. With `opts.unit`, only that unit's tasks, numbered as in the
/// plan (a slice to send to that unit).
pub fn export(plan: &Plan, format: Format, opts: &Options) -> Result<Vec<u8>, String> {
    if let Some(unit) = opts.unit.as_deref() {
        return match format {
            Format::Docx => docx::write_unit(plan, unit),
            Format::Xlsx => xlsx::write(plan, Some(unit)),
            Format::Csv => Ok(csv::write_rows(&unit_rows(plan, unit))),
            Format::Markdown | Format::Text => {
                Ok(text::write_rows(plan, unit, &unit_rows(plan, unit)).into_bytes())
            }
        };
    }
    match format {
        Format::Docx => docx::write(
            plan,
            docx::Options {
                task_table: opts.task_table,
            },
        ),
        Format::Xlsx => xlsx::write(plan, None),
        Format::Csv => Ok(csv::write_rows(&crate::render::task_rows(plan))),
        Format::Markdown => Ok(text::write(plan, true).into_bytes()),
        Format::Text => Ok(text::write(plan, false).into_bytes()),
    }
}

/// The tasks `unit` leads or supports, as in the plan's task list.
pub fn unit_rows(plan: &Plan, unit: &str) -> Vec<crate::render::TaskRow> {
    crate::render::task_rows(plan)
        .into_iter()
        .filter(|r| r.lead_ids.iter().chain(&r.coop_ids).any(|u| u == unit))
        .collect()
}

/// The download name of an export with these options: the Word export with the task table is
/// named `…（附任务清单）.docx`, so the two Word exports never overwrite each other.
pub fn file_name_for(plan: &Plan, format: Format, opts: &Options) -> String {
    let name = file_name(plan, format, opts.unit.as_deref());
    if format == Format::Docx && opts.task_table && opts.unit.is_none() {
        let ext = format.extension();
        let base = name.strip_suffix(&format!(".{ext}")).unwrap_or(&name);
        return safe_file_name(&format!("{base}（附任务清单）"), ext);
    }
    name
}

/// A download name: `2025年全区…工作要点.docx`, or `…（区应急局）.xlsx` for a unit's slice.
pub fn file_name(plan: &Plan, format: Format, unit: Option<&str>) -> String {
    let title = if plan.doc.title.trim().is_empty() {
        "工作要点".to_string()
    } else {
        plan.doc.title.trim().to_string()
    };
    let who = unit
        .map(|u| format!("（{}）", plan.units.name(u)))
        .unwrap_or_default();
    safe_file_name(&format!("{title}{who}"), format.extension())
}

/// A file name Windows accepts: Chinese kept, forbidden characters replaced, never empty.
pub fn safe_file_name(base: &str, ext: &str) -> String {
    let base: String = base
        .chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let base = base.trim();
    format!(
        "{}.{ext}",
        if base.is_empty() {
            "要点草稿"
        } else {
            base
        }
    )
}
