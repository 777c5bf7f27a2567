//! 完成时限 → due dates for the plan's year: `6月底前`, `2025年9月底前`, `年底前`, `12月20日前`,
//! `6月中旬`, `三季度末`, `上半年`, `汛期前` (a plan setting), `每季度末` / `每月` / `每半年`
//! (recurring), `长期坚持` / `持续推进` / `全年` / `常态化` (no due date: reported every round).
//!
//! Owns the reading of deadline phrases. When a text names several dates ("6月底前完成排查，
//! 12月底前完成整治") the last one is the task's deadline. Deliberately never guesses: what it
//! cannot read is `Due::Unparsed`, listed for the planner to set a date by hand.

use super::period::Date;
use crate::model::{walk, Plan};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    /// One due date.
    On(Date),
    /// Recurring: every date in the plan's year (each period's own deadline).
    Every(Vec<Date>),
    /// No due date (长期坚持, 持续推进, 全年): reported every round, never overdue.
    Ongoing,
    /// No deadline written.
    Empty,
    /// Written, but not understood.
    Unparsed,
}

impl Due {
    /// The date this task is due by within `[start, end]`, for recurring deadlines the one that
    /// falls in that span; for single dates the date itself.
    pub fn due_in(&self, start: Date, end: Date) -> Option<Date> {
        match self {
            Self::On(d) => Some(*d),
            Self::Every(ds) => ds
                .iter()
                .copied()
                .filter(|d| *d >= start && *d <= end)
                .max(),
            _ => None,
        }
    }

    /// As the 任务 lists show it: `6月30日`, `每季度末`, `长期`, ``.
    pub fn describe(&self, year: i32) -> String {
        match self {
            Self::On(d) => d.cn(year),
            Self::Every(ds) if ds.len() == 4 => "每季度末".into(),
            Self::Every(ds) if ds.len() == 12 => "每月末".into(),
            Self::Every(ds) if ds.len() == 2 => "每半年末".into(),
            Self::Every(_) => "定期".into(),
            Self::Ongoing => "长期推进".into(),
            Self::Empty => "未明确".into(),
            Self::Unparsed => "无法识别".into(),
        }
    }
}

/// Settings a deadline depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// The plan's year.
    pub year: i32,
    /// 汛期前: the day the flood season starts is reckoned from (default 5月31日).
    pub flood: (u32, u32),
}

impl Context {
    pub fn of(plan: &Plan) -> Self {
        let flood = parse_month_day(&plan.tracking.flood_season).unwrap_or((5, 31));
        Self {
            year: plan.doc.year.unwrap_or(2025),
            flood,
        }
    }
}

/// `5-31`, `5月31日`.
pub fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let parts: Vec<&str> = s
        .trim()
        .trim_end_matches('日')
        .split(['-', '/', '月', '.'])
        .collect();
    let [m, d] = parts.as_slice() else {
        return None;
    };
    let (m, d) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
    Date::new(2024, m, d).map(|_| (m, d))
}

const ONGOING: [&str; 8] = [
    "长期", "持续", "全年", "常态", "全程", "经常", "贯穿", "每年",
];

/// Full-width digits to ASCII; Chinese numerals before 月 / 季 to digits (六月 → 6月).
fn normalise(text: &str) -> Vec<char> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| "一二三四五六七八九十".contains(**c))
            .count();
        if run > 0 && matches!(chars.get(i + run), Some('月' | '季')) {
            let s: String = chars[i..i + run].iter().collect();
            if let Some(n) = crate::model::numbering::parse_chinese_numeral(&s) {
                out.extend(n.to_string().chars());
                i += run;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn at(c: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| c.get(i + k) == Some(&w))
}

/// Read one deadline text.
pub fn parse(text: &str, ctx: Context) -> Due {
    let t = text.trim();
    if t.is_empty() {
        return Due::Empty;
    }
    let c = normalise(t);
    let mut year = ctx.year;
    let mut found: Vec<Date> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if ["每季度", "每个季度", "按季度", "每季"]
            .iter()
            .any(|w| at(&c, i, w))
        {
            return Due::Every((1..=4).map(|q| Date::month_end(year, q * 3)).collect());
        }
        if ["每月", "每个月", "按月"].iter().any(|w| at(&c, i, w)) {
            return Due::Every((1..=12).map(|m| Date::month_end(year, m)).collect());
        }
        if at(&c, i, "每半年") {
            return Due::Every(vec![Date::month_end(year, 6), Date::month_end(year, 12)]);
        }
        if at(&c, i, "上半年") {
            found.push(Date::month_end(year, 6));
            i += 3;
            continue;
        }
        if at(&c, i, "下半年") {
            found.push(Date::month_end(year, 12));
            i += 3;
            continue;
        }
        if ["年底", "年末", "年内", "年度内"]
            .iter()
            .any(|w| at(&c, i, w))
        {
            found.push(Date::month_end(year, 12));
            i += 2;
            continue;
        }
        if c[i] == '汛' && (at(&c, i + 1, "前") || at(&c, i + 1, "期前")) {
            let (m, d) = ctx.flood;
            found.extend(Date::new(year, m, d));
            i += 2;
            continue;
        }
        if !c[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let digits = c[i..].iter().take_while(|x| x.is_ascii_digit()).count();
        let n: u32 = c[i..i + digits]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(0);
        let j = i + digits;
        i = j + 1;
        match c.get(j) {
            Some('年') if (1900..=2200).contains(&n) => {
                year = n as i32;
                if ["底", "末"].iter().any(|w| at(&c, j + 1, w)) {
                    found.push(Date::month_end(year, 12));
                }
            }
            Some('月') if (1..=12).contains(&n) => {
                let k = j + 1;
                let day_digits = c[k..].iter().take_while(|x| x.is_ascii_digit()).count();
                let day: Option<u32> = (day_digits > 0
                    && matches!(c.get(k + day_digits), Some('日' | '号')))
                .then(|| c[k..k + day_digits].iter().collect::<String>().parse().ok())
                .flatten();
                let date = if let Some(d) = day {
                    i = k + day_digits + 1;
                    Date::new(year, n, d)
                } else if at(&c, k, "上旬") {
                    Date::new(year, n, 10)
                } else if at(&c, k, "中旬") {
                    Date::new(year, n, 20)
                } else if at(&c, k, "前") {
                    // 6月前: before June begins.
                    Some(Date::new(year, n, 1).map_or(Date::month_end(year, n), |d| d.add_days(-1)))
                } else {
                    Some(Date::month_end(year, n))
                };
                found.extend(date);
            }
            Some('季') if (1..=4).contains(&n) => {
                let k = j + if at(&c, j, "季度") { 2 } else { 1 };
                let date = Date::month_end(year, n * 3);
                found.push(if at(&c, k, "前") {
                    Date::new(year, n * 3 - 2, 1).map_or(date, |d| d.add_days(-1))
                } else {
                    date
                });
            }
            _ => {}
        }
    }
    if let Some(d) = found.into_iter().max() {
        return Due::On(d);
    }
    if ONGOING.iter().any(|w| t.contains(w)) {
        return Due::Ongoing;
    }
    Due::Unparsed
}

/// One task's deadline as read: the hand-set date wins over the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskDue {
    pub task: String,
    pub number: String,
    pub title: String,
    pub text: String,
    pub due: Due,
    /// The date was set by the planner (`tracking.due`).
    pub manual: bool,
}

/// Every task's due date, in document order.
pub fn plan_dues(plan: &Plan) -> Vec<TaskDue> {
    let ctx = Context::of(plan);
    crate::render::task_rows(plan)
        .into_iter()
        .map(|r| {
            let manual = plan.tracking.due.get(&r.id).and_then(|d| Date::parse(d));
            TaskDue {
                due: manual.map_or_else(|| parse(&r.deadline, ctx), Due::On),
                manual: manual.is_some(),
                task: r.id,
                number: r.number,
                title: r.title,
                text: r.deadline,
            }
        })
        .collect()
}

/// Tasks whose deadline could not be read (for the planner to set a date).
pub fn unparsed(plan: &Plan) -> Vec<TaskDue> {
    plan_dues(plan)
        .into_iter()
        .filter(|d| d.due == Due::Unparsed)
        .collect()
}

/// Set (or with `None` clear) a task's due date by hand. False for an unknown task.
pub fn set_due(plan: &mut Plan, task: &str, date: Option<Date>) -> bool {
    let mut known = false;
    walk::for_each_item(plan, &mut |i| known |= i.id == task && i.task.is_some());
    if !known {
        return false;
    }
    match date {
        Some(d) => plan.tracking.due.insert(task.to_string(), d.to_string()),
        None => plan.tracking.due.remove(task),
    };
    true
}
