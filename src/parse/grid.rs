//! Tables on fixed-layout pages (PDF, OFD): rows rebuilt from where the strings stand, so a
//! task table printed from Word reaches the text parser as rows of cells (`| a | b |` lines,
//! read by `blocks` and `table` like any pasted `|` table) instead of one line per printed
//! line.
//!
//! A table starts at a line of three or more separate strings, two of them header words
//! (`headers::is_header_word`). Its columns are the x-gaps every line of the table leaves
//! free (each gap between two header strings, narrowed by the strings of every later line;
//! a string that closes a gap ends the table). Its rows are read top-down: cells are set at
//! the top of their row, so a line where some column starts holding text after an empty
//! line starts a row, as does a first-column cell starting with a number. A header repeated
//! at the top of the next page is skipped. Deliberately no ruling lines (the page's drawn
//! borders are not read) and no vertically centred cells.

use super::markers::split_marker;

/// A string placed on a line: start and end x, text.
#[derive(Debug, Clone)]
pub struct Piece {
    pub x0: f64,
    pub x1: f64,
    pub text: String,
}

/// A line as the table reader sees it: its pieces, baseline, font size, and page.
#[derive(Debug, Clone)]
pub struct GridLine<'a> {
    pub pieces: &'a [Piece],
    pub y: f64,
    pub size: f64,
    pub page: usize,
}

/// A table found on the lines: the lines `start..end` it covers, and its rows of cells
/// (the header first).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub start: usize,
    pub end: usize,
    pub rows: Vec<Vec<String>>,
}

/// Every table on the lines, in order, not overlapping. Linear: each line is looked at as a
/// possible header once, and the lines read after headers that turn out to start no table
/// share one budget of a few times the number of lines (past it, no more tables are looked
/// for: a page of header-like lines cannot make this quadratic).
pub fn find_tables(lines: &[GridLine]) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut budget = 4 * lines.len() + 64;
    while i < lines.len() && budget > 0 {
        match table_at(lines, i, &mut budget) {
            Some(t) => {
                i = t.end;
                out.push(t);
            }
            None => i += 1,
        }
    }
    out
}

/// The strings of a line split where the gap between them is wider than a character.
fn segments(line: &GridLine) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for p in line.pieces {
        match out.last_mut() {
            Some(s) if p.x0 - s.x1 <= line.size => {
                s.text.push_str(&p.text);
                s.x1 = s.x1.max(p.x1);
            }
            _ => out.push(p.clone()),
        }
    }
    out
}

fn is_header_line(segs: &[Piece]) -> bool {
    segs.len() >= 3
        && segs.len() <= 12
        && segs
            .iter()
            .filter(|s| super::headers::is_header_word(&s.text))
            .count()
            >= 2
}

/// Narrow the gutters by a line's pieces; false if a piece closes one (the line is not part
/// of the table).
fn narrow(gutters: &mut [(f64, f64)], line: &GridLine, left: f64, right: f64) -> bool {
    let min = 0.2 * line.size;
    for p in line.pieces {
        if p.x0 < left - 2.0 * line.size || p.x1 > right + 2.0 * line.size {
            return false;
        }
        for g in gutters.iter_mut() {
            if p.x1 <= g.0 || p.x0 >= g.1 {
                continue;
            }
            let before = (g.0, p.x0.min(g.1));
            let after = (p.x1.max(g.0), g.1);
            let keep = if before.1 - before.0 >= after.1 - after.0 {
                before
            } else {
                after
            };
            if keep.1 - keep.0 < min {
                return false;
            }
            *g = keep;
        }
    }
    true
}

/// Column of a piece: the number of gutters left of its middle.
fn column(gutters: &[(f64, f64)], p: &Piece) -> usize {
    let mid = (p.x0 + p.x1) / 2.0;
    gutters.iter().filter(|g| g.1 <= mid).count()
}

/// Join a cell's lines: no space between Chinese lines, one between Latin words.
fn join(cell: &mut String, text: &str) {
    let text = text.trim();
    if cell.ends_with(|c: char| c.is_ascii_alphanumeric())
        && text.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        cell.push(' ');
    }
    cell.push_str(text);
}

fn table_at(lines: &[GridLine], start: usize, budget: &mut usize) -> Option<Table> {
    let head = &lines[start];
    let segs = segments(head);
    if !is_header_line(&segs) {
        return None;
    }
    let header_text: Vec<String> = segs.iter().map(|s| s.text.trim().to_string()).collect();
    let (left, right) = (segs[0].x0, segs[segs.len() - 1].x1);
    let mut gutters: Vec<(f64, f64)> = segs.windows(2).map(|w| (w[0].x1, w[1].x0)).collect();
    // The table's lines (indices), and which of them repeat the header on a new page.
    let mut taken = vec![start];
    let mut repeats = vec![false];
    let mut end = start + 1;
    while end < lines.len() && *budget > 0 {
        *budget -= 1;
        let (prev, line) = (&lines[end - 1], &lines[end]);
        let repeat = line.page != prev.page
            && segments(line)
                .iter()
                .map(|s| s.text.trim().to_string())
                .eq(header_text.iter().cloned());
        if line.page == prev.page && line.y - prev.y > 3.0 * line.size.max(prev.size) {
            break;
        }
        let mut narrowed = gutters.clone();
        if !narrow(&mut narrowed, line, left, right) {
            break;
        }
        gutters = narrowed;
        taken.push(end);
        repeats.push(repeat);
        end += 1;
    }
    let n = gutters.len() + 1;
    // Cells of each taken line.
    let cells: Vec<Vec<String>> = taken
        .iter()
        .map(|&i| {
            let mut row = vec![String::new(); n];
            for p in lines[i].pieces {
                join(&mut row[column(&gutters, p).min(n - 1)], &p.text);
            }
            row
        })
        .collect();
    let mut rows: Vec<Vec<String>> = vec![cells[0].clone()];
    // Lines of the header row, and lines of a repeated header still to skip.
    let (mut header_lines, mut skip) = (1usize, 0usize);
    for k in 1..cells.len() {
        if repeats[k] {
            skip = header_lines;
        }
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let (prev, cur) = (&cells[k - 1], &cells[k]);
        let starts = (0..n).any(|c| !cur[c].is_empty() && prev[c].is_empty())
            || (!cur[0].is_empty()
                && (split_marker(&cur[0]).is_some()
                    || cur[0].starts_with(|c: char| c.is_ascii_digit())));
        if starts {
            rows.push(vec![String::new(); n]);
        } else if rows.len() == 1 {
            header_lines += 1;
        }
        let row = rows.last_mut().expect("a row is open");
        for (c, text) in cur.iter().enumerate() {
            join(&mut row[c], text);
        }
    }
    // A header and two rows at least: fewer is a line of spaced words, not a table. A table
    // found gives back the budget its lines used.
    let found = rows.len() >= 3;
    if found {
        *budget += end - start;
    }
    found.then_some(Table { start, end, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line<'a>(pieces: &'a [Piece], y: f64, page: usize) -> GridLine<'a> {
        GridLine {
            pieces,
            y,
            size: 12.0,
            page,
        }
    }

    fn p(x0: f64, text: &str) -> Piece {
        Piece {
            x0,
            x1: x0 + 12.0 * text.chars().count() as f64,
            text: text.into(),
        }
    }

    #[test]
    fn rows_from_positions_with_wrapped_cells_and_a_repeated_header() {
        // 序号 at 80, 重点任务 at 110 (4 chars wide), 工作内容 at 185, 牵头单位 at 356.
        let l = [
            vec![
                p(80.0, "序"),
                p(110.0, "重点任务"),
                p(185.0, "工作内容"),
                p(356.0, "牵头单位"),
            ],
            vec![p(80.0, "号")],
            vec![
                p(80.0, "1."),
                p(110.0, "一、加强预"),
                p(185.0, "编制出台总体应急"),
                p(356.0, "区应急"),
            ],
            vec![p(110.0, "案管理"), p(185.0, "预案"), p(356.0, "局")],
            vec![
                p(80.0, "2."),
                p(185.0, "宣传贯彻预案导则"),
                p(356.0, "区级有关"),
            ],
            vec![p(356.0, "部门")],
            // Next page: the header again, then a row.
            vec![
                p(80.0, "序"),
                p(110.0, "重点任务"),
                p(185.0, "工作内容"),
                p(356.0, "牵头单位"),
            ],
            vec![p(80.0, "号")],
            vec![
                p(80.0, "3."),
                p(110.0, "二、加强队"),
                p(185.0, "落实建设标准"),
                p(356.0, "区应急局"),
            ],
            // A paragraph across the columns ends the table.
            vec![p(
                80.0,
                "（此件公开发布）这一行从左边距一直写到右边距很长很长很长很长",
            )],
        ];
        let ys = [
            100.0, 116.0, 133.0, 149.0, 166.0, 182.0, 100.0, 116.0, 133.0, 170.0,
        ];
        let pages = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
        let lines: Vec<GridLine> = (0..l.len()).map(|i| line(&l[i], ys[i], pages[i])).collect();
        let t = find_tables(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].start, t[0].end), (0, 9));
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            t[0].rows,
            [
                s(&["序号", "重点任务", "工作内容", "牵头单位"]),
                s(&["1.", "一、加强预案管理", "编制出台总体应急预案", "区应急局"]),
                s(&["2.", "", "宣传贯彻预案导则", "区级有关部门"]),
                s(&["3.", "二、加强队", "落实建设标准", "区应急局"]),
            ]
        );
    }

    #[test]
    fn spaced_words_are_no_table() {
        let l = [
            vec![p(80.0, "任务"), p(200.0, "单位"), p(300.0, "时限")],
            vec![p(80.0, "加强安全生产工作很长很长很长很长很长很长很长")],
        ];
        let lines: Vec<GridLine> = (0..2)
            .map(|i| line(&l[i], 100.0 + 16.0 * i as f64, 0))
            .collect();
        assert!(find_tables(&lines).is_empty());
    }

    proptest::proptest! {
        /// Any placement of strings: no panic, tables in order without overlap, every row as
        /// wide as the header.
        #[test]
        fn any_placement(spec in proptest::collection::vec(
            (0usize..6, 0u8..8, 0u8..3, 0u8..5), 0..120)) {
            let words = ["序号", "工作任务", "责任单位", "1.", "加强", "完成时限"];
            let pieces: Vec<Vec<Piece>> = spec
                .iter()
                .map(|&(w, x, n, _)| {
                    (0..=n)
                        .map(|k| p(60.0 * f64::from(x) + 130.0 * f64::from(k), words[(w + k as usize) % 6]))
                        .collect()
                })
                .collect();
            let mut y = 0.0;
            let lines: Vec<GridLine> = spec
                .iter()
                .zip(&pieces)
                .map(|(&(_, _, _, gap), ps)| {
                    y += 10.0 * f64::from(gap);
                    line(ps, y, (y / 400.0) as usize)
                })
                .collect();
            let mut last = 0;
            for t in find_tables(&lines) {
                proptest::prop_assert!(t.start >= last && t.end > t.start);
                last = t.end;
                let n = t.rows[0].len();
                proptest::prop_assert!(t.rows.iter().all(|r| r.len() == n));
            }
        }
    }

    #[test]
    fn header_like_lines_stay_linear() {
        // 60,000 lines that all look like headers and start no table.
        let ps = vec![p(80.0, "序号"), p(200.0, "工作任务"), p(330.0, "责任单位")];
        let lines: Vec<GridLine> = (0..60_000)
            .map(|i| line(&ps, 16.0 * i as f64, i / 40))
            .collect();
        let t = std::time::Instant::now();
        let _ = find_tables(&lines);
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
    }
}
