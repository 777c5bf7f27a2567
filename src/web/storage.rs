//! localStorage through gloo-storage: drafts, the index, snapshots and settings.
//!
//! Owns the IO and its failure modes: a full quota, a value another tab wrote, a stored value
//! that cannot be read (moved to a backup key, never dropped). What is stored and how it is
//! read lives in the pure `crate::store`.

use crate::format;
use crate::model::Plan;
use crate::store::{self, DraftMeta, Settings, Snapshot};
use gloo_storage::{LocalStorage, Storage};

/// Why a save did not happen. `Display` is the Chinese message for the banner.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Quota,
    /// Another tab saved this draft since we last read or wrote it.
    Conflict,
    Other(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Quota => write!(f, "浏览器存储空间已满，最近的修改没有保存到浏览器，但仍在本页中。请立即点击“导出 JSON”保存到文件，再删除不用的草稿或存档。"),
            Self::Conflict => write!(f, "另一个标签页修改了这份草稿。为避免互相覆盖，本页已暂停自动保存。请选择载入对方的版本，或用本页内容覆盖。"),
            Self::Other(e) => write!(f, "保存失败（{e}）。修改仍在本页中，请导出 JSON 文件备份。"),
        }
    }
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

fn raw() -> web_sys::Storage {
    LocalStorage::raw()
}

pub fn get(key: &str) -> Option<String> {
    raw().get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) -> Result<(), SaveError> {
    raw().set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name.contains("Quota") {
            SaveError::Quota
        } else {
            SaveError::Other(name)
        }
    })
}

pub fn remove(key: &str) {
    let _ = raw().remove_item(key);
}

/// Move an unreadable value aside so nothing is lost; returns the backup key.
fn back_up(key: &str, value: &str) -> String {
    let backup = store::backup_key(key, now());
    let _ = set(&backup, value);
    backup
}

/// The drafts the index lists, as the start page shows them before anything is checked:
/// reading the index needs no plan code, so the first paint does not carry restore.
/// `reconcile` (loaded with the screens chunk) then checks every draft and repairs the index.
pub fn list() -> Vec<DraftMeta> {
    let mut index = get(store::INDEX_KEY)
        .and_then(|raw| store::parse_index(&raw))
        .unwrap_or_default();
    index.retain(|meta| get(&store::draft_key(&meta.id)).is_some());
    index
}

/// Checks the drafts kept in this browser and rewrites the index: drafts missing from it are
/// added, a draft that does not restore is backed up and taken off the list. Returns the list
/// and notices about anything that could not be read. Calls `format::restore`: only the
/// screens chunk calls this (`app::screens::check_drafts`).
pub fn reconcile() -> (Vec<DraftMeta>, Vec<String>) {
    let mut notices = Vec::new();
    let index = match get(store::INDEX_KEY) {
        None => Some(Vec::new()),
        Some(raw) => store::parse_index(&raw).or_else(|| {
            let b = back_up(store::INDEX_KEY, &raw);
            notices.push(format!(
                "草稿目录已损坏，原始内容已备份为“{b}”，已重新整理目录。"
            ));
            None
        }),
    };
    let mut index = index.unwrap_or_default();
    // Drafts present in storage but missing from the index (or all of them, after a rebuild).
    let storage = raw();
    let len = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect();
    for key in keys {
        let Some(id) = store::draft_id_of_key(&key) else {
            continue;
        };
        if index.iter().any(|m| m.id == id) {
            continue;
        }
        if let Some(raw) = get(&key) {
            if let Ok(plan) = format::restore(&raw) {
                index.push(DraftMeta::of(&plan, now(), 1));
            }
        }
    }
    // Every listed draft must restore; a corrupt one is backed up and taken off the list.
    index.retain(|meta| {
        let key = store::draft_key(&meta.id);
        match get(&key) {
            None => false,
            Some(raw) => match format::restore(&raw) {
                Ok(_) => true,
                Err(e) => {
                    let b = back_up(&key, &raw);
                    remove(&key);
                    notices.push(format!(
                        "草稿“{}”无法读取（{e}）。原始内容已备份为“{b}”，其他草稿不受影响。",
                        meta.name
                    ));
                    false
                }
            },
        }
    });
    crate::order::sort_by(&mut index, |a, b| b.updated.total_cmp(&a.updated));
    let _ = set(store::INDEX_KEY, &store::write_index(&index));
    (index, notices)
}

pub fn load(id: &str) -> Result<(Plan, u64), String> {
    let key = store::draft_key(id);
    let raw = get(&key).ok_or_else(|| "草稿不存在，可能已在其他标签页中删除。".to_string())?;
    let rev = current_rev(id);
    format::restore(&raw).map(|p| (p, rev)).map_err(|e| {
        let b = back_up(&key, &raw);
        format!("草稿无法读取（{e}）。原始内容已备份为“{b}”。")
    })
}

/// The revision the index holds for a draft (0 if it is not there).
pub fn current_rev(id: &str) -> u64 {
    get(store::INDEX_KEY)
        .and_then(|raw| store::parse_index(&raw))
        .and_then(|idx| idx.into_iter().find(|m| m.id == id))
        .map_or(0, |m| m.rev)
}

/// Save a draft if nobody else saved it since `expected_rev`; returns the new revision.
pub fn save(plan: &Plan, expected_rev: u64, force: bool) -> Result<u64, SaveError> {
    let mut index = get(store::INDEX_KEY)
        .and_then(|raw| store::parse_index(&raw))
        .unwrap_or_default();
    let stored = index.iter().find(|m| m.id == plan.id).map_or(0, |m| m.rev);
    if stored != expected_rev && !force {
        return Err(SaveError::Conflict);
    }
    let rev = stored.max(expected_rev) + 1;
    set(&store::draft_key(&plan.id), &format::save_compact(plan))?;
    index.retain(|m| m.id != plan.id);
    index.insert(0, DraftMeta::of(plan, now(), rev));
    set(store::INDEX_KEY, &store::write_index(&index))?;
    Ok(rev)
}

pub fn delete(id: &str) {
    remove(&store::draft_key(id));
    remove(&store::snapshots_key(id));
    let storage = raw();
    let prefix = store::revision_prefix(id);
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for k in keys {
        remove(&k);
    }
    if let Some(mut index) = get(store::INDEX_KEY).and_then(|raw| store::parse_index(&raw)) {
        index.retain(|m| m.id != id);
        let _ = set(store::INDEX_KEY, &store::write_index(&index));
    }
}

pub fn snapshots(id: &str) -> Vec<Snapshot> {
    get(&store::snapshots_key(id))
        .and_then(|raw| store::parse_snapshots(&raw))
        .unwrap_or_default()
}

pub fn save_snapshots(id: &str, list: &[Snapshot]) -> Result<(), SaveError> {
    set(&store::snapshots_key(id), &store::write_snapshots(list))
}

pub fn settings() -> Settings {
    get(store::SETTINGS_KEY)
        .map(|raw| store::parse_settings(&raw))
        .unwrap_or_default()
}

pub fn save_settings(s: &Settings) {
    let _ = set(
        store::SETTINGS_KEY,
        &serde_json::to_string(s).unwrap_or_default(),
    );
}
