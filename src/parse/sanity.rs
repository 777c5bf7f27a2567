//! Checks on an input before the planner goes on with it: an empty file, a template in which
//! nothing was recognised, an unusually large paste. Each answer is a Chinese sentence saying
//! what is wrong or unusual and what to check.
//!
//! Owns these thresholds and messages. Deliberately does not parse (it reads the result).

use crate::model::{walk, Plan};

/// A paste or file larger than this (bytes) is unusual for one plan.
pub const LARGE_BYTES: usize = 2 * 1024 * 1024;
/// More tasks than this is unusual for one plan (real ones have 30–300).
pub const MANY_TASKS: usize = 600;

/// The file holds nothing (no bytes, or only a BOM and white space).
pub fn is_empty_input(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    b.iter().all(|c| c.is_ascii_whitespace())
}

/// The message for an empty file.
pub fn empty_file_message(name: &str) -> String {
    format!("“{name}”是空文件，没有任何内容。请确认选对了文件，或重新保存后再打开。")
}

/// Why a template cannot be used, if it cannot: nothing recognised, or no task at all.
pub fn template_problem(plan: &Plan) -> Option<String> {
    if walk::task_count(plan) > 0 {
        return None;
    }
    let mut headings = 0;
    walk::for_each_item(plan, &mut |i| headings += usize::from(i.level > 0));
    Some(if headings == 0 {
        "没有识别出任何标题或任务（0 项）：内容可能为空，或不是工作要点。请检查粘贴的内容或所选文件。".into()
    } else {
        format!("识别出 {headings} 个标题，但没有任何任务（0 项）：请检查任务是否以“1.”等编号开头，或换一种责任单位读法后重试。")
    })
}

/// What is unusual about a large input, to check before going on.
pub fn size_warning(bytes: usize, plan: &Plan) -> Option<String> {
    let tasks = walk::task_count(plan);
    let mut unusual = Vec::new();
    if bytes > LARGE_BYTES {
        unusual.push(format!("内容约 {} MB", bytes.div_ceil(1024 * 1024)));
    }
    if tasks > MANY_TASKS {
        unusual.push(format!("识别出 {tasks} 项任务"));
    }
    (!unusual.is_empty()).then(|| {
        format!(
            "{}，远多于一份工作要点通常的规模（几十 KB，30–300 项任务）。请检查：是否把多份文件或同一份文件重复粘贴了几次，是否粘贴了整张表格或网页的其他内容。确认无误再继续。",
            unusual.join("、")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_whitespace_files_are_empty() {
        assert!(is_empty_input(b""));
        assert!(is_empty_input(b"\xEF\xBB\xBF \r\n"));
        assert!(!is_empty_input("一、总体要求".as_bytes()));
    }

    #[test]
    fn a_template_without_tasks_is_refused() {
        let p = crate::parse::parse_text("这是一段说明文字。", &Default::default()).plan;
        assert!(template_problem(&p).unwrap().contains("0 项"));
        let p = crate::parse::parse_text("一、总体要求\n二、重点任务", &Default::default()).plan;
        assert!(template_problem(&p).unwrap().contains("没有任何任务"));
        let ok = crate::sample::sample_plan(1).plan;
        assert!(template_problem(&ok).is_none());
    }

    #[test]
    fn a_huge_paste_is_flagged() {
        let text = crate::sample::synthetic(8000);
        let plan = crate::parse::parse_text(&text, &Default::default()).plan;
        let w = size_warning(5 * 1024 * 1024, &plan).unwrap();
        assert!(
            w.contains("5 MB") && w.contains("项任务") && w.contains("重复粘贴"),
            "{w}"
        );
        assert!(size_warning(20_000, &crate::sample::sample_plan(1).plan).is_none());
    }
}
