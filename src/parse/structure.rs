//! From blocks to a body: the heading tree, tasks with their 责任单位, unnumbered headings,
//! the numbering style, and checks of the source numbers against the derived ones.
//!
//! Owns the shared item-building rules (title phrase, clause, task or heading) that the
//! table reader uses too. Deliberately does not read the 版头/版记 (see `front`) nor split
//! the document into attachments (see `mod`).

use super::blocks::{is_terminated, Block};
use super::markers::split_marker;
use super::report::{excerpt, Note, ParseReport};
use super::unitclause::{extract_clause, split_units};
use crate::model::{
    walk, Body, Convention, IdGen, Item, NumberingStyle, Registry, Task, UnitIndex,
};
use std::collections::HashMap;

/// Everything the builders share while reading one document.
pub struct Ctx {
    pub ids: IdGen,
    pub registry: Registry,
    pub convention: Convention,
    pub report: ParseReport,
    /// Source marker numbers, by item id, to compare with derived numbers.
    pub source_numbers: HashMap<String, (usize, u8, u32)>,
    /// Names already resolved in this document (the registry lookup normalises every name).
    pub resolved: HashMap<String, String>,
    /// The registry's lookup table (constant time per name; a pass per name was quadratic).
    pub units_index: UnitIndex,
}

/// Split a paragraph into its title phrase (before the first top-level `。`) and the rest.
pub fn split_title(s: &str) -> (String, String) {
    let mut depth = 0i32;
    let mut quote = false;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '《' | '【' => depth += 1,
            '）' | ')' | '》' | '】' => depth -= 1,
            '“' => quote = true,
            '”' => quote = false,
            '。' if depth <= 0 && !quote => {
                return (
                    s[..i].trim().to_string(),
                    s[i + '。'.len_utf8()..].trim().to_string(),
                );
            }
            _ => {}
        }
    }
    (s.trim().trim_end_matches('。').to_string(), String::new())
}

impl Ctx {
    /// Build one item from its text (marker already removed). A clause makes it a task;
    /// so does level 3 (`1.`), the level of work items.
    pub fn make_item(&mut self, line: usize, level: u8, numbered: bool, text: &str) -> Item {
        let (body, clause) = match extract_clause(text) {
            Some((before, clause)) => (before, Some(clause)),
            None => (text.to_string(), None),
        };
        let (title, rest) = split_title(&body);
        let mut item = Item {
            id: self.ids.next('i'),
            level,
            numbered,
            title,
            text: rest,
            ..Item::default()
        };
        if clause.is_some() || level == 3 {
            let mut task = Task::default();
            if let Some(d) = crate::model::find_deadline(&item.full_text()) {
                task.deadline = d;
            }
            if let Some(c) = clause {
                self.assign(&mut task, &c, line);
            }
            item.task = Some(task);
        }
        item
    }

    /// Fill a task's units from a clause (verbatim text kept).
    pub fn assign(&mut self, task: &mut Task, clause: &str, line: usize) {
        task.units_text = clause.to_string();
        let a = split_units(clause, self.convention);
        task.lead = a.lead.iter().map(|n| self.resolve(n)).collect();
        task.coop = a.coop.iter().map(|n| self.resolve(n)).collect();
        task.generic = a.generic;
        if let Some(d) = a.deadline {
            task.deadline = d;
        }
        let only_deadline = task.lead.is_empty()
            && task.coop.is_empty()
            && task.generic.is_empty()
            && !task.deadline.is_empty();
        if task.lead.is_empty() && !only_deadline {
            self.report.warn(
                line,
                format!("责任单位“{}”中没有识别出牵头单位。", excerpt(clause, 30)),
            );
            self.report.guess(
                line,
                format!(
                    "责任单位“{}”未能拆分出牵头单位，已原样保留，请指定。",
                    excerpt(clause, 30)
                ),
            );
        }
    }

    /// Explicit lead/cooperating names (table columns).
    pub fn assign_names(&mut self, task: &mut Task, lead: &[String], coop: &[String]) {
        task.lead = lead.iter().map(|n| self.resolve(n)).collect();
        task.coop = coop.iter().map(|n| self.resolve(n)).collect();
    }

    fn resolve(&mut self, name: &str) -> String {
        if let Some(id) = self.resolved.get(name) {
            return id.clone();
        }
        let (id, added) = self
            .units_index
            .resolve_or_add(&mut self.registry, name, &mut self.ids);
        self.resolved.insert(name.to_string(), id.clone());
        if added {
            self.report.new_units.push(name.to_string());
        }
        id
    }
}

/// Whether a line without a number reads as a heading (short, no closing punctuation, not a
/// date, 发文字号 or bracketed note).
fn looks_like_heading(text: &str) -> bool {
    let n = text.chars().count();
    (4..=30).contains(&n)
        && !is_terminated(text)
        && !text.ends_with(['，', ','])
        && !text.starts_with("——")
        && !text.starts_with(['（', '('])
        && (!text.starts_with('“') || text[3..].contains('”'))
        && !super::frontlines::is_date(text)
        && !super::frontlines::is_doc_number(text)
}

/// Whether block `idx` is a heading that titles the table right after it, in a body whose
/// remaining content is tables under such headings (a list of target tables, c24-like).
fn titles_table(blocks: &[Block], idx: usize, tail_is_tables: &[bool]) -> bool {
    matches!(blocks.get(idx + 1), Some(Block::Table { .. })) && tail_is_tables[idx]
}

/// For each block: whether it and everything after are tables or single lines over tables.
fn tables_to_end(blocks: &[Block]) -> Vec<bool> {
    let mut out = vec![false; blocks.len() + 1];
    out[blocks.len()] = true;
    for i in (0..blocks.len()).rev() {
        out[i] = out[i + 1]
            && match &blocks[i] {
                Block::Table { .. } => true,
                Block::Para { .. } => matches!(blocks.get(i + 1), Some(Block::Table { .. })),
            };
    }
    out
}

/// Build a body from its blocks. Paragraphs before the first heading become the preface.
pub fn build_body(blocks: &[Block], ctx: &mut Ctx) -> Body {
    let mut body = Body::default();
    let mut roots: Vec<Item> = Vec::new();
    let mut stack: Vec<Item> = Vec::new();
    // (section, group, number) of each level-3 marker, for style detection.
    let mut l3_seen: Vec<(usize, usize, u32)> = Vec::new();
    let (mut section, mut group) = (0usize, 0usize);
    let tail_is_tables = tables_to_end(blocks);
    // A body numbered from `一、` has no unnumbered headings: such lines are paragraphs.
    let has_level1 = blocks.iter().any(|b| {
        matches!(b, Block::Para { text, .. } if split_marker(text).is_some_and(|m| m.level == 1))
    });
    let mut pending_caption: Option<String> = None;

    // An open part (`第一部分`, see `markers::part_marker`) sits at the bottom of the stack,
    // above its `一、` sections: only the next part (or the end) closes it.
    let mut in_part = false;
    fn close_to(level: u8, stack: &mut Vec<Item>, roots: &mut Vec<Item>, keep: usize) {
        while stack.len() > keep && stack.last().is_some_and(|top| top.level >= level) {
            let done = stack.pop().expect("checked");
            match stack.last_mut() {
                Some(parent) => parent.children.push(done),
                None => roots.push(done),
            }
        }
    }

    for (idx, block) in blocks.iter().enumerate() {
        let (line, text, list_level) = match block {
            Block::Table {
                line,
                caption,
                rows,
            } => {
                let caption = match pending_caption.take() {
                    Some(c) if caption.is_empty() => c,
                    Some(c) => format!("{c} {caption}"),
                    None => caption.clone(),
                };
                let table = super::table::build_table(*line, &caption, rows, ctx);
                body.tables.push(table);
                continue;
            }
            Block::Para {
                line,
                text,
                list_level,
            } => (*line, text.as_str(), *list_level),
        };
        // A 责任单位 line on its own belongs to the nearest open task without units (the
        // task above its sub-items （1）…（4）).
        if let Some(clause) = standalone_clause(text) {
            let open_task = stack
                .iter_mut()
                .rev()
                .filter_map(|t| t.task.as_mut())
                .find(|t| t.units_text.is_empty());
            if let Some(task) = open_task {
                ctx.assign(task, &clause, line);
                continue;
            }
        }
        // A heading line right above a table, with only such tables to the end: its caption.
        if list_level.is_none()
            && titles_table(blocks, idx, &tail_is_tables)
            && text.chars().count() <= 40
        {
            pending_caption = Some(text.to_string());
            continue;
        }
        if let Some((_, title)) = super::markers::part_marker(text).filter(|_| has_level1) {
            close_to(0, &mut stack, &mut roots, 0);
            in_part = true;
            section += 1;
            stack.push(ctx.make_item(line, 1, false, &title));
            continue;
        }
        let last_l3 = l3_seen.last().map_or(0, |x| x.2);
        let marker = split_marker(text).or_else(|| super::markers::bare_number(text, last_l3 + 1));
        let heading = match (&marker, list_level) {
            (Some(m), _) => Some((m.level, true, m.rest.clone(), Some(m.number))),
            (None, Some(l)) => Some(((l + 1).min(5), true, text.to_string(), None)),
            (None, None) => {
                let next_is_para = matches!(blocks.get(idx + 1), Some(Block::Para { .. }));
                let top_unnumbered = stack.first().is_none_or(|root| !root.numbered);
                let any_numbered = roots.iter().chain(stack.iter()).any(|i| i.numbered);
                let take = looks_like_heading(text)
                    && next_is_para
                    && top_unnumbered
                    && !any_numbered
                    && !has_level1;
                if take {
                    ctx.report.guess(
                        line,
                        format!(
                            "“{}”没有编号，按标题读取；如是普通段落请改正。",
                            excerpt(text, 30)
                        ),
                    );
                }
                take.then(|| (1, false, text.to_string(), None))
            }
        };
        match heading {
            Some((level, numbered, rest, number)) => {
                close_to(level, &mut stack, &mut roots, usize::from(in_part));
                if numbered {
                    match level {
                        1 => (section, group) = (section + 1, 0),
                        2 => group += 1,
                        3 => l3_seen.push((section, group, number.unwrap_or(0))),
                        _ => {}
                    }
                }
                let item = ctx.make_item(line, level, numbered, &rest);
                if let Some(n) = number {
                    ctx.source_numbers.insert(item.id.clone(), (line, level, n));
                }
                stack.push(item);
            }
            None if stack.is_empty() && roots.is_empty() => body.preface.push(text.to_string()),
            None => {
                let why = if text.chars().count() > 30 || is_terminated(text) {
                    "条目下的正文"
                } else {
                    "没有编号、位置不像标题"
                };
                ctx.report.plain.push(Note {
                    line,
                    text: format!("{}（{why}）", excerpt(text, 40)),
                });
                let para = Item {
                    id: ctx.ids.next('i'),
                    text: text.to_string(),
                    ..Item::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(para),
                    None => roots.push(para),
                }
            }
        }
    }
    if let Some(c) = pending_caption {
        body.preface.push(c);
    }
    close_to(0, &mut stack, &mut roots, 0);
    body.items = roots;
    body.numbering = detect_style(&l3_seen);
    check_numbers(&body.items, body.numbering, ctx);
    body
}

/// `责任单位：…` or `（责任单位：…）` standing on its own line.
fn standalone_clause(text: &str) -> Option<String> {
    if let Some((before, clause)) = extract_clause(text) {
        return before.is_empty().then_some(clause);
    }
    let t = text.trim_end_matches('。');
    ["责任单位：", "责任单位:", "牵头单位：", "责任部门："]
        .iter()
        .any(|l| t.starts_with(l))
        .then(|| t.to_string())
}

/// Continuous unless some group after the first starts again at 1; Whole when numbers run on
/// across `一、` sections.
pub fn detect_style(l3: &[(usize, usize, u32)]) -> NumberingStyle {
    let mut restart = false;
    let mut across_sections = false;
    for w in l3.windows(2) {
        let ((s0, g0, n0), (s1, g1, n1)) = (w[0], w[1]);
        if s1 == s0 && g1 != g0 && n1 == 1 && n0 >= 1 {
            restart = true;
        }
        if s1 != s0 && n1 == n0 + 1 && n1 > 1 {
            across_sections = true;
        }
    }
    match (restart, across_sections) {
        (true, _) => NumberingStyle::Restart,
        (false, true) => NumberingStyle::Whole,
        _ => NumberingStyle::Continuous,
    }
}

/// Warn where the source's number differs from the number the structure gives.
pub fn check_numbers(items: &[Item], style: NumberingStyle, ctx: &mut Ctx) {
    for row in walk::rows(items, style) {
        if let Some((line, level, n)) = ctx.source_numbers.get(&row.item.id) {
            let expected = crate::model::numbering::marker(*level, *n);
            if row.number != expected {
                let text = format!(
                    "原文编号“{expected}”，按层级顺序应为“{}”，已按顺序重新编号。",
                    row.number
                );
                ctx.report.warn(*line, text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_phrase_skips_quotes_and_brackets() {
        assert_eq!(
            split_title("强化组织领导。全区各级。"),
            ("强化组织领导".into(), "全区各级。".into())
        );
        assert_eq!(
            split_title("落实“三查。”制度。其余"),
            ("落实“三查。”制度".into(), "其余".into())
        );
        assert_eq!(split_title("总体要求"), ("总体要求".into(), String::new()));
    }

    #[test]
    fn style_detection() {
        assert_eq!(
            detect_style(&[(1, 1, 1), (1, 1, 2), (1, 2, 3)]),
            NumberingStyle::Continuous
        );
        assert_eq!(
            detect_style(&[(1, 1, 1), (1, 1, 2), (1, 2, 1)]),
            NumberingStyle::Restart
        );
        assert_eq!(
            detect_style(&[(1, 0, 1), (1, 0, 2), (2, 0, 3)]),
            NumberingStyle::Whole
        );
    }
}
