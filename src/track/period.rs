//! Calendar dates and reporting periods (2025Q2, 2025M05, 2025H1, 2025Y): parsing, their first
//! and last day, their Chinese names.
//!
//! Owns date arithmetic (proleptic Gregorian, no time zones: a due date is a day). Deliberately
//! no clock: callers pass "today".

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

pub fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn month_days(y: i32, m: u32) -> u32 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A valid date, or None.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Self> {
        ((1..=12).contains(&m) && d >= 1 && d <= month_days(y, m)).then_some(Self { y, m, d })
    }

    pub fn month_end(y: i32, m: u32) -> Self {
        Self {
            y,
            m,
            d: month_days(y, m),
        }
    }

    /// `YYYY-MM-DD` (also `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`).
    pub fn parse(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s
            .trim()
            .trim_end_matches('日')
            .split(['-', '/', '.', '年', '月'])
            .collect();
        match parts.as_slice() {
            [y, m, d] => Self::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
            _ => None,
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Self {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Self { y, m, d }
    }

    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.days() + n)
    }

    /// The day a timestamp (ms since the epoch) falls on in UTC+8.
    pub fn from_ms(ms: f64) -> Self {
        Self::from_days(((ms / 1000.0) as i64 + 8 * 3600).div_euclid(86_400))
    }

    /// `6月30日`, with the year when it is not `year`.
    pub fn cn(self, year: i32) -> String {
        if self.y == year {
            format!("{}月{}日", self.m, self.d)
        } else {
            format!("{}年{}月{}日", self.y, self.m, self.d)
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    Month(u32),
    Quarter(u32),
    Half(u32),
    Year,
}

/// A reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub span: Span,
}

const CN_QUARTER: [&str; 4] = ["第一季度", "第二季度", "第三季度", "第四季度"];

impl Period {
    /// `2025Q2`, `2025M05`, `2025H1`, `2025Y`, or the Chinese names (`2025年第二季度`,
    /// `2025年5月`, `2025年上半年`, `2025年全年`).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() != 4 {
            return None;
        }
        let year: i32 = digits.parse().ok()?;
        let rest = s[4..].trim_start_matches(['年', '-']).trim();
        let num = |t: &str| -> Option<u32> {
            t.parse()
                .ok()
                .or_else(|| crate::model::numbering::parse_chinese_numeral(t))
        };
        let span = if rest.is_empty() || rest == "Y" || rest == "全年" || rest == "年度" {
            Span::Year
        } else if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            Span::Quarter(num(q)?)
        } else if let Some(h) = rest.strip_prefix(['H', 'h']) {
            Span::Half(num(h)?)
        } else if let Some(m) = rest.strip_prefix(['M', 'm']) {
            Span::Month(num(m)?)
        } else if rest == "上半年" {
            Span::Half(1)
        } else if rest == "下半年" {
            Span::Half(2)
        } else if let Some(q) = rest.strip_prefix('第').unwrap_or(rest).strip_suffix("季度") {
            Span::Quarter(num(q)?)
        } else if let Some(m) = rest.strip_suffix('月') {
            Span::Month(num(m)?)
        } else {
            Span::Month(num(rest)?)
        };
        let ok = match span {
            Span::Month(m) => (1..=12).contains(&m),
            Span::Quarter(q) => (1..=4).contains(&q),
            Span::Half(h) => (1..=2).contains(&h),
            Span::Year => true,
        };
        ok.then_some(Self { year, span })
    }

    fn months(self) -> (u32, u32) {
        match self.span {
            Span::Month(m) => (m, m),
            Span::Quarter(q) => (q * 3 - 2, q * 3),
            Span::Half(h) => (h * 6 - 5, h * 6),
            Span::Year => (1, 12),
        }
    }

    pub fn start(self) -> Date {
        Date {
            y: self.year,
            m: self.months().0,
            d: 1,
        }
    }

    pub fn end(self) -> Date {
        Date::month_end(self.year, self.months().1)
    }

    /// The short code: `2025Q2`.
    pub fn code(self) -> String {
        match self.span {
            Span::Month(m) => format!("{}M{m:02}", self.year),
            Span::Quarter(q) => format!("{}Q{q}", self.year),
            Span::Half(h) => format!("{}H{h}", self.year),
            Span::Year => format!("{}Y", self.year),
        }
    }

    /// The name in a document: `2025年第二季度`.
    pub fn label(self) -> String {
        let y = self.year;
        match self.span {
            Span::Month(m) => format!("{y}年{m}月"),
            Span::Quarter(q) => format!("{y}年{}", CN_QUARTER[(q - 1) as usize]),
            Span::Half(1) => format!("{y}年上半年"),
            Span::Half(_) => format!("{y}年下半年"),
            Span::Year => format!("{y}年"),
        }
    }
}

/// Order periods by their last day (then the shorter first).
pub fn sort_codes(codes: &mut Vec<String>) {
    crate::order::sort_by_key(codes, |c| {
        Period::parse(c).map(|p| (p.end(), p.end().days() - p.start().days()))
    });
}

/// The periods of the plan's rounds, with `also` if it has no round yet, in order.
pub fn round_codes(plan: &crate::model::Plan, also: Option<Period>) -> Vec<String> {
    let mut codes: Vec<String> = plan
        .tracking
        .rounds
        .iter()
        .map(|r| r.period.clone())
        .collect();
    if let Some(code) = also.map(|p| p.code()) {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    sort_codes(&mut codes);
    codes
}

/// The year's reporting periods: twelve months or four quarters.
pub fn periods(year: i32, monthly: bool) -> Vec<Period> {
    let spans: Vec<Span> = if monthly {
        (1..=12).map(Span::Month).collect()
    } else {
        (1..=4).map(Span::Quarter).collect()
    };
    spans
        .into_iter()
        .map(|span| Period { year, span })
        .collect()
}

/// The period the 进度 view opens on: the latest round's, else the last period of the plan's
/// year that has begun by `today` (the first one before the year starts).
pub fn default_period(plan: &crate::model::Plan, today: Date) -> Period {
    if let Some(p) = round_codes(plan, None)
        .last()
        .and_then(|c| Period::parse(c))
    {
        return p;
    }
    let year = plan.doc.year.unwrap_or(today.y);
    let all = periods(year, plan.tracking.monthly);
    all.iter()
        .rev()
        .find(|p| p.start() <= today)
        .or(all.first())
        .copied()
        .unwrap_or(Period {
            year,
            span: Span::Year,
        })
}

/// The day a period's figures are reckoned at: the day after it ends, or `today` while it runs.
pub fn as_of(period: Period, today: Date) -> Date {
    today.min(period.end().add_days(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_leap_years() {
        for z in [-1000, 0, 19_000, 20_000, 20_600, 30_000] {
            assert_eq!(Date::from_days(z).days(), z);
        }
        let d = Date::new(2024, 2, 28).unwrap();
        assert_eq!(d.add_days(1), Date::new(2024, 2, 29).unwrap());
        assert_eq!(d.add_days(2), Date::new(2024, 3, 1).unwrap());
        assert_eq!(Date::new(2025, 2, 29), None);
        assert_eq!(Date::new(2025, 6, 30).unwrap().days(), 20_269);
        assert_eq!(Date::parse("2025-06-30"), Date::new(2025, 6, 30));
        assert_eq!(Date::parse("2025年6月3日"), Date::new(2025, 6, 3));
        assert_eq!(Date::new(2025, 6, 30).unwrap().cn(2025), "6月30日");
    }

    #[test]
    fn periods_parse_in_codes_and_chinese() {
        let q2 = Period::parse("2025Q2").unwrap();
        assert_eq!(Period::parse("2025年第二季度"), Some(q2));
        assert_eq!(q2.start().to_string(), "2025-04-01");
        assert_eq!(q2.end().to_string(), "2025-06-30");
        assert_eq!(q2.label(), "2025年第二季度");
        let m = Period::parse("2025M02").unwrap();
        assert_eq!(m.end().to_string(), "2025-02-28");
        assert_eq!(Period::parse("2025年5月").unwrap().code(), "2025M05");
        assert_eq!(Period::parse("2025H1").unwrap().label(), "2025年上半年");
        assert_eq!(Period::parse("2025年").unwrap().code(), "2025Y");
        assert_eq!(Period::parse("2025Q5"), None);
        assert_eq!(Period::parse("Q2"), None);
        let mut codes = vec!["2025Q3".to_string(), "2025M01".into(), "2025Q1".into()];
        sort_codes(&mut codes);
        assert_eq!(codes, ["2025M01", "2025Q1", "2025Q3"]);
    }

    #[test]
    fn the_view_opens_on_the_running_period_or_the_latest_round() {
        let mut plan = crate::model::Plan::default();
        plan.doc.year = Some(2025);
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(default_period(&plan, d("2025-05-10")).code(), "2025Q2");
        assert_eq!(default_period(&plan, d("2024-12-01")).code(), "2025Q1");
        assert_eq!(default_period(&plan, d("2026-02-01")).code(), "2025Q4");
        plan.tracking.monthly = true;
        assert_eq!(default_period(&plan, d("2025-05-10")).code(), "2025M05");
        assert_eq!(periods(2025, true).len(), 12);
        assert_eq!(periods(2025, false)[3].label(), "2025年第四季度");
        plan.tracking.rounds.push(crate::model::progress::Round {
            period: "2025Q1".into(),
            ..Default::default()
        });
        assert_eq!(default_period(&plan, d("2025-05-10")).code(), "2025Q1");
        let q2 = Period::parse("2025Q2").unwrap();
        assert_eq!(as_of(q2, d("2025-05-10")), d("2025-05-10"));
        assert_eq!(as_of(q2, d("2026-01-01")), d("2025-07-01"));
    }
}
