//! The official-document frame around the work points: 发文字号, the notice title, 主送,
//! the cover text, the list of attachments, 署名 and date, the publish note, the work-points
//! title, and at the end the 版记 (抄送, 印发机关 and 印发日期).
//!
//! Owns recognising those parts at the start and the end of a document.
//! Deliberately does not touch the body: it only says where the body starts.

use super::blocks::{is_terminated, Block};
use super::markers::split_marker;
use crate::model::DocInfo;

/// The text of block `i` if it is a plain paragraph (Word-numbered ones are headings).
fn para(blocks: &[Block], i: usize) -> Option<&str> {
    match blocks.get(i) {
        Some(Block::Para {
            text,
            list_level: None,
            ..
        }) => Some(text.as_str()),
        _ => None,
    }
}

/// 万盛经开发〔2024〕8号, also with [ ] or 【】 around the year.
pub fn is_doc_number(t: &str) -> bool {
    let n = t.chars().count();
    n <= 30
        && t.ends_with('号')
        && (t.contains('〔') || t.contains('[') || t.contains('【') || t.contains('（'))
        && t.chars().any(|c| c.is_ascii_digit())
        && !t.contains('。')
}

/// 2024年5月16日 (nothing else on the line).
pub fn is_date(t: &str) -> bool {
    let t = t.trim();
    let Some(rest) = t.strip_suffix('日') else {
        return false;
    };
    let parts: Vec<&str> = rest.split(['年', '月']).collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_digit() || "〇一二三四五六七八九十○".contains(c))
        })
}

/// （此件公开发布） / （公开方式：主动公开） / （此件不公开）.
pub fn is_publish_note(t: &str) -> bool {
    (t.starts_with('（') || t.starts_with('(')) && t.contains("公开") && t.chars().count() <= 20
}

fn is_short_line(t: &str, max: usize) -> bool {
    t.chars().count() <= max && !is_terminated(t) && split_marker(t).is_none()
}

/// Read the 版头 and cover part; returns the index of the first block after it.
pub fn take_front(
    blocks: &[Block],
    doc: &mut DocInfo,
    attachment_titles: &mut Vec<String>,
) -> usize {
    let mut i = 0;
    if let Some(t) = para(blocks, i) {
        if is_doc_number(t) {
            doc.doc_number = t.to_string();
            i += 1;
        }
    }
    // 关于印发…的通知 (possibly broken over lines) and then 主送 ending in a colon.
    let colon_at = (i..(i + 6).min(blocks.len())).find(|&k| {
        para(blocks, k)
            .is_some_and(|t| (t.ends_with('：') || t.ends_with(':')) && !t.contains('。'))
    });
    if let Some(k) = colon_at
        .filter(|&k| k > i && (i..k).all(|j| para(blocks, j).is_some_and(|t| is_short_line(t, 60))))
    {
        doc.notice_title = (i..k)
            .filter_map(|j| para(blocks, j))
            .collect::<Vec<_>>()
            .join("");
        doc.recipients = para(blocks, k)
            .unwrap_or_default()
            .trim_end_matches(['：', ':'])
            .to_string();
        i = k + 1;
        let mut cover = Vec::new();
        while let Some(t) = para(blocks, i) {
            if !is_terminated(t)
                || split_marker(t).is_some()
                || t.starts_with("附件")
                || is_publish_note(t)
            {
                break;
            }
            cover.push(t.to_string());
            i += 1;
        }
        doc.cover_text = cover.join("\n");
        if let Some(t) =
            para(blocks, i).filter(|t| t.starts_with("附件：") || t.starts_with("附件:"))
        {
            let first = t
                .trim_start_matches("附件")
                .trim_start_matches(['：', ':'])
                .trim();
            attachment_titles.push(split_marker(first).map_or(first.to_string(), |m| m.rest));
            i += 1;
            while let Some(m) = para(blocks, i)
                .and_then(split_marker)
                .filter(|m| m.level == 3 && !is_terminated(&m.rest))
            {
                attachment_titles.push(m.rest);
                i += 1;
            }
        }
        if let (Some(sig), Some(date)) = (para(blocks, i), para(blocks, i + 1)) {
            if is_short_line(sig, 30) && is_date(date) {
                doc.signature = sig.to_string();
                doc.date = date.to_string();
                i += 2;
            }
        }
        if let Some(date) = para(blocks, i).filter(|t| is_date(t)) {
            doc.date = date.to_string();
            i += 1;
        }
    }
    if let Some(note) = para(blocks, i).filter(|t| is_publish_note(t)) {
        doc.publish_note = note.to_string();
        i += 1;
    }
    let (title, used) = take_title(blocks, i);
    if !title.is_empty() {
        doc.title = title;
        i += used;
    } else if let (Some(a), Some(b)) = (doc.notice_title.find('《'), doc.notice_title.find('》'))
    {
        if a < b {
            doc.title = doc.notice_title[a + '《'.len_utf8()..b].to_string();
        }
    }
    i
}

/// A title of up to three short lines at `i` (2024年全区…/工作要点); returns it and lines used.
pub fn take_title(blocks: &[Block], i: usize) -> (String, usize) {
    let mut parts = Vec::new();
    while parts.len() < 3 {
        match para(blocks, i + parts.len()) {
            Some(t) if is_short_line(t, 40) && !is_publish_note(t) => parts.push(t),
            _ => break,
        }
    }
    // Try the longest run that reads like a title.
    for n in (1..=parts.len()).rev() {
        let joined = parts[..n].join("");
        let titled = [
            "要点", "计划", "方案", "安排", "任务", "清单", "意见", "通知",
        ]
        .iter()
        .any(|k| joined.contains(k));
        let year_first = joined.len() > 5 && joined.chars().take(4).all(|c| c.is_ascii_digit());
        if titled || year_first {
            return (joined, n);
        }
    }
    (String::new(), 0)
}

/// Remove the 版记 and closing notes from the end; fills `doc`.
pub fn take_back(blocks: &mut Vec<Block>, doc: &mut DocInfo) {
    while let Some(Block::Para { text, .. }) = blocks.last() {
        let t = text.trim();
        if let Some(cc) = t.strip_prefix("抄送：").or_else(|| t.strip_prefix("抄送:")) {
            doc.cc = cc.trim_end_matches('。').to_string();
        } else if t.ends_with("印发") && t.chars().any(|c| c.is_ascii_digit()) {
            let body = t.trim_end_matches("印发").trim();
            match body.rfind(' ') {
                Some(sp) if is_date(&body[sp + 1..]) => {
                    doc.printer = body[..sp].trim().to_string();
                    doc.print_date = body[sp + 1..].to_string();
                }
                _ => match body.find(|c: char| c.is_ascii_digit()) {
                    Some(d) => {
                        doc.printer = body[..d].trim().to_string();
                        doc.print_date = body[d..].to_string();
                    }
                    None => doc.printer = body.to_string(),
                },
            }
        } else if is_publish_note(t) && doc.publish_note.is_empty() {
            doc.publish_note = t.to_string();
        } else {
            break;
        }
        blocks.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers() {
        assert!(is_date("2024年5月16日"));
        assert!(!is_date("2024年5月16日印发"));
        assert!(is_doc_number("万盛经开发〔2024〕8号"));
        assert!(is_doc_number("渝府发[2024]1号"));
        assert!(!is_doc_number("按照第8号"));
    }
}
