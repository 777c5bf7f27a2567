//! One line of a document's frame, judged on its own: 发文字号, a date (as written, and as
//! pages mangle it: `2024613日`, `20181112`, `二○○九年二月十六日`), the publish note, a 主送
//! line, an issuer's name, a notice title.
//!
//! Owns these single-line predicates; `front` decides from them where each part is.
//! Deliberately knows nothing about the lines around.

use super::blocks::is_terminated;
use super::fold::fold;
use super::markers::split_marker;

/// 万盛经开发〔2024〕8号, also with [ ] 【】 （） around the year, and as pages cut it
/// (`赣市发〔201737`).
pub fn is_doc_number(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    if n > 30 || t.contains('。') || t.contains('，') {
        return false;
    }
    let t = t
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let Some(open) = t.find(['〔', '[', '【', '（', '(']) else {
        return false;
    };
    let after = &t[open..];
    let year = after
        .chars()
        .skip(1)
        .take(4)
        .filter(|c| c.is_ascii_digit())
        .count()
        == 4;
    let prefix = t[..open].chars().count();
    year && (1..=14).contains(&prefix)
        && (t.ends_with('号') || t.ends_with('號') || t.ends_with(|c: char| c.is_ascii_digit()))
}

/// A date line: 2024年5月16日, 二○○九年二月十六日, and as pages lose characters:
/// 2024613日, 20181112, 2024-06-13.
pub fn is_date(t: &str) -> bool {
    let t = t.trim();
    let digitish = |c: char| c.is_ascii_digit() || "〇一二三四五六七八九十○零".contains(c);
    if let Some(rest) = t.strip_suffix('日') {
        let parts: Vec<&str> = rest.split(['年', '月']).collect();
        if parts.len() == 3 {
            let year_ok = parts[0].chars().count() == 4;
            return year_ok
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(digitish));
        }
        // 2024613日: year, month and day with the 年 and 月 lost.
        let n = rest.len();
        return (6..=8).contains(&n)
            && rest.bytes().all(|b| b.is_ascii_digit())
            && (rest.starts_with("19") || rest.starts_with("20"));
    }
    let b = t.as_bytes();
    // 20181112
    if b.len() == 8
        && b.iter().all(u8::is_ascii_digit)
        && (t.starts_with("19") || t.starts_with("20"))
    {
        return true;
    }
    // 2024-06-13 / 2024.6.13
    let parts: Vec<&str> = t.split(['-', '.', '/']).collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
}

/// （此件公开发布） / （公开方式：主动公开） / （此件不公开）.
pub fn is_publish_note(t: &str) -> bool {
    if t.len() > 60 {
        return false;
    }
    let f = fold(t);
    (f.starts_with('（') || f.starts_with('(')) && f.contains("公开") && f.chars().count() <= 20
}

/// A 主送 line: recipients ending in a colon (`各镇人民政府，各街道办事处，…：`).
pub fn is_recipients(t: &str) -> bool {
    if t.len() > 600 {
        return false;
    }
    let f = fold(t.trim());
    let n = f.chars().count();
    (f.ends_with('：') || f.ends_with(':'))
        && (4..=200).contains(&n)
        && !f.contains('。')
        && !f.starts_with("附件")
        && split_marker(&f).is_none()
        && [
            "各",
            "单位",
            "部门",
            "政府",
            "委员会",
            "成员",
            "办事处",
            "管委会",
            "局",
            "处室",
        ]
        .iter()
        .any(|w| f.contains(w))
}

/// A short line naming an organ (a 署名, or the issuer line above a notice title).
pub fn is_issuer(t: &str) -> bool {
    if t.len() > 120 {
        return false;
    }
    let f = fold(t.trim());
    let n = f.chars().count();
    (3..=40).contains(&n)
        && !is_terminated(&f)
        && !f.contains('，')
        && !f.contains(',')
        && split_marker(&f).is_none()
        && [
            "政府",
            "委员会",
            "办公室",
            "委",
            "局",
            "厅",
            "办",
            "部",
            "会",
            "组",
            "中心",
            "指挥部",
            "管委会",
            "公司",
            "大队",
            "支队",
        ]
        .iter()
        .any(|w| f.ends_with(w))
}

/// Words that make a line a document title (…工作要点, …实施方案, …的通知).
pub fn is_titled(t: &str) -> bool {
    if t.len() > 600 {
        return false;
    }
    let f = fold(t);
    [
        "要点", "计划", "方案", "安排", "任务", "清单", "意见", "通知", "办法", "规划", "分解",
        "细则", "措施",
    ]
    .iter()
    .any(|k| f.contains(k))
}

/// A line a notice title can span (short, no full stop).
pub fn is_title_line(t: &str, max: usize) -> bool {
    if t.len() > max * 4 {
        return false;
    }
    let n = t.chars().count();
    n > 0
        && n <= max
        && !t.contains('。')
        && !t.ends_with(['；', '，', '：', ':', ';', ','])
        && split_marker(t).is_none()
        && !is_date(t)
        && !is_publish_note(t)
}

/// `…的通知 (皖安〔2024〕1号)`: the title and the 发文字号 in brackets after it.
pub fn split_trailing_number(t: &str) -> (String, Option<String>) {
    let t = t.trim();
    if let Some(open) = t.rfind(['(', '（']) {
        let inner = t[open..]
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）']);
        if t.ends_with([')', '）']) && open > 0 && is_doc_number(inner) {
            return (t[..open].trim().to_string(), Some(inner.to_string()));
        }
    }
    (t.to_string(), None)
}

/// A notice title with a website's name glued after it (`…的通知-某某官网`): the title.
pub fn cut_site_name(t: &str) -> String {
    let f = fold(t);
    for end in ["通知", "要点", "方案"] {
        if let Some(p) = f.rfind(end) {
            let cut = p + end.len();
            let rest = &t[cut..];
            if rest.starts_with(['-', '_', '|', '—', '－']) {
                return t[..cut].to_string();
            }
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_written_and_as_pages_lose_them() {
        for t in [
            "2024年5月16日",
            "二○○九年二月十六日",
            "2024613日",
            "202535日",
            "20181112",
            "2024-06-13",
        ] {
            assert!(is_date(t), "{t}");
        }
        for t in [
            "2024年5月16日印发",
            "2024年全区工作要点",
            "12345",
            "1.5亿元",
        ] {
            assert!(!is_date(t), "{t}");
        }
    }

    #[test]
    fn doc_numbers() {
        for t in [
            "万盛经开发〔2024〕8号",
            "渝府发[2024]1号",
            "(渝办发〔2009〕45号)",
            "赣市发〔201737",
            "渝府發〔2025〕1號",
        ] {
            assert!(is_doc_number(t), "{t}");
        }
        for t in ["按照第8号", "（2024—2026年）", "2025年全区安全生产"] {
            assert!(!is_doc_number(t), "{t}");
        }
        assert_eq!(
            split_trailing_number(
                "安徽省安全生产委员会关于印发《工作要点》的通知 (皖安〔2024〕1号)"
            ),
            (
                "安徽省安全生产委员会关于印发《工作要点》的通知".into(),
                Some("皖安〔2024〕1号".into())
            )
        );
        assert_eq!(
            cut_site_name("关于印发2023年工作要点的通知-某某官网"),
            "关于印发2023年工作要点的通知"
        );
    }

    #[test]
    fn recipients_and_issuers() {
        assert!(is_recipients("各镇人民政府，各街道办事处，管委会各部门："));
        assert!(is_recipients(
            "各區縣(自治縣)人民政府,市政府各部門,有關單位:"
        ));
        assert!(!is_recipients("现就做好2020年全区消防工作通知如下。"));
        assert!(is_issuer("重庆市大足区人民政府"));
        assert!(is_issuer("中共赣州市委赣州市人民政府"));
        assert!(!is_issuer("一、总体要求"));
    }
}
