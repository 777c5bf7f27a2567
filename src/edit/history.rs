//! Undo and redo across every kind of edit, by snapshots of the whole plan.
//!
//! Owns the stacks and the coalescing of a typing burst (many keystrokes in one field are
//! one undo step). Deliberately simple: a plan of a few hundred tasks clones in well under a
//! millisecond, and a burst takes one snapshot, not one per key.

use crate::model::Plan;

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Plan>,
    redo: Vec<Plan>,
    /// The field being typed into, while a burst lasts.
    burst: Option<String>,
}

/// How many steps are kept.
pub const CAPACITY: usize = 100;

impl History {
    /// Call before changing `plan`. `burst` names a typing target ("item/title"): repeated
    /// calls with the same name add no new step until something else is recorded.
    pub fn record(&mut self, plan: &Plan, burst: Option<&str>) {
        if burst.is_some() && burst == self.burst.as_deref() {
            return;
        }
        self.push(plan.clone(), burst);
    }

    /// [`record`](Self::record) with a snapshot the caller already took (no second clone of
    /// a large plan).
    pub fn push(&mut self, snapshot: Plan, burst: Option<&str>) {
        if burst.is_some() && burst == self.burst.as_deref() {
            return;
        }
        self.burst = burst.map(str::to_string);
        self.undo.push(snapshot);
        if self.undo.len() > CAPACITY {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The field of the typing burst under way, if any.
    pub fn burst(&self) -> Option<&str> {
        self.burst.as_deref()
    }

    /// End a typing burst (focus left the field).
    pub fn seal(&mut self) {
        self.burst = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self, plan: &mut Plan) -> bool {
        self.burst = None;
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(std::mem::replace(plan, prev));
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self, plan: &mut Plan) -> bool {
        self.burst = None;
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(plan, next));
                true
            }
            None => false,
        }
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
