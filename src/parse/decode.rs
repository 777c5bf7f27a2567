//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK as Windows
//! Notepad writes it.
//!
//! Owns the detection and the refusal of binary junk. Deliberately does not decode GB18030
//! itself: the caller passes a decoder (the browser's TextDecoder, or encoding_rs natively),
//! so the core carries no CJK tables.

/// Decode `bytes` as text, or None if they are not text.
pub fn decode(bytes: &[u8], decode_gb: &dyn Fn(&[u8]) -> Option<String>) -> Option<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8(rest.to_vec()).ok()?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => decode_gb(bytes)?,
        }
    };
    looks_like_text(&text).then_some(text)
}

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> Option<String> {
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// Text has no NULs, few control characters and few replacement characters.
pub fn looks_like_text(s: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in s.chars().take(200_000) {
        total += 1;
        if c == '\0' {
            return false;
        }
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{fffd}' {
            bad += 1;
        }
    }
    total == 0 || bad * 100 <= total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_gb(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn utf8_and_utf16() {
        assert_eq!(
            decode("一、总体要求".as_bytes(), &no_gb).as_deref(),
            Some("一、总体要求")
        );
        let mut le = vec![0xFF, 0xFE];
        for u in "一、".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le, &no_gb).as_deref(), Some("一、"));
    }

    #[test]
    fn junk_is_refused() {
        assert_eq!(decode(&[0, 1, 2, 3, 0xff, 0xfe, 0], &no_gb), None);
        let gb_like = [0xd2, 0xbb, 0xa1, 0xa2];
        assert_eq!(
            decode(&gb_like, &|_| Some("一、".into())).as_deref(),
            Some("一、")
        );
    }
}
