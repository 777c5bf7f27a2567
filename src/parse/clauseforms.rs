//! The unlabelled forms of a 责任单位 clause as documents write them: `（A、B牵头，C分工负责）`,
//! `（A会同B负责）`, `（A牵头，B、C落实）`, `（A，B按职责分工负责）`, with a deadline among the
//! groups (`，持续推进`) or a standing note after `；` (`以下各项工作均需…不再注明`).
//!
//! Owns the words of these forms (role suffixes, deadline phrases, notes). `unitclause` calls
//! it; deliberately returns pieces of the clause as written, never registry ids. Words are
//! compared on the folded text (`fold`), so traditional-script clauses read the same.

use super::fold::fold;

/// Role words at the end of a group, longest first: a lead suffix and the cooperating ones.
const COOP_SUFFIXES: &[&str] = &[
    "按职责分工负责",
    "按职责分工落实",
    "按职能职责分工负责",
    "按职责负责",
    "分工负责",
    "具体落实",
    "配合落实",
    "共同负责",
    "配合",
    "参与",
    "协助",
    "落实",
    "负责",
];

/// Words that make a unit list: a name ends in one of them.
const UNIT_ENDS: &[&str] = &[
    "局",
    "委",
    "办",
    "部",
    "厅",
    "会",
    "单位",
    "部门",
    "政府",
    "街",
    "镇",
    "乡",
    "区",
    "县",
    "中心",
    "队",
    "院",
    "所",
    "站",
    "公司",
    "处",
    "室",
    "组",
    "园区",
    "管委会",
];

/// Whether a token reads as one unit's name (`应消站`, `村(社区)`): ends in an organ word.
pub fn is_unit_name(token: &str) -> bool {
    let t = token.trim();
    let base = match t.find(['(', '（']) {
        Some(i) if t.ends_with([')', '）']) && i > 0 => &t[..i],
        _ => t,
    };
    // One organ word is a name only with its bracket (`村(社区)`, `镇(街道)`).
    (base.chars().count() >= 2 || (base.chars().count() == 1 && base.len() < t.len()))
        && (UNIT_ENDS.iter().any(|e| base.ends_with(e)) || base.ends_with('村'))
}

/// `s` without the role word at its end (牵头, 分工负责 …), and whether it was 牵头.
pub fn strip_role(s: &str) -> (&str, Option<bool>) {
    let f = fold(s);
    if let Some(rest) = f.strip_suffix("牵头") {
        return (&s[..rest.len()], Some(true));
    }
    for suf in COOP_SUFFIXES {
        if let Some(rest) = f.strip_suffix(suf) {
            return (&s[..rest.len()], Some(false));
        }
    }
    (s, None)
}

/// Bracket content that reads as an unlabelled unit list ending in a role word.
pub fn is_unlabelled(content: &str) -> bool {
    let f = fold(content.trim());
    let n = f.chars().count();
    if n > 300 || f.contains('。') || f.contains('《') || f.starts_with("以下简称") {
        return false;
    }
    // Judge the part before a standing note (`；以下各项均需…`).
    let head = f.split(['；', ';']).next().unwrap_or_default();
    if head.contains("牵头")
        && (head.contains('，')
            || head.contains(',')
            || head.contains("负责")
            || head.ends_with("牵头"))
    {
        return true;
    }
    let (names, role) = strip_role(head);
    role.is_some()
        && names.chars().count() >= 2
        && names.split(['，', ',', '、']).any(|p| {
            UNIT_ENDS
                .iter()
                .any(|e| p.trim_end_matches(['等', ' ']).ends_with(e))
        })
}

/// `A会同B负责` → (`A`, `B`).
pub fn split_together(group: &str) -> Option<(&str, &str)> {
    let f = fold(group);
    let at = f.find("会同")?;
    let (lead, rest) = (&group[..at], &group[at + "会同".len()..]);
    let (coop, _) = strip_role(rest);
    (!lead.trim().is_empty() && !coop.trim().is_empty()).then_some((lead.trim(), coop.trim()))
}

/// A group that is a deadline, not a unit (`持续推进`, `2025年6月底前`, `长期坚持`).
pub fn is_deadline(group: &str) -> bool {
    let g = fold(group.trim().trim_end_matches(['。', ' ']));
    [
        "持续推进",
        "长期坚持",
        "全年",
        "年底前",
        "常态化",
        "长期",
        "持续开展",
        "每季度",
        "每月",
        "汛期前",
        "上半年",
        "下半年",
    ]
    .contains(&g.as_str())
        || (g.ends_with('前') || g.ends_with("底"))
            && (g.contains('月') || g.contains('年'))
            && g.chars().count() <= 14
}

/// A standing note after the units (`以下各项工作均需各县区具体落实，不再注明`): not units.
pub fn is_note(segment: &str) -> bool {
    let f = fold(segment);
    ["以下", "不再", "下同", "均需", "均由", "注明", "列出"]
        .iter()
        .any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert!(is_unlabelled(
            "市委组织部、市委宣传部牵头,市安委会各成员单位分工负责"
        ));
        assert!(is_unlabelled("区安委会办公室会同区各有关部门负责"));
        assert!(is_unlabelled(
            "市減災委辦公室及相關各成員單位按職責分工負責"
        ));
        assert!(is_unlabelled("省应急厅牵头"));
        assert!(!is_unlabelled("以下简称《意见》"));
        assert!(!is_unlabelled("与经济效益、行政许可、企业信誉挂钩"));
        assert_eq!(
            split_together("区安委会办公室会同区各有关部门负责"),
            Some(("区安委会办公室", "区各有关部门"))
        );
        assert_eq!(strip_role("各镇街分工负责"), ("各镇街", Some(false)));
        assert!(is_deadline("持续推进。"));
        assert!(is_deadline("2025年6月底前"));
        assert!(!is_deadline("各镇街"));
        assert!(is_note("以下各项工作均需各县区具体落实,不再注明"));
    }

    #[test]
    fn unit_names_in_a_spaced_cell() {
        for t in [
            "农村办",
            "规划建设办",
            "国土所",
            "村(社区)",
            "镇（街道）",
            "应消站",
        ] {
            assert!(is_unit_name(t), "{t}");
        }
        for t in ["村", "加强", "(社区)", "局"] {
            assert!(!is_unit_name(t), "{t}");
        }
    }
}
