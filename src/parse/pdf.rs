//! PDF import, the file layer: objects (found by scanning for `N G obj`, so a damaged cross-
//! reference table does not matter; object streams included), Flate-decoded streams, the page
//! tree in order with inherited resources. `pdf_text` reads the text of each page, `layout`
//! rebuilds lines and paragraphs.
//!
//! Owns the guards: encrypted files (permission-only ones decrypted by `pdf_crypt`), size limits on every inflated stream, depth limits on
//! nesting, and no panics on any input. Deliberately hand-written and small (no `lopdf`, whose
//! dependencies include `encoding_rs` and crypto crates, far beyond the wasm size budget): it
//! reads what LibreOffice, Word and WPS write, not every PDF feature (no password prompt, no
//! LZW, no OCR of scanned pages).

use std::collections::HashMap;

/// Largest inflated stream (a Flate bomb stops here), and all of them together.
const MAX_STREAM: usize = 32 * 1024 * 1024;
const MAX_TOTAL: usize = 256 * 1024 * 1024;
const MAX_DEPTH: usize = 64;
pub const MAX_PAGES: usize = 5_000;

pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.len() > 8
        && bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
}

#[derive(Debug, Clone, PartialEq)]
pub enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Str(Vec<u8>),
    Name(String),
    Array(Vec<Obj>),
    Dict(HashMap<String, Obj>),
    Ref(u32),
    /// A stream: its dictionary and its raw (still encoded) data.
    Stream(HashMap<String, Obj>, Vec<u8>),
    /// A content-stream operator (only from `Lexer::next` inside content).
    Op(String),
}

impl Obj {
    pub fn num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) => Some(*n),
            _ => None,
        }
    }
    pub fn name(&self) -> Option<&str> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    pub fn dict(&self) -> Option<&HashMap<String, Obj>> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }
    pub fn array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
}

fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// A tokenizer and object parser over PDF syntax (file bodies and content streams).
pub struct Lexer<'a> {
    pub b: &'a [u8],
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(b: &'a [u8]) -> Self {
        Self { b, pos: 0 }
    }

    fn skip_white(&mut self) {
        while let Some(&c) = self.b.get(self.pos) {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self
                    .b
                    .get(self.pos)
                    .is_some_and(|&c| c != b'\n' && c != b'\r')
                {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self
            .b
            .get(self.pos)
            .is_some_and(|&c| !is_white(c) && !is_delim(c))
        {
            self.pos += 1;
        }
        &self.b[start..self.pos]
    }

    /// The next object or operator; None at the end or on a syntax error.
    pub fn next(&mut self, depth: usize) -> Option<Obj> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_white();
        let c = *self.b.get(self.pos)?;
        match c {
            b'/' => {
                self.pos += 1;
                let w = self.word();
                Some(Obj::Name(name_text(w)))
            }
            b'(' => Some(Obj::Str(self.literal())),
            b'<' if self.b.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let mut d = HashMap::new();
                loop {
                    self.skip_white();
                    if self.b.get(self.pos..self.pos + 2)? == b">>" {
                        self.pos += 2;
                        break;
                    }
                    let Obj::Name(k) = self.next(depth + 1)? else {
                        return None;
                    };
                    let v = self.next(depth + 1)?;
                    d.insert(k, v);
                }
                Some(Obj::Dict(d))
            }
            b'<' => {
                self.pos += 1;
                let start = self.pos;
                while self.b.get(self.pos).is_some_and(|&c| c != b'>') {
                    self.pos += 1;
                }
                let hex: Vec<u8> = self.b[start..self.pos]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                self.pos += 1;
                let val = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                Some(Obj::Str(
                    hex.chunks(2)
                        .map(|p| val(p[0]) << 4 | p.get(1).map_or(0, |&c| val(c)))
                        .collect(),
                ))
            }
            b'[' => {
                self.pos += 1;
                let mut a = Vec::new();
                loop {
                    self.skip_white();
                    if *self.b.get(self.pos)? == b']' {
                        self.pos += 1;
                        break;
                    }
                    a.push(self.next(depth + 1)?);
                }
                Some(Obj::Array(a))
            }
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Some(Obj::Op((c as char).to_string()))
            }
            _ => {
                let w = self.word();
                if w.is_empty() {
                    self.pos += 1;
                    return Some(Obj::Op(String::new()));
                }
                if w[0].is_ascii_digit() || matches!(w[0], b'-' | b'+' | b'.') {
                    let n = super::layout::number(std::str::from_utf8(w).ok()?).unwrap_or(0.0);
                    // `N G R`: an indirect reference.
                    let save = self.pos;
                    if w.iter().all(u8::is_ascii_digit) {
                        self.skip_white();
                        let g = self.word();
                        if !g.is_empty() && g.iter().all(u8::is_ascii_digit) {
                            self.skip_white();
                            if self.b.get(self.pos) == Some(&b'R')
                                && self
                                    .b
                                    .get(self.pos + 1)
                                    .is_none_or(|&c| is_white(c) || is_delim(c))
                            {
                                self.pos += 1;
                                return Some(Obj::Ref(n as u32));
                            }
                        }
                        self.pos = save;
                    }
                    return Some(Obj::Num(n));
                }
                Some(match w {
                    b"true" => Obj::Bool(true),
                    b"false" => Obj::Bool(false),
                    b"null" => Obj::Null,
                    _ => Obj::Op(String::from_utf8_lossy(w).into_owned()),
                })
            }
        }
    }

    fn literal(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut nest = 0usize;
        while let Some(&c) = self.b.get(self.pos) {
            self.pos += 1;
            match c {
                b'(' => {
                    nest += 1;
                    out.push(c);
                }
                b')' if nest == 0 => break,
                b')' => {
                    nest -= 1;
                    out.push(c);
                }
                b'\\' => {
                    let Some(&e) = self.b.get(self.pos) else {
                        break;
                    };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match self.b.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + (d - b'0') as u32;
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        b'\r' => {
                            if self.b.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        _ => out.push(e),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// A name with its `#xx` escapes resolved.
fn name_text(w: &[u8]) -> String {
    let mut out = Vec::with_capacity(w.len());
    let mut i = 0;
    while i < w.len() {
        if w[i] == b'#' && i + 2 < w.len() {
            if let Ok(v) =
                u8::from_str_radix(std::str::from_utf8(&w[i + 1..i + 3]).unwrap_or("zz"), 16)
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(w[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// All objects of a file, by number.
pub struct Doc {
    objs: HashMap<u32, Obj>,
    inflated: std::cell::Cell<usize>,
}

impl Doc {
    /// Parse a whole file. Errors are Chinese reasons for the user.
    pub fn parse(bytes: &[u8]) -> Result<Doc, String> {
        let mut objs = HashMap::new();
        let mut gens: HashMap<u32, u16> = HashMap::new();
        // The trailer's (or cross-reference stream's) /Encrypt and first /ID string.
        let mut encrypt: Option<Obj> = None;
        let mut id0: Vec<u8> = Vec::new();
        let mut note = |d: &HashMap<String, Obj>| {
            if let Some(e) = d.get("Encrypt") {
                encrypt = Some(e.clone());
                if let Some(Obj::Str(id)) = d.get("ID").and_then(Obj::array).and_then(|a| a.first())
                {
                    id0 = id.clone();
                }
            }
        };
        let mut i = 0;
        while let Some(off) = find(&bytes[i..], b"obj") {
            let at = i + off;
            i = at + 3;
            if bytes
                .get(at + 3)
                .is_some_and(|&c| !is_white(c) && !is_delim(c))
            {
                continue;
            }
            let Some((num, gen)) = obj_number(bytes, at) else {
                continue;
            };
            let mut lx = Lexer::new(bytes);
            lx.pos = at + 3;
            let Some(obj) = lx.next(0) else { continue };
            let obj = match obj {
                Obj::Dict(d) => {
                    lx.skip_white();
                    if bytes[lx.pos..].starts_with(b"stream") {
                        let data = stream_data(bytes, lx.pos + 6, &d);
                        let end = data.as_ptr() as usize - bytes.as_ptr() as usize + data.len();
                        i = i.max(end);
                        Obj::Stream(d, data.to_vec())
                    } else {
                        Obj::Dict(d)
                    }
                }
                o => o,
            };
            if let Obj::Stream(d, _) = &obj {
                if d.get("Type").and_then(Obj::name) == Some("XRef") {
                    note(d);
                }
            }
            gens.insert(num, gen);
            objs.insert(num, obj);
        }
        // Trailers of files with a classic cross-reference table.
        let mut t = 0;
        while let Some(off) = find(&bytes[t..], b"trailer") {
            t += off + 7;
            let mut lx = Lexer::new(bytes);
            lx.pos = t;
            if let Some(Obj::Dict(d)) = lx.next(0) {
                note(&d);
            }
        }
        // Encrypted: readable when the open password is empty (permissions only).
        if let Some(e) = encrypt {
            let (enc_num, dict) = match e {
                Obj::Ref(n) => (Some(n), objs.get(&n).and_then(Obj::dict).cloned()),
                Obj::Dict(d) => (None, Some(d)),
                _ => (None, None),
            };
            let dict = dict.ok_or_else(|| super::pdf_crypt::NEEDS_PASSWORD.to_string())?;
            let crypt = super::pdf_crypt::Crypt::new(&dict, &id0)?;
            for (num, obj) in objs.iter_mut() {
                if Some(*num) != enc_num {
                    crypt.object(*num, gens.get(num).copied().unwrap_or(0), obj);
                }
            }
        }
        let mut doc = Doc {
            objs,
            inflated: std::cell::Cell::new(0),
        };
        doc.unpack_object_streams();
        if doc.objs.is_empty() {
            return Err("文件损坏或被截断，没有找到任何内容".into());
        }
        Ok(doc)
    }

    fn unpack_object_streams(&mut self) {
        let streams: Vec<u32> = self
            .objs
            .iter()
            .filter(|(_, o)| matches!(o, Obj::Stream(d, _) if d.get("Type").and_then(Obj::name) == Some("ObjStm")))
            .map(|(n, _)| *n)
            .collect();
        for n in streams {
            let Some(obj) = self.objs.get(&n) else {
                continue;
            };
            let Some(data) = self.stream(obj) else {
                continue;
            };
            let d = obj.dict().cloned().unwrap_or_default();
            let count = d.get("N").and_then(Obj::num).unwrap_or(0.0) as usize;
            let first = d.get("First").and_then(Obj::num).unwrap_or(0.0) as usize;
            let mut head = Lexer::new(&data);
            let mut found = Vec::new();
            for _ in 0..count.min(100_000) {
                let (Some(Obj::Num(num)), Some(Obj::Num(off))) = (head.next(0), head.next(0))
                else {
                    break;
                };
                found.push((num as u32, first + off as usize));
            }
            for (num, off) in found {
                let mut lx = Lexer::new(&data);
                lx.pos = off;
                if let Some(o) = lx.next(0) {
                    // An object written directly in the file wins over its packed copy.
                    self.objs.entry(num).or_insert(o);
                }
            }
        }
    }

    /// Follow a reference (a few steps at most).
    pub fn get<'s>(&'s self, mut o: &'s Obj) -> &'s Obj {
        for _ in 0..8 {
            match o {
                Obj::Ref(n) => o = self.objs.get(n).unwrap_or(&Obj::Null),
                _ => return o,
            }
        }
        &Obj::Null
    }

    /// `dict[key]`, references followed.
    pub fn key<'s>(&'s self, dict: &'s HashMap<String, Obj>, key: &str) -> &'s Obj {
        dict.get(key).map_or(&Obj::Null, |o| self.get(o))
    }

    /// A stream's decoded data (Flate only, besides no filter); None for other filters.
    pub fn stream(&self, o: &Obj) -> Option<Vec<u8>> {
        let Obj::Stream(d, raw) = self.get(o) else {
            return None;
        };
        let filters: Vec<&str> = match self.key(d, "Filter") {
            Obj::Name(n) => vec![n.as_str()],
            Obj::Array(a) => a.iter().filter_map(|f| self.get(f).name()).collect(),
            _ => Vec::new(),
        };
        let mut data = raw.clone();
        for f in filters {
            data = match f {
                "FlateDecode" | "Fl" => inflate(&data)?,
                _ => return None,
            };
            if self.inflated.get() + data.len() > MAX_TOTAL {
                return None;
            }
            self.inflated.set(self.inflated.get() + data.len());
        }
        Some(data)
    }

    /// The pages in order, each with its (inherited) resources dictionary.
    pub fn pages(&self) -> Vec<(&HashMap<String, Obj>, Option<&Obj>)> {
        let root = self
            .objs
            .values()
            .find_map(|o| match o {
                Obj::Dict(d) if d.get("Type").and_then(Obj::name) == Some("Catalog") => Some(d),
                _ => None,
            })
            .and_then(|cat| self.key(cat, "Pages").dict());
        let mut out = Vec::new();
        if let Some(root) = root {
            self.walk(root, None, &mut out, 0);
        }
        out
    }

    fn walk<'s>(
        &'s self,
        node: &'s HashMap<String, Obj>,
        res: Option<&'s Obj>,
        out: &mut Vec<(&'s HashMap<String, Obj>, Option<&'s Obj>)>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH || out.len() >= MAX_PAGES {
            return;
        }
        let res = node.get("Resources").map(|r| self.get(r)).or(res);
        match self.key(node, "Kids") {
            Obj::Array(kids) => {
                for k in kids {
                    if let Some(d) = self.get(k).dict() {
                        self.walk(d, res, out, depth + 1);
                    }
                }
            }
            _ => out.push((node, res)),
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The object number before `N G obj` ending at `at`.
fn obj_number(b: &[u8], at: usize) -> Option<(u32, u16)> {
    let mut p = at;
    let back = |p: &mut usize, digits: bool| -> Option<usize> {
        let end = *p;
        while *p > 0
            && (if digits {
                b[*p - 1].is_ascii_digit()
            } else {
                is_white(b[*p - 1])
            })
        {
            *p -= 1;
        }
        (end > *p).then_some(*p)
    };
    back(&mut p, false)?;
    back(&mut p, true)?;
    back(&mut p, false)?;
    let start = back(&mut p, true)?;
    let end = {
        let mut e = start;
        while b[e].is_ascii_digit() {
            e += 1;
        }
        e
    };
    let num = std::str::from_utf8(&b[start..end]).ok()?.parse().ok()?;
    let gen = std::str::from_utf8(&b[end..at])
        .ok()?
        .trim()
        .parse()
        .unwrap_or(0);
    Some((num, gen))
}

/// The raw bytes of a stream starting after the `stream` keyword.
fn stream_data<'b>(b: &'b [u8], mut at: usize, d: &HashMap<String, Obj>) -> &'b [u8] {
    if b.get(at) == Some(&b'\r') {
        at += 1;
    }
    if b.get(at) == Some(&b'\n') {
        at += 1;
    }
    let rest = &b[at.min(b.len())..];
    if let Some(Obj::Num(n)) = d.get("Length") {
        let n = *n as usize;
        if n <= rest.len() && {
            let mut l = Lexer::new(&rest[n..]);
            l.skip_white();
            rest[n + l.pos..].starts_with(b"endstream")
        } {
            return &rest[..n];
        }
    }
    let end = find(rest, b"endstream").unwrap_or(rest.len());
    let mut data = &rest[..end];
    while data.last().is_some_and(|&c| c == b'\n' || c == b'\r') {
        data = &data[..data.len() - 1];
    }
    data
}

fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};
    match decompress_to_vec_zlib_with_limit(data, MAX_STREAM) {
        Ok(v) => Some(v),
        Err(e) if e.status == TINFLStatus::HasMoreOutput => None,
        // A stream cut short still gives what it inflated so far.
        Err(e) => Some(e.output),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_and_references() {
        let mut l = Lexer::new(b"<< /A 1 0 R /B [1 2.5 (a\\)b) <4E2D>] /C#20D true >>");
        let Some(Obj::Dict(d)) = l.next(0) else {
            panic!()
        };
        assert_eq!(d["A"], Obj::Ref(1));
        assert_eq!(
            d["B"],
            Obj::Array(vec![
                Obj::Num(1.0),
                Obj::Num(2.5),
                Obj::Str(b"a)b".to_vec()),
                Obj::Str(vec![0x4E, 0x2D])
            ])
        );
        assert_eq!(d["C D"], Obj::Bool(true));
    }

    #[test]
    fn garbage_and_encryption_are_errors() {
        assert!(Doc::parse(b"%PDF-1.4\n garbage").is_err());
        let enc = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>";
        assert!(Doc::parse(enc).err().unwrap().contains("加密"));
    }
}
