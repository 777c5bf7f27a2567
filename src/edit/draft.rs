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
