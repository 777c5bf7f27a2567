//! Starting a district draft from a template: every item gets a fresh id and an origin that
//! points back at its template item (采纳 until edited), and the template rides along.
//!
//! Owns the lineage set-up. Deliberately does not localise wording (see `localize`).

use crate::model::{walk, IdGen, Origin, OriginStatus, Plan};

/// A new draft from `template`. The template is stored inside the draft for the comparison.
pub fn from_template(template: &Plan, ids: &mut IdGen) -> Plan {
    let mut draft = template.clone();
    draft.id = ids.next('p');
    draft.template = Some(Box::new(Plan {
        template: None,
        ..template.clone()
    }));
    walk::for_each_item_mut(&mut draft, &mut |item| {
        let template_id = std::mem::replace(&mut item.id, ids.next('i'));
        item.origin = Some(Origin {
            template_item: Some(template_id),
            status: OriginStatus::Adopted,
            ..Origin::default()
        });
    });
    draft
}

/// A new draft from `prepared`, the template as the planner prepared it in the new-draft steps
/// (year moved, district replacements applied), that stores `imported`, the template as it was
/// imported, for the comparison: preparing a draft never changes the template it came from.
/// `prepared` must be `imported` with edited wording only (the same item ids).
pub fn from_prepared(imported: &Plan, prepared: &Plan, ids: &mut IdGen) -> Plan {
    let mut draft = from_template(prepared, ids);
    draft.template = Some(Box::new(Plan {
        template: None,
        ..imported.clone()
    }));
    draft
}

/// What [`draft_with_defaults`] did, for the planner (or the CLI) to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftSummary {
    /// Year changes applied: (place, before, after).
    pub year_changes: Vec<(String, String, String)>,
    /// Years left alone and why: (place, message).
    pub year_flags: Vec<(String, String)>,
    /// Localising replacements applied / proposed but left unticked: (sentence, words, to).
    pub localized: Vec<(String, String, String)>,
    pub left_unticked: Vec<(String, String, String)>,
    /// What the planner must still do about the issuing organ (a 机关代字 that could not be
    /// derived, an organ the template does not name).
    pub organ_notes: Vec<String>,
    /// Front-matter fields the district changed: (field, before, after).
    pub front_changes: Vec<(String, String, String)>,
}

/// The plan year a template is for: its 年度, else the first year in its title.
pub fn template_year(plan: &Plan) -> Option<i32> {
    plan.doc.year.or_else(|| {
        let t: Vec<char> = plan.doc.title.chars().collect();
        t.windows(5).find_map(|w| {
            (w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
                .then(|| w[..4].iter().collect::<String>().parse().ok())
                .flatten()
        })
    })
}

/// A district draft from `template` with the default choices a planner would accept: the year
/// moved to `year` (references flagged, not moved), the localising replacements for `district`
/// that start ticked, nothing marked 不适用. The app offers the same changes for approval.
pub fn draft_with_defaults(
    template: &Plan,
    year: Option<i32>,
    district: Option<&str>,
    ids: &mut IdGen,
) -> (Plan, DraftSummary) {
    let mut draft = from_template(template, ids);
    let mut summary = DraftSummary::default();
    if let (Some(to), Some(from)) = (year, template_year(template)) {
        let changes = super::year::propose(&draft, from, to);
        for c in &changes {
            if c.after != c.before {
                summary
                    .year_changes
                    .push((c.place.clone(), c.before.clone(), c.after.clone()));
            }
            for f in &c.flags {
                summary
                    .year_flags
                    .push((c.place.clone(), format!("{}（…{}…）", f.message, f.excerpt)));
            }
        }
        super::year::apply(&mut draft, Some(to), &changes);
    } else if year.is_some() {
        draft.doc.year = year;
    }
    if let Some(d) = district.map(str::trim).filter(|d| !d.is_empty()) {
        let rules = super::localize::rules_for(d);
        let swap = super::organ::swap(&template.doc, d);
        let changes = super::localize::preview_for(&draft, &rules, swap.as_ref());
        let (on, off): (Vec<_>, Vec<_>) = changes.into_iter().partition(|c| c.default_on);
        let words = |c: &super::localize::Change| {
            let (_, w, _) = c.in_sentence();
            (c.sentence.clone(), w, c.to.clone())
        };
        summary.localized = on.iter().map(words).collect();
        summary.left_unticked = off.iter().map(words).collect();
        summary.organ_notes = on
            .iter()
            .filter(|c| !c.note.is_empty())
            .map(|c| c.note.clone())
            .collect();
        if let Some(n) = swap.as_ref().and_then(|s| s.cc_note(&draft.doc)) {
            summary.organ_notes.push(n);
        }
        let before = draft.doc.clone();
        super::localize::apply(&mut draft, &on);
        for f in super::organ::FrontField::ALL {
            let (a, b) = (f.get(&before), f.get(&draft.doc));
            if a != b {
                let row = (f.label().to_string(), a.clone(), b.clone());
                summary.front_changes.push(row);
            }
        }
        if swap.is_none() && super::organ::template_organ(&template.doc).is_none() {
            // The template names no place in its organ: nothing is guessed beyond an empty
            // 发文机关 taking the district's name.
            if draft.doc.issuer.trim().is_empty() {
                draft.doc.issuer = d.to_string();
            }
            summary.organ_notes.push(format!(
                "模板的发文机关未写明地名，未替换：请核对发文机关、署名和印发机关是否为{d}的。"
            ));
        }
    }
    (draft, summary)
}
