//! A period's 通报 as .docx, in the plan's GB/T 9704 layout (the title, 主送, the overall
//! progress in figures, a table per unit, the late tasks with their lead units, the units
//! that did not report, the next steps, 署名 and date), and the 进度台账 .xlsx with one column
//! group per period.
//!
//! Owns the wording and order of the bulletin and the ledger's columns. The figures come from
//! `crate::track::figures`, the page layout and tables from `docx`, the workbook from `xlsx`.

use super::docx::{blank, centered_title, package_docx, plain, table};
use super::ooxml::{paragraph, run, Para, FANGSONG, HEITI, KAITI};
use super::xlsx;
use crate::model::numbering::chinese_numeral;
use crate::model::Plan;
use crate::track::figures::{self, pct, status_text, Figures, TaskState};
use crate::track::period::{Date, Period};

const BODY: u32 = 32;

/// `安全生产与防灾减灾救灾工作要点` from `2025年全区安全生产与防灾减灾救灾工作要点`.
pub fn subject(plan: &Plan) -> String {
    let t = plan.doc.title.trim();
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = t.strip_prefix('年').unwrap_or(t);
    let t = ["全区", "全市", "全县", "全镇", "全省", "全旗"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    if t.is_empty() {
        "安全生产与防灾减灾救灾工作要点".into()
    } else {
        t.to_string()
    }
}

/// `关于2025年第二季度安全生产与防灾减灾救灾工作要点落实情况的通报`.
pub fn title(plan: &Plan, period: Period) -> String {
    format!("关于{}{}落实情况的通报", period.label(), subject(plan))
}

fn heading(out: &mut String, text: &str, level: u8) {
    let (font, bold) = match level {
        1 => (HEITI, false),
        2 => (KAITI, false),
        _ => (FANGSONG, true),
    };
    // A heading stays on the page of what it heads (a unit's table, a list).
    let p = paragraph(Para::default(), &run(text, font, BODY, bold));
    out.push_str(&p.replacen("<w:pPr>", "<w:pPr><w:keepNext/>", 1));
}

fn issuer(plan: &Plan) -> String {
    [&plan.doc.printer, &plan.doc.issuer]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .map_or("区安委办".to_string(), |s| s.trim().to_string())
}

fn due_text(t: &TaskState, year: i32) -> String {
    match (&t.deadline, t.due_date) {
        (d, _) if !d.is_empty() => d.clone(),
        (_, Some(date)) => date.cn(year),
        _ => t.due.describe(year),
    }
}

/// The progress cell: the lead's 进展情况 (and 存在问题), then each cooperating unit's answer.
fn progress_text(plan: &Plan, t: &TaskState) -> String {
    let mut s = String::new();
    if let Some(a) = &t.answer {
        s.push_str(&a.progress);
        if !a.problems.is_empty() {
            s.push_str(&format!("（存在问题：{}）", a.problems));
        }
    } else if t.carried {
        s.push_str("前期已报完成。");
    }
    for c in &t.coop {
        let said = [c.status.label(), c.progress.as_str()]
            .iter()
            .filter(|x| !x.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("，");
        if !said.is_empty() {
            s.push_str(&format!("【配合 {}：{}】", plan.units.name(&c.unit), said));
        }
    }
    s
}

fn overall(out: &mut String, plan: &Plan, f: &Figures) {
    let s = &f.by_status;
    let units = f.units.len();
    let reported = f.units.iter().filter(|u| u.reported).count();
    let close = f.as_of.add_days(-1);
    plain(
        out,
        &format!(
            "《要点》共明确重点任务{}项，涉及牵头和配合单位{}家。截至{}，已完成{}项，推进中{}项，长期推进{}项，滞后{}项，未启动{}项，未报送进展{}项，完成率{}。其中到期任务{}项，已完成{}项，按期完成率{}；逾期未完成{}项。",
            f.total(),
            units,
            close.cn(0),
            s[2],
            s[3],
            s[4],
            s[5],
            s[1],
            s[0],
            pct(f.done(), f.total()),
            f.due_by_end,
            f.done_of_due,
            pct(f.done_of_due, f.due_by_end),
            f.overdue.len()
        ),
        Para::default(),
    );
    let asked = f
        .units
        .iter()
        .filter(|u| u.reported || f.not_reported.contains(&u.unit))
        .count();
    plain(
        out,
        &format!(
            "本期应报送单位{}家，已报送{}家，未报送{}家。",
            asked,
            reported,
            f.not_reported.len()
        ),
        Para::default(),
    );
    if f.trend.len() > 1 {
        let parts: Vec<String> = f
            .trend
            .iter()
            .map(|p| {
                let name = p
                    .label
                    .trim_start_matches(&format!("{}年", plan.doc.year.unwrap_or(f.period.year)));
                format!("{}已完成{}项（{}）", name, p.done, pct(p.done, p.total))
            })
            .collect();
        plain(
            out,
            &format!("从各期看，{}。", parts.join("，")),
            Para::default(),
        );
    }
}

fn unit_tables(out: &mut String, plan: &Plan, f: &Figures) {
    let year = f.period.year;
    let summary = f.units.iter().map(|u| {
        vec![
            u.name.clone(),
            u.lead.to_string(),
            u.done().to_string(),
            (u.by_status[3] + u.by_status[4]).to_string(),
            (u.by_status[5] + u.by_status[1]).to_string(),
            u.overdue.to_string(),
            pct(u.done(), u.lead),
            if u.reported {
                "已报送"
            } else if f.not_reported.contains(&u.unit) {
                "未报送"
            } else {
                "—"
            }
            .to_string(),
        ]
    });
    table(
        out,
        &[2240, 760, 760, 860, 1100, 700, 1300, 1120],
        &[
            "单位",
            "牵头任务",
            "已完成",
            "推进中",
            "未启动/滞后",
            "逾期",
            "完成率",
            "本期报送",
        ],
        summary,
    );
    let mut n = 0;
    for u in f.units.iter().filter(|u| u.lead > 0) {
        n += 1;
        blank(out);
        heading(
            out,
            &format!(
                "（{}）{}（牵头{}项，已完成{}项，完成率{}{}）",
                chinese_numeral(n),
                u.name,
                u.lead,
                u.done(),
                pct(u.done(), u.lead),
                if f.not_reported.contains(&u.unit) {
                    "，本期未报送"
                } else {
                    ""
                }
            ),
            2,
        );
        let rows = f
            .tasks
            .iter()
            .filter(|t| t.lead_ids.contains(&u.unit))
            .map(|t| {
                let mut status = status_text(t.status).to_string();
                if t.overdue {
                    status.push_str("（逾期）");
                }
                vec![
                    t.number.clone(),
                    t.title.clone(),
                    due_text(t, year),
                    status,
                    progress_text(plan, t),
                ]
            });
        table(
            out,
            &[700, 2400, 1300, 1100, 3340],
            &["序号", "任务", "完成时限", "完成状态", "进展情况"],
            rows,
        );
    }
}

/// The bulletin .docx for the figures' period.
pub fn write(plan: &Plan, f: &Figures) -> Result<Vec<u8>, String> {
    let mut out = String::new();
    let year = f.period.year;
    centered_title(&mut out, &title(plan, f.period), false);
    let left = Para {
        first_line_chars: 0,
        ..Para::default()
    };
    let recipients = if plan.doc.recipients.trim().is_empty() {
        "各责任单位".to_string()
    } else {
        plan.doc
            .recipients
            .trim_end_matches(['：', ':'])
            .to_string()
    };
    plain(&mut out, &format!("{recipients}："), left);
    let plan_title = if plan.doc.title.is_empty() {
        subject(plan)
    } else {
        plan.doc.title.clone()
    };
    plain(
        &mut out,
        &format!(
            "为推动《{plan_title}》（以下简称《要点》）各项任务落实，{}组织各责任单位报送了{}任务进展情况。现将有关情况通报如下：",
            issuer(plan),
            f.period.label()
        ),
        Para::default(),
    );
    heading(&mut out, "一、总体进展", 1);
    overall(&mut out, plan, f);
    heading(&mut out, "二、各单位落实情况", 1);
    unit_tables(&mut out, plan, f);
    blank(&mut out);
    heading(&mut out, "三、滞后任务", 1);
    if f.overdue.is_empty() {
        plain(&mut out, "本期没有逾期未完成的任务。", Para::default());
    } else {
        plain(
            &mut out,
            &format!("以下{}项任务已过完成时限仍未完成：", f.overdue.len()),
            Para::default(),
        );
        for (i, t) in f.overdue.iter().map(|i| &f.tasks[*i]).enumerate() {
            plain(
                &mut out,
                &format!(
                    "{}．{}（要点第{}项；牵头单位：{}；完成时限：{}；目前：{}）",
                    i + 1,
                    t.title,
                    t.number.trim().trim_end_matches(['.', '．']),
                    t.lead.join("、"),
                    due_text(t, year),
                    status_text(t.status)
                ),
                Para::default(),
            );
        }
    }
    heading(&mut out, "四、未报送单位", 1);
    if f.not_reported.is_empty() {
        plain(
            &mut out,
            "各责任单位均已按时报送进展情况。",
            Para::default(),
        );
    } else {
        let names: Vec<&str> = f.not_reported.iter().map(|u| plan.units.name(u)).collect();
        plain(
            &mut out,
            &format!(
                "{}共{}家单位未按时报送本期进展情况。",
                names.join("、"),
                names.len()
            ),
            Para::default(),
        );
    }
    heading(&mut out, "五、下步工作要求", 1);
    let mut steps = vec![
        "（一）对逾期未完成和进展滞后的任务，牵头单位要逐项分析原因，明确整改措施和完成时限，确保按期完成；配合单位要主动对接，形成工作合力。".to_string(),
    ];
    if !f.due_soon.is_empty() {
        let list: Vec<String> = f
            .due_soon
            .iter()
            .map(|i| {
                let t = &f.tasks[*i];
                format!("{}{}（{}）", t.number, t.title, t.lead.join("、"))
            })
            .collect();
        steps.push(format!(
            "（二）以下{}项任务将在30日内到期，请牵头单位抓紧推进：{}。",
            list.len(),
            list.join("；")
        ));
    }
    if !f.not_reported.is_empty() {
        steps.push(format!(
            "（{}）未报送单位要于{}前补报本期进展情况。",
            chinese_numeral(steps.len() as u32 + 1),
            f.as_of.add_days(7).cn(year)
        ));
    }
    steps.push(format!(
        "（{}）请各责任单位于下一期末前报送任务进展情况，{}将持续跟踪调度，并将落实情况纳入年度考核。",
        chinese_numeral(steps.len() as u32 + 1),
        issuer(plan)
    ));
    for s in &steps {
        plain(&mut out, s, Para::default());
    }
    super::docx::signed(&mut out, &issuer(plan), &f.as_of.cn(0));
    package_docx(out)
}

/// The 进度台账: one row per task, one column group (状态, 进展情况, 存在问题, 下步打算) per
/// period with a round; a second sheet with each unit's completion per period.
pub fn ledger(plan: &Plan, upto: Period) -> Result<Vec<u8>, String> {
    let codes = crate::track::period::round_codes(plan, Some(upto));
    let periods: Vec<Period> = codes
        .iter()
        .filter_map(|c| Period::parse(c))
        .filter(|p| p.end() <= upto.end())
        .collect();
    let figs: Vec<Figures> = periods
        .iter()
        .map(|p| figures::compute(plan, *p, p.end().add_days(1)))
        .collect();
    let year = upto.year;
    let mut header: Vec<String> = [
        "序号",
        "重点任务",
        "牵头单位",
        "配合单位",
        "完成时限",
        "截止日期",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut widths = vec![8, 30, 18, 22, 14, 12];
    for p in &periods {
        for c in ["完成状态", "进展情况", "存在问题", "下步打算"] {
            header.push(format!("{}\n{c}", p.label()));
        }
        widths.extend([10, 40, 24, 24]);
    }
    let rows_src = crate::render::task_rows(plan);
    let mut rows = Vec::new();
    for (i, r) in rows_src.iter().enumerate() {
        let first = figs.last().and_then(|f| f.tasks.get(i));
        let due = first.and_then(|t| t.due_date).map_or_else(
            || first.map_or(String::new(), |t| t.due.describe(year)),
            |d| d.to_string(),
        );
        let mut cells = vec![
            r.number.clone(),
            r.title.clone(),
            r.lead.join("、"),
            r.coop.join("、"),
            r.deadline.clone(),
            due,
        ];
        for f in &figs {
            let t = &f.tasks[i];
            let a = t.answer.as_ref();
            let mut status = status_text(t.status).to_string();
            if t.overdue {
                status.push_str("（逾期）");
            }
            cells.extend([
                status,
                progress_text(plan, t),
                a.map_or(String::new(), |a| a.problems.clone()),
                a.map_or(String::new(), |a| a.next.clone()),
            ]);
        }
        rows.push(cells);
    }
    let mut unit_header = vec!["单位".to_string(), "牵头任务".to_string()];
    let mut unit_widths = vec![28, 10];
    for p in &periods {
        unit_header.push(format!("{}\n已完成", p.label()));
        unit_header.push(format!("{}\n完成率", p.label()));
        unit_header.push(format!("{}\n报送", p.label()));
        unit_widths.extend([10, 10, 8]);
    }
    let unit_rows = figs
        .last()
        .map(|last| {
            last.units
                .iter()
                .map(|u| {
                    let mut cells = vec![u.name.clone(), u.lead.to_string()];
                    for f in &figs {
                        let x = f.units.iter().find(|x| x.unit == u.unit);
                        let (done, lead, rep) =
                            x.map_or((0, 0, false), |x| (x.done(), x.lead, x.reported));
                        cells.extend([
                            done.to_string(),
                            pct(done, lead),
                            if rep { "已报送" } else { "未报送" }.to_string(),
                        ]);
                    }
                    cells
                })
                .collect()
        })
        .unwrap_or_default();
    xlsx::workbook(&[
        xlsx::Sheet {
            name: "进度台账".into(),
            widths,
            header,
            rows,
            hidden_from: None,
            numeric: Vec::new(),
            choices: Vec::new(),
        },
        xlsx::Sheet {
            name: "单位进度".into(),
            widths: unit_widths,
            header: unit_header,
            rows: unit_rows,
            hidden_from: None,
            numeric: Vec::new(),
            choices: Vec::new(),
        },
    ])
}

/// The day a bulletin is reckoned at by default: the day after the period ends.
pub fn default_as_of(period: Period) -> Date {
    period.end().add_days(1)
}
