//! OFD import (GB/T 33190, the national fixed-layout format): `OFD.xml` → the document's
//! `Document.xml` → each page's `Content.xml`, whose `TextObject`/`TextCode` elements place
//! text (boundary, X/Y, DeltaX) on the page. `layout` rebuilds lines and paragraphs, as for PDF.
//!
//! Owns the OFD package structure and text positions. Deliberately reads only the first
//! document of a package, and only page content: templates (running heads), annotations,
//! signatures and images are skipped. The zip is read through `package`.

use super::docx::{attr, text_of};
use super::layout::{number, Page, Run};
use crate::package::{Package, PartError};
use quick_xml::events::Event;

const MAX_XML: u64 = 32 * 1024 * 1024;
const MAX_PAGES: usize = 5_000;

/// Whether a zip is an OFD package.
pub fn is_ofd(bytes: &[u8]) -> bool {
    Package::open(bytes).is_some_and(|z| !matches!(z.part("OFD.xml", 0), Err(PartError::Missing)))
}

fn xml(zip: &Package, name: &str) -> Result<String, String> {
    let raw = zip
        .part(name.trim_start_matches('/'), MAX_XML)
        .map_err(|e| match e {
            PartError::Missing => format!("缺少 {name}，文件不完整"),
            PartError::TooLarge => "内容解压后过大，疑似异常文件".into(),
            PartError::Corrupt => "文件内容损坏或被截断".into(),
        })?;
    String::from_utf8(raw).map_err(|_| format!("{name} 不是 UTF-8 编码的 XML"))
}

/// `base`'s directory joined with `rel` (absolute paths start at the package root).
fn join(base: &str, rel: &str) -> String {
    if let Some(abs) = rel.strip_prefix('/') {
        return abs.to_string();
    }
    let dir = base.rsplit_once('/').map_or("", |(d, _)| d);
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in rel.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The text of the first element named `local` (e.g. `DocRoot`).
fn element_text(xml: &str, local: &str) -> Option<String> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    let mut out = String::new();
    loop {
        let ev = r.read_event().ok()?;
        match &ev {
            Event::Eof => return None,
            Event::Start(e) if e.local_name().as_ref() == local => inside = true,
            Event::End(e) if e.local_name().as_ref() == local => {
                return Some(out.trim().to_string())
            }
            _ if inside => out.push_str(&text_of(&ev).unwrap_or_default()),
            _ => {}
        }
    }
}

/// The placed text of each page. Errors are Chinese reasons for the user.
pub fn read_pages(bytes: &[u8]) -> Result<Vec<Page>, String> {
    let zip = Package::open(bytes).ok_or("文件不是完整的 OFD（压缩包损坏或被截断）")?;
    if !matches!(zip.part("Encryptions.xml", 0), Err(PartError::Missing)) {
        return Err("文件已加密，无法读取。请向发文单位索取未加密的版本或 Word 版".into());
    }
    let ofd = xml(&zip, "OFD.xml")?;
    let root = element_text(&ofd, "DocRoot").ok_or("OFD.xml 中没有 DocRoot，文件不完整")?;
    let root = join("OFD.xml", &root);
    let document = xml(&zip, &root)?;
    let mut pages = Vec::new();
    let mut r = quick_xml::Reader::from_str(&document);
    loop {
        match r.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "Page" => {
                if let Some(loc) = attr(&e, "BaseLoc") {
                    pages.push(join(&root, &loc));
                }
            }
            _ => {}
        }
        if pages.len() >= MAX_PAGES {
            break;
        }
    }
    if pages.is_empty() {
        return Err("没有找到任何页面，文件不完整".into());
    }
    pages
        .iter()
        .map(|p| {
            Ok(Page {
                runs: page_runs(&xml(&zip, p)?),
            })
        })
        .collect()
}

fn nums(s: &str) -> Vec<f64> {
    s.split_whitespace().filter_map(number).collect()
}

/// DeltaX/DeltaY: numbers, where `g N d` stands for N times d.
fn deltas(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut it = s.split_whitespace();
    while let Some(t) = it.next() {
        if t == "g" {
            let n: usize = it.next().and_then(|n| n.parse().ok()).unwrap_or(0);
            let d = it.next().and_then(number).unwrap_or(0.0);
            out.extend(std::iter::repeat_n(d, n.min(100_000)));
        } else if let Some(d) = number(t) {
            out.push(d);
        }
    }
    out
}

fn page_runs(xml: &str) -> Vec<Run> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut runs = Vec::new();
    // The current text object's origin and size; the current code's position and spacing.
    let (mut ox, mut oy, mut size, mut right) = (0.0, 0.0, 0.0, 0.0);
    let mut code: Option<(f64, f64, Vec<f64>, String)> = None;
    loop {
        let ev = match r.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(ev) => ev,
        };
        match &ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "TextObject" => {
                let b = attr(e, "Boundary").map(|b| nums(&b)).unwrap_or_default();
                (ox, oy) = (
                    b.first().copied().unwrap_or(0.0),
                    b.get(1).copied().unwrap_or(0.0),
                );
                // The object's right edge: where its last line ends.
                right = ox + b.get(2).copied().unwrap_or(0.0);
                // `Size` in the standard; some writers (easyofd) spell it `size`. Without
                // either, the boundary's height is close.
                size = attr(e, "Size")
                    .or_else(|| attr(e, "size"))
                    .and_then(|s| number(s.trim()))
                    .or_else(|| b.get(3).copied())
                    .unwrap_or(0.0);
                // A scale in the CTM (e.g. `0.35 0 0 0.35 0 0`) scales the size and positions.
                if let Some(ctm) = attr(e, "CTM").map(|c| nums(&c)).filter(|c| c.len() == 6) {
                    size *= ctm[3].abs();
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "TextCode" => {
                let x = attr(e, "X").and_then(|v| number(v.trim())).unwrap_or(0.0);
                let y = attr(e, "Y").and_then(|v| number(v.trim())).unwrap_or(0.0);
                let dx = attr(e, "DeltaX").map(|d| deltas(&d)).unwrap_or_default();
                code = Some((ox + x, oy + y, dx, String::new()));
            }
            Event::End(e) if e.local_name().as_ref() == "TextCode" => {
                if let Some((x, y, dx, text)) = code.take() {
                    let n = text.chars().count();
                    let advance: f64 = dx.iter().take(n.saturating_sub(1)).sum();
                    if !text.trim().is_empty() && size > 0.0 {
                        runs.push(Run {
                            x,
                            y,
                            x_end: (x + advance + size).max(right),
                            size,
                            text,
                        });
                    }
                }
            }
            _ => {
                if let (Some(c), Some(t)) = (code.as_mut(), text_of(&ev)) {
                    c.3.push_str(&t);
                }
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_deltas() {
        assert_eq!(
            join("Doc_0/Document.xml", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(
            join("Doc_0/Document.xml", "/Doc_0/Res.xml"),
            "Doc_0/Res.xml"
        );
        assert_eq!(deltas("1 g 3 2.5 4"), vec![1.0, 2.5, 2.5, 2.5, 4.0]);
    }

    #[test]
    fn text_codes_are_placed() {
        let xml = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
<ofd:TextObject ID="1" Boundary="20 30 100 6" Font="2" Size="5"><ofd:TextCode X="0" Y="4" DeltaX="g 3 5">一、总体</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;
        let runs = page_runs(xml);
        assert_eq!(
            runs,
            vec![Run {
                x: 20.0,
                y: 34.0,
                x_end: 120.0, // the boundary's right edge
                size: 5.0,
                text: "一、总体".into()
            }]
        );
    }
}
