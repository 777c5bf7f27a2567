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
//!
//! # The plan file (`.json`)
//!
//! A plan travels between colleagues as one JSON file. Users keep these files for years, so the
//! format is stable: fields are only ever added, and every older version is migrated on load.
//!
//! ## Envelope
//!
//! ```text
//! { "format": "yaodian-plan", "version": 1, ...the plan's fields... }
//! ```
//!
//! - `format` (required): always `"yaodian-plan"`. A file without it, or with another value, is
//!   refused with a message saying what it is not.
//! - `version` (integer ≥ 1): the format version. Files from a newer version are refused
//!   ("请升级要点"), never guessed at. Older versions are migrated step by step on load.
//! - Unknown fields at any level are kept and written back unchanged, so a file opened in an
//!   older Yaodian and saved again loses nothing a newer one wrote.
//! - Saving is deterministic: the same plan always gives the same bytes (UTF-8, two-space
//!   indentation, fields in the order below, unknown fields after them in key order).
//!
//! ## Plan fields
//!
//! | field | meaning |
//! |---|---|
//! | `id` | stable id of the plan across copies |
//! | `doc` | document data: `year`, `issuer` (发文机关), `doc_number` (发文字号), `notice_title`, `title`, `recipients` (主送), `cover_text`, `signature` (署名), `date`, `publish_note` (（此件公开发布）), `cc` (抄送), `printer` (印发机关), `print_date` |
//! | `body` | the work points: `preface` (paragraphs), `items` (the tree), `numbering`, `tables` |
//! | `attachments` | each `{id, title, body}` (附件N) |
//! | `units` | the registry: `units: [{id, name, aliases, kind, new}]` |
//! | `convention` | how 责任单位 clauses read: `first_group_leads` or `first_unit_leads` |
//! | `template` | the plan this one was drafted from (a whole plan), or `null` |
//! | `feedback` | the feedback round: `sent` (unit ids a feedback file was made for) and `replies`: `{unit, task, decision, wording, deadline, reason, comment, received, state}` with `decision` one of `none`, `accept` (同意), `revise` (修改), `decline` (不同意) and `state` one of `pending`, `accepted`, `rejected` |
//! | `revisions` | shared versions, oldest first: `{hash, time, editor}`; `hash` is the FNV-1a hash of the plan's content (the file without `revisions`). Two copies find their common ancestor here for a three-way merge |
//! | `tracking` | the year's tracking, written only once the plan is issued or a round exists: `issued` `{date: "YYYY-MM-DD", hash, plan}` (the issued version, without template and tracking), `flood_season` (汛期前 as `M-D`, empty = 5-31), `due` (task id → `YYYY-MM-DD` set by hand), `rounds`: `[{period: "2025Q2", sent: [unit ids], answers: [{unit, task, status, progress, problems, next, sender, received}]}]` with `status` one of `none`, `not_started` (未启动), `in_progress` (推进中), `done` (已完成), `late` (滞后), `ongoing` (长期推进). Periods: `2025Q2`, `2025M05`, `2025H1`, `2025Y` |
//!
//! ### Items
//!
//! Every node of the outline is an item: `{id, level, numbered, title, text, task, origin, children}`.
//!
//! - `level`: the GB/T 9704 marker level, 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`, 5 `①`; 0 is a
//!   plain paragraph. **Numbers are never stored**: they are derived from the tree and the body's
//!   `numbering` (`continuous`: `1.` runs through a `一、` section across its `（一）` groups;
//!   `restart`: back to 1 in every group; `whole`: runs through the whole body or table).
//! - `numbered`: false for headings written without a number.
//! - `title`: the title phrase (text before the first `。`); `text`: the rest of the paragraph.
//! - `task` (or `null`): `lead` and `coop` (unit ids, in order), `generic` (wording such as
//!   `等有关单位`, kept), `units_text` (the 责任单位 clause verbatim), `deadline`, `note`.
//! - `origin` (or `null`): `template_item` (id in `template`), `status`
//!   (`adopted` 采纳 / `modified` 修改 / `not_applicable` 不适用 / `added` 新增), `reason`.
//!
//! A task table (`body.tables[]`) is `{id, caption, columns, items, numbering}` with the same items.
//!
//! Unit `kind` is one of `department` (区级部门), `township` (镇街), `coordination` (议事协调机构),
//! `collective` (各镇街, 有关成员单位), `other`. `new: true` marks a unit the parser added and the
//! user has not confirmed.
//!
//! ## Example
//!
//! ```json
//! {
//!   "format": "yaodian-plan",
//!   "version": 1,
//!   "id": "p-example",
//!   "doc": {
//!     "year": 2025,
//!     "issuer": "万盛经开区管委会",
//!     "doc_number": "万盛经开发〔2025〕3号",
//!     "title": "2025年全区安全生产与防灾减灾救灾工作要点"
//!   },
//!   "body": {
//!     "preface": ["为加强全区安全生产与防灾减灾救灾工作，特制定本要点。"],
//!     "numbering": "continuous",
//!     "items": [
//!       {
//!         "id": "i-1",
//!         "level": 1,
//!         "numbered": true,
//!         "title": "重点任务",
//!         "children": [
//!           {
//!             "id": "i-2",
//!             "level": 3,
//!             "numbered": true,
//!             "title": "推进基层应急管理体系建设",
//!             "text": "完善基层应急管理体系。",
//!             "task": {
//!               "lead": ["u-yjj"],
//!               "coop": ["u-zj"],
//!               "generic": ["等有关单位"],
//!               "units_text": "责任单位：区应急局，各镇街等有关单位",
//!               "deadline": "年底前",
//!               "note": ""
//!             },
//!             "origin": { "template_item": null, "status": "added", "reason": "" }
//!           }
//!         ]
//!       }
//!     ]
//!   },
//!   "units": {
//!     "units": [
//!       { "id": "u-yjj", "name": "区应急局", "aliases": ["应急局", "应急管理局"], "kind": "department", "new": false },
//!       { "id": "u-zj", "name": "各镇街", "aliases": [], "kind": "collective", "new": false }
//!     ]
//!   },
//!   "convention": "first_group_leads"
//! }
//! ```
//!
//! ## Migrations
//!
//! Version 1 is the first published version. A future version N+1 adds one function
//! `vN_to_vN+1` to `MIGRATIONS` in this module, which rewrites the raw JSON of version N;
//! `restore` runs every step from the file's version up to the current one.
//!
//! ## Feedback files (`yaodian-feedback`)
//!
//! Sent to units for the feedback round and returned by them:
//! `{"format": "yaodian-feedback", "version": 1, "plan_id", "plan_title", "units": [{"unit_id",
//! "unit_name", "tasks": [{"id", "number", "role", "title", "text", "lead", "coop", "deadline",
//! "reply": {"decision", "wording", "deadline", "reason", "comment"}}]}]}`. A reply is matched by
//! `plan_id` and the task `id`; `decision` is free text (同意 / 修改 / 不同意). The .xlsx form has
//! the same reply columns and the ids in two hidden columns (任务ID, 单位ID).
//!
//! ## Progress files (`yaodian-progress`)
//!
//! A progress round uses the feedback file's shape with `"format": "yaodian-progress"`, a
//! `period` (`2025Q2`), an optional `sender` (who filled it in), and per task `due` (the due date
//! for the period, `YYYY-MM-DD`, or 长期推进 / 本期无) and `progress`: `{status, progress,
//! problems, next}` (`status` free text: 未启动 / 推进中 / 已完成 / 滞后 / 长期推进). The .xlsx
//! form has the columns 期次, 截止日期, 完成状态, 进展情况, 存在问题, 下步打算 after the task
//! columns, and the same hidden ids. A file for another period or another plan is refused.
//!
//! ## Restore forgives
//!
//! A file that does not read as a whole is not refused: `restore` ([`repair`]) repairs it field
//! by field and item by item, and lists every repair (in Chinese) for the user:
//!
//! - a value of the wrong type is coerced when it can be (`"year": "2025"` → 2025, `"level": 300`
//!   → 5, a number where text belongs → the text, a single name where a list belongs → a list);
//! - a `null` is read as "not filled in";
//! - what cannot be read (an unknown enum value, an item that is not an object, `"task": "x"`) is
//!   moved, unchanged, under `"_unreadable"` in the object it was in, so it is written back on save;
//! - duplicate item ids: the first item in document order keeps the id, later copies get new ids;
//!   a draft item's origin follows the matching copy of a duplicated template id, feedback replies
//!   stay with the item that keeps the id ([`ids`]);
//! - unknown data nested deeper than 100 levels is kept as its exact text ([`deep`]) and written
//!   back unchanged, not called damaged.
//!
//! A good file needs no repair, and `save(restore(file)) == file` byte for byte.

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
    /// More JSON objects and arrays than `crate::limits::MAX_JSON_NODES`: refused before
    /// anything is built, whichever way the text came (file, storage, export worker).
    TooLarge {
        max: usize,
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
            Self::TooLarge { max } => write!(
                f,
                "文件中的 JSON 对象和数组超过 {max} 个，远超一份工作要点的规模，为免浏览器内存耗尽而未读取。请确认选对了文件。"
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
    // Time and memory stay proportional: counted in one pass before anything is built.
    let max = crate::limits::MAX_JSON_NODES;
    if crate::limits::json_nodes(input, max) > max {
        return Err(RestoreError::TooLarge { max });
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
