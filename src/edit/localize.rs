//! Localising a city template to the district: a table of replacements (全市→全区, 市级→区级,
//! 各区县→各镇街, 市*局→区*局, …), previewed field by field before anything changes.
//!
//! Owns the replacement rules and their matching (`*` stands for a short run of Chinese
//! characters, so 市应急局→区应急局 but 市场监管局 and 城市管理局 stay). Deliberately applies only
//! the changes the user kept in the preview.

use crate::model::{walk, Plan};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub from: String,
    pub to: String,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// The usual re-scoping replacements.
pub fn default_rules() -> Vec<Rule> {
    [
        ("全市", "全区"),
        ("市级", "区级"),
        ("各区县（自治县）", "各镇街"),
        ("各区县", "各镇街"),
        ("区县", "镇街"),
        ("市政府", "区政府"),
        ("市委", "区委"),
        ("市安委会", "区安委会"),
        ("市安委办", "区安委办"),
        ("市减灾委", "区减灾委"),
        ("市*局", "区*局"),
        ("市*委", "区*委"),
    ]
    .iter()
    .map(|(f, t)| Rule {
        from: f.to_string(),
        to: t.to_string(),
        enabled: true,
    })
    .collect()
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF)
}

/// Apply one rule to a text.
pub fn apply_rule(text: &str, rule: &Rule) -> String {
    if rule.from.is_empty() {
        return text.to_string();
    }
    let Some((pre, suf)) = rule.from.split_once('*') else {
        return text.replace(&rule.from, &rule.to);
    };
    let (to_pre, to_suf) = rule.to.split_once('*').unwrap_or((rule.to.as_str(), ""));
    let chars: Vec<char> = text.chars().collect();
    let pre: Vec<char> = pre.chars().collect();
    let suf: Vec<char> = suf.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'scan: while i < chars.len() {
        if !pre.is_empty() && chars[i..].starts_with(&pre) {
            let after = i + pre.len();
            let blocked = chars.get(after).is_some_and(|c| "场政民".contains(*c))
                || (i > 0 && "城都超门".contains(chars[i - 1]));
            if !blocked {
                for len in 1..=6 {
                    let end = after + len;
                    if end > chars.len() || !is_han(chars[end - 1]) {
                        break;
                    }
                    if chars[end..].starts_with(&suf) {
                        out.push_str(to_pre);
                        out.extend(&chars[after..end]);
                        out.push_str(to_suf);
                        i = end + suf.len();
                        continue 'scan;
                    }
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Apply every enabled rule in order.
pub fn apply_rules(text: &str, rules: &[Rule]) -> String {
    rules
        .iter()
        .filter(|r| r.enabled)
        .fold(text.to_string(), |t, r| apply_rule(&t, r))
}

/// What a change touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Title,
    AttachmentTitle(usize),
    /// Preface paragraph: body (0 main, N attachment N), index.
    Preface(usize, usize),
    Item(String, super::Field),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub target: Target,
    pub before: String,
    pub after: String,
}

/// Every field the rules would change, in document order.
pub fn preview(plan: &Plan, rules: &[Rule]) -> Vec<Change> {
    let mut out = Vec::new();
    let mut check = |target: Target, before: &str| {
        let after = apply_rules(before, rules);
        if after != before {
            out.push(Change {
                target,
                before: before.to_string(),
                after,
            });
        }
    };
    check(Target::Title, &plan.doc.title);
    for (i, a) in plan.attachments.iter().enumerate() {
        check(Target::AttachmentTitle(i), &a.title);
    }
    for b in walk::bodies(plan) {
        for (i, p) in b.body.preface.iter().enumerate() {
            check(Target::Preface(b.attachment, i), p);
        }
    }
    walk::for_each_item(plan, &mut |item| {
        check(
            Target::Item(item.id.clone(), super::Field::Title),
            &item.title,
        );
        check(
            Target::Item(item.id.clone(), super::Field::Text),
            &item.text,
        );
    });
    out
}

/// Apply the kept changes. Origins stay 采纳: re-scoping is not a substantive edit.
pub fn apply(plan: &mut Plan, changes: &[Change]) {
    for c in changes {
        match &c.target {
            Target::Title => plan.doc.title = c.after.clone(),
            Target::AttachmentTitle(i) => {
                if let Some(a) = plan.attachments.get_mut(*i) {
                    a.title = c.after.clone();
                }
            }
            Target::Preface(b, i) => {
                let body = if *b == 0 {
                    Some(&mut plan.body)
                } else {
                    plan.attachments.get_mut(b - 1).map(|a| &mut a.body)
                };
                if let Some(p) = body.and_then(|b| b.preface.get_mut(*i)) {
                    *p = c.after.clone();
                }
            }
            Target::Item(id, field) => {
                if let Some(item) = super::item_mut(plan, id) {
                    match field {
                        super::Field::Title => item.title = c.after.clone(),
                        super::Field::Text => item.text = c.after.clone(),
                        _ => {}
                    }
                }
            }
        }
    }
}
