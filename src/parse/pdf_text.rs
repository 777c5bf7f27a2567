//! PDF import, the text layer: fonts (Type0/Identity-H and others through their ToUnicode
//! CMap; simple fonts through WinAnsi/Standard encodings and `/Differences`), and the content
//! streams of each page interpreted just far enough to place each string on the page (text
//! matrices, `cm`, `q/Q`, form XObjects). `layout` turns the placed strings into text.
//!
//! Owns the mapping from PDF bytes to characters and positions. Deliberately no rendering:
//! colours, clipping, images and vector graphics are skipped, and so is rotated text.

use super::layout::{Page, Run};
use super::pdf::{Doc, Lexer, Obj};
use std::collections::HashMap;

type Dict = HashMap<String, Obj>;
type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
const MAX_FORM_DEPTH: usize = 8;
const MAX_OPS: usize = 20_000_000;

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// The text of every page, placed. Errors are Chinese reasons for the user.
pub fn read_pages(bytes: &[u8]) -> Result<Vec<Page>, String> {
    let doc = Doc::parse(bytes)?;
    let pages = doc.pages();
    if pages.is_empty() {
        return Err("没有找到任何页面（文件损坏或被截断）".into());
    }
    let mut fonts = FontCache::default();
    let mut out = Vec::new();
    for (page, res) in pages {
        let content: Vec<u8> = match doc.key(page, "Contents") {
            Obj::Array(parts) => parts
                .iter()
                .filter_map(|p| doc.stream(p))
                .flat_map(|mut d| {
                    d.push(b'\n');
                    d
                })
                .collect(),
            o => doc.stream(o).unwrap_or_default(),
        };
        let mut runs = Vec::new();
        let res = res.and_then(Obj::dict);
        let mut st = Interp {
            doc: &doc,
            fonts: &mut fonts,
            runs: &mut runs,
            ops: 0,
        };
        st.run(&content, res, IDENTITY, 0);
        out.push(Page { runs });
    }
    Ok(out)
}

#[derive(Default)]
struct FontCache {
    by_key: HashMap<String, std::rc::Rc<Font>>,
}

#[derive(Default)]
struct Font {
    /// Code byte lengths by ranges (from the CMap's codespace); empty: one byte, or two for
    /// Type0 fonts.
    codespace: Vec<(Vec<u8>, Vec<u8>)>,
    two_byte: bool,
    /// A predefined Unicode CMap (UniGB-UTF16-H, UniGB-UCS2-H, …): codes are UTF-16BE.
    utf16: bool,
    to_unicode: HashMap<u32, String>,
    simple: Option<Vec<char>>,
    widths: HashMap<u32, f64>,
    default_width: f64,
}

impl Font {
    fn load(doc: &Doc, d: &Dict) -> Font {
        let mut f = Font {
            default_width: 500.0,
            ..Font::default()
        };
        let subtype = doc.key(d, "Subtype").name().unwrap_or("");
        if let Some(data) = doc.stream(doc.key(d, "ToUnicode")) {
            parse_cmap(&data, &mut f);
        }
        if subtype == "Type0" {
            f.two_byte = true;
            let enc = doc.key(d, "Encoding").name().unwrap_or("");
            f.utf16 = enc.starts_with("Uni") && (enc.contains("UCS2") || enc.contains("UTF16"));
            f.default_width = 1000.0;
            let desc = doc
                .key(d, "DescendantFonts")
                .array()
                .and_then(|a| a.first())
                .and_then(|o| doc.get(o).dict());
            if let Some(desc) = desc {
                f.default_width = doc.key(desc, "DW").num().unwrap_or(1000.0);
                cid_widths(doc, doc.key(desc, "W"), &mut f.widths);
            }
        } else {
            let first = doc.key(d, "FirstChar").num().unwrap_or(0.0) as u32;
            if let Some(w) = doc.key(d, "Widths").array() {
                for (i, w) in w.iter().enumerate().take(256) {
                    if let Some(w) = doc.get(w).num() {
                        f.widths.insert(first + i as u32, w);
                    }
                }
            }
            f.simple = Some(simple_encoding(doc, doc.key(d, "Encoding")));
        }
        f
    }

    /// (code, text, width in 1/1000 em) for each character code in a shown string.
    fn decode(&self, s: &[u8]) -> Vec<(u32, String, f64)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let len = self
                .codespace
                .iter()
                .find(|(lo, hi)| {
                    s.len() >= i + lo.len()
                        && (0..lo.len()).all(|k| lo[k] <= s[i + k] && s[i + k] <= hi[k])
                })
                .map_or(if self.two_byte { 2 } else { 1 }, |(lo, _)| lo.len())
                .min(s.len() - i);
            let code = s[i..i + len].iter().fold(0u32, |n, &b| n << 8 | b as u32);
            i += len;
            let text = match (self.to_unicode.get(&code), &self.simple) {
                (Some(t), _) => t.clone(),
                (None, Some(enc)) => enc
                    .get(code as usize)
                    .filter(|c| **c != '\0')
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                (None, None) if self.utf16 => utf16be(&code.to_be_bytes()[2..]),
                (None, None) => String::new(),
            };
            let w = self
                .widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width);
            out.push((code, text, w));
        }
        out
    }
}

fn cid_widths(doc: &Doc, w: &Obj, out: &mut HashMap<u32, f64>) {
    let Some(a) = w.array() else { return };
    let mut i = 0;
    while i < a.len() && out.len() < 100_000 {
        let Some(c) = doc.get(&a[i]).num() else { break };
        match a.get(i + 1).map(|o| doc.get(o)) {
            Some(Obj::Array(ws)) => {
                for (k, w) in ws.iter().enumerate() {
                    if let Some(w) = doc.get(w).num() {
                        out.insert(c as u32 + k as u32, w);
                    }
                }
                i += 2;
            }
            Some(Obj::Num(last)) => {
                let w = a
                    .get(i + 2)
                    .and_then(|o| doc.get(o).num())
                    .unwrap_or(1000.0);
                for code in (c as u32)..=(*last as u32).min(c as u32 + 65_536) {
                    out.insert(code, w);
                }
                i += 3;
            }
            _ => break,
        }
    }
}

fn utf16be(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks(2)
        .map(|p| (p[0] as u16) << 8 | *p.get(1).unwrap_or(&0) as u16)
        .collect();
    String::from_utf16_lossy(&units)
}

fn parse_cmap(data: &[u8], f: &mut Font) {
    let mut lx = Lexer::new(data);
    let mut stack: Vec<Obj> = Vec::new();
    let mut mode = "";
    while let Some(o) = lx.next(0) {
        let Obj::Op(op) = o else {
            if !mode.is_empty() {
                stack.push(o);
            }
            continue;
        };
        match op.as_str() {
            "begincodespacerange" => mode = "space",
            "beginbfchar" => mode = "char",
            "beginbfrange" => mode = "range",
            "endcodespacerange" | "endbfchar" | "endbfrange" => {
                apply_cmap(mode, &stack, f);
                stack.clear();
                mode = "";
            }
            _ => {}
        }
        if f.to_unicode.len() > 200_000 {
            break;
        }
    }
}

fn code_of(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |n, &c| n << 8 | c as u32)
}

fn apply_cmap(mode: &str, items: &[Obj], f: &mut Font) {
    match mode {
        "space" => {
            for p in items.chunks(2) {
                if let [Obj::Str(lo), Obj::Str(hi)] = p {
                    if lo.len() == hi.len() && !lo.is_empty() {
                        f.codespace.push((lo.clone(), hi.clone()));
                    }
                }
            }
        }
        "char" => {
            for p in items.chunks(2) {
                if let [Obj::Str(src), Obj::Str(dst)] = p {
                    f.to_unicode.insert(code_of(src), utf16be(dst));
                }
            }
        }
        "range" => {
            for p in items.chunks(3) {
                let [Obj::Str(lo), Obj::Str(hi), dst] = p else {
                    continue;
                };
                let (lo, hi) = (code_of(lo), code_of(hi));
                for (k, code) in (lo..=hi.min(lo + 65_535)).enumerate() {
                    let text = match dst {
                        Obj::Str(d) if d.len() >= 2 => {
                            let mut d = d.clone();
                            let n = d.len();
                            let last =
                                u16::from_be_bytes([d[n - 2], d[n - 1]]).wrapping_add(k as u16);
                            d[n - 2..].copy_from_slice(&last.to_be_bytes());
                            utf16be(&d)
                        }
                        Obj::Array(a) => match a.get(k) {
                            Some(Obj::Str(d)) => utf16be(d),
                            _ => continue,
                        },
                        _ => continue,
                    };
                    f.to_unicode.insert(code, text);
                }
            }
        }
        _ => {}
    }
}

/// Windows-1252 for 0x80–0x9F; elsewhere Latin-1.
const CP1252_HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";

fn simple_encoding(doc: &Doc, enc: &Obj) -> Vec<char> {
    let mut table: Vec<char> = (0u32..256)
        .map(|c| match c {
            0x80..=0x9F => CP1252_HIGH.chars().nth(c as usize - 0x80).unwrap_or('\0'),
            _ => char::from_u32(c).unwrap_or('\0'),
        })
        .collect();
    if let Some(d) = enc.dict() {
        if let Some(diffs) = doc.key(d, "Differences").array() {
            let mut code = 0usize;
            for o in diffs {
                match doc.get(o) {
                    Obj::Num(n) => code = *n as usize,
                    Obj::Name(name) => {
                        if let (Some(slot), Some(c)) = (table.get_mut(code), glyph_char(name)) {
                            *slot = c;
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    table
}

/// A glyph name's character: `A`, `uni4E2D`, and the common ASCII names.
fn glyph_char(name: &str) -> Option<char> {
    let mut cs = name.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return Some(c);
    }
    if let Some(hex) = name.strip_prefix("uni").or_else(|| name.strip_prefix('u')) {
        if let Some(c) = u32::from_str_radix(hex.get(..4.max(hex.len().min(6)))?, 16)
            .ok()
            .and_then(char::from_u32)
        {
            return Some(c);
        }
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("period", '.'),
        ("comma", ','),
        ("colon", ':'),
        ("semicolon", ';'),
        ("hyphen", '-'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("slash", '/'),
        ("percent", '%'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("endash", '–'),
        ("emdash", '—'),
        ("quotedblleft", '“'),
        ("quotedblright", '”'),
        ("bullet", '•'),
    ];
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<std::rc::Rc<Font>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    rise: f64,
}

struct Interp<'a, 'd> {
    doc: &'d Doc,
    fonts: &'a mut FontCache,
    runs: &'a mut Vec<Run>,
    ops: usize,
}

impl Interp<'_, '_> {
    fn font(&mut self, res: Option<&Dict>, name: &str) -> Option<std::rc::Rc<Font>> {
        let fonts = res.and_then(|r| self.doc.key(r, "Font").dict())?;
        let key = match fonts.get(name)? {
            Obj::Ref(n) => format!("#{n}"),
            _ => format!("/{name}"),
        };
        if let Some(f) = self.fonts.by_key.get(&key) {
            return Some(f.clone());
        }
        let d = self.doc.key(fonts, name).dict()?;
        let f = std::rc::Rc::new(Font::load(self.doc, d));
        self.fonts.by_key.insert(key, f.clone());
        Some(f)
    }

    fn run(&mut self, content: &[u8], res: Option<&Dict>, ctm: Matrix, depth: usize) {
        let mut lx = Lexer::new(content);
        let mut args: Vec<Obj> = Vec::new();
        let mut gs = GState {
            ctm,
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<GState> = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        while let Some(o) = lx.next(0) {
            self.ops += 1;
            if self.ops > MAX_OPS {
                return;
            }
            let Obj::Op(op) = o else {
                if args.len() < 64 {
                    args.push(o);
                }
                continue;
            };
            let n = |i: usize| args.get(i).and_then(Obj::num).unwrap_or(0.0);
            match op.as_str() {
                "q" => stack.push(gs.clone()),
                "Q" => gs = stack.pop().unwrap_or_else(|| gs.clone()),
                "cm" if args.len() == 6 => {
                    gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm)
                }
                "BT" => (tm, tlm) = (IDENTITY, IDENTITY),
                "Tf" => {
                    gs.size = n(1);
                    gs.font = args
                        .first()
                        .and_then(Obj::name)
                        .and_then(|f| self.font(res, f));
                }
                "Tc" => gs.tc = n(0),
                "Tw" => gs.tw = n(0),
                "Tz" => gs.th = n(0) / 100.0,
                "TL" => gs.tl = n(0),
                "Ts" => gs.rise = n(0),
                "Td" | "TD" => {
                    if op == "TD" {
                        gs.tl = -n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if args.len() == 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" | "'" | "\"" => {
                    if op == "\"" {
                        (gs.tw, gs.tc) = (n(0), n(1));
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                    tm = tlm;
                    if op != "T*" {
                        if let Some(Obj::Str(s)) = args.last() {
                            self.show(s, &gs, &mut tm);
                        }
                    }
                }
                "Tj" => {
                    if let Some(Obj::Str(s)) = args.last() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                "TJ" => {
                    for item in args.first().and_then(Obj::array).unwrap_or(&[]) {
                        match item {
                            Obj::Str(s) => self.show(s, &gs, &mut tm),
                            Obj::Num(k) => {
                                tm = mul(
                                    &[1.0, 0.0, 0.0, 1.0, -k / 1000.0 * gs.size * gs.th, 0.0],
                                    &tm,
                                )
                            }
                            _ => {}
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = args.first().and_then(Obj::name) {
                        self.form(res, name, &gs.ctm, depth);
                    }
                }
                "ID" => {
                    // Inline image data: skip to `EI`.
                    let b = lx.b;
                    let mut p = lx.pos;
                    while p + 2 < b.len()
                        && !(b[p..].starts_with(b"EI")
                            && (p == 0 || b[p - 1].is_ascii_whitespace()))
                    {
                        p += 1;
                    }
                    lx.pos = (p + 2).min(b.len());
                }
                _ => {}
            }
            args.clear();
        }
    }

    fn form(&mut self, res: Option<&Dict>, name: &str, ctm: &Matrix, depth: usize) {
        let Some(xobjs) = res.and_then(|r| self.doc.key(r, "XObject").dict()) else {
            return;
        };
        let obj = self.doc.key(xobjs, name);
        let Some(d) = obj.dict() else { return };
        if self.doc.key(d, "Subtype").name() != Some("Form") {
            return;
        }
        let m = self.doc.key(d, "Matrix").array().map_or(IDENTITY, |a| {
            let v: Vec<f64> = a.iter().filter_map(|x| self.doc.get(x).num()).collect();
            if v.len() == 6 {
                [v[0], v[1], v[2], v[3], v[4], v[5]]
            } else {
                IDENTITY
            }
        });
        let Some(data) = self.doc.stream(obj) else {
            return;
        };
        let inner = self.doc.key(d, "Resources").dict().or(res);
        self.run(&data, inner, mul(&m, ctm), depth + 1);
    }

    fn show(&mut self, s: &[u8], gs: &GState, tm: &mut Matrix) {
        let Some(font) = gs.font.clone() else { return };
        let place = |tm: &Matrix| {
            mul(
                &mul(&[gs.size * gs.th, 0.0, 0.0, gs.size, 0.0, gs.rise], tm),
                &gs.ctm,
            )
        };
        let start = place(tm);
        let mut text = String::new();
        for (code, t, w) in font.decode(s) {
            text.push_str(&t);
            let space = if code == 32 && !font.two_byte {
                gs.tw
            } else {
                0.0
            };
            let tx = (w / 1000.0 * gs.size + gs.tc + space) * gs.th;
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
        let end = place(tm);
        let size = (start[2] * start[2] + start[3] * start[3]).sqrt();
        if text.trim().is_empty() || size <= 0.0 || !size.is_finite() {
            return;
        }
        self.runs.push(Run {
            x: start[4],
            y: -start[5],
            x_end: end[4],
            size,
            text,
        });
    }
}
