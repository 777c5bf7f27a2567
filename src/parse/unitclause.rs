//! 责任单位 clauses: finding the clause at the end of a task, and splitting it into lead and
//! cooperating unit names under the plan's convention or the clause's explicit wording.
//!
//! Owns the bracket-aware splitting (`党工委宣传部（网信办）` stays one name), collective
//! entries (`安委会、减灾委有关成员单位` stays one entry) and generic markers (`等有关单位`).
//! Deliberately returns names, not registry ids: resolving is the registry's job.

use crate::model::Convention;

/// Lead and cooperating names read from one clause.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignment {
    pub lead: Vec<String>,
    pub coop: Vec<String>,
    pub generic: Vec<String>,
    /// `完成时限：…` written inside the clause.
    pub deadline: Option<String>,
}

const LABELS_LEAD: &[&str] = &[
    "牵头单位",
    "牵头部门",
    "主办单位",
    "责任单位",
    "责任部门",
    "主责单位",
];
const LABELS_COOP: &[&str] = &[
    "配合单位",
    "配合部门",
    "协办单位",
    "参与单位",
    "相关单位",
    "协同单位",
];
const DEADLINE_LABELS: &[&str] = &["完成时限", "完成时间", "时限要求"];
const GENERIC_SUFFIXES: &[&str] = &[
    "等有关单位",
    "等相关单位",
    "等有关部门",
    "等相关部门",
    "等单位",
    "等部门",
];
const GENERIC_WHOLE: &[&str] = &[
    "有关单位",
    "相关单位",
    "有关部门",
    "相关部门",
    "其他有关单位",
];

fn is_open(c: char) -> bool {
    c == '（' || c == '('
}
fn is_close(c: char) -> bool {
    c == '）' || c == ')'
}

/// If `text` ends with a bracketed 责任单位 clause, return the text before it and the clause
/// content (verbatim, without the brackets).
pub fn extract_clause(text: &str) -> Option<(String, String)> {
    let trimmed = text.trim_end().trim_end_matches(['。', ' ', '；']);
    let chars: Vec<char> = trimmed.chars().collect();
    if !chars.last().is_some_and(|c| is_close(*c)) {
        return None;
    }
    let mut depth = 0i32;
    let mut open = None;
    for i in (0..chars.len()).rev() {
        if is_close(chars[i]) {
            depth += 1;
        } else if is_open(chars[i]) {
            depth -= 1;
            if depth == 0 {
                open = Some(i);
                break;
            }
        }
    }
    let open = open?;
    let content: String = chars[open + 1..chars.len() - 1].iter().collect();
    if !is_clause(&content) {
        return None;
    }
    let before: String = chars[..open].iter().collect();
    Some((before.trim_end().to_string(), content.trim().to_string()))
}

/// Whether bracket content reads as a 责任单位 clause.
pub fn is_clause(content: &str) -> bool {
    // A clause names units, or (written by Yaodian for a task without units) only a deadline.
    let c = content.trim_start();
    let labelled = LABELS_LEAD.iter().chain(LABELS_COOP).any(|l| {
        c.strip_prefix(l)
            .is_some_and(|r| r.starts_with('：') || r.starts_with(':'))
    });
    // Yaodian writes `（完成时限：…）` alone for a task without units.
    let deadline_only = DEADLINE_LABELS.iter().any(|l| {
        c.strip_prefix(l)
            .is_some_and(|r| r.starts_with('：') || r.starts_with(':'))
    });
    labelled
        || deadline_only
        || (c.contains("牵头") && (c.contains('，') || c.contains("负责") || c.ends_with("牵头")))
}

/// Split at `sep` characters that are not inside brackets.
fn split_top(s: &str, seps: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth -= 1;
        }
        if depth <= 0 && seps.contains(&c) {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn strip_label(s: &str) -> (Option<bool>, &str) {
    let t = s.trim();
    for (labels, lead) in [(LABELS_LEAD, true), (LABELS_COOP, false)] {
        for l in labels {
            if let Some(rest) = t.strip_prefix(l) {
                if let Some(r) = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':')) {
                    return (Some(lead), r.trim());
                }
            }
        }
    }
    (None, t)
}

/// Split one `，`-group into names, keeping `安委会、减灾委有关成员单位` whole: committee names
/// right before a `…成员单位` entry belong to it.
fn group_names(group: &str) -> Vec<String> {
    let mut parts = split_top(group, &['、']);
    let collective = |p: &str| p.contains("成员单位") || p.ends_with("有关单位");
    let committee = |p: &str| {
        p.chars().count() <= 6 && (p.ends_with('委') || p.ends_with('会') || p.ends_with('办'))
    };
    if parts.len() > 1 && parts.last().is_some_and(|p| collective(p)) {
        let last = parts.len() - 1;
        let mut start = last;
        while start > 0 && committee(&parts[start - 1]) {
            start -= 1;
        }
        if start < last {
            let merged = parts[start..].join("、");
            parts.truncate(start);
            parts.push(merged);
        }
    }
    parts
}

/// Move generic wording out of names: `应急局等有关单位` → `应急局` + `等有关单位`.
fn push_names(names: Vec<String>, into: &mut Vec<String>, generic: &mut Vec<String>) {
    for name in names {
        let name = name.trim_end_matches(['。', '；', ';']).trim().to_string();
        if GENERIC_WHOLE.contains(&name.as_str()) {
            generic.push(name);
            continue;
        }
        let mut base = name.as_str();
        if let Some(suffix) = GENERIC_SUFFIXES.iter().find(|s| base.ends_with(*s)) {
            generic.push((*suffix).to_string());
            base = &base[..base.len() - suffix.len()];
        }
        let base = base.trim();
        // Duplicates are dropped once at the end (`dedup`): checking here was quadratic.
        if !base.is_empty() {
            into.push(base.to_string());
        }
    }
}

/// Split a clause (with or without its `责任单位：` label) into lead and cooperating names.
pub fn split_units(clause: &str, convention: Convention) -> Assignment {
    let mut a = split_names(clause, convention);
    dedup(&mut a.lead);
    dedup(&mut a.coop);
    a
}

/// Keep the first of equal names, in one pass.
fn dedup(names: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
}

fn split_names(clause: &str, convention: Convention) -> Assignment {
    let mut a = Assignment::default();
    let clause = clause.trim();
    // Explicit labels: 牵头单位：…；配合单位：…；完成时限：…
    let mut segments = split_top(clause, &['；', ';']);
    segments.retain(
        |seg| match DEADLINE_LABELS.iter().find_map(|l| seg.strip_prefix(l)) {
            Some(d) => {
                a.deadline = Some(d.trim_start_matches(['：', ':']).trim().to_string());
                false
            }
            None => true,
        },
    );
    let clause = segments.join("；");
    let clause = clause.as_str();
    let explicit = segments.iter().any(|s| {
        let (role, _) = strip_label(s);
        role.is_some()
            && !s.trim_start().starts_with("责任单位")
            && !s.trim_start().starts_with("责任部门")
    });
    if explicit {
        for seg in segments {
            let (role, rest) = strip_label(&seg);
            let names: Vec<String> = split_top(rest, &['，', ','])
                .iter()
                .flat_map(|g| group_names(g))
                .collect();
            let target = if role == Some(false) {
                &mut a.coop
            } else {
                &mut a.lead
            };
            push_names(names, target, &mut a.generic);
        }
        return a;
    }
    let (_, body) = strip_label(clause);
    let groups = split_top(body, &['，', ',']);
    // （A、B牵头，C、D按职责分工负责）
    if groups.first().is_some_and(|g| g.ends_with("牵头")) {
        for (i, g) in groups.iter().enumerate() {
            let mut g = g.as_str();
            for suffix in [
                "牵头",
                "按职责分工负责",
                "按职责负责",
                "分工负责",
                "配合",
                "参与",
                "负责",
            ] {
                if let Some(s) = g.strip_suffix(suffix) {
                    g = s;
                    break;
                }
            }
            let target = if i == 0 { &mut a.lead } else { &mut a.coop };
            push_names(group_names(g), target, &mut a.generic);
        }
        return a;
    }
    match convention {
        Convention::FirstGroupLeads => {
            for (i, g) in groups.iter().enumerate() {
                let target = if i == 0 { &mut a.lead } else { &mut a.coop };
                push_names(group_names(g), target, &mut a.generic);
            }
        }
        Convention::FirstUnitLeads => {
            let names: Vec<String> = groups.iter().flat_map(|g| group_names(g)).collect();
            let mut iter = names.into_iter();
            if let Some(first) = iter.next() {
                push_names(vec![first], &mut a.lead, &mut a.generic);
            }
            push_names(iter.collect(), &mut a.coop, &mut a.generic);
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn extracts_clause_with_inner_brackets() {
        let t = "强化舆情处置。第一时间引导社会舆论。（责任单位：各镇街，党工委宣传部（网信办）、应急局，安委会、减灾委有关成员单位）";
        let (before, clause) = extract_clause(t).unwrap();
        assert_eq!(before, "强化舆情处置。第一时间引导社会舆论。");
        assert_eq!(
            clause,
            "责任单位：各镇街，党工委宣传部（网信办）、应急局，安委会、减灾委有关成员单位"
        );
        let a = split_units(&clause, Convention::FirstGroupLeads);
        assert_eq!(a.lead, s(&["各镇街"]));
        assert_eq!(
            a.coop,
            s(&[
                "党工委宣传部（网信办）",
                "应急局",
                "安委会、减灾委有关成员单位"
            ])
        );
    }

    #[test]
    fn generic_wording_is_kept_as_marker() {
        let a = split_units(
            "责任单位：安委办，经济信息局、住房城乡建设局、交通局、应急局等有关单位",
            Convention::FirstGroupLeads,
        );
        assert_eq!(a.lead, s(&["安委办"]));
        assert_eq!(
            a.coop,
            s(&["经济信息局", "住房城乡建设局", "交通局", "应急局"])
        );
        assert_eq!(a.generic, s(&["等有关单位"]));
        let b = split_units(
            "责任单位：各镇街，安委办、减灾办，有关单位",
            Convention::FirstGroupLeads,
        );
        assert_eq!(b.coop, s(&["安委办", "减灾办"]));
        assert_eq!(b.generic, s(&["有关单位"]));
    }

    #[test]
    fn conventions_and_explicit_forms() {
        let a = split_units("应急局、公安分局，各镇街", Convention::FirstUnitLeads);
        assert_eq!(
            (a.lead, a.coop),
            (s(&["应急局"]), s(&["公安分局", "各镇街"]))
        );
        let b = split_units(
            "牵头单位：应急局、消防救援大队；配合单位：各镇街、公安分局",
            Convention::FirstUnitLeads,
        );
        assert_eq!(
            (b.lead, b.coop),
            (s(&["应急局", "消防救援大队"]), s(&["各镇街", "公安分局"]))
        );
        let c = split_units(
            "应急局、水利局牵头，各镇街按职责分工负责",
            Convention::FirstUnitLeads,
        );
        assert_eq!((c.lead, c.coop), (s(&["应急局", "水利局"]), s(&["各镇街"])));
    }

    #[test]
    fn deadline_inside_the_clause() {
        let a = split_units(
            "责任单位：应急局，各镇街；完成时限：2025年6月底前",
            Convention::FirstGroupLeads,
        );
        assert_eq!((a.lead, a.coop), (s(&["应急局"]), s(&["各镇街"])));
        assert_eq!(a.deadline.as_deref(), Some("2025年6月底前"));
    }

    #[test]
    fn non_clauses_are_left_alone() {
        assert_eq!(extract_clause("严格执行“日周月”隐患排查制度。"), None);
        assert_eq!(
            extract_clause("构建“三个挂钩”（与经济效益、行政许可、企业信誉挂钩）"),
            None
        );
        assert!(extract_clause("推进。（应急局牵头，各镇街配合）").is_some());
    }
}
