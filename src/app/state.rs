//! The app's state, shared by context: which screen, the open draft, its history, autosave
//! and the banners that tell the user what happened.
//!
//! Owns the one place where edits happen (`Editor::edit`): record history, apply the pure
//! operation, bump the signals the views listen to, schedule the debounced autosave.
//! The plan itself is not a signal: a keystroke must not re-render the outline, so the
//! outline listens to `structure` only and rows keep their own text.

use crate::edit::History;
use crate::model::{IdGen, Plan};
use crate::web::storage::{self, SaveError};
use leptos::prelude::*;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    New,
    Edit,
    Yearly,
    Merge,
    Reply,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Outline,
    Document,
    Tasks,
    ByUnit,
    Compare,
    Units,
    Info,
    Feedback,
    Progress,
    Problems,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(SaveError),
}

/// A message at the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    pub id: u64,
    pub kind: &'static str,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct Ui {
    pub screen: RwSignal<Screen>,
    pub banners: RwSignal<Vec<Banner>>,
    /// Bumped when the list of drafts changes.
    pub drafts: RwSignal<u64>,
    /// A colleague's copy waiting to be merged into the draft of the same plan.
    pub pending_merge: RwSignal<Option<crate::model::Plan>>,
    /// A feedback or progress file a unit opened to answer.
    pub pending_reply: RwSignal<Option<crate::sync::feedback::FeedbackFile>>,
    /// A document opened on the start page (name, bytes), for 新建草稿 to read as its template.
    pub pending_document: RwSignal<Option<(String, Vec<u8>)>>,
}

impl Default for Ui {
    fn default() -> Self {
        Self::new()
    }
}

impl Ui {
    pub fn new() -> Self {
        Self {
            screen: RwSignal::new(Screen::Start),
            banners: RwSignal::new(Vec::new()),
            drafts: RwSignal::new(0),
            pending_merge: RwSignal::new(None),
            pending_reply: RwSignal::new(None),
            pending_document: RwSignal::new(None),
        }
    }

    pub fn banner(&self, kind: &'static str, text: impl Into<String>) {
        let text = text.into();
        self.banners.update(|b| {
            if !b.iter().any(|x| x.text == text) {
                let id = b.iter().map(|x| x.id).max().unwrap_or(0) + 1;
                b.push(Banner { id, kind, text });
            }
        });
    }

    pub fn dismiss(&self, id: u64) {
        self.banners.update(|b| b.retain(|x| x.id != id));
    }
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub plan: StoredValue<Plan>,
    pub history: StoredValue<History>,
    pub ids: StoredValue<IdGen>,
    /// The tree changed (add, delete, move, indent, undo, load): the outline re-renders.
    pub structure: RwSignal<u64>,
    /// Anything changed: views that show content refresh (only while they are shown).
    pub content: RwSignal<u64>,
    /// Bumped after a quiet moment (autosave time): the problems count refreshes.
    pub settled: RwSignal<u64>,
    /// Undo, redo and loading replace text under the rows: rows are rebuilt.
    pub epoch: RwSignal<u64>,
    /// Units, deadlines or status of some task changed: rows refresh their unit line.
    pub units_rev: RwSignal<u64>,
    pub rev: StoredValue<u64>,
    pub save: RwSignal<SaveState>,
    pub selected: RwSignal<Option<String>>,
    pub tab: RwSignal<Tab>,
    /// The row that should take the cursor as soon as it is on the page (a new item).
    pub focus: StoredValue<Option<String>>,
    /// Bring this row on screen in the outline (rendered or not), and put the cursor in it if
    /// the flag is set: a structural edit, a problem or a search result.
    pub reveal: RwSignal<Option<(String, bool)>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Default for Editor {
    fn default() -> Self {
        Self::new()
    }
}

/// Autosave waits this long after the last change (the issue allows at most 500 ms).
pub const AUTOSAVE_DELAY_MS: u64 = 400;

impl Editor {
    pub fn new() -> Self {
        Self {
            plan: StoredValue::new(Plan::default()),
            history: StoredValue::new(History::default()),
            ids: StoredValue::new(IdGen::new(crate::web::random_seed())),
            structure: RwSignal::new(0),
            content: RwSignal::new(0),
            settled: RwSignal::new(0),
            epoch: RwSignal::new(0),
            units_rev: RwSignal::new(0),
            rev: StoredValue::new(0),
            save: RwSignal::new(SaveState::Saved),
            selected: RwSignal::new(None),
            tab: RwSignal::new(Tab::Outline),
            focus: StoredValue::new(None),
            reveal: RwSignal::new(None),
            timer: StoredValue::new(None),
        }
    }

    /// Open a plan (from storage at `rev`, or new with rev 0).
    pub fn open(&self, plan: Plan, rev: u64) {
        self.plan.set_value(plan);
        self.rev.set_value(rev);
        self.history.update_value(History::clear);
        self.save.set(SaveState::Saved);
        self.selected.set(None);
        self.bump_all();
    }

    fn bump_all(&self) {
        self.epoch.update(|n| *n += 1);
        self.structure.update(|n| *n += 1);
        self.content.update(|n| *n += 1);
        self.settled.update(|n| *n += 1);
    }

    /// Apply an edit. `burst` coalesces typing; `structural` re-renders the outline.
    pub fn edit(
        &self,
        burst: Option<&str>,
        structural: bool,
        f: impl FnOnce(&mut Plan, &mut IdGen) -> bool,
    ) -> bool {
        let snapshot = self.plan.with_value(Clone::clone);
        let mut changed = false;
        self.plan
            .update_value(|p| self.ids.update_value(|ids| changed = f(p, ids)));
        if !changed {
            return false;
        }
        self.history.update_value(|h| h.push(snapshot, burst));
        if structural {
            self.structure.update(|n| *n += 1);
        }
        self.content.update(|n| *n += 1);
        self.schedule_save();
        true
    }

    /// An edit of a task's units, deadline, note or status (rows show these).
    pub fn edit_task(&self, f: impl FnOnce(&mut Plan, &mut IdGen) -> bool) -> bool {
        let done = self.edit(None, false, f);
        if done {
            self.units_rev.update(|n| *n += 1);
        }
        done
    }

    /// Typing in a field: cheap, no snapshot clone after the first key of a burst.
    pub fn type_into(&self, burst: &str, f: impl FnOnce(&mut Plan)) {
        let first = self.history.with_value(|h| h.burst() != Some(burst));
        if first {
            let snapshot = self.plan.with_value(Clone::clone);
            self.history.update_value(|h| h.push(snapshot, Some(burst)));
        }
        self.plan.update_value(f);
        self.content.update(|n| *n += 1);
        self.schedule_save();
    }

    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    pub fn undo(&self) -> bool {
        self.step(History::undo)
    }

    pub fn redo(&self) -> bool {
        self.step(History::redo)
    }

    /// Undo or redo: the plan under every row changes, so everything is refreshed.
    fn step(&self, f: fn(&mut History, &mut Plan) -> bool) -> bool {
        let mut done = false;
        self.plan
            .update_value(|p| self.history.update_value(|h| done = f(h, p)));
        if done {
            self.bump_all();
            self.schedule_save();
        }
        done
    }

    /// Replace the whole plan as one undoable step (restore a snapshot, apply localisation).
    pub fn replace(&self, plan: Plan) {
        let snapshot = self.plan.with_value(Clone::clone);
        self.history.update_value(|h| h.push(snapshot, None));
        self.plan.set_value(plan);
        self.bump_all();
        self.schedule_save();
    }

    fn schedule_save(&self) {
        if matches!(
            self.save.get_untracked(),
            SaveState::Failed(SaveError::Conflict)
        ) {
            return;
        }
        self.save.set(SaveState::Pending);
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(
            move || this.flush(false),
            Duration::from_millis(AUTOSAVE_DELAY_MS),
        )
        .ok();
        self.timer.set_value(handle);
    }

    /// Save now if anything is pending. `force` overwrites another tab's version.
    pub fn flush(&self, force: bool) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        self.timer.set_value(None);
        let pending = matches!(self.save.get_untracked(), SaveState::Pending) || force;
        if !pending || self.plan.with_value(|p| p.id.is_empty()) {
            return;
        }
        let start = storage::now();
        let result = self
            .plan
            .with_value(|p| storage::save(p, self.rev.get_value(), force));
        crate::web::record_timing("autosave", storage::now() - start);
        match result {
            Ok(rev) => {
                self.rev.set_value(rev);
                self.save.set(SaveState::Saved);
            }
            Err(e) => self.save.set(SaveState::Failed(e)),
        }
        self.settled.update(|n| *n += 1);
    }
}
