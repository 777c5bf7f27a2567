//! The 版记 at the foot of the last page (GB/T 9704), as LibreOffice lays the .docx out: at the
//! foot of the body's last page when there is room, else on a page of its own (a 版记页), never
//! over the text. Read from the rendered PDF's word boxes (`pdftotext -bbox`).

mod common;
use common::*;
use yaodian::export::{self, Format, Options};
use yaodian::model::{Attachment, Body, Plan};

/// A word on a rendered page: its text and top/bottom in points.
struct Word {
    text: String,
    top: f64,
    bottom: f64,
}

/// The pages of `plan`'s .docx as LibreOffice renders them.
fn rendered(plan: &Plan, name: &str) -> Vec<Vec<Word>> {
    let dir = std::env::temp_dir().join(format!("yaodian-banji-{}-{name}", std::process::id()));
    let docx = export::export(plan, Format::Docx, &Options::default()).unwrap();
    let pdf = docx_to_pdf(&dir, name, &docx);
    let html = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8_lossy(&html.stdout).to_string();
    std::fs::remove_dir_all(&dir).ok();
    let attr = |w: &str, a: &str| -> f64 {
        let at = w.find(&format!("{a}=\"")).unwrap() + a.len() + 2;
        w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| Word {
                    text: w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()].to_string(),
                    top: attr(w, "yMin"),
                    bottom: attr(w, "yMax"),
                })
                .collect()
        })
        .collect()
}

/// Bottom of the text block on A4 with the 35 mm bottom margin, in points.
const TEXT_BOTTOM: f64 = 841.89 - 35.0 * 72.0 / 25.4;

/// Checks the last page: the 版记 ends at the foot of the text block, and the words from its
/// first rule down are exactly the 版记's (no text runs into it). Returns the words above it.
fn check_last_page(pages: &[Vec<Word>], plan: &Plan) -> usize {
    let last = pages.last().unwrap();
    let cc = last
        .iter()
        .find(|w| w.text.starts_with("抄送："))
        .expect("the 版记 is on the last page");
    let printed = last.iter().find(|w| w.text.ends_with("印发")).unwrap();
    assert!(
        (TEXT_BOTTOM - printed.bottom).abs() < 6.0,
        "印发 line ends at {} pt, the text block at {TEXT_BOTTOM} pt",
        printed.bottom
    );
    let in_banji: String = last
        .iter()
        .filter(|w| w.top >= cc.top - 1.0 && w.bottom <= printed.bottom + 1.0)
        .map(|w| w.text.as_str())
        .collect();
    let d = &plan.doc;
    assert_eq!(
        in_banji,
        format!("抄送：{}。{}{}印发", d.cc, d.printer, d.print_date)
    );
    last.iter().filter(|w| w.bottom < cc.top).count()
}

fn with_attachment_lines(n: usize) -> Plan {
    let mut p = parse(SEED_001).plan;
    p.attachments.push(Attachment {
        id: "a1".into(),
        title: "有关事项".into(),
        body: Body {
            preface: (1..=n).map(|i| format!("第{i}行。")).collect(),
            ..Body::default()
        },
        ..Attachment::default()
    });
    p
}

#[test]
fn banji_at_the_foot_of_the_body_page_when_it_has_room() {
    let p = parse(SEED_001).plan;
    let pages = rendered(&p, "seed");
    let above = check_last_page(&pages, &p);
    assert!(
        above >= 1,
        "the text's last lines share the page with the 版记"
    );
    // A short last page: the same with an attachment that leaves room.
    let p = with_attachment_lines(10);
    let pages = rendered(&p, "room");
    check_last_page(&pages, &p);
    let last: String = pages
        .last()
        .unwrap()
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    assert!(last.contains("第10行。"), "{last}");
}

#[test]
fn banji_on_a_page_of_its_own_when_the_last_page_is_full() {
    let p = with_attachment_lines(17);
    let pages = rendered(&p, "full");
    let above = check_last_page(&pages, &p);
    assert_eq!(
        above, 0,
        "nothing of the text above the 版记 on its own page"
    );
    let before: String = pages[pages.len() - 2]
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    assert!(before.contains("第17行。"), "{before}");
}
