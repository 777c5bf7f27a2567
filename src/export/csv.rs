//! The task list as CSV: UTF-8 with a BOM (so Excel shows the Chinese), every field quoted,
//! and any cell that Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR) neutralised
//! with a leading apostrophe.

use super::xlsx::{task_cells, TASK_HEADER};

/// A cell as Excel will read it safely.
pub fn field(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let s = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

pub fn write_rows(rows: &[crate::render::TaskRow]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let line =
        |cells: &[String]| cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",") + "\r\n";
    out.push_str(&line(
        &TASK_HEADER
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
    ));
    for r in rows {
        out.push_str(&line(&task_cells(r)));
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(field("-1"), "\"'-1\"");
        assert_eq!(field("@cmd"), "\"'@cmd\"");
        assert_eq!(field("说“好”,\"x\""), "\"说“好”,\"\"x\"\"\"");
        assert_eq!(field("应急局"), "\"应急局\"");
    }
}
