//! Tables that lost their layout on the way from a web page: one cell a line closed by `|`
//! (`主要任务 |`, `||||` for empty cells), and rows whose cells are separated by spaces or
//! glued together under a header of known words (`序号 重点工作 目标要求 责任单位 …`,
//! `类别工作项目重点任务牵头单位配合单位`).
//!
//! Owns reading those runs of lines into `Block::Table` rows. Deliberately does not decide
//! column roles (see `table`) nor read `|`-separated or tab-led tables (see `blocks`).

use super::blocks::Block;
use super::clean::Line;
use super::headers::{glued_header, is_header_word};
use super::markers::split_marker;

/// A run of `cell |` lines starting at `i`: a table (header cells first) or, without a
/// header, the cells one a row (the 信息公开 block, layout rows) for the caller to judge.
pub fn read_piped(lines: &[Line], i: usize) -> Option<(Block, usize)> {
    if lines.get(i)?.pipes == 0 {
        return None;
    }
    let mut cells = Vec::new();
    let mut j = i;
    while let Some(l) = lines.get(j).filter(|l| l.pipes > 0) {
        if l.text.is_empty() {
            cells.extend(std::iter::repeat_n(String::new(), l.pipes));
        } else {
            cells.push(l.text.clone());
            cells.extend(std::iter::repeat_n(String::new(), l.pipes - 1));
        }
        j += 1;
    }
    let n = cells.iter().take_while(|c| is_header_word(c)).count();
    // A copy cut off inside a cell: the text's last line, right after a row left unfinished,
    // lost its `|` with the rest of the page. It is that row's next cell, not a paragraph.
    if n >= 2 && !(cells.len() - n).is_multiple_of(n) {
        if let Some(l) = lines.get(j).filter(|l| l.pipes == 0 && !l.text.is_empty()) {
            if lines[j + 1..]
                .iter()
                .all(|l| l.pipes == 0 && l.text.is_empty())
            {
                cells.push(l.text.clone());
                j += 1;
            }
        }
    }
    let rows: Vec<Vec<String>> = if n >= 2 {
        let mut rows = vec![cells[..n].to_vec()];
        rows.extend(cells[n..].chunks(n).map(|c| c.to_vec()));
        rows
    } else {
        cells.into_iter().map(|c| vec![c]).collect()
    };
    let block = Block::Table {
        line: lines[i].no,
        caption: String::new(),
        rows,
    };
    Some((block, j))
}

/// A header line of known words written with spaces or glued (cells in `Line::cells` or
/// found by `glued_header`), and the rows under it up to a blank line that is not followed by
/// the next row. Rows begin with their 序号 when the table has one; other lines continue the
/// row before.
pub fn read_spaced(lines: &[Line], i: usize) -> Option<(Block, usize)> {
    let first = lines.get(i)?;
    if first.pipes > 0 || first.tab_led {
        return None;
    }
    let header = if first.cells.len() >= 3 && first.cells.iter().all(|c| is_header_word(c)) {
        first.cells.clone()
    } else {
        glued_header(&first.text)?
    };
    let seq = header.first().is_some_and(|h| h == "序号");
    let mut rows = vec![header];
    let mut j = i + 1;
    let mut next_seq = 1u32;
    while let Some(l) = lines.get(j) {
        if l.text.is_empty() {
            let continues = lines
                .get(j + 1)
                .is_some_and(|n| seq && n.text.starts_with(&next_seq.to_string()));
            if !continues {
                break;
            }
            j += 1;
            continue;
        }
        let cells = if l.cells.len() > 1 {
            l.cells.clone()
        } else {
            split_glued(&l.text)
        };
        let starts_row = if seq {
            cells
                .first()
                .is_some_and(|c| c.trim() == next_seq.to_string())
        } else {
            split_marker(&l.text).is_some_and(|m| m.level <= 3) || rows.len() == 1
        };
        if starts_row {
            if seq {
                next_seq += 1;
            }
            rows.push(cells);
        } else if rows.len() > 1 {
            let last = rows.last_mut().expect("more than the header");
            let text = cells.join(" ");
            match last.last_mut() {
                Some(cell) => {
                    cell.push('\n');
                    cell.push_str(&text);
                }
                None => last.push(text),
            }
        } else {
            break;
        }
        j += 1;
    }
    (rows.len() > 1).then(|| {
        (
            Block::Table {
                line: first.no,
                caption: String::new(),
                rows,
            },
            j,
        )
    })
}

/// Cells glued together with no separator: split before each heading marker that follows
/// text (`一、基层基础建设1.加强…` → `一、基层基础建设`, `1.加强…`).
fn split_glued(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (b, c) in text.char_indices() {
        let after_text = prev.is_some_and(|p| p as u32 >= 0x3400 && !"，。、；：".contains(p));
        if after_text && b > start && split_marker(&text[b..]).is_some() {
            cells.push(text[start..b].to_string());
            start = b;
        }
        prev = Some(c);
    }
    cells.push(text[start..].to_string());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::clean::clean;

    fn table(s: &str) -> Vec<Vec<String>> {
        let lines = clean(s).lines;
        let got = read_piped(&lines, 0).or_else(|| read_spaced(&lines, 0));
        match got {
            Some((Block::Table { rows, .. }, _)) => rows,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_cell_a_line_closed_by_pipes() {
        let rows = table("主要任务 |\n重点工作和要求 |\n责任单位 |\n一、部署 |\n||\n(一)制定清单。 |\n1.制定清单。 |\n市安委办 |\n");
        assert_eq!(rows[0], ["主要任务", "重点工作和要求", "责任单位"]);
        assert_eq!(rows[1], ["一、部署", "", ""]);
        assert_eq!(rows[2], ["(一)制定清单。", "1.制定清单。", "市安委办"]);
    }

    #[test]
    fn spaced_rows_with_continuation_lines() {
        let rows = table("序号 重点工作 目标要求 责任单位 工作举措\n1 协调做好自然灾害防范应对工作 降低损失 县应急局 1.督促完成演练;\n2.协同做好防范应对工作。\n2 做好冬春救助工作 保障生活 县应急局 按程序发放");
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[1][3], "县应急局");
        assert!(rows[1][4].ends_with("2.协同做好防范应对工作。"));
        assert_eq!(rows[2][1], "做好冬春救助工作");
    }

    #[test]
    fn glued_header_and_row() {
        let rows = table("类 别工作项目重 点 任 务牵头单位配合单位\n一、基层基础建设1.加强基层安全生产监管机构建设30%的乡镇实现规范化。");
        assert_eq!(rows[0].len(), 5);
        assert_eq!(rows[1][0], "一、基层基础建设");
        assert!(rows[1][1].starts_with("1.加强"));
    }
}
