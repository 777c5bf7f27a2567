//! Heading markers at the start of a line: `一、` `（一）` `1.` `（1）` `①`, and the variants
//! people paste (`(一)`, `1．`, `1、`, `１．`, `二十一、`).
//!
//! Owns recognising a marker and its level; deliberately does not decide what the item is
//! (heading or task) nor check the sequence: `structure` does that.

use crate::model::numbering::{parse_chinese_numeral, parse_circled};

/// A recognised marker: its GB/T 9704 level, the number it shows, and the text after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub level: u8,
    pub number: u32,
    pub rest: String,
}

const CN_DIGITS: &str = "一二三四五六七八九十百零〇两";

fn is_open(c: char) -> bool {
    c == '（' || c == '('
}

fn is_close(c: char) -> bool {
    c == '）' || c == ')'
}

/// The text after the first `i` characters of `text`, without separator leftovers.
fn rest_after(text: &str, i: usize) -> String {
    let start = text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
    text[start..]
        .trim_start_matches([' ', '、', '.', '．'])
        .trim()
        .to_string()
}

/// Recognise the marker at the start of `text` (already cleaned).
pub fn split_marker(text: &str) -> Option<Marker> {
    // Only the head of the line matters; this keeps a 20 MB one-line paste linear.
    let chars: Vec<char> = text.chars().take(16).collect();
    let first = *chars.first()?;
    // ① …
    if let Some(n) = parse_circled(first) {
        return Some(Marker {
            level: 5,
            number: n,
            rest: rest_after(text, 1),
        });
    }
    // （一） / （1）
    if is_open(first) {
        let close = chars.iter().take(6).position(|c| is_close(*c))?;
        let inner: String = chars[1..close].iter().filter(|c| **c != ' ').collect();
        if inner.is_empty() {
            return None;
        }
        if let Ok(n) = inner.parse::<u32>() {
            return Some(Marker {
                level: 4,
                number: n,
                rest: rest_after(text, close + 1),
            });
        }
        if inner.chars().all(|c| CN_DIGITS.contains(c)) {
            let n = parse_chinese_numeral(&inner)?;
            return Some(Marker {
                level: 2,
                number: n,
                rest: rest_after(text, close + 1),
            });
        }
        return None;
    }
    // 一、 / 二十一、
    if CN_DIGITS.contains(first) {
        let end = chars.iter().position(|c| !CN_DIGITS.contains(*c))?;
        if end > 4 || !matches!(chars[end], '、' | '．' | '.') {
            return None;
        }
        let inner: String = chars[..end].iter().collect();
        let n = parse_chinese_numeral(&inner)?;
        return Some(Marker {
            level: 1,
            number: n,
            rest: rest_after(text, end + 1),
        });
    }
    // 1. / 1． / 1、 / 1) / 1）
    if first.is_ascii_digit() {
        let mut end = chars.iter().position(|c| !c.is_ascii_digit())?;
        // Task numbers run past 1000 in long task lists; five digits would be a code.
        if end > 4 {
            return None;
        }
        let n: u32 = chars[..end].iter().collect::<String>().parse().ok()?;
        // "1 ." with a stray space
        let mut sep = end;
        while sep < chars.len() && chars[sep] == ' ' {
            sep += 1;
        }
        let c = *chars.get(sep)?;
        let next = chars.get(sep + 1).copied();
        if matches!(c, '.' | '．' | '、') && !next.is_some_and(|d| d.is_ascii_digit()) {
            end = sep + 1;
            return Some(Marker {
                level: 3,
                number: n,
                rest: rest_after(text, end),
            });
        }
        if is_close(c) {
            return Some(Marker {
                level: 4,
                number: n,
                rest: rest_after(text, sep + 1),
            });
        }
    }
    None
}

/// A part heading above the `一、` sections: `第一部分`, `第二篇`, `第三章`, followed by its
/// title (`第一部分 安全生产`, `第二部分：防灾减灾救灾`). Returns the part's number and the
/// line as it is written (the words are kept: the model has no number style for parts).
pub fn part_marker(text: &str) -> Option<(u32, String)> {
    let rest = text.strip_prefix('第')?;
    let end = rest
        .char_indices()
        .find(|(_, c)| !CN_DIGITS.contains(*c))
        .map(|(i, _)| i)?;
    let n = parse_chinese_numeral(&rest[..end])?;
    let after = &rest[end..];
    let word = ["部分", "篇", "章"]
        .into_iter()
        .find(|w| after.starts_with(w))?;
    let title = after[word.len()..]
        .trim_start_matches([' ', '\u{3000}', '：', ':', '、', '.', '．'])
        .trim();
    let ok = text.chars().count() <= 40
        && !title.is_empty()
        && !title.ends_with(['。', '；', '，', ';', ','])
        && !title.starts_with(['的', '中', '内', '规', '所']);
    ok.then(|| (n, format!("第{}{word} {title}", &rest[..end])))
}

/// A task number typed with no separator (`2强化行业部门监管责任`), accepted only as the
/// number `expected` next in sequence and when what follows is not a quantity or a date
/// (`2025年`, `3个`, `10起以内`).
pub fn bare_number(text: &str, expected: u32) -> Option<Marker> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let n: u32 = text[..digits].parse().ok()?;
    let next = text[digits..].chars().next()?;
    let quantity =
        "年月日时分秒个项名次号条批起辆米吨元万亿千百天人家户所座处类级倍期届周岁%‰余多以至-—~～";
    (n == expected && next as u32 >= 0x4E00 && !quantity.contains(next)).then(|| Marker {
        level: 3,
        number: n,
        rest: text[digits..].trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(u8, u32, String)> {
        split_marker(s).map(|m| (m.level, m.number, m.rest))
    }

    #[test]
    fn levels_and_variants() {
        assert_eq!(m("一、总体要求"), Some((1, 1, "总体要求".into())));
        assert_eq!(m("二十一、其他"), Some((1, 21, "其他".into())));
        assert_eq!(m("（十）强化"), Some((2, 10, "强化".into())));
        assert_eq!(m("(三)强化"), Some((2, 3, "强化".into())));
        assert_eq!(m("1．推行"), Some((3, 1, "推行".into())));
        assert_eq!(m("12. 推行"), Some((3, 12, "推行".into())));
        assert_eq!(m("3、推行"), Some((3, 3, "推行".into())));
        assert_eq!(m("4 .推行"), Some((3, 4, "推行".into())));
        assert_eq!(m("（2）细化"), Some((4, 2, "细化".into())));
        assert_eq!(m("(2)细化"), Some((4, 2, "细化".into())));
        assert_eq!(m("③细化"), Some((5, 3, "细化".into())));
    }

    #[test]
    fn numbers_as_typed() {
        assert_eq!(m("1024．推行"), Some((3, 1024, "推行".into())));
        assert_eq!(m("二十一、其他"), Some((1, 21, "其他".into())));
        let b = |s: &str, e| bare_number(s, e).map(|m| (m.number, m.rest));
        assert_eq!(
            b("2强化行业部门监管责任", 2),
            Some((2, "强化行业部门监管责任".into()))
        );
        assert_eq!(b("2强化行业部门监管责任", 5), None);
        assert_eq!(b("2025年全区", 2025), None);
        assert_eq!(b("3个重点", 3), None);
    }

    #[test]
    fn parts_above_the_sections() {
        assert_eq!(
            part_marker("第一部分 安全生产"),
            Some((1, "第一部分 安全生产".into()))
        );
        assert_eq!(
            part_marker("第二部分：防灾减灾救灾"),
            Some((2, "第二部分 防灾减灾救灾".into()))
        );
        assert_eq!(
            part_marker("第十一章　应急管理"),
            Some((11, "第十一章 应急管理".into()))
        );
        assert_eq!(
            part_marker("第一篇 总体要求"),
            Some((1, "第一篇 总体要求".into()))
        );
        for s in [
            "第一部分",
            "第一次全体会议",
            "第二部分内容已删除。",
            "第三章的规定，依法处理。",
            "第1部分",
        ] {
            assert_eq!(part_marker(s), None, "{s}");
        }
    }

    #[test]
    fn not_markers() {
        for s in [
            "2024年全区",
            "1.5亿元",
            "一是加强",
            "十分重要",
            "（此件公开发布）",
            "（责任单位：应急局）",
            "5·12",
            "",
        ] {
            assert_eq!(m(s), None, "{s}");
        }
    }
}
