//! `yaodian-cli progress` and `yaodian-cli deadlines`: the year's tracking from the command
//! line, with the same core as the app (`track`, `sync::progress`, `export::bulletin`).
//!
//! Owns their arguments and printed summaries. Deliberately no rules of its own.

use crate::export::bulletin;
use crate::model::Plan;
use crate::sync::progress;
use crate::track::deadline::{plan_dues, Due};
use crate::track::figures::{self, pct, status_text};
use crate::track::period::{Date, Period};
use std::io::{Read, Write};

pub const USAGE: &str = "  yaodian-cli deadlines PLAN.json      每项任务的完成时限解析为日期；列出无法识别的时限
  yaodian-cli progress PLAN.json --period 2025Q2 [--replies FILE…] [-o OUT]
                                      导入各单位的进度回复（.xlsx / .json），输出统计；
                                      OUT 为 .docx（通报）、.xlsx（进度台账）或 .json（更新后的计划）
                                      --as-of YYYY-MM-DD  统计截止日（默认期末次日）
                                      --issue YYYY-MM-DD  先将计划标记为已印发
                                      --sender 名字       回复人（文件未写明时）
                                      --files DIR         导出本期各单位的填报文件（.xlsx 和 .json）
                                      --remind            打印催办文本";

fn load(path: &str, stdin: &mut dyn Read) -> Result<Plan, String> {
    let opts = crate::parse::ParseOptions {
        seed: 1,
        ..Default::default()
    };
    super::cli::load(path, stdin, &opts).map(|(p, _)| p)
}

/// `deadlines PLAN`: number, deadline, due, title (tab-separated) per task, then the unreadable
/// ones.
pub fn deadlines(
    args: &[String],
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(file) = args.get(1) else {
        let _ = writeln!(err, "deadlines 需要计划文件\n{USAGE}");
        return 2;
    };
    let plan = match load(file, stdin) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let year = crate::track::deadline::Context::of(&plan).year;
    let dues = plan_dues(&plan);
    for d in &dues {
        let due = match &d.due {
            Due::On(date) => date.to_string(),
            Due::Every(ds) => ds.iter().map(Date::to_string).collect::<Vec<_>>().join(","),
            other => other.describe(year),
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}",
            d.number,
            d.text,
            due,
            d.title.replace(['\t', '\n'], " ")
        );
    }
    let bad: Vec<_> = dues.iter().filter(|d| d.due == Due::Unparsed).collect();
    if bad.is_empty() {
        let _ = writeln!(out, "无法识别的完成时限：无");
        0
    } else {
        let _ = writeln!(
            out,
            "无法识别的完成时限（{} 项，请在要点中设定日期）：",
            bad.len()
        );
        for d in bad {
            let _ = writeln!(out, "  {} {}：{}", d.number, d.title, d.text);
        }
        1
    }
}

struct Args {
    file: String,
    period: Option<Period>,
    replies: Vec<String>,
    output: Option<String>,
    as_of: Option<Date>,
    issue: Option<Date>,
    sender: String,
    files: Option<String>,
    remind: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        file: String::new(),
        period: None,
        replies: Vec::new(),
        output: None,
        as_of: None,
        issue: None,
        sender: String::new(),
        files: None,
        remind: false,
    };
    let mut i = 1;
    let value = |i: usize, name: &str| args.get(i + 1).cloned().ok_or(format!("{name} 缺少取值"));
    let date = |s: String, name: &str| {
        Date::parse(&s).ok_or(format!("{name} 的日期“{s}”无法识别（应为 YYYY-MM-DD）"))
    };
    while i < args.len() {
        match args[i].as_str() {
            "--period" => {
                let v = value(i, "--period")?;
                a.period = Some(
                    Period::parse(&v)
                        .ok_or(format!("期次“{v}”无法识别（如 2025Q2、2025M05、2025H1）"))?,
                );
                i += 1;
            }
            "--replies" => {
                while let Some(f) = args
                    .get(i + 1)
                    .filter(|f| !f.starts_with("--") && *f != "-o")
                {
                    a.replies.push(f.clone());
                    i += 1;
                }
            }
            "-o" | "--output" => {
                a.output = Some(value(i, "-o")?);
                i += 1;
            }
            "--as-of" => {
                a.as_of = Some(date(value(i, "--as-of")?, "--as-of")?);
                i += 1;
            }
            "--issue" => {
                a.issue = Some(date(value(i, "--issue")?, "--issue")?);
                i += 1;
            }
            "--sender" => {
                a.sender = value(i, "--sender")?;
                i += 1;
            }
            "--files" => {
                a.files = Some(value(i, "--files")?);
                i += 1;
            }
            "--remind" => a.remind = true,
            f if a.file.is_empty() => a.file = f.to_string(),
            f => return Err(format!("多余的参数 {f}")),
        }
        i += 1;
    }
    if a.file.is_empty() {
        return Err("progress 需要计划文件".into());
    }
    Ok(a)
}

fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

/// `progress PLAN --period P --replies FILE… -o OUT`.
pub fn progress(
    args: &[String],
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let a = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(err, "{e}\n{USAGE}");
            return 2;
        }
    };
    let Some(period) = a.period else {
        let _ = writeln!(err, "progress 需要 --period（如 2025Q2）\n{USAGE}");
        return 2;
    };
    let mut plan = match load(&a.file, stdin) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let now = now_ms();
    if let Some(d) = a.issue {
        let hash = crate::track::issue::issue(&mut plan, d, &a.sender, now);
        let _ = writeln!(out, "已标记为已印发：{d}（版本 {hash}）");
    }
    if let Some(dir) = &a.files {
        if let Err(e) = write_files(&mut plan, period, dir) {
            let _ = writeln!(err, "{e}");
            return 1;
        }
        let _ = writeln!(out, "已导出本期填报文件到 {dir}");
    }
    let mut code = 0;
    for f in &a.replies {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "无法读取 {f}：{e}");
                return 1;
            }
        };
        match progress::import(&plan, period, &bytes, &a.sender, now) {
            Ok(imp) => {
                let names: Vec<&str> = imp.units.iter().map(|u| plan.units.name(u)).collect();
                let _ = writeln!(
                    out,
                    "{f}：{} 条回复（{}）",
                    imp.answers.len(),
                    names.join("、")
                );
                for (place, text) in &imp.unmatched {
                    let _ = writeln!(out, "  无法对应：{place}：{text}");
                }
                progress::store(&mut plan, period, &imp);
            }
            Err(e) => {
                let _ = writeln!(err, "{f}：{e}");
                code = 1;
            }
        }
    }
    let as_of = a.as_of.unwrap_or_else(|| bulletin::default_as_of(period));
    let f = figures::compute(&plan, period, as_of);
    let _ = writeln!(
        out,
        "{}：任务 {} 项，已完成 {}（{}），到期 {} 项已完成 {}（{}），逾期 {} 项，30日内到期 {} 项，未报送单位 {} 家",
        period.label(),
        f.total(),
        f.done(),
        pct(f.done(), f.total()),
        f.due_by_end,
        f.done_of_due,
        pct(f.done_of_due, f.due_by_end),
        f.overdue.len(),
        f.due_soon.len(),
        f.not_reported.len()
    );
    for i in &f.overdue {
        let t = &f.tasks[*i];
        let _ = writeln!(
            out,
            "  逾期：{} {}（{}，{}）",
            t.number,
            t.title,
            t.lead.join("、"),
            status_text(t.status)
        );
    }
    if a.remind {
        for r in figures::reminders(&plan, &f, as_of.add_days(7)) {
            let _ = writeln!(out, "\n{}", r.text);
        }
    }
    if let Some(target) = &a.output {
        let ext = target
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bytes = match ext.as_str() {
            "docx" => bulletin::write(&plan, &f),
            "xlsx" => bulletin::ledger(&plan, period),
            "json" => Ok(crate::format::save(&plan).into_bytes()),
            _ => {
                let _ = writeln!(
                    err,
                    "不支持输出 .{ext}（支持 .docx 通报、.xlsx 进度台账、.json 计划）"
                );
                return 2;
            }
        };
        match bytes.map(|b| std::fs::write(target, b).map_err(|e| e.to_string())) {
            Ok(Ok(())) => {}
            Ok(Err(e)) | Err(e) => {
                let _ = writeln!(err, "无法写出 {target}：{e}");
                return 1;
            }
        }
    }
    code
}

fn write_files(plan: &mut Plan, period: Period, dir: &str) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("无法创建 {dir}：{e}"))?;
    let units = crate::sync::unitfile::units_of(plan, None);
    for u in &units {
        let name = crate::export::safe_file_name(
            &format!("{}进度填报（{}）", period.label(), plan.units.name(u)),
            "xlsx",
        );
        let x = progress::export_xlsx(plan, period, Some(u))?;
        std::fs::write(format!("{dir}/{name}"), x).map_err(|e| e.to_string())?;
        let j = progress::export_json(plan, period, Some(u));
        std::fs::write(format!("{dir}/{}", name.replace(".xlsx", ".json")), j)
            .map_err(|e| e.to_string())?;
    }
    progress::mark_sent(plan, period, &units);
    Ok(())
}
