//! Small shared pieces of the Office Open XML writers: the parts into a zip package (bytes
//! through `crate::package`), XML escaping, and the run/paragraph markup in schema order.
//!
//! Owns the markup both writers share. Deliberately no document semantics (see `docx`, `xlsx`).

/// Whether XML 1.0 allows `c` in a document (`Char`: tab, line feed, carriage return,
/// U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up). C1 controls (U+007F–U+009F) are allowed but
/// discouraged, and Word shows them as boxes: they are dropped too.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// Escape text for XML content and attributes (quick-xml's escaping), dropping every
/// character XML 1.0 forbids (U+FFFE/U+FFFF from a paste or a `&#xFFFE;` in an imported
/// .docx, control characters): Word and Excel refuse a file that has one. The one place
/// every XML writer's text goes through.
pub fn esc(s: &str) -> String {
    if s.chars().all(xml_char) {
        return quick_xml::escape::escape(s).into_owned();
    }
    let clean: String = s.chars().filter(|&c| xml_char(c)).collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

/// Write a zip package (OOXML container) of `(path, content)` parts, deflated, with a fixed
/// timestamp so the same plan gives the same bytes.
pub fn package(parts: &[(&str, String)]) -> Result<Vec<u8>, String> {
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(p, c)| (*p, c.as_bytes())).collect();
    crate::package::write(&parts)
}

/// Font names for one run: ASCII/Latin and East Asian.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    pub latin: &'static str,
    pub east_asia: &'static str,
}

pub const FANGSONG: Font = Font {
    latin: "Times New Roman",
    east_asia: "仿宋_GB2312",
};
pub const HEITI: Font = Font {
    latin: "Times New Roman",
    east_asia: "黑体",
};
pub const KAITI: Font = Font {
    latin: "Times New Roman",
    east_asia: "楷体_GB2312",
};
pub const XIAOBIAOSONG: Font = Font {
    latin: "Times New Roman",
    east_asia: "方正小标宋简体",
};
pub const SONGTI: Font = Font {
    latin: "Times New Roman",
    east_asia: "宋体",
};

/// A run: `w:rPr` children in schema order (rFonts, b, bCs, sz, szCs), then the text.
pub fn run(text: &str, font: Font, half_points: u32, bold: bool) -> String {
    if text.is_empty() {
        return String::new();
    }
    let b = if bold { "<w:b/><w:bCs/>" } else { "" };
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"{l}\" w:hAnsi=\"{l}\" w:eastAsia=\"{e}\" w:cs=\"{l}\" w:hint=\"eastAsia\"/>{b}<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr><w:t xml:space=\"preserve\">{t}</w:t></w:r>",
        l = font.latin,
        e = font.east_asia,
        t = esc(text)
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Both,
    Left,
    Center,
    Right,
}

/// Paragraph properties, in schema order: pageBreakBefore, pBdr, snapToGrid, spacing, ind, jc.
#[derive(Debug, Clone, Copy)]
pub struct Para {
    pub page_break: bool,
    /// Exact line spacing in twips.
    pub line: u32,
    /// First-line indent in characters × 100 (200 = two characters).
    pub first_line_chars: u32,
    /// Right indent in characters × 100.
    pub right_chars: u32,
    pub align: Align,
    /// Rules above and below (版记).
    pub rules: bool,
}

/// 28.9 pt: 22 lines on the 225 mm text block.
pub const LINE: u32 = 579;

impl Default for Para {
    fn default() -> Self {
        Self {
            page_break: false,
            line: LINE,
            first_line_chars: 200,
            right_chars: 0,
            align: Align::Both,
            rules: false,
        }
    }
}

pub fn paragraph(p: Para, runs: &str) -> String {
    let mut ppr = String::from("<w:pPr>");
    if p.page_break {
        ppr.push_str("<w:pageBreakBefore/>");
    }
    if p.rules {
        ppr.push_str("<w:pBdr><w:top w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>");
    }
    if p.line != LINE {
        // Off the document grid, or lines would snap to its 28.9 pt pitch.
        ppr.push_str("<w:snapToGrid w:val=\"0\"/>");
    }
    ppr.push_str(&format!(
        "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/>",
        p.line
    ));
    if p.first_line_chars > 0 || p.right_chars > 0 {
        ppr.push_str("<w:ind");
        if p.right_chars > 0 {
            ppr.push_str(&format!(
                " w:rightChars=\"{}\" w:right=\"{}\"",
                p.right_chars,
                p.right_chars * 320 / 100
            ));
        }
        if p.first_line_chars > 0 {
            ppr.push_str(&format!(
                " w:firstLineChars=\"{}\" w:firstLine=\"{}\"",
                p.first_line_chars,
                p.first_line_chars * 320 / 100
            ));
        }
        ppr.push_str("/>");
    }
    let jc = match p.align {
        Align::Both => "both",
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
    };
    ppr.push_str(&format!("<w:jc w:val=\"{jc}\"/></w:pPr>"));
    format!("<w:p>{ppr}{runs}</w:p>")
}
