//! The plan: document data, bodies (main text and attachments), the item tree and tasks.
//!
//! Owns the data types and the small queries on them (walking, finding, counting).
//! Deliberately does not own numbering (see [`numbering`]), the unit registry's matching
//! rules (see [`units`]), the file envelope (see `crate::format`) or any parsing.
//! Depends on nothing web: no leptos, web-sys or gloo.

pub mod ids;
pub mod lists;
pub mod numbering;
pub mod progress;
pub mod units;
pub mod walk;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use ids::IdGen;
pub use lists::{ItemList, ListId, Loc};
pub use numbering::NumberingStyle;
pub use units::{Convention, Registry, Unit, UnitIndex, UnitKind};

/// Fields this version does not know, kept as they came and written back unchanged.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// One annual work-points plan (a district draft, or a city template).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// Stable id of the plan across copies (used to recognise "the same plan").
    pub id: String,
    pub doc: DocInfo,
    /// The work points themselves.
    pub body: Body,
    pub attachments: Vec<Attachment>,
    pub units: Registry,
    /// How 责任单位 clauses are read and written for this plan.
    pub convention: Convention,
    /// The template this plan was drafted from; items point into it via [`Origin`].
    pub template: Option<Box<Plan>>,
    /// Content hashes of the versions that left this browser or came into it (oldest first):
    /// two copies of a plan find their common ancestor here for a three-way merge.
    pub revisions: Vec<Revision>,
    /// The feedback round with the units: what was sent, what came back.
    pub feedback: Feedback,
    /// Tracking through the year (已印发, progress rounds); absent until the plan is issued.
    #[serde(skip_serializing_if = "progress::Tracking::is_empty")]
    pub tracking: progress::Tracking,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A feedback round: units asked to confirm their tasks, and their replies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Feedback {
    /// Unit ids a feedback file was made for.
    pub sent: Vec<String>,
    pub replies: Vec<Reply>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a unit said about one task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reply {
    pub unit: String,
    pub task: String,
    pub decision: Decision,
    /// Proposed wording of the task (修改).
    pub wording: String,
    /// Proposed deadline.
    pub deadline: String,
    /// Why the unit declines (不同意).
    pub reason: String,
    pub comment: String,
    /// Milliseconds since the epoch when it was imported.
    pub received: f64,
    pub state: ReplyState,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    #[default]
    None,
    /// 同意.
    Accept,
    /// 修改: different wording and/or deadline.
    Revise,
    /// 不同意, with a reason.
    Decline,
}

impl Decision {
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "",
            Self::Accept => "同意",
            Self::Revise => "修改",
            Self::Decline => "不同意",
        }
    }

    /// Read what a unit wrote in the 意见 column.
    pub fn parse(s: &str) -> Self {
        let s = s.trim();
        if s.is_empty() {
            Self::None
        } else if s.contains("不同意") || s.contains("不认可") || s.contains("退回") {
            Self::Decline
        } else if s.contains("修改") || s.contains("调整") || s.contains("建议") {
            Self::Revise
        } else {
            Self::Accept
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyState {
    #[default]
    Pending,
    Accepted,
    Rejected,
}

/// One shared version of a plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Revision {
    pub hash: String,
    /// Milliseconds since the epoch.
    pub time: f64,
    /// Who exported it (the editor name from the settings).
    pub editor: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// 版头, 主送, 落款 and 版记 of the official document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocInfo {
    pub year: Option<i32>,
    /// 发文机关, e.g. 万盛经开区管委会.
    pub issuer: String,
    /// 发文字号, e.g. 万盛经开发〔2024〕8号.
    pub doc_number: String,
    /// Title of the covering notice (关于印发…的通知).
    pub notice_title: String,
    /// Title of the work points (2024年全区…工作要点).
    pub title: String,
    /// 主送机关, without the trailing colon.
    pub recipients: String,
    /// The covering text (现将…印发给你们…).
    pub cover_text: String,
    /// 署名.
    pub signature: String,
    /// 成文日期 as written, e.g. 2024年5月16日.
    pub date: String,
    /// e.g. （此件公开发布）.
    pub publish_note: String,
    /// 抄送 list, without the label and final 。.
    pub cc: String,
    /// 印发机关.
    pub printer: String,
    /// 印发日期 as written.
    pub print_date: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A run of work points: the main text or one attachment's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Body {
    /// Paragraphs before the first heading (依据…特制定本要点。).
    pub preface: Vec<String>,
    pub items: Vec<Item>,
    /// How `1.` task numbers run across `（一）` groups.
    pub numbering: NumberingStyle,
    /// Task tables (重点工作任务清单) that belong to this body.
    pub tables: Vec<TaskTable>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// 附件N: its own title and body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attachment {
    pub id: String,
    pub title: String,
    pub body: Body,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A task table (任务分解表) read from a document; its rows are items like any other.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskTable {
    pub id: String,
    pub caption: String,
    /// Column headers as the source had them (重点任务, 工作内容, 责任单位, 备注, …).
    pub columns: Vec<String>,
    pub items: Vec<Item>,
    pub numbering: NumberingStyle,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One node of the outline: a heading, a task, or a plain paragraph.
///
/// `level` is the GB/T 9704 marker level: 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`, 5 `①`;
/// 0 is a plain paragraph. The displayed number is derived, never stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Item {
    pub id: String,
    pub level: u8,
    /// False for headings written without a number (seed 002, attachment 4).
    pub numbered: bool,
    /// The title phrase: the text before the first 。 (the whole text of a short heading).
    pub title: String,
    /// The rest of the item's own paragraph, after the title's 。.
    pub text: String,
    /// Present when the item is a task (it carries units, a deadline, a note).
    pub task: Option<Task>,
    pub origin: Option<Origin>,
    pub children: Vec<Item>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What makes an item a task: who is responsible, by when, and notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    /// Lead units (牵头), as registry ids, in order.
    pub lead: Vec<String>,
    /// Cooperating units (配合), as registry ids, in order.
    pub coop: Vec<String>,
    /// Generic wording kept as written: 等有关单位, 有关单位, …
    pub generic: Vec<String>,
    /// The 责任单位 clause exactly as the source had it (without brackets).
    pub units_text: String,
    /// 完成时限, free text; see [`deadline_preset`].
    pub deadline: String,
    pub note: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where an item came from relative to the template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Origin {
    /// Id of the template item this one was drafted from (None for district additions).
    pub template_item: Option<String>,
    pub status: OriginStatus,
    /// Why a template item does not apply (for [`OriginStatus::NotApplicable`]).
    pub reason: String,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginStatus {
    /// 采纳: taken over as is.
    #[default]
    Adopted,
    /// 修改: edited by the district.
    Modified,
    /// 不适用: dropped, kept for the comparison.
    NotApplicable,
    /// 新增: a district item.
    Added,
}

impl OriginStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Adopted => "采纳",
            Self::Modified => "修改",
            Self::NotApplicable => "不适用",
            Self::Added => "新增",
        }
    }
}

/// The kind of an item, derived from its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Heading,
    Task,
    Paragraph,
}

impl Item {
    pub fn kind(&self) -> ItemKind {
        if self.task.is_some() {
            ItemKind::Task
        } else if self.level == 0 {
            ItemKind::Paragraph
        } else {
            ItemKind::Heading
        }
    }

    /// The item's paragraph as one string: title, 。, text (no number, no unit clause).
    pub fn full_text(&self) -> String {
        if self.text.is_empty() {
            self.title.clone()
        } else if self.title.is_empty() {
            self.text.clone()
        } else {
            format!("{}。{}", self.title, self.text)
        }
    }
}

/// Deadline presets the UI offers; free text stays valid.
pub const DEADLINE_PRESETS: &[&str] = &[
    "年底前",
    "6月底前",
    "每季度",
    "全年持续推进",
    "全年",
    "长期坚持",
    "持续推进",
];

/// The preset a deadline text matches, if any.
pub fn deadline_preset(text: &str) -> Option<&'static str> {
    let t = text.trim();
    DEADLINE_PRESETS.iter().copied().find(|p| *p == t)
}

/// Recognise an inline deadline phrase (`年底前`, `2025年6月底前`, `每季度末`) in a task text.
pub fn find_deadline(text: &str) -> Option<String> {
    // Look for "...底前" / "...前完成" style phrases, and the fixed presets.
    for key in ["每季度末", "每季度", "长期坚持", "全年持续推进"] {
        if text.contains(key) {
            return Some(key.to_string());
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, w) in chars.windows(2).enumerate() {
        if w == ['底', '前'] {
            // walk back over "2025年6月" / "年" / "6月"
            let mut start = i;
            while start > 0
                && (chars[start - 1].is_ascii_digit() || "年月上下半".contains(chars[start - 1]))
            {
                start -= 1;
            }
            if start < i {
                return Some(chars[start..i + 2].iter().collect());
            }
        }
    }
    None
}
