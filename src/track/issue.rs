//! Issuing a plan (已印发): the version of that day is kept with the plan as a snapshot (its
//! content hash is also recorded as a revision, so merges find it as a common ancestor), and
//! later edits are listed as changes since issue.
//!
//! Owns the issued snapshot and the comparison of tasks by id. Deliberately leaves editing alone:
//! an issued plan stays editable (a task added mid-year is normal).

use super::period::Date;
use crate::model::progress::{Issued, Tracking};
use crate::model::Plan;
use crate::render::{task_rows, TaskRow};

/// Mark the plan 已印发 on `date`; returns the issued version's hash. Issuing again replaces
/// the snapshot (a corrected reissue).
pub fn issue(plan: &mut Plan, date: Date, editor: &str, now: f64) -> String {
    let hash = crate::sync::merge::record_revision(plan, editor, now);
    let snapshot = Plan {
        template: None,
        tracking: Tracking::default(),
        revisions: Vec::new(),
        ..plan.clone()
    };
    plan.tracking.issued = Some(Issued {
        date: date.to_string(),
        hash: hash.clone(),
        plan: Box::new(snapshot),
        ..Issued::default()
    });
    hash
}

/// The issue date, if the plan was issued.
pub fn issued_on(plan: &Plan) -> Option<Date> {
    plan.tracking
        .issued
        .as_ref()
        .and_then(|i| Date::parse(&i.date))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Edited,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Added => "印发后新增",
            Self::Removed => "印发后删除",
            Self::Edited => "印发后修改",
        }
    }
}

/// One task that differs from the issued version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub task: String,
    pub number: String,
    pub title: String,
    /// What changed, in words (`标题、完成时限`); empty for added and removed tasks.
    pub fields: String,
}

fn edited_fields(a: &TaskRow, b: &TaskRow) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.title != b.title {
        out.push("标题");
    }
    if a.text != b.text {
        out.push("内容");
    }
    if a.lead_ids != b.lead_ids || a.coop_ids != b.coop_ids {
        out.push("责任单位");
    }
    if a.deadline != b.deadline {
        out.push("完成时限");
    }
    if a.note != b.note {
        out.push("备注");
    }
    out
}

/// Tasks added, removed or edited since the plan was issued (empty when it was not issued).
pub fn changes_since_issue(plan: &Plan) -> Vec<Change> {
    let Some(issued) = &plan.tracking.issued else {
        return Vec::new();
    };
    let before = task_rows(&issued.plan);
    let now = task_rows(plan);
    let mut out = Vec::new();
    for r in &now {
        let kind_fields = match before.iter().find(|b| b.id == r.id) {
            None => Some((ChangeKind::Added, String::new())),
            Some(b) => {
                let f = edited_fields(b, r);
                (!f.is_empty()).then(|| (ChangeKind::Edited, f.join("、")))
            }
        };
        if let Some((kind, fields)) = kind_fields {
            out.push(Change {
                kind,
                task: r.id.clone(),
                number: r.number.clone(),
                title: r.title.clone(),
                fields,
            });
        }
    }
    for b in before.iter().filter(|b| !now.iter().any(|r| r.id == b.id)) {
        out.push(Change {
            kind: ChangeKind::Removed,
            task: b.id.clone(),
            number: b.number.clone(),
            title: b.title.clone(),
            fields: String::new(),
        });
    }
    out
}
