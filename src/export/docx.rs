//! The official document as .docx, laid out as in GB/T 9704-2012: A4, margins 37/35/28/26 mm,
//! 22 lines of 28 characters, 3号仿宋 body, 2号小标宋 title, 黑体 `一、`, 楷体 `（一）`, bold
//! `1.`, page numbers `— N —` in 4号宋体 (odd pages right, even left), 版记 between rules at
//! the foot of the last page (how, and why this construction: [`BANJI_POSITION`]).
//!
//! Owns the document order and the formatting. The clause wording comes from `render`.

use super::ooxml::{
    self, paragraph, run, Align, Para, FANGSONG, HEITI, KAITI, SONGTI, XIAOBIAOSONG,
};
use crate::model::{walk, Body, ItemKind, Plan};
use crate::render;

const BODY: u32 = 32; // 三号 16 pt
const TITLE: u32 = 44; // 二号 22 pt
const SMALL: u32 = 28; // 四号 14 pt

/// Where the 版记 goes: a floating table (`w:tblpPr`) aligned to the bottom of the text block
/// (`w:vertAnchor="margin" w:tblpYSpec="bottom"`) of the page its anchor — the paragraph after
/// it, the document's last — falls on, placed horizontally from the page's edge at the left
/// margin (`w:horzAnchor="page" w:tblpX` = 28 mm). Word honours `tblpYSpec` as written.
/// LibreOffice (7.4 checked) turns a floating table into a frame only when text could flow
/// beside it or it is placed relative to the page horizontally; a full-width table anchored to
/// the margin stays inline right after the text, which is why the page-relative `horzAnchor`
/// matters. Rendered: the 版记 sits at the foot of the body's last page when it has room, and
/// when the text fills that page the anchor and the 版记 move to a page of their own (a 版记页,
/// which GB/T 9704 allows). Neither application needs the text's height, so nothing is
/// estimated. Tried before and rejected: a frame (`w:framePr`) and a table positioned with
/// `horzAnchor="margin"` (both inline in LibreOffice 7.4), a `tblpY` from an estimated line
/// count (wrong as soon as the estimate is).
pub(crate) const BANJI_POSITION: &str = "<w:tblpPr w:leftFromText=\"0\" w:rightFromText=\"0\" w:topFromText=\"0\" w:bottomFromText=\"0\" w:vertAnchor=\"margin\" w:horzAnchor=\"page\" w:tblpX=\"1587\" w:tblpYSpec=\"bottom\"/>";

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Add the task table (任务清单) as a last attachment.
    pub task_table: bool,
}

/// Break a long title into lines (see [`super::title`]; kept here for callers of the .docx).
pub use super::title::break_title;

pub(crate) fn centered_title(out: &mut String, title: &str, page_break: bool) {
    for (i, line) in break_title(title, 18).iter().enumerate() {
        let p = Para {
            page_break: page_break && i == 0,
            line: 700,
            first_line_chars: 0,
            align: Align::Center,
            ..Para::default()
        };
        out.push_str(&paragraph(p, &run(line, XIAOBIAOSONG, TITLE, false)));
    }
    blank(out);
}

pub(crate) fn blank(out: &mut String) {
    out.push_str(&paragraph(Para::default(), ""));
}

/// The 署名 and the date after two blank lines, right-aligned four characters in (GB/T 9704).
pub(crate) fn signed(out: &mut String, issuer: &str, date: &str) {
    blank(out);
    blank(out);
    let right = Para {
        first_line_chars: 0,
        right_chars: 400,
        align: Align::Right,
        ..Para::default()
    };
    plain(out, issuer, right);
    plain(out, date, right);
}

pub(crate) fn plain(out: &mut String, text: &str, p: Para) {
    out.push_str(&paragraph(p, &run(text, FANGSONG, BODY, false)));
}

/// The work points of one body: preface, then every item as its paragraph.
fn body(out: &mut String, plan: &Plan, b: &Body) {
    for p in &b.preface {
        plain(out, p, Para::default());
    }
    for row in walk::exported_rows(&b.items, b.numbering) {
        let item = row.item;
        let (head, tail) = render::paragraph_parts(plan, &row.number, item, false);
        let (font, bold) = match (item.kind(), item.level) {
            (ItemKind::Paragraph, _) => (FANGSONG, false),
            (_, 1) => (HEITI, false),
            (_, 2) => (KAITI, false),
            (_, 3) => (FANGSONG, true),
            _ => (FANGSONG, false),
        };
        let runs = format!(
            "{}{}",
            run(&head, font, BODY, bold),
            run(&tail, FANGSONG, BODY, false)
        );
        out.push_str(&paragraph(Para::default(), &runs));
    }
    for t in &b.tables {
        blank(out);
        if !t.caption.is_empty() {
            let p = Para {
                first_line_chars: 0,
                align: Align::Center,
                ..Para::default()
            };
            out.push_str(&paragraph(p, &run(&t.caption, HEITI, BODY, false)));
        }
        task_table(out, render::rows_of(plan, &t.items, t.numbering, ""), true);
    }
}

/// A task table with the usual columns. `by_group`: the 重点任务 column holds the group
/// (`（一）…` heading), merged vertically over its tasks, and 工作内容 the task's paragraph; else
/// (a unit's slice, like the .xlsx) 重点任务 is the task's title and 工作内容 its text.
fn task_table(out: &mut String, rows: Vec<render::TaskRow>, by_group: bool) {
    let widths = [620, 1500, 3420, 1250, 1250, 800]; // twips: 8840, the 156 mm text width
    let head = &super::xlsx::TASK_HEADER[..6];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            let (second, third) = if !by_group {
                (r.title, r.text)
            } else if r.text.is_empty() {
                (r.group, r.title)
            } else {
                (r.group, format!("{}。{}", r.title, r.text))
            };
            vec![
                r.number,
                second,
                third,
                r.lead.join("、"),
                r.coop.join("、"),
                r.deadline,
            ]
        })
        .collect();
    merged_table(out, &widths, head, &rows, by_group.then_some(1));
}

/// A bordered table in 4号-ish (12 pt) 仿宋: `widths` in twips (summing to 8840, the text
/// width), a bold header repeated on every page, then the rows.
pub(crate) fn table(
    out: &mut String,
    widths: &[u32],
    head: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) {
    let rows: Vec<Vec<String>> = rows.into_iter().collect();
    merged_table(out, widths, head, &rows, None);
}

/// [`table`], with equal neighbouring cells of column `merge` merged vertically (a group cell
/// over its tasks).
fn merged_table(
    out: &mut String,
    widths: &[u32],
    head: &[&str],
    rows: &[Vec<String>],
    merge: Option<usize>,
) {
    // merge: None = a plain cell, Some(true) = first of a vertical merge, Some(false) = continued.
    let cell = |text: &str, w: u32, bold: bool, merge: Option<bool>| {
        let p = Para {
            line: 320,
            first_line_chars: 0,
            align: Align::Left,
            ..Para::default()
        };
        let vmerge = match merge {
            Some(true) => "<w:vMerge w:val=\"restart\"/>",
            Some(false) => "<w:vMerge/>",
            None => "",
        };
        let runs = if merge == Some(false) {
            String::new()
        } else {
            run(text, FANGSONG, 24, bold)
        };
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{vmerge}</w:tcPr>{}</w:tc>",
            paragraph(p, &runs)
        )
    };
    let border = "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders>";
    let total: u32 = widths.iter().sum();
    out.push_str(&format!("<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>{border}<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"));
    for w in widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (h, w) in head.iter().zip(widths) {
        out.push_str(&cell(h, *w, true, None));
    }
    out.push_str("</w:tr>");
    for (i, r) in rows.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        let state = merge.and_then(|k| {
            let v = r.get(k)?;
            let same_above = i > 0 && rows[i - 1].get(k) == Some(v);
            let same_below = rows.get(i + 1).is_some_and(|n| n.get(k) == Some(v));
            match (same_above, same_below) {
                (true, _) => Some(false),
                (false, true) => Some(true),
                (false, false) => None,
            }
        });
        for (k, (v, w)) in r.iter().zip(widths).enumerate() {
            let m = if Some(k) == merge { state } else { None };
            out.push_str(&cell(v, *w, false, m));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// The 版记 (抄送, 印发机关 and 印发日期 between rules: the first and last thick, the one between
/// thin), as a table floating at the foot of the page it ends on — see [`BANJI_POSITION`].
fn banji(out: &mut String, cc: &str, printer: &str, print_date: &str) {
    let row = |content: &str, tabs: &str| {
        format!(
            "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"8845\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr>{tabs}<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:left=\"280\" w:right=\"280\"/><w:jc w:val=\"left\"/></w:pPr>{content}</w:p></w:tc></w:tr>"
        )
    };
    out.push_str(&format!("<w:tbl><w:tblPr>{BANJI_POSITION}<w:tblW w:w=\"8845\" w:type=\"dxa\"/>\
<w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"nil\"/></w:tblBorders>\
<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"8845\"/></w:tblGrid>"));
    if !cc.is_empty() {
        let text = format!("抄送：{}。", cc.trim_end_matches('。'));
        out.push_str(&row(&run(&text, FANGSONG, SMALL, false), ""));
    }
    let date = if print_date.is_empty() {
        String::new()
    } else {
        format!("{print_date}印发")
    };
    out.push_str(&row(
        &format!(
            "{}<w:r><w:tab/></w:r>{}",
            run(printer, FANGSONG, SMALL, false),
            run(&date, FANGSONG, SMALL, false)
        ),
        "<w:tabs><w:tab w:val=\"right\" w:pos=\"8565\"/></w:tabs>",
    ));
    out.push_str("</w:tbl>");
    // A body must not end in a table: a one-point paragraph that takes no room.
    out.push_str("<w:p><w:pPr><w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/></w:pPr></w:p>");
}

fn document_body(plan: &Plan, opts: Options) -> String {
    let d = &plan.doc;
    let mut out = String::new();
    let has_notice = !d.notice_title.is_empty();
    if !d.doc_number.is_empty() {
        let p = Para {
            first_line_chars: 0,
            align: Align::Center,
            ..Para::default()
        };
        plain(&mut out, &d.doc_number, p);
        blank(&mut out);
    }
    if has_notice {
        centered_title(&mut out, &d.notice_title, false);
        if !d.recipients.is_empty() {
            plain(
                &mut out,
                &format!("{}：", d.recipients.trim_end_matches(['：', ':'])),
                Para {
                    first_line_chars: 0,
                    ..Para::default()
                },
            );
        }
        for line in d.cover_text.lines() {
            plain(&mut out, line, Para::default());
        }
        signed(&mut out, &d.signature, &d.date);
        if !d.publish_note.is_empty() {
            plain(&mut out, &d.publish_note, Para::default());
        }
    }
    if !d.title.is_empty() {
        centered_title(&mut out, &d.title, has_notice);
    }
    body(&mut out, plan, &plan.body);
    let mut n = 0;
    for a in &plan.attachments {
        n += 1;
        attachment_head(&mut out, n, &a.title);
        body(&mut out, plan, &a.body);
    }
    if opts.task_table {
        n += 1;
        attachment_head(
            &mut out,
            n,
            &format!("{}重点任务清单", d.title.trim_end_matches("工作要点")),
        );
        task_table(&mut out, render::task_rows(plan), true);
    }
    if !d.cc.is_empty() || !d.printer.is_empty() || !d.print_date.is_empty() {
        banji(&mut out, &d.cc, &d.printer, &d.print_date);
    }
    out
}

fn attachment_head(out: &mut String, n: usize, title: &str) {
    let p = Para {
        page_break: true,
        first_line_chars: 0,
        align: Align::Left,
        ..Para::default()
    };
    out.push_str(&paragraph(p, &run(&format!("附件{n}"), HEITI, BODY, false)));
    blank(out);
    centered_title(out, title, false);
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn footer(align: Align) -> String {
    let p = Para {
        line: 400,
        first_line_chars: 0,
        align,
        ..Para::default()
    };
    let field = format!(
        "{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}",
        run("— ", SONGTI, SMALL, false),
        run("1", SONGTI, SMALL, false),
        run(" —", SONGTI, SMALL, false)
    );
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\">{}</w:ftr>", paragraph(p, &field))
}

/// One unit's tasks as a .docx to send to that unit: the plan's title, then its tasks in a
/// table, numbered as in the plan.
pub fn write_unit(plan: &Plan, unit: &str) -> Result<Vec<u8>, String> {
    let mut out = String::new();
    centered_title(&mut out, &plan.doc.title, false);
    let note = format!(
        "{}承担的任务（共 {} 项）：",
        plan.units.name(unit),
        super::unit_rows(plan, unit).len()
    );
    plain(&mut out, &note, Para::default());
    task_table(&mut out, super::unit_rows(plan, unit), false);
    package_docx(out)
}

/// The whole .docx file.
pub fn write(plan: &Plan, opts: Options) -> Result<Vec<u8>, String> {
    package_docx(document_body(plan, opts))
}

pub(crate) fn package_docx(body: String) -> Result<Vec<u8>, String> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{body}<w:sectPr>\
<w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/><w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>\
<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"1134\" w:gutter=\"0\"/>\
<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let ct = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    let doc_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdFooterOdd\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
<Relationship Id=\"rIdFooterEven\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/></Relationships>";
    let styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"Times New Roman\"/><w:sz w:val=\"{BODY}\"/><w:szCs w:val=\"{BODY}\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:line=\"{}\" w:lineRule=\"exact\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>",
        ooxml::LINE
    );
    let settings = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:settings xmlns:w=\"{W}\"><w:evenAndOddHeaders/></w:settings>");
    ooxml::package(&[
        ("[Content_Types].xml", ct.to_string()),
        ("_rels/.rels", rels.to_string()),
        ("word/_rels/document.xml.rels", doc_rels.to_string()),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/footer1.xml", footer(Align::Right)),
        ("word/footer2.xml", footer(Align::Left)),
    ])
}
