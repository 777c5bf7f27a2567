//! Re-dating a plan: the one rule for what moves when the plan year changes. The plan year
//! moves on in the titles, 发文字号, the notice and its cover text, the preamble, dates, the
//! 版记 and deadlines (2024年12月底前 → 2025年12月底前); a year that refers to something else
//! — a cited document 《…2023年…》, 2023年水毁修复项目, a 十四五 plan period — is flagged, never
//! moved. Setting 年度 in the app and the new year's draft (`sync::yearly`) both call it.
//!
//! Owns the text rule ([`redate`]) and the field-by-field proposals ([`propose`], [`apply`]).
//! Deliberately proposes only: the planner approves every change.

use crate::model::{walk, DocInfo, Plan};

/// A year in the text that was not moved, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// The words around it, e.g. `2023年水毁修复项目`.
    pub excerpt: String,
    pub message: String,
}

/// What [`redate`] did to one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Redated {
    pub text: String,
    pub flags: Vec<Flag>,
}

/// Plan periods written without a year (十四五) are flagged for review.
const PERIODS: &[&str] = &["十三五", "十四五", "十五五"];

/// Move the plan year `from` → `to` in `text`. `own` are the plan's own titles (with the old
/// year): a 《…》 quoting one of them is the plan itself and moves; any other 《…》 is a cited
/// document and is flagged. Other years are flagged. In a 发文字号 the serial number after
/// 〔YYYY〕 is left empty for the planner (see [`redate_doc_number`]); anywhere else a 〔YYYY〕
/// is part of a cited document's number (渝府发〔2024〕1号) and is flagged.
pub fn redate(text: &str, from: i32, to: i32, own: &[&str]) -> Redated {
    redate_inner(text, from, to, own, false)
}

/// [`redate`] for the plan's own 发文字号: 〔2024〕8号 → 〔2025〕号.
pub fn redate_doc_number(text: &str, from: i32, to: i32) -> Redated {
    redate_inner(text, from, to, &[], true)
}

fn redate_inner(text: &str, from: i32, to: i32, own: &[&str], doc_number: bool) -> Redated {
    let chars: Vec<char> = text.chars().collect();
    let (from_s, to_s) = (from.to_string(), to.to_string());
    let mut out = String::with_capacity(text.len());
    let mut flags = Vec::new();
    // The 《…》 the scan is inside: (start index, whether it quotes the plan itself).
    let mut quote: Option<bool> = None;
    let mut i = 0;
    let excerpt = |at: usize| -> String {
        let start = at.saturating_sub(6);
        let end = (at + 12).min(chars.len());
        chars[start..end].iter().collect()
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '《' {
            let close = chars[i..].iter().position(|c| *c == '》').map(|p| i + p);
            let inner: String = chars[i + 1..close.unwrap_or(chars.len())].iter().collect();
            quote = Some(own.iter().any(|t| !t.is_empty() && inner.contains(*t)));
        } else if c == '》' {
            quote = None;
        }
        let four = i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if four {
            let year: String = chars[i..i + 4].iter().collect();
            let next = chars.get(i + 4).copied();
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let is_year = matches!(next, Some('年') | Some('〕') | Some(']') | Some('）'))
                || matches!(prev, Some('〔') | Some('['));
            let cited_number = !doc_number && prev == Some('〔');
            if is_year && year == from_s {
                if quote == Some(false) || cited_number {
                    flags.push(Flag {
                        excerpt: excerpt(i),
                        message: format!(
                            "引用的文件中的“{year}年”未改动：请核对是否应引用新一年的文件。"
                        ),
                    });
                    out.push_str(&year);
                } else {
                    out.push_str(&to_s);
                    // 〔2024〕8号 → 〔2025〕号: the serial number is the planner's.
                    if prev == Some('〔') && next == Some('〕') {
                        out.push('〕');
                        let mut j = i + 5;
                        while j < chars.len() && chars[j].is_ascii_digit() {
                            j += 1;
                        }
                        i = j;
                        continue;
                    }
                }
                i += 4;
                continue;
            }
            if is_year && year != to_s {
                flags.push(Flag {
                    excerpt: excerpt(i),
                    message: format!("文中提到“{year}年”，可能指往年事项或引用，未改动，请复核。"),
                });
            }
            out.push_str(&year);
            i += 4;
            continue;
        }
        if let Some(p) = PERIODS.iter().find(|p| {
            let p: Vec<char> = p.chars().collect();
            chars[i..].starts_with(&p)
        }) {
            flags.push(Flag {
                excerpt: excerpt(i),
                message: format!("文中提到“{p}”规划期，未改动，请复核。"),
            });
        }
        out.push(c);
        i += 1;
    }
    Redated { text: out, flags }
}

/// A field of the plan a year change touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Doc(DocField),
    AttachmentTitle(usize),
    /// Preface paragraph: body (0 main, N attachment N), index.
    Preface(usize, usize),
    TableCaption(usize, usize),
    Item(String, super::Field),
}

/// The year-dependent fields of the document data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocField {
    DocNumber,
    NoticeTitle,
    Title,
    CoverText,
    Date,
    PrintDate,
    Cc,
    PublishNote,
}

impl DocField {
    pub const ALL: [DocField; 8] = [
        Self::DocNumber,
        Self::NoticeTitle,
        Self::Title,
        Self::CoverText,
        Self::Date,
        Self::PrintDate,
        Self::Cc,
        Self::PublishNote,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::DocNumber => "发文字号",
            Self::NoticeTitle => "通知标题",
            Self::Title => "要点标题",
            Self::CoverText => "印发通知正文",
            Self::Date => "成文日期",
            Self::PrintDate => "印发日期",
            Self::Cc => "抄送",
            Self::PublishNote => "公开方式",
        }
    }

    pub fn get(self, d: &DocInfo) -> &String {
        match self {
            Self::DocNumber => &d.doc_number,
            Self::NoticeTitle => &d.notice_title,
            Self::Title => &d.title,
            Self::CoverText => &d.cover_text,
            Self::Date => &d.date,
            Self::PrintDate => &d.print_date,
            Self::Cc => &d.cc,
            Self::PublishNote => &d.publish_note,
        }
    }

    pub fn get_mut(self, d: &mut DocInfo) -> &mut String {
        match self {
            Self::DocNumber => &mut d.doc_number,
            Self::NoticeTitle => &mut d.notice_title,
            Self::Title => &mut d.title,
            Self::CoverText => &mut d.cover_text,
            Self::Date => &mut d.date,
            Self::PrintDate => &mut d.print_date,
            Self::Cc => &mut d.cc,
            Self::PublishNote => &mut d.publish_note,
        }
    }
}

/// One proposed change: a field, its text before and after, and the years left alone in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub target: Target,
    /// Where, in words: 要点标题, 正文前言, 任务 5. …
    pub place: String,
    pub before: String,
    /// Equal to `before` when nothing moves (the change only carries flags).
    pub after: String,
    pub flags: Vec<Flag>,
}

/// The plan's own titles, for [`redate`]'s `own`.
fn own_titles(plan: &Plan) -> Vec<&str> {
    let mut t = vec![plan.doc.title.as_str()];
    t.extend(plan.attachments.iter().map(|a| a.title.as_str()));
    t.retain(|t| !t.trim().is_empty());
    t
}

/// Every field the move `from` → `to` changes or flags, in document order.
pub fn propose(plan: &Plan, from: i32, to: i32) -> Vec<Change> {
    let own = own_titles(plan);
    let mut out = Vec::new();
    let mut check = |target: Target, place: String, before: &str| {
        let r = if target == Target::Doc(DocField::DocNumber) {
            redate_doc_number(before, from, to)
        } else {
            redate(before, from, to, &own)
        };
        if r.text != before || !r.flags.is_empty() {
            out.push(Change {
                target,
                place,
                before: before.to_string(),
                after: r.text,
                flags: r.flags,
            });
        }
    };
    for f in DocField::ALL {
        check(Target::Doc(f), f.label().to_string(), f.get(&plan.doc));
    }
    for (i, a) in plan.attachments.iter().enumerate() {
        check(
            Target::AttachmentTitle(i),
            format!("附件{}标题", i + 1),
            &a.title,
        );
    }
    for b in walk::bodies(plan) {
        let part = if b.attachment == 0 {
            "正文".to_string()
        } else {
            format!("附件{}", b.attachment)
        };
        for (i, p) in b.body.preface.iter().enumerate() {
            check(
                Target::Preface(b.attachment, i),
                format!("{part}前言第{}段", i + 1),
                p,
            );
        }
        for (i, t) in b.body.tables.iter().enumerate() {
            check(
                Target::TableCaption(b.attachment, i),
                format!("{part}表题"),
                &t.caption,
            );
        }
        let mut lists = vec![(&b.body.items, b.body.numbering)];
        lists.extend(b.body.tables.iter().map(|t| (&t.items, t.numbering)));
        for (items, style) in lists {
            for r in walk::rows(items, style) {
                let item = r.item;
                let place = format!(
                    "{part} {}{}",
                    r.number,
                    crate::parse::report::excerpt(&item.full_text(), 16)
                );
                use super::Field;
                check(
                    Target::Item(item.id.clone(), Field::Title),
                    place.clone(),
                    &item.title,
                );
                check(
                    Target::Item(item.id.clone(), Field::Text),
                    place.clone(),
                    &item.text,
                );
                if let Some(t) = &item.task {
                    check(
                        Target::Item(item.id.clone(), Field::Deadline),
                        format!("{place}（完成时限）"),
                        &t.deadline,
                    );
                }
            }
        }
    }
    out
}

/// Set the plan year to `to` and apply the kept changes.
pub fn apply(plan: &mut Plan, to: Option<i32>, changes: &[Change]) {
    plan.doc.year = to;
    for c in changes.iter().filter(|c| c.after != c.before) {
        set(plan, &c.target, &c.after);
    }
}

/// Write `value` into the field `target` names.
pub fn set(plan: &mut Plan, target: &Target, value: &str) {
    fn body(plan: &mut Plan, b: usize) -> Option<&mut crate::model::Body> {
        if b == 0 {
            Some(&mut plan.body)
        } else {
            plan.attachments.get_mut(b - 1).map(|a| &mut a.body)
        }
    }
    match target {
        Target::Doc(f) => *f.get_mut(&mut plan.doc) = value.to_string(),
        Target::AttachmentTitle(i) => {
            if let Some(a) = plan.attachments.get_mut(*i) {
                a.title = value.to_string();
            }
        }
        Target::Preface(b, i) => {
            if let Some(p) = body(plan, *b).and_then(|b| b.preface.get_mut(*i)) {
                *p = value.to_string();
            }
        }
        Target::TableCaption(b, i) => {
            if let Some(t) = body(plan, *b).and_then(|b| b.tables.get_mut(*i)) {
                t.caption = value.to_string();
            }
        }
        // Re-dating is not a substantive edit: the item's origin stays as it was.
        Target::Item(id, field) => {
            if let Some(item) = super::item_mut(plan, id) {
                use super::Field;
                let slot = match field {
                    Field::Title => &mut item.title,
                    Field::Text => &mut item.text,
                    Field::Deadline => &mut item.task.get_or_insert_with(Default::default).deadline,
                    Field::Note => &mut item.task.get_or_insert_with(Default::default).note,
                };
                *slot = value.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_year_moves_other_years_are_flagged() {
        let r = redate("对照2023年考核结果，2024年12月底前完成。", 2024, 2025, &[]);
        assert_eq!(r.text, "对照2023年考核结果，2025年12月底前完成。");
        assert_eq!(r.flags.len(), 1);
        assert!(r.flags[0].message.contains("2023年"));
    }

    #[test]
    fn own_title_in_quotes_moves_a_cited_document_does_not() {
        let own = ["2024年全区安全生产工作要点"];
        let r = redate(
            "现将《2024年全区安全生产工作要点》印发给你们",
            2024,
            2025,
            &own,
        );
        assert_eq!(r.text, "现将《2025年全区安全生产工作要点》印发给你们");
        assert!(r.flags.is_empty());
        let cited = "依据《关于印发2024年全市安全生产工作要点的通知》，特制定2024年工作要点。";
        let r = redate(cited, 2024, 2025, &own);
        assert_eq!(
            r.text,
            "依据《关于印发2024年全市安全生产工作要点的通知》，特制定2025年工作要点。"
        );
        assert_eq!(r.flags.len(), 1);
    }

    #[test]
    fn doc_number_keeps_the_prefix_and_leaves_the_number_empty() {
        assert_eq!(
            redate_doc_number("万盛经开发〔2024〕8号", 2024, 2025).text,
            "万盛经开发〔2025〕号"
        );
        // In the text, 〔2024〕 is a cited document's number.
        let r = redate("《通知》（渝府发〔2024〕1号）精神", 2024, 2025, &[]);
        assert_eq!(r.text, "《通知》（渝府发〔2024〕1号）精神");
        assert_eq!(r.flags.len(), 1);
    }

    #[test]
    fn periods_and_numbers_that_are_not_years() {
        let r = redate("落实“十四五”规划，投入2024万元", 2024, 2025, &[]);
        assert_eq!(r.text, "落实“十四五”规划，投入2024万元");
        assert_eq!(r.flags.len(), 1);
    }
}
