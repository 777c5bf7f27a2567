//! The `.json` file format: a versioned envelope, one tolerant `restore`, a deterministic `save`.
//!
//! Owns the envelope (`{"format": "yaodian-plan", "version": 1, ...plan}`), migration of older
//! versions, the clear errors for files that are not plans or come from a newer version, and
//! the normalisation every loaded plan gets (missing ids filled, levels clamped). Unknown fields
//! are kept at every level through the model's `extra` maps.
//! Restore forgives: a file that does not read as a whole is repaired field by field and item by
//! item ([`repair`]), duplicate item ids are re-issued ([`ids`]), deeply nested unknown data is
//! kept verbatim ([`deep`]); every repair is listed in [`Restored::repairs`] for the user.
//! Deliberately does not own storage or downloads (the web layer) nor parsing documents.

pub mod deep;
pub mod ids;
pub mod repair;

use crate::model::{walk, IdGen, Plan};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// The type tag every plan file carries.
pub const FORMAT_TAG: &str = "yaodian-plan";
/// The version this build writes. Files with a higher version are refused, not guessed at.
pub const CURRENT_VERSION: u64 = 1;

/// Why an input could not be restored. `Display` is the Chinese message shown to users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    NotAnObject,
    /// The `format` tag is missing or names something else.
    NotAPlan {
        found: Option<String>,
    },
    BadVersion,
    TooNew {
        version: u64,
    },
    /// The plan could not be read even after repair; `line`/`column` locate the problem
    /// when known (0 otherwise). `detail` is Chinese.
    Invalid {
        line: usize,
        column: usize,
        detail: String,
    },
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "文件是空的，没有可读取的内容。请确认选择了正确的文件。"),
            Self::NotJson { line, column } => write!(
                f,
                "文件不是有效的 JSON（第 {line} 行第 {column} 列附近有错误），可能已损坏或被截断。请向发送人重新索取文件。"
            ),
            Self::NotAnObject => write!(f, "文件内容不是要点计划（JSON 顶层不是对象）。"),
            Self::NotAPlan { found: Some(tag) } => write!(
                f,
                "文件类型是“{tag}”，不是要点计划文件（应为“{FORMAT_TAG}”）。"
            ),
            Self::NotAPlan { found: None } => write!(
                f,
                "文件缺少类型标记“format: {FORMAT_TAG}”，不是要点计划文件。若是文档文本，请用“粘贴文本”导入。"
            ),
            Self::BadVersion => write!(f, "文件的版本号无效（应为正整数）。"),
            Self::TooNew { version } => write!(
                f,
                "文件由更新版本的要点生成（格式版本 {version}，本程序支持到 {CURRENT_VERSION}）。请升级要点后再打开，文件本身未被改动。"
            ),
            Self::Invalid { line: 0, detail, .. } => {
                write!(f, "文件中有一项内容不符合格式（{detail}）。文件可能被手工改动过。")
            }
            Self::Invalid {
                line,
                column,
                detail,
            } => write!(
                f,
                "文件第 {line} 行第 {column} 列附近的内容不符合格式（{detail}）。文件可能被手工改动过。"
            ),
        }
    }
}

impl std::error::Error for RestoreError {}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    plan: &'a Plan,
}

/// Serialise a plan into its file form. Same plan, same bytes.
pub fn save(plan: &Plan) -> String {
    let env = Envelope {
        format: FORMAT_TAG,
        version: CURRENT_VERSION,
        plan,
    };
    // Serialising plain data with string keys cannot fail.
    deep::unwrap(serde_json::to_string_pretty(&env).unwrap_or_default())
}

/// Compact variant for autosave, where size matters more than readability.
pub fn save_compact(plan: &Plan) -> String {
    let env = Envelope {
        format: FORMAT_TAG,
        version: CURRENT_VERSION,
        plan,
    };
    deep::unwrap(serde_json::to_string(&env).unwrap_or_default())
}

/// Migrations from version N to N+1, indexed by N-1. Version 1 is the first published format,
/// so the list is empty; a future version 2 appends `v1_to_v2` here.
const MIGRATIONS: &[fn(&mut serde_json::Map<String, Value>)] = &[];

/// A restored plan and what had to be repaired to read it (Chinese, one line each; empty for a
/// good file).
#[derive(Debug, Clone)]
pub struct Restored {
    pub plan: Plan,
    pub repairs: Vec<String>,
}

/// Read any JSON input into a plan: check the tag, migrate, fill defaults, keep unknown fields.
pub fn restore(input: &str) -> Result<Plan, RestoreError> {
    restore_report(input).map(|r| r.plan)
}

/// [`restore`], with the list of repairs to show the user.
pub fn restore_report(input: &str) -> Result<Restored, RestoreError> {
    let input = input.trim_start_matches('\u{feff}');
    if input.trim().is_empty() {
        return Err(RestoreError::Empty);
    }
    // Unknown data nested deeper than the parser's limit is kept verbatim (see `deep`).
    let shallow = deep::wrap(input);
    let text = shallow.as_deref().unwrap_or(input);
    let value: Value = serde_json::from_str(text).map_err(|e| RestoreError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(mut map) = value else {
        return Err(RestoreError::NotAnObject);
    };
    match map.remove("format") {
        Some(Value::String(tag)) if tag == FORMAT_TAG => {}
        Some(Value::String(tag)) => return Err(RestoreError::NotAPlan { found: Some(tag) }),
        _ => return Err(RestoreError::NotAPlan { found: None }),
    }
    let mut repairs = Vec::new();
    let version = match map.remove("version") {
        None => 1,
        Some(Value::String(s)) if s.trim().parse::<u64>().is_ok_and(|v| v >= 1) => {
            repairs.push(format!("格式版本写成了文字“{s}”，已按数字读取。"));
            s.trim().parse().unwrap_or(1)
        }
        Some(v) => v
            .as_u64()
            .filter(|v| *v >= 1)
            .ok_or(RestoreError::BadVersion)?,
    };
    if version > CURRENT_VERSION {
        return Err(RestoreError::TooNew { version });
    }
    let migrated = version < CURRENT_VERSION;
    for step in MIGRATIONS.iter().skip(version as usize - 1) {
        step(&mut map);
    }
    // A good current file reads straight from its text; anything else from the value.
    let direct = if migrated || shallow.is_some() {
        serde_json::from_str::<Plan>(&Value::Object(map.clone()).to_string()).ok()
    } else {
        serde_json::from_str::<Plan>(input).ok()
    };
    let mut plan = match direct {
        Some(p) => p,
        None => {
            repair::plan(&mut map, &mut repairs);
            let text = Value::Object(map).to_string();
            serde_json::from_str::<Plan>(&text).map_err(|_| RestoreError::Invalid {
                line: 0,
                column: 0,
                detail: "修复后仍无法读取".into(),
            })?
        }
    };
    // The envelope's own fields are not part of the plan.
    plan.extra.remove("format");
    plan.extra.remove("version");
    let mut ids = IdGen::from_content(input.as_bytes(), 0x5eed);
    ids::report_levels(&plan, &mut repairs);
    normalize_with(&mut plan, &mut ids);
    ids::dedupe(&mut plan, &mut ids, &mut repairs);
    Ok(Restored { plan, repairs })
}

/// Make a loaded plan safe to edit: every plan, item, table and unit has an id, levels are 0..=5.
pub fn normalize(plan: &mut Plan, seed: &[u8]) {
    let mut ids = IdGen::from_content(seed, 0x5eed);
    normalize_with(plan, &mut ids);
}

fn normalize_with(plan: &mut Plan, ids: &mut IdGen) {
    if plan.id.is_empty() {
        plan.id = ids.next('p');
    }
    for unit in &mut plan.units.units {
        if unit.id.is_empty() {
            unit.id = ids.next('u');
        }
    }
    for a in &mut plan.attachments {
        if a.id.is_empty() {
            a.id = ids.next('a');
        }
    }
    let tables = |b: &mut crate::model::Body, ids: &mut IdGen| {
        for t in &mut b.tables {
            if t.id.is_empty() {
                t.id = ids.next('b');
            }
        }
    };
    tables(&mut plan.body, ids);
    for a in &mut plan.attachments {
        tables(&mut a.body, ids);
    }
    walk::for_each_item_mut(plan, &mut |item| {
        if item.id.is_empty() {
            item.id = ids.next('i');
        }
        item.level = item.level.min(5);
    });
    if let Some(t) = plan.template.as_deref_mut() {
        normalize_with(t, ids);
    }
}

#[cfg(test)]
mod tests;
