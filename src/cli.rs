//! `yaodian-cli`: outline, convert and check documents from the command line, with the same
//! code the app runs. Native only.
//!
//! Owns argument handling, reading files or stdin (GB18030 through encoding_rs) and the
//! stable tab-separated `outline` format. Deliberately holds no parsing or format logic.

use crate::model::{walk, ItemKind, Plan};
use crate::parse::{import_bytes, Imported, ParseOptions, ParseReport};
use std::io::{Read, Write};

const USAGE: &str = "用法 / usage:
  yaodian-cli outline FILE            每个标题、条目、任务一行（制表符分隔）
  yaodian-cli convert IN -o OUT       按 OUT 的扩展名转换（.json .docx .xlsx .csv .md .txt）
                                      --task-table：.docx 附上任务清单
  yaodian-cli check FILE              解析报告和问题清单；有问题时退出码非零
  yaodian-cli draft TEMPLATE --year 2025 --district 大足区 -o OUT
                                      按默认选择起草本区草稿（年份、本地化替换），
                                      输出 .json 或任一导出格式，并列出改动和待核处
FILE 可为 .txt / .docx / .doc / .wps / .pdf / .ofd / .xlsx（任务清单）/ .json，或 - 表示标准输入。
  --sheet 名称：.xlsx 中要读取的工作表（默认第一张有任务表头的）
选项 / options: --convention first-group|first-unit  （责任单位的读法，默认 first-group）";

fn gb18030(bytes: &[u8]) -> Option<String> {
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// Read and understand one input. The report is None for plan files.
pub fn load(
    path: &str,
    stdin: &mut dyn Read,
    opts: &ParseOptions,
) -> Result<(Plan, Option<ParseReport>), String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        stdin
            .read_to_end(&mut buf)
            .map_err(|e| format!("读取标准输入失败：{e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("无法读取 {path}：{e}"))?
    };
    match import_bytes(&bytes, &gb18030, opts).map_err(|e| e.to_string())? {
        Imported::Parsed(p) => Ok((p.plan, Some(p.report))),
        Imported::Plan(r) => {
            for m in &r.repairs {
                eprintln!("修复：{m}");
            }
            Ok((r.plan, None))
        }
    }
}

/// The `outline` text: `depth number title lead coop`, tab-separated, per heading, run-in item
/// or task.
pub fn outline(plan: &Plan) -> String {
    let mut out = String::new();
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| plan.units.name(id))
            .collect::<Vec<_>>()
            .join("、")
    };
    let emit = |out: &mut String, items: &[crate::model::Item], style, base: usize| {
        for row in walk::rows(items, style) {
            if row.item.kind() == ItemKind::Paragraph {
                continue;
            }
            let (lead, coop) = row
                .item
                .task
                .as_ref()
                .map_or((String::new(), String::new()), |t| {
                    (names(&t.lead), names(&t.coop))
                });
            let title = row.item.title.replace(['\t', '\n'], " ");
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                row.depth + base,
                row.number,
                title,
                lead,
                coop
            ));
        }
    };
    for b in walk::bodies(plan) {
        emit(&mut out, &b.body.items, b.body.numbering, 0);
        for t in &b.body.tables {
            // A caption that is a numbered heading (`二、重要文件`) shows its number.
            let (number, title) = match crate::parse::markers::split_marker(&t.caption) {
                Some(m) => (crate::model::numbering::marker(m.level, m.number), m.rest),
                None => (String::new(), t.caption.clone()),
            };
            out.push_str(&format!(
                "1\t{number}\t{}\t\t\n",
                title.replace(['\t', '\n'], " ")
            ));
            emit(&mut out, &t.items, t.numbering, 1);
        }
    }
    out
}

/// The `draft` summary: what moved, what was left for the planner to check.
fn draft_summary(s: &crate::edit::draft::DraftSummary) -> String {
    let mut out = format!("年份改动 {} 处：\n", s.year_changes.len());
    for (place, before, after) in &s.year_changes {
        out.push_str(&format!("  {place}：{before} → {after}\n"));
    }
    out.push_str(&format!("年份待核 {} 处（未改动）：\n", s.year_flags.len()));
    for (place, message) in &s.year_flags {
        out.push_str(&format!("  {place}：{message}\n"));
    }
    out.push_str(&format!("发文机关等改动 {} 处：\n", s.front_changes.len()));
    for (field, before, after) in &s.front_changes {
        out.push_str(&format!("  {field}：{before} → {after}\n"));
    }
    for note in &s.organ_notes {
        out.push_str(&format!("  ⚠ {note}\n"));
    }
    out.push_str(&format!("本地化替换 {} 处\n", s.localized.len()));
    out.push_str(&format!(
        "未勾选的替换 {} 处（保留原文，请复核）：\n",
        s.left_unticked.len()
    ));
    for (sentence, words, to) in &s.left_unticked {
        out.push_str(&format!("  {words}→{to}：{sentence}\n"));
    }
    out
}

/// Run the CLI; returns the process exit code.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match args.first().map(String::as_str) {
        Some("progress") => return crate::cli_track::progress(args, stdin, out, err),
        Some("deadlines") => return crate::cli_track::deadlines(args, stdin, out, err),
        _ => {}
    }
    let mut opts = ParseOptions {
        seed: 1,
        ..ParseOptions::default()
    };
    let mut positional = Vec::new();
    let mut output = None;
    let mut task_table = false;
    let (mut year, mut district) = (None, None);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-o" | "--output" => {
                output = args.get(i + 1).cloned();
                i += 1;
            }
            "--convention" => {
                opts.convention = match args.get(i + 1).map(String::as_str) {
                    Some("first-unit") => crate::model::Convention::FirstUnitLeads,
                    Some("first-group") => crate::model::Convention::FirstGroupLeads,
                    _ => {
                        let _ = writeln!(
                            err,
                            "--convention 只能是 first-group 或 first-unit\n{USAGE}"
                        );
                        return 2;
                    }
                };
                i += 1;
            }
            "--task-table" => task_table = true,
            "--year" => {
                let Some(y) = args.get(i + 1).and_then(|y| y.parse::<i32>().ok()) else {
                    let _ = writeln!(err, "--year 需要一个年份，如 2025\n{USAGE}");
                    return 2;
                };
                year = Some(y);
                i += 1;
            }
            "--district" => {
                district = args.get(i + 1).cloned();
                i += 1;
            }
            "--sheet" => {
                opts.sheet = args.get(i + 1).cloned();
                i += 1;
            }
            "-h" | "--help" => {
                let _ = writeln!(out, "{USAGE}\n{}", crate::cli_track::USAGE);
                return 0;
            }
            a => positional.push(a.to_string()),
        }
        i += 1;
    }
    let (Some(cmd), Some(file)) = (positional.first(), positional.get(1)) else {
        let _ = writeln!(err, "{USAGE}");
        return 2;
    };
    let (mut plan, report) = match load(file, stdin, &opts) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    match cmd.as_str() {
        "outline" => {
            let _ = out.write_all(outline(&plan).as_bytes());
            0
        }
        "check" => {
            if let Some(r) = &report {
                let _ = write!(out, "{}", r.to_text());
            }
            let problems = crate::validate::problems(&plan);
            if problems.is_empty() {
                let _ = writeln!(out, "问题：无");
                return 0;
            }
            let _ = writeln!(out, "问题（{} 个）：", problems.len());
            for p in &problems {
                let _ = writeln!(out, "  {}：{}", p.place, p.message);
            }
            1
        }
        "convert" | "draft" => {
            let Some(target) = output else {
                let _ = writeln!(err, "{cmd} 需要 -o OUT\n{USAGE}");
                return 2;
            };
            if cmd == "draft" {
                let mut ids = crate::model::IdGen::new(1);
                let template = std::mem::take(&mut plan);
                let (d, summary) = crate::edit::draft::draft_with_defaults(
                    &template,
                    year,
                    district.as_deref(),
                    &mut ids,
                );
                plan = d;
                let _ = write!(out, "{}", draft_summary(&summary));
            }
            let ext = target
                .rsplit('.')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            let bytes = if ext == "json" {
                crate::format::save(&plan).into_bytes()
            } else if let Some(format) = crate::export::Format::from_extension(&ext) {
                let opts = crate::export::Options {
                    task_table,
                    unit: None,
                };
                match crate::export::export(&plan, format, &opts) {
                    Ok(b) => b,
                    Err(e) => {
                        let _ = writeln!(err, "导出失败：{e}");
                        return 1;
                    }
                }
            } else {
                let _ = writeln!(
                    err,
                    "不支持导出 .{ext}（支持 .json .docx .xlsx .csv .md .txt）"
                );
                return 2;
            };
            match std::fs::write(&target, bytes) {
                Ok(()) => 0,
                Err(e) => {
                    let _ = writeln!(err, "无法写入 {target}：{e}");
                    1
                }
            }
        }
        other => {
            let _ = writeln!(err, "未知命令 {other}\n{USAGE}");
            2
        }
    }
}
