//! Task tables (重点工作任务清单 / 任务分解表): header words decide each column's role; rows
//! become group headings and tasks with units, deadline and note. No row is ever dropped: a
//! row with no task text keeps its cells as a task's text, a column not understood is kept as
//! `header：value` in the task's note (and reported once as a guess).
//!
//! Owns the header vocabulary (also used by `blocks` to spot a header, and `is_task_header`
//! for the .xlsx task sheets), the column-role mapping, rows whose merged cells the page left
//! out (re-aligned by their markers), nested group columns, and a group cell repeated on the
//! rows under it (a merge read as its value) opening its group once. Deliberately reuses `structure::Ctx::make_item` for each cell's text,
//! so a table task reads exactly like a task in running text.

use super::fold::fold;
use super::markers::split_marker;
use super::structure::{check_numbers, detect_style, Ctx};
use super::unitclause::split_units;
use crate::model::{Item, TaskTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
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

fn role(header: &str) -> Role {
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

fn names(cell: &str) -> Vec<String> {
    let a = split_units(cell, crate::model::Convention::FirstGroupLeads);
    a.lead.into_iter().chain(a.coop).collect()
}

/// The marker level a cell starts with (1 `一、` … 5 `①`), if any.
fn level_of(cell: &str) -> Option<u8> {
    split_marker(cell).map(|m| m.level)
}

/// Put a row's cells into their columns. A row shorter than the header lost its merged cells
/// on the left: it starts at the column whose cells carry the same marker level as its first
/// cell (`levels`), else it is aligned to the right.
fn align(row: &[String], n: usize, levels: &[Option<u8>]) -> Vec<String> {
    let mut row: Vec<String> = row.to_vec();
    while row.len() > n && row.last().is_some_and(|c| c.trim().is_empty()) {
        row.pop();
    }
    let first = row.first().and_then(|c| level_of(c));
    let start = match first {
        Some(l) if row.len() < n || levels.first() != Some(&Some(l)) => {
            // Of the columns whose cells carry this marker level, the one where most of the
            // row's cells match their column's level (the first column on a tie with it,
            // else the rightmost).
            let fits = |s: usize| {
                row.iter()
                    .enumerate()
                    .filter(|(j, c)| levels.get(s + j).copied().flatten() == level_of(c))
                    .count()
            };
            (0..n)
                .filter(|&i| levels[i] == Some(l))
                .max_by_key(|&i| (fits(i), i == 0, i))
                .unwrap_or(0)
        }
        _ if row.len() < n && row.len() > 1 && first.is_none() && levels[0].is_some() => {
            n - row.len()
        }
        _ => 0,
    };
    let mut out = vec![String::new(); start];
    out.extend(row);
    out.resize(out.len().max(n), String::new());
    while out.len() > n && out.last().is_some_and(|c| c.trim().is_empty()) {
        out.pop();
    }
    out
}

/// Read a table whose first row is its header.
pub fn build_table(line: usize, caption: &str, rows: &[Vec<String>], ctx: &mut Ctx) -> TaskTable {
    let header = rows.first().cloned().unwrap_or_default();
    let n = header.len().max(1);
    let roles: Vec<Role> = header.iter().map(|h| role(h)).collect();
    let col = |r: Role| roles.iter().position(|x| *x == r);
    let mut group_cols: Vec<usize> = (0..n)
        .filter(|&i| roles.get(i) == Some(&Role::Group))
        .collect();
    let content_col = col(Role::Content)
        .or_else(|| group_cols.pop())
        // No column reads as the task: the first text column is.
        .or_else(|| (0..n).find(|&i| matches!(roles.get(i), Some(Role::Other))))
        .or_else(|| (0..n).find(|&i| roles.get(i) != Some(&Role::Seq)));
    let unknown: Vec<&str> = header
        .iter()
        .zip(&roles)
        .enumerate()
        .filter(|(i, (_, r))| **r == Role::Other && Some(*i) != content_col)
        .map(|(_, (h, _))| h.as_str())
        .collect();
    if !unknown.is_empty() {
        ctx.report.guess(
            line,
            format!(
                "表格列“{}”未识别，内容已作为备注保留在各任务上，请核对。",
                unknown.join("、")
            ),
        );
    }
    // The marker level each column's full rows start with.
    let mut levels: Vec<Option<u8>> = vec![None; n];
    for row in rows.iter().skip(1).filter(|r| r.len() >= n) {
        for (i, cell) in row.iter().take(n).enumerate() {
            if levels[i].is_none() {
                levels[i] = level_of(cell);
            }
        }
    }
    let mut table = TaskTable {
        id: ctx.ids.next('b'),
        caption: caption.to_string(),
        columns: header.clone(),
        ..TaskTable::default()
    };
    // Open groups: (rank, item); rank orders columns, then marker levels within a column.
    let mut open: Vec<(usize, Item)> = Vec::new();
    let mut roots: Vec<Item> = Vec::new();
    let mut l3_seen = Vec::new();
    let mut section = 0usize;
    // The group each group column last opened: a group cell repeated on the rows under it
    // (an .xlsx merge read as its value, a .doc merge saved as repeated text) opens it once.
    let mut last_group: Vec<String> = vec![String::new(); group_cols.len()];
    fn close(open: &mut Vec<(usize, Item)>, roots: &mut Vec<Item>, rank: usize) {
        while open.last().is_some_and(|(r, _)| *r >= rank) {
            let (_, done) = open.pop().expect("checked");
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(done),
                None => roots.push(done),
            }
        }
    }
    for (r, raw) in rows.iter().enumerate().skip(1) {
        let row_line = line + r;
        if raw.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let filled = raw.iter().filter(|c| !c.trim().is_empty()).count();
        let row = if filled == 1 && raw.len() < n {
            // A row spanning the table (`一、体系建设`): a group above every column, in the
            // first group column when the first column only numbers the rows.
            let at = match roles.first() {
                Some(Role::Seq) => group_cols.first().copied().or(content_col).unwrap_or(0),
                _ => 0,
            };
            let mut v = vec![String::new(); n];
            v[at] = raw
                .iter()
                .find(|c| !c.trim().is_empty())
                .cloned()
                .unwrap_or_default();
            v
        } else {
            align(raw, n, &levels)
        };
        let cell = |c: Option<usize>| c.and_then(|i| row.get(i)).map(|s| s.trim()).unwrap_or("");
        let mut content = cell(content_col).to_string();
        let mut content_from = content_col;
        for (k, &g) in group_cols.iter().enumerate() {
            let text = cell(Some(g));
            if text.is_empty() || text == last_group[k] {
                continue;
            }
            // A task-level marker in a group column of a row with no task text: the task.
            let last_filled = group_cols
                .iter()
                .rev()
                .find(|&&c| !cell(Some(c)).is_empty());
            if content.is_empty()
                && level_of(text).is_some_and(|l| l >= 3)
                && last_filled == Some(&g)
                && g != group_cols[0]
            {
                content = text.to_string();
                content_from = Some(g);
                continue;
            }
            let (level, numbered, rest) = match split_marker(text) {
                Some(m) => (m.level.min(3), true, m.rest),
                None => (
                    (group_cols.iter().position(|c| *c == g).unwrap_or(0) + 1).min(3) as u8,
                    false,
                    text.to_string(),
                ),
            };
            last_group[k] = text.to_string();
            for deeper in &mut last_group[k + 1..] {
                deeper.clear();
            }
            let rank = g * 8 + level as usize;
            close(&mut open, &mut roots, rank);
            section += 1;
            let item = ctx.make_item(row_line, level, numbered, &rest);
            open.push((rank, Item { task: None, ..item }));
        }
        if content.is_empty() {
            // Nothing in the task column: the row's text cells (columns without a role) are
            // the task's text, or else all its other cells; units and deadline stay in theirs.
            let text_cols: Vec<usize> = (0..n)
                .filter(|&i| roles.get(i) == Some(&Role::Other) && !cell(Some(i)).is_empty())
                .collect();
            let rest: Vec<&str> = if text_cols.is_empty() {
                (0..n)
                    .filter(|&i| !group_cols.contains(&i) && roles.get(i) != Some(&Role::Seq))
                    .map(|i| cell(Some(i)))
                    .filter(|c| !c.is_empty())
                    .collect()
            } else {
                text_cols.iter().map(|&i| cell(Some(i))).collect()
            };
            if rest.is_empty() {
                continue;
            }
            content = rest.join("；");
            // One text column: the task is read from it (its rank nests it under the task
            // of the column before, its header is no note).
            content_from = match text_cols[..] {
                [one] => Some(one),
                _ => None,
            };
        }
        let (number, level, rest) = match split_marker(&content) {
            Some(m) if m.level >= 3 => (Some(m.number), m.level, m.rest),
            _ => (
                cell(col(Role::Seq))
                    .trim_end_matches(['.', '．', '、'])
                    .parse::<u32>()
                    .ok(),
                3,
                content.clone(),
            ),
        };
        let mut item = ctx.make_item(row_line, level, true, &rest);
        if let Some(num) = number {
            if level == 3 {
                l3_seen.push((section, 0, num));
            }
            ctx.source_numbers
                .insert(item.id.clone(), (row_line, level, num));
        }
        let task = item.task.get_or_insert_with(Default::default);
        let units = cell(col(Role::Units));
        if !units.is_empty() {
            ctx.assign(task, units, row_line);
        } else {
            let (lead, coop) = (cell(col(Role::Lead)), cell(col(Role::Coop)));
            if !lead.is_empty() || !coop.is_empty() {
                task.units_text = [lead, coop]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("；");
                ctx.assign_names(task, &names(lead), &names(coop));
            }
        }
        let deadline = cell(col(Role::Deadline));
        if !deadline.is_empty() {
            task.deadline = deadline.to_string();
        }
        // Columns without a role are kept in the note, never dropped.
        let mut notes = vec![cell(col(Role::Note)).to_string()];
        for (i, r) in roles.iter().enumerate() {
            if *r == Role::Other
                && Some(i) != content_from
                && content_from.is_some()
                && !cell(Some(i)).is_empty()
            {
                notes.push(format!("{}：{}", header[i], cell(Some(i))));
            }
        }
        task.note = notes
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("；");
        // A deeper task under the previous one (（1） rows under a `1.` task) nests.
        let rank = content_from.or(content_col).unwrap_or(0) * 8 + level as usize;
        close(&mut open, &mut roots, rank);
        open.push((rank, item));
    }
    close(&mut open, &mut roots, 0);
    table.items = roots;
    table.numbering = detect_style(&l3_seen);
    check_numbers(&table.items, table.numbering, ctx);
    table
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

    #[test]
    fn short_rows_are_realigned_by_their_markers() {
        let levels = [Some(2), Some(3), None, None, None];
        let row: Vec<String> = ["2.制定清单。", "市级各专委会办公室", "2月10日前", "", ""]
            .map(String::from)
            .to_vec();
        assert_eq!(
            align(&row, 5, &levels),
            ["", "2.制定清单。", "市级各专委会办公室", "2月10日前", ""]
        );
    }
}
