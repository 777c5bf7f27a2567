//! Tracking through the year, as data: the issued version (已印发), deadline settings, and the
//! progress rounds with every unit's answers per period.
//!
//! Owns only the stored shape. Everything here is `#[serde(default)]` and keeps unknown fields,
//! and an untracked plan writes nothing (old files save byte-identical). Deliberately no rules:
//! deadlines, figures and the files of a round live in `crate::track` and `crate::sync::progress`.

use super::{Extra, Plan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The year's tracking of a plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tracking {
    /// Set when the plan was marked 已印发; tracking starts from it.
    pub issued: Option<Issued>,
    /// When 汛期前 falls, as `M-D` (empty: 5-31).
    pub flood_season: String,
    /// Rounds are monthly (default: quarterly).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub monthly: bool,
    /// Due dates the planner set by hand (task id → `YYYY-MM-DD`), for deadlines that do not parse.
    pub due: BTreeMap<String, String>,
    /// One progress round per period, oldest first.
    pub rounds: Vec<Round>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Tracking {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The version that was issued (印发).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Issued {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Content hash of the issued version (as in the plan's revisions).
    pub hash: String,
    /// The issued version itself (without its template and tracking).
    pub plan: Box<Plan>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A progress round: one period's request to the units and their answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Round {
    /// `2025Q2`, `2025M05`, `2025H1` or `2025Y`.
    pub period: String,
    /// Unit ids a progress file was made for.
    pub sent: Vec<String>,
    pub answers: Vec<Answer>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One unit's answer on one task for one period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub unit: String,
    pub task: String,
    pub status: Status,
    /// 进展情况.
    pub progress: String,
    /// 存在问题.
    pub problems: String,
    /// 下步打算.
    pub next: String,
    /// Who sent it (the file's sender, else the unit's name).
    pub sender: String,
    /// Milliseconds since the epoch when it was imported.
    pub received: f64,
    #[serde(flatten)]
    pub extra: Extra,
}

/// 完成状态.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not filled in.
    #[default]
    None,
    /// 未启动.
    NotStarted,
    /// 推进中.
    InProgress,
    /// 已完成.
    Done,
    /// 滞后.
    Late,
    /// 长期推进.
    Ongoing,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::Late,
        Self::Ongoing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::None => "",
            Self::NotStarted => "未启动",
            Self::InProgress => "推进中",
            Self::Done => "已完成",
            Self::Late => "滞后",
            Self::Ongoing => "长期推进",
        }
    }

    /// Read what a unit wrote in the 完成状态 column (also the usual variants).
    pub fn parse(s: &str) -> Self {
        let s = s.trim();
        if s.is_empty() {
            return Self::None;
        }
        if let Some(x) = Self::ALL.iter().find(|x| x.label() == s) {
            return *x;
        }
        if s.contains("未完成") || s.contains("滞后") || s.contains("延期") || s.contains("逾期")
        {
            Self::Late
        } else if s.contains("完成") || s.contains("办结") || s == "完结" {
            Self::Done
        } else if s.contains("未启动") || s.contains("未开展") || s.contains("未开始") {
            Self::NotStarted
        } else if s.contains("长期") || s.contains("持续") || s.contains("常态") {
            Self::Ongoing
        } else {
            Self::InProgress
        }
    }
}
