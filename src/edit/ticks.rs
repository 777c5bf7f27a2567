//! The planner's ticks on localisation proposals: which proposals they flipped away from their
//! default, kept by what each proposal is (its key), so that recomputing the proposals after a
//! rule changed keeps the ticks of the proposals that did not change and resets the others.
//!
//! Owns the keys and the flips. Deliberately not the proposals themselves (`localize`).

use super::localize::Change;

/// A proposal's identity when the proposals are recomputed (the rules changed): the field, the
/// text it was read from, and where and what it replaces. A planner's tick survives a
/// recomputation only on a proposal with the same key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    target: super::localize::Target,
    before: String,
    at: usize,
    len: usize,
    to: String,
}

/// The proposals the planner flipped away from their default tick, by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flips(Vec<Key>);

impl Flips {
    /// Flip `c`'s tick.
    pub fn toggle(&mut self, c: &Change) {
        let k = c.key();
        if let Some(i) = self.0.iter().position(|x| *x == k) {
            self.0.remove(i);
        } else {
            self.0.push(k);
        }
    }

    /// Whether `c` is ticked: its default unless the planner flipped it.
    pub fn ticked(&self, c: &Change) -> bool {
        c.default_on != self.0.contains(&c.key())
    }

    /// After the proposals were recomputed: keep the flips of proposals that did not change,
    /// drop the others (a changed proposal starts at its default again).
    pub fn retain_in(&mut self, changes: &[Change]) {
        self.0.retain(|k| changes.iter().any(|c| c.key() == *k));
    }

    /// The ticked proposals, to [`apply`].
    pub fn kept(&self, changes: &[Change]) -> Vec<Change> {
        changes.iter().filter(|c| self.ticked(c)).cloned().collect()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Change {
    pub fn key(&self) -> Key {
        Key {
            target: self.target.clone(),
            before: self.before.clone(),
            at: self.at,
            len: self.len,
            to: self.to.clone(),
        }
    }
}
