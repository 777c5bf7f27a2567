//! What the app keeps in the browser, as data: the draft index, the storage keys, snapshots
//! and settings, and the tolerant reading of each. Pure: the web layer moves the strings.
//!
//! Owns the key names, the revision counter that detects another tab's save, and the rule
//! that a stored value which cannot be read is backed up, never dropped.
//! Deliberately does not call localStorage (see `web::storage`).

use crate::edit::localize::Rule;
use crate::model::Plan;
use serde::{Deserialize, Serialize};

pub const INDEX_KEY: &str = "yaodian.index";
pub const SETTINGS_KEY: &str = "yaodian.settings";
const DRAFT_PREFIX: &str = "yaodian.draft.";
const SNAPS_PREFIX: &str = "yaodian.snapshots.";
const BACKUP_PREFIX: &str = "yaodian.backup.";
const REVISION_PREFIX: &str = "yaodian.rev.";

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

pub fn snapshots_key(id: &str) -> String {
    format!("{SNAPS_PREFIX}{id}")
}

/// A shared revision of a plan, kept to find the common ancestor of a later merge.
pub fn revision_key(plan_id: &str, hash: &str) -> String {
    format!("{REVISION_PREFIX}{plan_id}.{hash}")
}

/// The prefix of all revision keys of a plan.
pub fn revision_prefix(plan_id: &str) -> String {
    format!("{REVISION_PREFIX}{plan_id}.")
}

/// Where an unreadable value is kept: its key and the time, so nothing is overwritten.
pub fn backup_key(original: &str, now_ms: f64) -> String {
    format!("{BACKUP_PREFIX}{}.{}", original, now_ms as u64)
}

/// The draft id of a draft key.
pub fn draft_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX)
}

/// One line of the start page's list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftMeta {
    pub id: String,
    pub name: String,
    pub year: Option<i32>,
    /// Milliseconds since the epoch.
    pub updated: f64,
    /// Bumped on every save; a tab whose last known rev differs must not overwrite.
    pub rev: u64,
    pub tasks: usize,
}

impl DraftMeta {
    pub fn of(plan: &Plan, updated: f64, rev: u64) -> Self {
        let name = if plan.doc.title.is_empty() {
            "未命名草稿".to_string()
        } else {
            plan.doc.title.clone()
        };
        Self {
            id: plan.id.clone(),
            name,
            year: plan.doc.year,
            updated,
            rev,
            tasks: crate::model::walk::task_count(plan),
        }
    }
}

/// Read the index; None when it is unreadable (the caller backs it up and rebuilds).
pub fn parse_index(raw: &str) -> Option<Vec<DraftMeta>> {
    serde_json::from_str(raw).ok()
}

pub fn write_index(index: &[DraftMeta]) -> String {
    serde_json::to_string(index).unwrap_or_else(|_| "[]".into())
}

/// A named snapshot (存档) of a draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    pub name: String,
    pub time: f64,
    /// The plan in file form (`format::save_compact`).
    pub plan: String,
}

pub fn parse_snapshots(raw: &str) -> Option<Vec<Snapshot>> {
    serde_json::from_str(raw).ok()
}

pub fn write_snapshots(s: &[Snapshot]) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "[]".into())
}

/// Settings kept for next time: the localisation table, the district and the editor's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub rules: Vec<Rule>,
    pub editor_name: String,
    /// The district drafts are made for (大足区), whose organ replaces the template's.
    pub district: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            rules: crate::edit::localize::default_rules(),
            editor_name: String::new(),
            district: String::new(),
        }
    }
}

pub fn parse_settings(raw: &str) -> Settings {
    serde_json::from_str(raw).unwrap_or_default()
}

/// Format a timestamp (ms) for the draft list, in UTC+8 as used on the mainland.
pub fn format_time(ms: f64) -> String {
    let secs = (ms / 1000.0) as i64 + 8 * 3600;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y}-{m:02}-{d:02} {:02}:{:02}", rem / 3600, rem % 3600 / 60)
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trip_and_corruption() {
        let plan = crate::sample::sample_plan(1).plan;
        let meta = DraftMeta::of(&plan, 1_700_000_000_000.0, 3);
        assert_eq!(meta.tasks, 31);
        let raw = write_index(std::slice::from_ref(&meta));
        assert_eq!(parse_index(&raw), Some(vec![meta]));
        assert_eq!(parse_index("{not json"), None);
        assert_eq!(parse_settings("garbage"), Settings::default());
    }

    #[test]
    fn time_formatting() {
        assert_eq!(format_time(0.0), "1970-01-01 08:00");
        assert_eq!(format_time(1_732_262_400_000.0), "2024-11-22 16:00");
    }

    #[test]
    fn keys() {
        assert_eq!(draft_id_of_key(&draft_key("p1")), Some("p1"));
        assert!(backup_key("yaodian.draft.p1", 5.0).starts_with("yaodian.backup.yaodian.draft.p1."));
    }
}
