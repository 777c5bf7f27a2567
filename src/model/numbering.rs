//! Derived numbering: `一、` / `（一）` / `1.` / `（1）` / `①`, and Chinese numerals.
//!
//! Owns the rule that turns the item tree into displayed numbers, for both styles of task
//! numbering (continuous through a `一、` section, or restarting in each `（一）` group).
//! Deliberately does not store numbers anywhere: they are recomputed from the tree.

use super::Item;
use serde::{Deserialize, Serialize};

/// How level-3 (`1.`) numbers run inside a level-1 section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberingStyle {
    /// 1, 2, … through the whole `一、` section, across its `（一）…（十）` groups.
    #[default]
    Continuous,
    /// Back to 1 in every `（一）` group.
    Restart,
    /// 1, 2, … through the whole body or table, across `一、` sections too.
    Whole,
}

impl NumberingStyle {
    pub fn label(self) -> &'static str {
        match self {
            Self::Continuous => "任务编号全节连续",
            Self::Restart => "任务编号每组重起",
            Self::Whole => "任务编号全文连续",
        }
    }
}

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Chinese numeral for 1..=9999 as used in headings: 十, 十一, 二十一, 一百零五.
pub fn chinese_numeral(n: u32) -> String {
    if n == 0 {
        return "零".into();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let units = [(1000, '千'), (100, '百'), (10, '十')];
    let mut out = String::new();
    let mut rest = n;
    let mut pending_zero = false;
    for (value, name) in units {
        let d = rest / value;
        rest %= value;
        if d > 0 {
            if pending_zero {
                out.push('零');
                pending_zero = false;
            }
            // 十一 not 一十一 at the start; 一百一十 inside.
            if !(value == 10 && d == 1 && out.is_empty()) {
                out.push(DIGITS[d as usize]);
            }
            out.push(name);
        } else if !out.is_empty() {
            pending_zero = true;
        }
    }
    if rest > 0 {
        if pending_zero {
            out.push('零');
        }
        out.push(DIGITS[rest as usize]);
    }
    out
}

/// Parse a Chinese numeral (一 … 九十九, 一百…, also 〇/两). None if it is not one.
pub fn parse_chinese_numeral(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut section = 0u32;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        section += digit.unwrap_or(1) * unit;
        digit = None;
    }
    total += section + digit.unwrap_or(0);
    (total > 0).then_some(total)
}

/// Circled numbers ①…⑳ (and ㉑…㊿); beyond that, `(n)`.
pub fn circled(n: u32) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n - 1)
            .map(String::from)
            .unwrap_or_default(),
        21..=35 => char::from_u32(0x3251 + n - 21)
            .map(String::from)
            .unwrap_or_default(),
        36..=50 => char::from_u32(0x32B1 + n - 36)
            .map(String::from)
            .unwrap_or_default(),
        _ => format!("({n})"),
    }
}

/// Value of a circled number character.
pub fn parse_circled(c: char) -> Option<u32> {
    let u = c as u32;
    match u {
        0x2460..=0x2473 => Some(u - 0x2460 + 1),
        0x3251..=0x325F => Some(u - 0x3251 + 21),
        0x32B1..=0x32BF => Some(u - 0x32B1 + 36),
        _ => None,
    }
}

/// The displayed number of the `n`-th item at `level`.
pub fn marker(level: u8, n: u32) -> String {
    match level {
        1 => format!("{}、", chinese_numeral(n)),
        2 => format!("（{}）", chinese_numeral(n)),
        3 => format!("{n}."),
        4 => format!("（{n}）"),
        5 => circled(n),
        _ => String::new(),
    }
}

/// Running counters while walking a body in document order.
#[derive(Debug, Clone)]
pub struct Numberer {
    style: NumberingStyle,
    counters: [u32; 6],
}

impl Numberer {
    pub fn new(style: NumberingStyle) -> Self {
        Self {
            style,
            counters: [0; 6],
        }
    }

    /// Call for every item in document order; returns its number (empty when it has none).
    pub fn enter(&mut self, item: &Item) -> String {
        let level = item.level.min(5) as usize;
        if level == 0 {
            return String::new();
        }
        // A part (`第一部分`, its words in its title) holds sections of its own level: every
        // number starts again in it, whatever the style.
        let part = !item.numbered && item.children.iter().any(|c| c.level == item.level);
        for deeper in level + 1..=5 {
            let keep = !part
                && deeper == 3
                && match self.style {
                    NumberingStyle::Continuous => level == 2,
                    NumberingStyle::Whole => true,
                    NumberingStyle::Restart => false,
                };
            if !keep {
                self.counters[deeper] = 0;
            }
        }
        if !item.numbered {
            if part {
                self.counters[level] = 0;
            }
            return String::new();
        }
        self.counters[level] += 1;
        marker(level as u8, self.counters[level])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_past_ten() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
        ];
        for (n, s) in cases {
            assert_eq!(chinese_numeral(n), s, "{n}");
            assert_eq!(parse_chinese_numeral(s), Some(n), "{s}");
        }
        assert_eq!(marker(1, 11), "十一、");
        assert_eq!(marker(2, 21), "（二十一）");
        assert_eq!(parse_chinese_numeral("abc"), None);
    }

    #[test]
    fn numerals_round_trip_to_999() {
        for n in 1..1000 {
            assert_eq!(parse_chinese_numeral(&chinese_numeral(n)), Some(n));
        }
    }

    #[test]
    fn circled_round_trip() {
        for n in 1..=50 {
            let s = circled(n);
            assert_eq!(parse_circled(s.chars().next().unwrap()), Some(n));
        }
    }
}
