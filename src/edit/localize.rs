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

/// The default rules for a district: 全市→全县, 市*局→县*局 … when its name ends in 县.
pub fn rules_for(district: &str) -> Vec<Rule> {
    let county = district.trim().ends_with('县');
    default_rules()
        .into_iter()
        .map(|r| Rule {
            to: if county && r.to.starts_with(['全', '区']) {
                r.to.replacen('区', "县", 1)
            } else {
                r.to
            },
            ..r
        })
        .collect()
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF)
}

/// The length (in chars) of `rule`'s match at `i` and its replacement, if it matches there.
fn match_at(chars: &[char], i: usize, rule: &Rule) -> Option<(usize, String)> {
    if rule.from.is_empty() {
        return None;
    }
    let Some((pre, suf)) = rule.from.split_once('*') else {
        let from: Vec<char> = rule.from.chars().collect();
        return chars[i..]
            .starts_with(&from)
            .then(|| (from.len(), rule.to.clone()));
    };
    let (to_pre, to_suf) = rule.to.split_once('*').unwrap_or((rule.to.as_str(), ""));
    let pre: Vec<char> = pre.chars().collect();
    let suf: Vec<char> = suf.chars().collect();
    if pre.is_empty() || !chars[i..].starts_with(&pre) {
        return None;
    }
    let after = i + pre.len();
    let blocked = chars.get(after).is_some_and(|c| "场政民".contains(*c))
        || (i > 0 && "城都超门".contains(chars[i - 1]));
    if blocked {
        return None;
    }
    for len in 1..=6 {
        let end = after + len;
        // A city office's name holds no place (重庆市万盛经开区管委会 is not a 市*委).
        if end > chars.len() || !is_han(chars[end - 1]) || "区县市".contains(chars[end - 1]) {
            break;
        }
        if chars[end..].starts_with(&suf) {
            let mid: String = chars[after..end].iter().collect();
            return Some((end + suf.len() - i, format!("{to_pre}{mid}{to_suf}")));
        }
    }
    None
}

/// How a match stands: replaced by default, proposed unticked, or never replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Replace,
    Ambiguous,
    Keep,
}

/// Per char: inside 《…》 (a citation) or a quoted name (“…”, 「…」, ‘…’, "…"). A 《…》 that
/// quotes one of `own` (the plan's own title, in its cover text) is the plan, not a citation.
fn protected(chars: &[char], own: &[&str]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut open: Vec<char> = Vec::new();
    let mut straight = false;
    for (i, c) in chars.iter().enumerate() {
        match c {
            '《' => {
                let close = chars[i..]
                    .iter()
                    .position(|c| *c == '》')
                    .map_or(chars.len(), |p| i + p);
                let inner: String = chars[i + 1..close].iter().collect();
                let ours = own.iter().any(|t| !t.trim().is_empty() && inner == *t);
                open.push(if ours { '\0' } else { '《' });
            }
            '“' | '「' | '‘' | '『' => open.push(*c),
            '》' | '”' | '」' | '’' | '』' => {
                open.pop();
            }
            '"' => straight = !straight,
            _ => {}
        }
        out[i] = open.iter().any(|o| *o != '\0') || straight;
    }
    out
}

/// Words after 市委/市政府/市人大/市政协 that make it a reference to the city (its meetings,
/// documents and decisions), not an office of the district.
const CITY_REFERENCE: &[&str] = &[
    "会议",
    "全会",
    "常委会",
    "文件",
    "决策部署",
    "部署",
    "精神",
    "要求",
    "指示",
    "批示",
    "工作会",
];

fn classify(chars: &[char], i: usize, len: usize, prot: &[bool]) -> Kind {
    if prot[i] {
        return Kind::Keep;
    }
    let m: String = chars[i..i + len].iter().collect();
    if ["市委", "市政府", "市人大", "市政协"].contains(&m.as_str()) {
        // Look ahead within the clause (、 and 和 join 市委、市政府决策部署).
        let rest: String = chars[i + len..]
            .iter()
            .take(14)
            .take_while(|c| !"，。；：！？\n".contains(**c))
            .collect();
        if CITY_REFERENCE.iter().any(|w| rest.contains(w)) {
            return Kind::Keep;
        }
    }
    // 全市"1366"应急管理体系: a named city-wide system some districts keep on purpose.
    if chars.get(i + len).is_some_and(|c| "“\"「‘'".contains(*c)) {
        return Kind::Ambiguous;
    }
    Kind::Replace
}

/// Every match of the enabled rules in `text`, left to right, the first rule that matches at a
/// place winning: (char offset, length, replacement, kind).
fn matches(text: &str, rules: &[Rule], own: &[&str]) -> Vec<(usize, usize, String, Kind)> {
    let chars: Vec<char> = text.chars().collect();
    let prot = protected(&chars, own);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((len, to)) = rules
            .iter()
            .filter(|r| r.enabled)
            .find_map(|r| match_at(&chars, i, r))
        {
            out.push((i, len, to, classify(&chars, i, len, &prot)));
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// Apply one rule to a text (its default choices, see [`apply_rules`]).
pub fn apply_rule(text: &str, rule: &Rule) -> String {
    apply_rules(text, std::slice::from_ref(rule))
}

/// Apply every enabled rule with the default choices: citations, quoted names and references
/// to the city stay, ambiguous places stay.
pub fn apply_rules(text: &str, rules: &[Rule]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (i, len, to, kind) in matches(text, rules, &[]) {
        if kind == Kind::Replace {
            out.extend(&chars[at..i]);
            out.push_str(&to);
            at = i + len;
        }
    }
    out.extend(&chars[at..]);
    out
}

/// What a change touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Title,
    /// A field of the front matter and the 版记 (发文机关, 通知标题, 主送 …).
    Front(super::organ::FrontField),
    AttachmentTitle(usize),
    /// Preface paragraph: body (0 main, N attachment N), index.
    Preface(usize, usize),
    Item(String, super::Field),
}

/// One proposed replacement, at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub target: Target,
    /// The whole field before, and after this one replacement.
    pub before: String,
    pub after: String,
    /// Char offset and length of the replaced words in `before`, and what replaces them.
    pub at: usize,
    pub len: usize,
    pub to: String,
    /// The sentence the words sit in (to show the change in context), and the words' char
    /// offset in it.
    pub sentence: String,
    pub sentence_at: usize,
    /// Whether the replacement starts ticked (false where a district often keeps the city's
    /// words, e.g. 全市“1366”应急管理体系).
    pub default_on: bool,
    /// What the planner must do about it (a 机关代字 that could not be derived), or empty.
    pub note: String,
}

impl Change {
    /// The sentence split around the replaced words: (before, words, after).
    pub fn in_sentence(&self) -> (String, String, String) {
        let c: Vec<char> = self.sentence.chars().collect();
        let (a, b) = (
            self.sentence_at.min(c.len()),
            (self.sentence_at + self.len).min(c.len()),
        );
        (
            c[..a].iter().collect(),
            c[a..b].iter().collect(),
            c[b..].iter().collect(),
        )
    }
}

/// The sentence around char offset `at`: from after the previous 。；！？ or line break to
/// the next one (included), and `at`'s offset in it.
fn sentence(chars: &[char], at: usize) -> (String, usize) {
    let end_mark = |c: &char| "。；！？\n".contains(*c);
    let start = chars[..at].iter().rposition(end_mark).map_or(0, |p| p + 1);
    let end = chars[at..]
        .iter()
        .position(end_mark)
        .map_or(chars.len(), |p| at + p + 1);
    (
        chars[start..end]
            .iter()
            .collect::<String>()
            .trim_end_matches('\n')
            .to_string(),
        at - start,
    )
}

/// Every replacement the rules propose, one per place, in document order. Citations (《…》),
/// quoted names and references to the city (市委…全会) are never proposed.
pub fn preview(plan: &Plan, rules: &[Rule]) -> Vec<Change> {
    preview_for(plan, rules, None)
}

/// The proposals in one field: `rules` over `before`, `own` the titles a 《…》 may quote.
fn changes_in(target: Target, before: &str, rules: &[Rule], own: &[&str], out: &mut Vec<Change>) {
    let chars: Vec<char> = before.chars().collect();
    for (i, len, to, kind) in matches(before, rules, own) {
        if kind == Kind::Keep {
            continue;
        }
        let mut after: String = chars[..i].iter().collect();
        after.push_str(&to);
        after.extend(&chars[i + len..]);
        let (sentence, sentence_at) = sentence(&chars, i);
        out.push(Change {
            target: target.clone(),
            before: before.to_string(),
            after,
            at: i,
            len,
            to,
            sentence,
            sentence_at,
            default_on: kind == Kind::Replace,
            note: String::new(),
        });
    }
}

/// [`preview`] for a district: with `swap`, the issuing organ is replaced first (in the front
/// matter with its kind words, in the text by its place name) and the 发文字号's 机关代字 is moved
/// or, when it cannot be derived, cleared with a note (see `organ`).
pub fn preview_for(plan: &Plan, rules: &[Rule], swap: Option<&super::organ::Swap>) -> Vec<Change> {
    use super::organ::FrontField as F;
    let mut out = Vec::new();
    let body: Vec<Rule> = swap
        .map(|s| s.rules.iter().chain(rules).cloned().collect())
        .unwrap_or_else(|| rules.to_vec());
    let front: Vec<Rule> = swap
        .map(|s| {
            s.rules
                .iter()
                .chain(&s.front_rules)
                .chain(rules)
                .cloned()
                .collect()
        })
        .unwrap_or_else(|| rules.to_vec());
    let organ_only: Vec<Rule> = swap
        .map(|s| s.rules.iter().chain(&s.front_rules).cloned().collect())
        .unwrap_or_default();
    let own = [plan.doc.title.as_str()];
    if let Some(s) = swap {
        let number = &plan.doc.doc_number;
        if let Some(cut) = number.find('〔').filter(|c| *c > 0) {
            let prefix = &number[..cut];
            let (to, note) = match s.doc_number_prefix(prefix) {
                Ok(p) => (p, String::new()),
                Err(why) => (String::new(), why),
            };
            let len = prefix.chars().count();
            out.push(Change {
                target: Target::Front(F::DocNumber),
                before: number.clone(),
                after: format!("{to}{}", &number[cut..]),
                at: 0,
                len,
                to,
                sentence: number.clone(),
                sentence_at: 0,
                default_on: true,
                note,
            });
        }
        for f in [F::Issuer, F::Signature] {
            changes_in(
                Target::Front(f),
                f.get(&plan.doc),
                &organ_only,
                &[],
                &mut out,
            );
        }
    }
    changes_in(
        Target::Front(F::NoticeTitle),
        &plan.doc.notice_title,
        &front,
        &own,
        &mut out,
    );
    changes_in(Target::Title, &plan.doc.title, &front, &[], &mut out);
    changes_in(
        Target::Front(F::Recipients),
        &plan.doc.recipients,
        &front,
        &[],
        &mut out,
    );
    changes_in(
        Target::Front(F::CoverText),
        &plan.doc.cover_text,
        &front,
        &own,
        &mut out,
    );
    if swap.is_some() {
        changes_in(
            Target::Front(F::Printer),
            &plan.doc.printer,
            &organ_only,
            &[],
            &mut out,
        );
    }
    for (i, a) in plan.attachments.iter().enumerate() {
        changes_in(Target::AttachmentTitle(i), &a.title, &body, &[], &mut out);
    }
    for b in walk::bodies(plan) {
        for (i, p) in b.body.preface.iter().enumerate() {
            changes_in(Target::Preface(b.attachment, i), p, &body, &[], &mut out);
        }
    }
    walk::for_each_item(plan, &mut |item| {
        for (field, text) in [
            (super::Field::Title, &item.title),
            (super::Field::Text, &item.text),
        ] {
            changes_in(
                Target::Item(item.id.clone(), field),
                text,
                &body,
                &[],
                &mut out,
            );
        }
    });
    out
}

/// The field text with the kept changes of one target applied (right to left, so offsets
/// stay valid).
fn applied(before: &str, changes: &[&Change]) -> String {
    let mut chars: Vec<char> = before.chars().collect();
    let mut sorted: Vec<&&Change> = changes.iter().collect();
    crate::order::sort_by_key(&mut sorted, |c| std::cmp::Reverse(c.at));
    for c in sorted {
        if c.at + c.len <= chars.len() {
            chars.splice(c.at..c.at + c.len, c.to.chars());
        }
    }
    chars.into_iter().collect()
}

/// Apply the kept changes. Origins stay 采纳: re-scoping is not a substantive edit.
pub fn apply(plan: &mut Plan, changes: &[Change]) {
    let mut done: Vec<&Target> = Vec::new();
    for c in changes {
        if done.contains(&&c.target) {
            continue;
        }
        done.push(&c.target);
        let same: Vec<&Change> = changes.iter().filter(|d| d.target == c.target).collect();
        let value = applied(&c.before, &same);
        set(plan, &c.target, value);
    }
}

fn set(plan: &mut Plan, target: &Target, value: String) {
    match target {
        Target::Title => plan.doc.title = value,
        Target::Front(f) => *f.get_mut(&mut plan.doc) = value,
        Target::AttachmentTitle(i) => {
            if let Some(a) = plan.attachments.get_mut(*i) {
                a.title = value;
            }
        }
        Target::Preface(b, i) => {
            let body = if *b == 0 {
                Some(&mut plan.body)
            } else {
                plan.attachments.get_mut(b - 1).map(|a| &mut a.body)
            };
            if let Some(p) = body.and_then(|b| b.preface.get_mut(*i)) {
                *p = value;
            }
        }
        Target::Item(id, field) => {
            if let Some(item) = super::item_mut(plan, id) {
                match field {
                    super::Field::Title => item.title = value,
                    super::Field::Text => item.text = value,
                    _ => {}
                }
            }
        }
    }
}
