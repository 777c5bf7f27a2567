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

use super::frontlines::{
    cut_site_name, is_issuer, is_recipients, is_title_line, is_titled, split_trailing_number,
};
pub use super::frontlines::{is_date, is_doc_number, is_publish_note};
use super::report::Note;

/// Where the body starts at the latest: the first heading marker or task table.
fn body_limit(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .position(|b| match b {
            Block::Table { .. } => true,
            Block::Para {
                text, list_level, ..
            } => list_level.is_some() || split_marker(text).is_some_and(|m| m.level <= 2),
        })
        .unwrap_or(blocks.len())
}

fn starts_notice_title(t: &str) -> bool {
    let f = super::fold::fold(t);
    f.starts_with("关于") || f.starts_with("印发")
}

/// The notice title ending just before `k` (the 主送 line), over up to four lines, with the
/// 发文字号 found among or after them; returns the index of its first line.
fn notice_title_before(blocks: &[Block], k: usize, doc: &mut DocInfo) -> Option<usize> {
    let mut lines: Vec<&str> = Vec::new();
    let mut j = k;
    let mut first = k;
    while j > 0 && lines.len() < 4 {
        j -= 1;
        let Some(t) = para(blocks, j) else { break };
        if is_doc_number(t) {
            if doc.doc_number.is_empty() {
                doc.doc_number = t
                    .trim_start_matches(['(', '（'])
                    .trim_end_matches([')', '）'])
                    .to_string();
            }
            if lines.is_empty() {
                first = j;
                continue;
            }
            break;
        }
        if !is_title_line(t, 80) {
            break;
        }
        lines.insert(0, t);
        first = j;
        let f = super::fold::fold(t);
        if starts_notice_title(t) {
            if let Some(prev) = j
                .checked_sub(1)
                .and_then(|p| para(blocks, p))
                .filter(|p| is_issuer(p) || (p.ends_with("关于") && is_title_line(p, 40)))
            {
                lines.insert(0, prev);
                first = j - 1;
            }
            break;
        }
        if f.contains("关于") || f.contains("印发") {
            break;
        }
    }
    // The 发文字号 above the notice title.
    let above = first.checked_sub(1).and_then(|p| para(blocks, p));
    if let Some(t) = above.filter(|t| !lines.is_empty() && is_doc_number(t)) {
        if doc.doc_number.is_empty() {
            doc.doc_number = t
                .trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）'])
                .to_string();
        }
        first -= 1;
    }
    let joined = lines.concat();
    let f = super::fold::fold(&joined);
    if !lines.is_empty() && (f.contains("通知") || f.contains("关于") || f.contains("印发")) {
        let (title, number) = split_trailing_number(&cut_site_name(&joined));
        if let Some(n) = number.filter(|_| doc.doc_number.is_empty()) {
            doc.doc_number = n;
        }
        doc.notice_title = title;
        return Some(first);
    }
    // Not right above: the last line before that reads as a notice title.
    let at = (0..k).rev().find(|&j| {
        para(blocks, j).is_some_and(|t| {
            let f = super::fold::fold(t);
            (f.contains("关于") || f.contains("印发"))
                && f.contains("通知")
                && t.chars().count() <= 120
        })
    })?;
    let (title, number) = split_trailing_number(&cut_site_name(para(blocks, at)?));
    if let Some(n) = number.filter(|_| doc.doc_number.is_empty()) {
        doc.doc_number = n;
    }
    doc.notice_title = title;
    Some(at)
}

/// Read the 版头 and cover part; returns the index of the first block after it. Blocks before
/// the document proper (what a website put above it) are listed in `skipped`.
pub fn take_front(
    blocks: &[Block],
    doc: &mut DocInfo,
    attachment_titles: &mut Vec<String>,
    skipped: &mut Vec<Note>,
) -> usize {
    let limit = body_limit(blocks).min(60);
    let recipients_at = (0..limit).find(|&k| {
        para(blocks, k).is_some_and(is_recipients)
            && para(blocks, k + 1).is_some_and(|n| !is_recipients(n))
    });
    let mut i = 0;
    if let Some(k) = recipients_at {
        let start = notice_title_before(blocks, k, doc).unwrap_or(k);
        for b in &blocks[..start] {
            if let Block::Para { line, text, .. } = b {
                skipped.push(Note {
                    line: *line,
                    text: super::report::excerpt(text, 40),
                });
            }
        }
        let line = para(blocks, k)
            .unwrap_or_default()
            .trim_end_matches(['：', ':']);
        // A title the page glued in front of the 主送 line: `…的通知各区县人民政府，…：`.
        match super::fold::fold(line)
            .find("通知")
            .filter(|&p| p + 6 < line.len())
        {
            Some(p) if doc.notice_title.is_empty() && line.is_char_boundary(p + 6) => {
                doc.notice_title = line[..p + 6].to_string();
                doc.recipients = line[p + 6..].to_string();
            }
            _ => doc.recipients = line.to_string(),
        }
        i = k + 1;
        let mut cover = Vec::new();
        while let Some(t) = para(blocks, i) {
            if i >= limit || !is_terminated(t) || t.starts_with("附件") || is_publish_note(t) {
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
        // 署名 (one or two lines) and the date, which pages sometimes repeat.
        let mut signature = Vec::new();
        while let Some(t) = para(blocks, i) {
            if is_date(t) {
                if doc.date.is_empty() {
                    doc.date = t.trim().to_string();
                }
            } else if signature.len() < 2
                && doc.date.is_empty()
                && is_title_line(t, 40)
                && !is_titled(t)
                && (1..=3).any(|d| para(blocks, i + d).is_some_and(is_date))
            {
                signature.push(t.to_string());
            } else {
                break;
            }
            i += 1;
        }
        doc.signature = signature.join(" ");
    } else {
        // No 主送: the paste starts at the 发文字号, a notice title, the title or the body.
        if let Some(t) = para(blocks, i).filter(|t| is_doc_number(t)) {
            doc.doc_number = t.to_string();
            i += 1;
        }
    }
    if let Some(note) = para(blocks, i).filter(|t| is_publish_note(t)) {
        doc.publish_note = note.to_string();
        i += 1;
    }
    let (title, used) = take_title(blocks, i);
    if !title.is_empty() {
        doc.title = cut_site_name(&title);
        i += used;
    } else if let (Some(a), Some(b)) = (doc.notice_title.find('《'), doc.notice_title.find('》'))
    {
        if a < b {
            doc.title = doc.notice_title[a + '《'.len_utf8()..b].to_string();
        }
    }
    if doc.notice_title.is_empty() && super::fold::fold(&doc.title).contains("通知") {
        // The only title is a notice title: the work points are its own text.
        doc.notice_title = std::mem::take(&mut doc.title);
    }
    i
}

/// A title of up to three short lines at `i` (2024年全区…/工作要点, or a bracketed
/// `(2024—2026年)` line); returns it and the lines used.
pub fn take_title(blocks: &[Block], i: usize) -> (String, usize) {
    let mut parts = Vec::new();
    while parts.len() < 3 {
        match para(blocks, i + parts.len()) {
            Some(t) if is_title_line(t, 60) && !is_doc_number(t) => parts.push(t),
            _ => break,
        }
    }
    // Try the longest run that reads like a title.
    for n in (1..=parts.len()).rev() {
        let joined = parts[..n].join("");
        let year_first = joined.len() > 5 && joined.chars().take(4).all(|c| c.is_ascii_digit());
        if is_titled(&joined) || year_first {
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
