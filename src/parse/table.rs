//! Task tables (重点工作任务清单): header words decide each column's role, rows become group
//! headings and tasks with units, deadline and note.
//!
//! Owns the column-role mapping. Deliberately reuses `structure::Ctx::make_item` for the
//! text of each cell, so a table task reads exactly like a task in running text.

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
    match header.trim() {
        "序号" => Role::Seq,
        "重点任务" | "工作任务" | "主要任务" | "任务" | "类别" | "工作项目" | "项目"
        | "重点工作" | "目标任务" => Role::Group,
        "工作内容" | "具体措施" | "主要内容" | "工作措施" | "具体工作" | "任务内容" => {
            Role::Content
        }
        "责任单位" | "责任部门" => Role::Units,
        "牵头单位" | "牵头部门" => Role::Lead,
        "配合单位" | "协办单位" | "配合部门" => Role::Coop,
        "完成时限" | "时限" | "完成时间" | "时间节点" | "时限要求" => {
            Role::Deadline
        }
        "备注" => Role::Note,
        _ => Role::Other,
    }
}

fn names(cell: &str) -> Vec<String> {
    let a = split_units(cell, crate::model::Convention::FirstGroupLeads);
    a.lead.into_iter().chain(a.coop).collect()
}

/// Read a table whose first row is its header.
pub fn build_table(line: usize, caption: &str, rows: &[Vec<String>], ctx: &mut Ctx) -> TaskTable {
    let header = rows.first().cloned().unwrap_or_default();
    let roles: Vec<Role> = header.iter().map(|h| role(h)).collect();
    let col = |r: Role| roles.iter().position(|x| *x == r);
    let (group_col, mut content_col) = (col(Role::Group), col(Role::Content));
    if content_col.is_none() {
        // A table with one text column: treat it as the content.
        content_col = group_col;
    }
    let group_col = group_col.filter(|g| Some(*g) != content_col);
    let mut table = TaskTable {
        id: ctx.ids.next('b'),
        caption: caption.to_string(),
        columns: header.clone(),
        ..TaskTable::default()
    };
    let mut groups: Vec<Item> = Vec::new();
    let mut loose: Vec<Item> = Vec::new();
    let mut l3_seen = Vec::new();
    let mut section = 0usize;
    for (r, row) in rows.iter().enumerate().skip(1) {
        let row_line = line + r;
        let cell = |c: Option<usize>| c.and_then(|i| row.get(i)).map(|s| s.trim()).unwrap_or("");
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let group_text = cell(group_col);
        if !group_text.is_empty() {
            let (level, numbered, rest) = match split_marker(group_text) {
                Some(m) => (m.level.min(2), true, m.rest),
                None => (1, false, group_text.to_string()),
            };
            section += 1;
            let g = ctx.make_item(row_line, level, numbered, &rest);
            groups.push(Item { task: None, ..g });
        }
        let content = cell(content_col);
        if content.is_empty() {
            continue;
        }
        let (number, rest) = match split_marker(content) {
            Some(m) if m.level >= 3 => (Some(m.number), m.rest),
            _ => (
                cell(col(Role::Seq)).parse::<u32>().ok(),
                content.to_string(),
            ),
        };
        let mut item = ctx.make_item(row_line, 3, true, &rest);
        if let Some(n) = number {
            l3_seen.push((section, 0, n));
            ctx.source_numbers.insert(item.id.clone(), (row_line, 3, n));
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
            if *r == Role::Other && !cell(Some(i)).is_empty() {
                notes.push(format!("{}：{}", header[i], cell(Some(i))));
            }
        }
        task.note = notes
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("；");
        match groups.last_mut() {
            Some(g) => g.children.push(item),
            None => loose.push(item),
        }
    }
    loose.extend(groups);
    table.items = loose;
    table.numbering = detect_style(&l3_seen);
    check_numbers(&table.items, table.numbering, ctx);
    table
}

/// Whether a column of this header groups tasks (重点任务, 类别, …) rather than holding them.
/// Used by `xlsx_tasks`, where a merged group cell repeats its value on every row.
pub fn is_group_header(header: &str) -> bool {
    role(header) == Role::Group
}
