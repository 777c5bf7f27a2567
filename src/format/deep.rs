//! JSON nested deeper than the parser allows (serde_json stops at 128 levels, and the browser's
//! stack is small): such data is kept as its exact text and written back unchanged.
//!
//! Owns the two halves: [`wrap`] replaces every array or object that opens at depth [`CUT`] by a
//! marker object holding its text (only when the file is deeper than [`LIMIT`]), and [`unwrap`]
//! puts the text back in place of each marker when a plan is saved. A plan's own structure is
//! far shallower than [`CUT`], so only unknown fields are ever wrapped.
//! Deliberately interprets nothing inside the kept text.

/// Files nested deeper than this are wrapped.
pub const LIMIT: usize = 100;
/// Depth at which containers are kept as text.
pub const CUT: usize = 48;
/// The marker's key.
pub const MARKER: &str = "$yaodian:raw";

/// Walk the JSON text's brackets outside strings: `f(position, byte, depth after it)`.
fn brackets(s: &[u8], mut f: impl FnMut(usize, u8, usize) -> bool) {
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    for (i, &b) in s.iter().enumerate() {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => continue,
        }
        if !f(i, b, depth) {
            return;
        }
    }
}

/// The input with deep containers wrapped, or None when it is shallow enough to read as is.
pub fn wrap(input: &str) -> Option<String> {
    let s = input.as_bytes();
    let mut deep = false;
    brackets(s, |_, _, d| {
        deep |= d > LIMIT;
        !deep
    });
    if !deep {
        return None;
    }
    let mut out = String::with_capacity(input.len() + 64);
    let (mut copied, mut start) = (0usize, None::<usize>);
    brackets(s, |i, b, d| {
        match (b, start) {
            (b'{' | b'[', None) if d == CUT => start = Some(i),
            (b'}' | b']', Some(st)) if d == CUT - 1 => {
                out.push_str(&input[copied..st]);
                let raw = &input[st..=i];
                out.push_str(&format!(
                    "{{\"{MARKER}\":{}}}",
                    serde_json::to_string(raw).unwrap_or_default()
                ));
                copied = i + 1;
                start = None;
            }
            _ => {}
        }
        true
    });
    out.push_str(&input[copied..]);
    Some(out)
}

/// Put the kept text back in place of every marker object in a saved file.
pub fn unwrap(saved: String) -> String {
    let key = format!("\"{MARKER}\":");
    if !saved.contains(&key) {
        return saved;
    }
    let mut out = String::with_capacity(saved.len());
    let mut rest = saved.as_str();
    while let Some(k) = rest.find(&key) {
        // The marker object: `{`, whitespace, the key, the string, whitespace, `}`.
        let open = rest[..k].trim_end();
        let after = rest[k + key.len()..].trim_start();
        let mut de = serde_json::Deserializer::from_str(after).into_iter::<String>();
        let parsed = de.next().and_then(Result::ok);
        let used = de.byte_offset();
        let close = after[used..].trim_start();
        match (open.strip_suffix('{'), parsed, close.strip_prefix('}')) {
            (Some(before), Some(raw), Some(tail)) => {
                out.push_str(before);
                out.push_str(&raw);
                rest = tail;
            }
            _ => {
                out.push_str(&rest[..k + key.len()]);
                rest = &rest[k + key.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use crate::format::{restore_report, save, save_compact};

    #[test]
    fn deep_unknown_data_is_kept_not_called_damaged() {
        let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
        let input = format!(
            r#"{{"format":"yaodian-plan","version":1,"futureDeep":{deep},
            "body":{{"items":[{{"id":"i1","level":1,"title":"总体要求","futureItem":{{"x":{deep}}}}}]}}}}"#
        );
        let r = restore_report(&input).expect("deep unknown fields are not damage");
        assert!(r.repairs.is_empty(), "{:?}", r.repairs);
        assert_eq!(r.plan.body.items[0].title, "总体要求");
        let saved = save(&r.plan);
        let bare: String = saved.split_whitespace().collect();
        assert!(bare.contains(&deep), "deep data written back");
        assert!(!saved.contains(super::MARKER));
        let again = restore_report(&saved).unwrap();
        assert_eq!(save(&again.plan), saved, "save ∘ restore byte-identical");
        assert!(save_compact(&again.plan).contains(&deep));
    }
}
