//! The task list as .xlsx: sheet 任务清单 (bold frozen header, wrapped text, sensible widths,
//! A4 landscape, header repeated on every printed page), one sheet per unit (the tasks it
//! leads and supports), and 单位统计. Text is always written as an inline string, never as a
//! formula.
//!
//! Excel's limits are kept here: a text longer than a cell holds (32,767 characters) goes on
//! in the same column of continuation rows below it (they repeat only the hidden id columns,
//! so a feedback reply still matches); sheet names follow Excel's rules (`sheet_name`), and
//! 单位统计 names each unit's sheet, so a shortened name is still found.
//!
//! Owns the SpreadsheetML. Written by hand with the `zip` the .docx writer uses: the
//! rust_xlsxwriter crate costs about 270 KB gzip of wasm, more than the whole app's budget
//! for code that loads on first use.

use super::ooxml::{esc, package};
use crate::model::Plan;
use crate::render::{task_rows, TaskRow};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const TASK_HEADER: [&str; 7] = [
    "序号",
    "重点任务",
    "工作内容",
    "牵头单位",
    "配合单位",
    "完成时限",
    "备注",
];
/// Column widths in characters (whole numbers: no float formatting in the wasm).
const TASK_WIDTHS: [u32; 7] = [9, 24, 60, 20, 28, 14, 16];

/// One worksheet: name, column widths, header, rows of text.
pub struct Sheet {
    pub name: String,
    pub widths: Vec<u32>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Hidden trailing columns (for ids a reply must keep).
    pub hidden_from: Option<usize>,
    /// Columns written as numbers (counts Excel can sum); other cells are text.
    pub numeric: Vec<usize>,
    /// Columns offering a dropdown of these values on every data row (a warning, not a refusal,
    /// for other text: the reader understands the usual variants).
    pub choices: Vec<(usize, Vec<String>)>,
}

/// The `<dataValidations>` of a sheet whose data rows end at `last`.
fn validations(s: &Sheet, last: usize) -> String {
    if s.choices.is_empty() {
        return String::new();
    }
    let mut out = format!("<dataValidations count=\"{}\">", s.choices.len());
    for (c, values) in &s.choices {
        // A list in the formula is quoted and comma-separated; neither may be in a value.
        let list: Vec<String> = values.iter().map(|v| v.replace([',', '"'], "")).collect();
        out.push_str(&format!(
            "<dataValidation type=\"list\" errorStyle=\"warning\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"{c}2:{c}{last}\"><formula1>\"{}\"</formula1></dataValidation>",
            esc(&list.join(",")),
            c = col(*c),
            last = last.max(2),
        ));
    }
    out.push_str("</dataValidations>");
    out
}

fn col(i: usize) -> String {
    let mut n = i + 1;
    let mut s = String::new();
    while n > 0 {
        s.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

fn cell(r: usize, c: usize, text: &str, style: u32) -> String {
    format!(
        "<c r=\"{}{}\" t=\"inlineStr\" s=\"{style}\"><is><t xml:space=\"preserve\">{}</t></is></c>",
        col(c),
        r,
        esc(text)
    )
}

/// A number cell; text that is not a whole number stays text.
fn number_cell(r: usize, c: usize, text: &str, style: u32) -> String {
    match text.trim().parse::<u64>() {
        Ok(n) => format!("<c r=\"{}{}\" s=\"{style}\"><v>{n}</v></c>", col(c), r),
        Err(_) => cell(r, c, text, style),
    }
}

fn sheet_xml(s: &Sheet) -> String {
    let mut cols = String::new();
    for (i, w) in s.widths.iter().enumerate() {
        let hidden = if s.hidden_from.is_some_and(|h| i >= h) {
            " hidden=\"1\""
        } else {
            ""
        };
        cols.push_str(&format!(
            "<col min=\"{n}\" max=\"{n}\" width=\"{w}\" customWidth=\"1\"{hidden}/>",
            n = i + 1
        ));
    }
    let mut data = String::from("<row r=\"1\">");
    for (c, h) in s.header.iter().enumerate() {
        data.push_str(&cell(1, c, h, 1));
    }
    data.push_str("</row>");
    let mut r = 1;
    for row in &s.rows {
        // A cell longer than Excel's 32,767 characters goes on in the same column of the rows
        // below (continuation rows: only the continued cells and the hidden ids are filled).
        let pieces: Vec<Vec<&str>> = row.iter().map(|v| cell_pieces(v)).collect();
        let lines = pieces.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..lines {
            r += 1;
            data.push_str(&format!("<row r=\"{r}\">"));
            for (c, p) in pieces.iter().enumerate() {
                let hidden = s.hidden_from.is_some_and(|h| c >= h);
                match p.get(line) {
                    Some(v) if s.numeric.contains(&c) => data.push_str(&number_cell(r, c, v, 2)),
                    Some(v) => data.push_str(&cell(r, c, v, 2)),
                    None if hidden => data.push_str(&cell(r, c, p[0], 2)),
                    None => {}
                }
            }
            data.push_str("</row>");
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{MAIN}\" xmlns:r=\"{REL}\">\
<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>\
<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight=\"15\"/><cols>{cols}</cols><sheetData>{data}</sheetData>{}\
<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>\
<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>",
        validations(s, r)
    )
}

/// Excel's longest cell text and sheet name, in UTF-16 code units.
pub const MAX_CELL: usize = 32_767;
const MAX_SHEET_NAME: usize = 31;

/// A cell's text in pieces of at most `MAX_CELL` UTF-16 units (a pair is never split); one
/// piece, possibly empty, for a text that fits.
fn cell_pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut units) = (0, 0);
    for (i, c) in text.char_indices() {
        if units + c.len_utf16() > MAX_CELL {
            out.push(&text[start..i]);
            (start, units) = (i, 0);
        }
        units += c.len_utf16();
    }
    out.push(&text[start..]);
    out
}

/// A sheet name Excel accepts, unique in the book. Excel's rules: 1 to 31 UTF-16 units, none
/// of `[]:*?/\`, not starting or ending with `'`, not `History` (reserved), unique ignoring
/// case. Characters XML forbids are dropped first (a name must not become empty in the file).
/// A shortened or renamed unit sheet is still found by its full name in 单位统计's 工作表
/// column.
pub fn sheet_name(name: &str, taken: &[String]) -> String {
    let cleaned: String = name
        .chars()
        .filter(|&c| super::ooxml::xml_char(c) && !"[]:*?/\\\r\n\t".contains(c))
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base = if cleaned.is_empty() {
        "单位"
    } else {
        cleaned
    };
    let clash = |c: &str| {
        c.eq_ignore_ascii_case("History")
            || taken.iter().any(|t| t.to_lowercase() == c.to_lowercase())
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 { String::new() } else { n.to_string() };
        let room = MAX_SHEET_NAME - suffix.len();
        let (mut head, mut units) = (String::new(), 0);
        for c in base.chars() {
            if units + c.len_utf16() > room {
                break;
            }
            units += c.len_utf16();
            head.push(c);
        }
        // Shortening may leave a `'` or a space at the end.
        let candidate = format!("{}{suffix}", head.trim_end().trim_end_matches('\''));
        if !candidate.is_empty() && !clash(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

pub fn task_cells(r: &TaskRow) -> Vec<String> {
    vec![
        r.number.clone(),
        r.title.clone(),
        r.text.clone(),
        r.lead.join("、"),
        r.coop.join("、"),
        r.deadline.clone(),
        r.note.clone(),
    ]
}

/// Write a workbook of sheets; the first row of each sheet repeats on every printed page.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    let mut ct = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    let mut wb_rels = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    let mut list = String::new();
    let mut names = String::new();
    let mut parts: Vec<(String, String)> = Vec::new();
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        ct.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        wb_rels.push_str(&format!("<Relationship Id=\"rId{n}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"));
        list.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            esc(&s.name)
        ));
        names.push_str(&format!("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">'{}'!$1:$1</definedName>", esc(&s.name.replace('\'', "''"))));
        parts.push((format!("xl/worksheets/sheet{n}.xml"), sheet_xml(s)));
    }
    ct.push_str("</Types>");
    wb_rels.push_str(&format!("<Relationship Id=\"rIdStyles\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>"));
    let workbook = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><bookViews><workbookView/></bookViews><sheets>{list}</sheets><definedNames>{names}</definedNames></workbook>");
    let styles = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"{MAIN}\">\
<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font></fonts>\
<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE8EEF5\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>\
<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
    let mut all: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", ct),
        ("_rels/.rels", format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", wb_rels),
        ("xl/styles.xml", styles),
    ];
    for (path, xml) in &parts {
        all.push((path.as_str(), xml.clone()));
    }
    package(&all)
}

/// 任务清单, one sheet per unit (or only `unit`), and 单位统计.
pub fn write(plan: &Plan, unit: Option<&str>) -> Result<Vec<u8>, String> {
    let rows = task_rows(plan);
    let mut sheets = Vec::new();
    let header: Vec<String> = TASK_HEADER.iter().map(|s| s.to_string()).collect();
    if unit.is_none() {
        sheets.push(Sheet {
            name: "任务清单".into(),
            widths: TASK_WIDTHS.to_vec(),
            header: header.clone(),
            rows: rows.iter().map(task_cells).collect(),
            hidden_from: None,
            numeric: Vec::new(),
            choices: Vec::new(),
        });
    }
    let mut taken: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    taken.push("单位统计".into());
    let mut stats = Vec::new();
    for u in &plan.units.units {
        if unit.is_some_and(|id| id != u.id) {
            continue;
        }
        let lead: Vec<&TaskRow> = rows.iter().filter(|r| r.lead_ids.contains(&u.id)).collect();
        let coop: Vec<&TaskRow> = rows.iter().filter(|r| r.coop_ids.contains(&u.id)).collect();
        if lead.is_empty() && coop.is_empty() {
            continue;
        }
        let name = sheet_name(&u.name, &taken);
        stats.push(vec![
            u.name.clone(),
            u.kind.label().to_string(),
            lead.len().to_string(),
            coop.len().to_string(),
            (lead.len() + coop.len()).to_string(),
            name.clone(),
        ]);
        let mut h = vec!["角色".to_string()];
        h.extend(header.iter().cloned());
        let mut w = vec![8];
        w.extend(TASK_WIDTHS);
        let body = lead
            .iter()
            .map(|r| ("牵头", r))
            .chain(coop.iter().map(|r| ("配合", r)))
            .map(|(role, r)| {
                let mut cells = vec![role.to_string()];
                cells.extend(task_cells(r));
                cells
            });
        taken.push(name.clone());
        sheets.push(Sheet {
            name,
            widths: w,
            header: h,
            rows: body.collect(),
            hidden_from: None,
            numeric: Vec::new(),
            choices: Vec::new(),
        });
    }
    crate::order::sort_by_key(&mut stats, |s| {
        std::cmp::Reverse(s[4].parse::<usize>().unwrap_or(0))
    });
    let stat_header = ["单位", "类别", "牵头任务数", "配合任务数", "合计", "工作表"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    sheets.push(Sheet {
        name: "单位统计".into(),
        widths: vec![32, 14, 12, 12, 10, 24],
        header: stat_header,
        rows: stats,
        hidden_from: None,
        numeric: vec![2, 3, 4],
        choices: Vec::new(),
    });
    workbook(&sheets)
}
