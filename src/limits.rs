//! Bounds on what one input may become, so that time and memory stay proportional to the
//! input and a hostile or unlucky file is refused with a message instead of taking the tab
//! past WebAssembly's 4 GB (issue 12).
//!
//! Owns the limits and the cheap counts that check them before the expensive work starts.
//! Deliberately no parsing: `parse` and `parse::docx` call these at their entry points.
//! Peak memory is measured natively by `tests/memory.rs` (a counting allocator).

/// Most paragraphs and table rows one document may have. The largest real plans have a few
/// thousand; each becomes an item of about 1 KB at the parse's peak, so this keeps a parse
/// near 100 MB however small the paragraphs are.
pub const MAX_BLOCKS: usize = 100_000;

/// Most non-blank lines one pasted or text file may have: a paragraph wrapped over a few lines
/// still fits `MAX_BLOCKS` paragraphs. Counted before cleaning, which holds every line at once.
pub const MAX_LINES: usize = 4 * MAX_BLOCKS;

/// The non-blank lines of a text (LF, CRLF or CR ends), counted without allocating, up to
/// `stop`.
pub fn text_lines(text: &str, stop: usize) -> usize {
    let mut n = 0;
    for l in text.split(['\n', '\r']) {
        if !l.trim().is_empty() {
            n += 1;
            if n > stop {
                break;
            }
        }
    }
    n
}

/// Most JSON objects and arrays one plan file may have. A saved item with its task and lists
/// has five or six, so a plan of `MAX_BLOCKS` items fits; 600,000 empty items (`{}`) restore
/// in about 400 MB.
pub const MAX_JSON_NODES: usize = 600_000;

/// The objects and arrays in a JSON text (`{` and `[` outside strings), counted in one pass
/// without allocating, up to `stop`.
pub fn json_nodes(text: &str, stop: usize) -> usize {
    let (mut n, mut in_string, mut escaped) = (0, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => {
                    n += 1;
                    if n > stop {
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_containers_outside_strings() {
        assert_eq!(json_nodes(r#"{"a":[{},{}],"b":"{[\"{"}"#, 100), 4);
        assert_eq!(json_nodes(&"{}".repeat(50), 10), 11, "stops early");
    }
}
