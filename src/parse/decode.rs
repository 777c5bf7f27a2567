//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030/GBK as
//! Windows Notepad writes it, and a mixture of UTF-8 and GBK lines.
//!
//! Owns the detection, the warnings about what had to be repaired (a stray byte replaced, NULs
//! removed, lines in another encoding) and the refusal of what is not text at all. Deliberately
//! does not decode GB18030 itself: the caller passes a decoder (the browser's TextDecoder, or
//! encoding_rs natively), so the core carries no CJK tables.

/// Text decoded from bytes, with what had to be repaired on the way (Chinese, for the report).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decode `bytes` as text, or None if they are not text.
pub fn decode(bytes: &[u8], decode_gb: &dyn Fn(&[u8]) -> Option<String>) -> Option<String> {
    decode_report(bytes, decode_gb).map(|d| d.text)
}

/// Decode `bytes` as text with warnings, or None if they are not text.
pub fn decode_report(bytes: &[u8], decode_gb: &dyn Fn(&[u8]) -> Option<String>) -> Option<Decoded> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(rest) {
            Ok(s) if !s.contains('\0') => s.to_string(),
            _ => match utf16_without_bom(rest) {
                Some(s) => {
                    warnings
                        .push("文件是没有字节顺序标记的 UTF-16 文本，已按 UTF-16 读取。".into());
                    s
                }
                None => eight_bit(rest, bom(bytes), decode_gb, &mut warnings),
            },
        }
    };
    let text = strip_nuls(text, &mut warnings);
    looks_like_text(&text).then_some(Decoded { text, warnings })
}

fn bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xEF\xBB\xBF")
}

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad > 0 || bytes.len() % 2 == 1 {
        warnings.push(format!(
            "文件中有 {} 处字符无法识别，已替换为“\u{fffd}”。请核对这些位置。",
            bad + bytes.len() % 2
        ));
    }
    text
}

/// Share of characters a Chinese document is made of: CJK, its punctuation, ASCII text.
fn plausible(s: &str) -> bool {
    let (mut n, mut ok) = (0usize, 0usize);
    for c in s.chars().take(20_000) {
        n += 1;
        ok += usize::from(matches!(c,
            '\t' | '\n' | '\r' | ' '..='~'
            | '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}'
            | '\u{2000}'..='\u{2bff}' | '\u{00a0}'..='\u{04ff}' | '\u{3400}'..='\u{4dbf}'
            | '\u{fe30}'..='\u{fe4f}'));
    }
    n > 0 && ok * 100 >= n * 95
}

/// UTF-16 without a BOM (Notepad's "Unicode" saved by some tools): little- or big-endian,
/// whichever reads as a plausible document.
fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || bytes.len() % 2 == 1 {
        return None;
    }
    [u16::from_le_bytes as fn([u8; 2]) -> u16, u16::from_be_bytes]
        .into_iter()
        .find_map(|f| {
            let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
            let s = char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()?;
            (plausible(&s) && !s.contains('\0')).then_some(s)
        })
}

/// Valid multi-byte UTF-8 characters and invalid bytes in `line`.
fn utf8_counts(line: &[u8]) -> (usize, usize) {
    line.utf8_chunks().fold((0, 0), |(good, bad), c| {
        let multi = c.valid().chars().filter(|ch| !ch.is_ascii()).count();
        (good + multi, bad + c.invalid().len())
    })
}

/// Bytes that are not clean UTF-8: GB18030 as a whole when no line is UTF-8 Chinese, else line
/// by line (UTF-8 lines stay, a line with a stray byte is UTF-8 with a replacement, other lines
/// are tried as GB18030), each repair reported.
fn eight_bit(
    bytes: &[u8],
    had_bom: bool,
    decode_gb: &dyn Fn(&[u8]) -> Option<String>,
    warnings: &mut Vec<String>,
) -> String {
    let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
    let any_utf8 = had_bom
        || lines
            .iter()
            .any(|l| matches!(utf8_counts(l), (g, b) if g > 0 && g >= 4 * b));
    if !any_utf8 {
        if let Some(s) = decode_gb(bytes).filter(|s| plausible(s)) {
            return s;
        }
    }
    let mut out = String::with_capacity(bytes.len());
    let (mut gb_lines, mut bad) = (Vec::new(), Vec::new());
    for (i, line) in lines.into_iter().enumerate() {
        if let Ok(s) = std::str::from_utf8(line) {
            out.push_str(s);
            continue;
        }
        let (good, invalid) = utf8_counts(line);
        let gb = (good < invalid)
            .then(|| decode_gb(line).filter(|s| plausible(s)))
            .flatten();
        match gb {
            Some(s) => {
                gb_lines.push(i + 1);
                out.push_str(&s);
            }
            None => {
                bad.push(i + 1);
                out.push_str(&String::from_utf8_lossy(line));
            }
        }
    }
    let list = |v: &[usize]| {
        let mut s: Vec<String> = v.iter().take(10).map(|n| n.to_string()).collect();
        if v.len() > 10 {
            s.push("…".into());
        }
        s.join("、")
    };
    if !gb_lines.is_empty() && any_utf8 {
        warnings.push(format!(
            "文件混用了 UTF-8 和 GBK 两种编码，第 {} 行已按 GBK 读取。请核对这些行的文字。",
            list(&gb_lines)
        ));
    }
    if !bad.is_empty() {
        warnings.push(format!(
            "第 {} 行有无法识别的字节，已替换为“\u{fffd}”。请核对这些位置，必要时从原文档重新复制。",
            list(&bad)
        ));
    }
    out
}

/// NUL characters carry no text: removed, with a warning.
fn strip_nuls(text: String, warnings: &mut Vec<String>) -> String {
    let n = text.matches('\0').count();
    if n == 0 || n * 100 > text.chars().count() {
        return text;
    }
    warnings.push(format!("文件中有 {n} 个空字符（NUL），已删除。"));
    text.replace('\0', "")
}

/// Text has few NULs, control characters or replacement characters (at most 1%, or 3 in a
/// short text: a stray byte in a short paste is still text).
pub fn looks_like_text(s: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in s.chars().take(200_000) {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{fffd}' {
            bad += 1;
        }
    }
    bad * 100 <= total.max(300)
}

#[cfg(test)]
mod tests;
