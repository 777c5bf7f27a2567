//! .docx task tables as Word writes them: vertically merged cells (`w:vMerge` restart /
//! continue) read as the value of the cell they continue, horizontally merged cells
//! (`w:gridSpan`) keep the cells after them under their header.

mod common;
use common::*;
use yaodian::parse::{import_bytes, Imported, ParseOptions};

fn cell(text: &str, props: &str) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/>{props}</w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:tc>"#
    )
}

fn row(cells: &[String]) -> String {
    format!(
        r#"<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>{}</w:tr>"#,
        cells.concat()
    )
}

const RESTART: &str = r#"<w:vMerge w:val="restart"/>"#;
const CONTINUE: &str = "<w:vMerge/>";

/// The outline (`yaodian-cli outline` lines: depth, number, title, lead, coop) and each
/// task's deadline.
fn import(xml_rows: &[String]) -> (Vec<String>, Vec<String>) {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>附件</w:t></w:r></w:p>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>2025年安全生产重点工作任务分解表</w:t></w:r></w:p>
<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="900"/><w:gridCol w:w="1800"/><w:gridCol w:w="3600"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="1200"/></w:tblGrid>
{}</w:tbl><w:sectPr/></w:body></w:document>"#,
        xml_rows.concat()
    );
    let opts = ParseOptions {
        seed: 1,
        ..ParseOptions::default()
    };
    let Ok(Imported::Parsed(p)) = import_bytes(&docx_of(&xml), &no_gb, &opts) else {
        panic!("imports")
    };
    let outline = yaodian::cli::outline(&p.plan);
    let deadlines = yaodian::render::task_rows(&p.plan)
        .into_iter()
        .map(|r| r.deadline)
        .collect();
    (outline.lines().map(String::from).collect(), deadlines)
}

fn header() -> String {
    let h = [
        "序号",
        "重点任务",
        "具体措施",
        "牵头单位",
        "配合单位",
        "完成时限",
    ];
    row(&h.map(|t| cell(t, "")))
}

#[test]
fn vertically_merged_cells_read_as_the_cell_they_continue() {
    let rows = [
        header(),
        row(&[
            cell("1", ""),
            cell("（一）强化责任落实", RESTART),
            cell("修订区级安全生产责任清单。", ""),
            cell("区应急局", RESTART),
            cell("区委组织部", ""),
            cell("3月底前", RESTART),
        ]),
        row(&[
            cell("2", ""),
            cell("", CONTINUE),
            cell("开展年度安全生产考核巡查。", ""),
            cell("", CONTINUE),
            cell("区考核办", ""),
            cell("", CONTINUE),
        ]),
        row(&[
            cell("3", ""),
            cell("（二）深化隐患治理", RESTART),
            cell("推进重大事故隐患动态清零。", ""),
            cell("区安委会有关成员单位", ""),
            cell("", ""),
            cell("全年", ""),
        ]),
    ];
    let (outline, deadlines) = import(&rows);
    // The continued group cell opens no second group; the continued unit and deadline cells
    // are the values they continue.
    assert_eq!(
        outline[1..],
        [
            "2\t（一）\t强化责任落实\t\t",
            "3\t1.\t修订区级安全生产责任清单\t区应急局\t区委组织部",
            "3\t2.\t开展年度安全生产考核巡查\t区应急局\t区考核办",
            "2\t（二）\t深化隐患治理\t\t",
            "3\t3.\t推进重大事故隐患动态清零\t区安委会有关成员单位\t",
        ],
        "{outline:#?}"
    );
    assert_eq!(deadlines, ["3月底前", "3月底前", "全年"]);
}

#[test]
fn horizontally_merged_cells_keep_the_columns_aligned() {
    let span2 = r#"<w:gridSpan w:val="2"/>"#;
    let rows = [
        header(),
        // A group line spanning the whole table.
        row(&[cell("一、安全生产", r#"<w:gridSpan w:val="6"/>"#)]),
        row(&[
            cell("1", ""),
            cell("（一）源头管控", ""),
            cell("严格高危项目安全准入。", ""),
            cell("区发展改革委", ""),
            cell("区应急局", ""),
            cell("6月底前", ""),
        ]),
        // Lead and cooperating units merged: the deadline stays under 完成时限.
        row(&[
            cell("2", ""),
            cell("", ""),
            cell("开展危化品企业专项检查。", ""),
            cell("区应急局", span2),
            cell("9月底前", ""),
        ]),
    ];
    let (outline, deadlines) = import(&rows);
    assert_eq!(
        outline[1..],
        [
            "2\t一、\t安全生产\t\t",
            "3\t（一）\t源头管控\t\t",
            "4\t1.\t严格高危项目安全准入\t区发展改革委\t区应急局",
            "4\t2.\t开展危化品企业专项检查\t区应急局\t",
        ],
        "{outline:#?}"
    );
    assert_eq!(deadlines, ["6月底前", "9月底前"]);
}
