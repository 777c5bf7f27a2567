//! The words of task-table headers (序号, 重点任务, 工作内容, 牵头单位, 完成时限 … in any
//! wording and script): each header cell's role, whether a cell reads as a header word,
//! headers glued into one line, and whether a row is a task table's header (not a counts
//! table).
//!
//! Owns the header vocabulary every reader asks (`blocks`, `cells`, `grid`, `clean`,
//! `furniture`, the .xlsx task sheets). Deliberately does not read rows: that is `table`.

use super::fold::fold;
use super::markers::split_marker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Seq,
    Group,
    Content,
    Units,
    Lead,
    Coop,
    Deadline,
    Note,
    Other,
}

pub(crate) fn role(header: &str) -> Role {
    let h: String = fold(header)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    match h.as_str() {
        "序号" | "编号" | "序" => Role::Seq,
        "重点任务" | "工作任务" | "主要任务" | "任务" | "类别" | "工作项目" | "项目"
        | "重点工作" | "目标任务" | "建设任务" | "工作事项" | "事项" | "重点领域" | "领域"
        | "任务类别" | "工作类别" => Role::Group,
        "工作内容"
        | "具体措施"
        | "主要内容"
        | "工作措施"
        | "具体工作"
        | "任务内容"
        | "重点工作和要求"
        | "工作指标"
        | "具体任务"
        | "工作要求"
        | "措施"
        | "内容"
        | "名称"
        | "任务名称"
        | "工作名称"
        | "主要工作"
        | "具体内容"
        | "工作重点" => Role::Content,
        "责任单位" | "责任部门" | "责任主体" | "责任清单" | "实施单位" => {
            Role::Units
        }
        "牵头单位" | "牵头部门" | "主责单位" | "主办单位" | "牵头领导" => {
            Role::Lead
        }
        "配合单位" | "协办单位" | "配合部门" | "参与单位" | "协同单位" | "协助单位" => {
            Role::Coop
        }
        "完成时限" | "时限" | "完成时间" | "时间节点" | "时限要求" | "时限清单" | "完成期限"
        | "时间安排" | "进度安排" => Role::Deadline,
        "备注" => Role::Note,
        _ => Role::Other,
    }
}

/// Whether a header row names units or deadlines (a task table, not page metadata).
pub fn has_task_columns(header: &[String]) -> bool {
    header.iter().any(|h| {
        matches!(
            role(h),
            Role::Units | Role::Lead | Role::Coop | Role::Deadline | Role::Content
        )
    })
}

/// Words that end a column header people write (目标要求, 完成情况, 工作举措 …).
const STEMS: &[&str] = &[
    "任务", "内容", "措施", "要求", "单位", "部门", "时限", "时间", "进展", "情况", "备注", "序号",
    "名称", "目标", "指标", "类别", "项目", "清单", "事项", "举措", "节点", "成效",
];

/// Whether a cell reads as a column header (known word, or a short phrase ending in one).
pub fn is_header_word(s: &str) -> bool {
    if s.len() > 60 {
        return false;
    }
    let s: String = fold(s).chars().filter(|c| !c.is_whitespace()).collect();
    if role(&s) != Role::Other {
        return true;
    }
    let n = s.chars().count();
    (2..=8).contains(&n)
        && s.chars().all(|c| c.is_alphanumeric())
        && STEMS.iter().any(|t| s.ends_with(t))
        && split_marker(&s).is_none()
}

/// A line of header words written without separators (`类别工作项目重点任务牵头单位配合单位`):
/// its cells, if the whole line is three or more known header words.
pub fn glued_header(line: &str) -> Option<Vec<String>> {
    // Cheap test first: a task table always has a units or a deadline column.
    if line.len() > 240
        || !["单位", "部门", "时限", "單位", "部門", "時限"]
            .iter()
            .any(|w| line.contains(w))
    {
        return None;
    }
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.len() > 60 || chars.len() < 6 {
        return None;
    }
    let mut cells = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // Longest known header starting at i.
        let end = (i + 2..=(i + 8).min(chars.len()))
            .rev()
            .find(|&e| role(&chars[i..e].iter().collect::<String>()) != Role::Other)
            .or_else(|| {
                (i + 2..=(i + 6).min(chars.len()))
                    .rev()
                    .find(|&e| is_header_word(&chars[i..e].iter().collect::<String>()))
            })?;
        cells.push(chars[i..end].iter().collect());
        i = end;
    }
    (cells.len() >= 3).then_some(cells)
}

/// Whether a row of cells is a task table's header: at least two header words, one of them
/// naming the task text (not 序号/备注, units or a time), and no column that counts (`牵头任务数`,
/// `合计`): a row of counts per unit is a statistics table, not a task list.
pub fn is_task_header(cells: &[String]) -> bool {
    let words: Vec<String> = cells
        .iter()
        .map(|c| fold(c).chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let counts = words
        .iter()
        .any(|w| w.ends_with("数") || matches!(w.as_str(), "合计" | "小计" | "总计"));
    let known: Vec<&String> = words.iter().filter(|w| is_header_word(w)).collect();
    !counts
        && known.len() >= 2
        && known.iter().any(|w| {
            !matches!(w.as_str(), "序号" | "备注")
                && !w.contains("单位")
                && !w.contains("部门")
                && !w.contains('时')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words_any_wording() {
        for h in [
            "序号",
            "名 称",
            "重点工作和要求",
            "目标要求",
            "完成情况",
            "工作举措",
            "責任單位",
        ] {
            assert!(is_header_word(h), "{h}");
        }
        for h in ["一、预案", "应急局", "加强组织领导。"] {
            assert!(!is_header_word(h), "{h}");
        }
        assert_eq!(
            glued_header("类别工作项目重点任务牵头单位配合单位"),
            Some(
                vec!["类别", "工作项目", "重点任务", "牵头单位", "配合单位"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
        assert_eq!(glued_header("加强组织领导"), None);
        let row = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_task_header(&row(&[
            "序号",
            "重点任务",
            "具体措施",
            "牵头单位"
        ])));
        // Counts per unit (the 单位统计 sheet): no task column, a statistics table.
        assert!(!is_task_header(&row(&[
            "单位",
            "类别",
            "牵头任务数",
            "配合任务数",
            "合计",
            "工作表"
        ])));
        assert!(!is_task_header(&row(&["序号", "牵头单位"])));
    }
}
