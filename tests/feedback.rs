//! The feedback round: a unit's file out (JSON, .xlsx with hidden ids), replies back in —
//! also from a sheet someone re-sorted, shortened and added rows to — kept with the plan,
//! accepted or rejected.

mod common;
use common::*;
use std::io::{Read, Write};
use yaodian::model::{walk, Decision, Plan, ReplyState};
use yaodian::sync::feedback;

fn plan() -> Plan {
    parse(SEED_001).plan
}

#[test]
fn json_round_trip_and_decisions() {
    let mut p = plan();
    let unit = p.units.find("党工委政法办").unwrap().id.clone();
    let json = feedback::export_json(&p, Some(&unit));
    let mut f: feedback::FeedbackFile = serde_json::from_str(&json).unwrap();
    assert_eq!(f.format, "yaodian-feedback");
    assert_eq!(f.units[0].tasks.len(), 2, "tasks 25 and 30");
    assert_eq!(f.units[0].tasks[0].role, "牵头");
    f.units[0].tasks[0].reply.decision = "修改".into();
    f.units[0].tasks[0].reply.wording = "提升培训质量。每半年开展一次执法培训。".into();
    f.units[0].tasks[0].reply.deadline = "年底前".into();
    f.units[0].tasks[1].reply.decision = "不同意".into();
    f.units[0].tasks[1].reply.reason = "不属于本单位职责".into();
    let back = feedback::import(&p, serde_json::to_string(&f).unwrap().as_bytes(), 5.0).unwrap();
    assert_eq!(back.units, vec![unit.clone()]);
    assert_eq!(back.replies.len(), 2);
    assert_eq!(back.replies[1].decision, Decision::Decline);
    feedback::store(&mut p, &back);
    assert!(feedback::decide(&mut p, 0, true));
    assert!(feedback::decide(&mut p, 1, false));
    let t = walk::rows(&p.body.items, p.body.numbering)
        .into_iter()
        .find(|r| r.number == "25.")
        .unwrap()
        .item
        .clone();
    assert_eq!(t.text, "每半年开展一次执法培训。");
    assert_eq!(t.task.unwrap().deadline, "年底前");
    assert_eq!(p.feedback.replies[1].state, ReplyState::Rejected);
    // Kept with the plan in its file.
    let saved = yaodian::format::save(&p);
    assert_eq!(
        yaodian::format::restore(&saved).unwrap().feedback,
        p.feedback
    );
}

#[test]
fn another_plans_feedback_is_refused() {
    let p = plan();
    let other = yaodian::parse::parse_text(
        SEED_002,
        &yaodian::parse::ParseOptions {
            seed: 7,
            ..Default::default()
        },
    )
    .plan;
    assert_ne!(other.id, p.id);
    let json = feedback::export_json(&other, None);
    let err = feedback::import(&p, json.as_bytes(), 0.0).unwrap_err();
    assert!(err.contains("另一份计划"));
}

fn sheet_xml(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn rezip(bytes: &[u8], replace: &str, xml: &str) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        w.start_file(name.clone(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(if name == replace {
            xml.as_bytes()
        } else {
            &data
        })
        .unwrap();
    }
    w.finish().unwrap();
    out.into_inner()
}

#[test]
fn xlsx_replies_match_by_hidden_ids_after_sorting_and_editing() {
    let p = plan();
    let unit = p.units.find("应急局").unwrap().id.clone();
    let bytes = feedback::export_xlsx(&p, Some(&unit)).unwrap();
    let xml = sheet_xml(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"hidden="1""#), "id columns hidden");
    assert!(xml.contains(">任务ID</t>"));
    // Take the rows apart: header, data rows.
    let start = xml.find("<row r=\"2\"").unwrap();
    let end = xml.find("</sheetData>").unwrap();
    let mut rows: Vec<String> = xml[start..end]
        .split("</row>")
        .filter(|r| !r.is_empty())
        .map(|r| format!("{r}</row>"))
        .collect();
    let n = rows.len();
    assert!(n >= 10);
    // Fill in replies (the 意见 column is H, the 建议表述 column I) in the first two rows.
    let fill = |row: &str, col: &str, text: &str| {
        let r = row.split('"').nth(1).unwrap().to_string();
        row.replace(&format!("<c r=\"{col}{r}\" t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\"></t></is></c>"), &format!("<c r=\"{col}{r}\" t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\">{text}</t></is></c>"))
    };
    rows[0] = fill(&rows[0], "H", "同意");
    rows[1] = fill(&fill(&rows[1], "H", "修改"), "I", "新的表述。补充内容。");
    // Re-sort (reverse), delete one row, add a row someone typed without ids.
    rows.reverse();
    rows.remove(n / 2);
    rows.push("<row r=\"99\"><c r=\"A99\" t=\"inlineStr\"><is><t>加一行</t></is></c><c r=\"H99\" t=\"inlineStr\"><is><t>建议增加任务</t></is></c></row>".into());
    let edited = format!("{}{}{}", &xml[..start], rows.concat(), &xml[end..]);
    let back =
        feedback::import(&p, &rezip(&bytes, "xl/worksheets/sheet1.xml", &edited), 1.0).unwrap();
    assert_eq!(back.replies.len(), 2);
    assert!(back.replies.iter().any(|r| r.decision == Decision::Accept));
    assert!(back
        .replies
        .iter()
        .any(|r| r.decision == Decision::Revise && r.wording == "新的表述。补充内容。"));
    assert_eq!(back.unmatched.len(), 1, "{:?}", back.unmatched);
    assert!(
        back.unmatched[0].1.contains("建议增加任务"),
        "listed, not dropped"
    );
}

#[test]
fn a_deadline_typed_into_the_visible_column_is_read() {
    let p = plan();
    let unit = p.units.find("应急局").unwrap().id.clone();
    let bytes = feedback::export_xlsx(&p, Some(&unit)).unwrap();
    let xml = sheet_xml(&bytes, "xl/worksheets/sheet1.xml");
    // Column G is the visible 完成时限 of the task list; the unit types its date there.
    let empty = "<c r=\"G2\" t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\"></t></is></c>";
    assert!(xml.contains(empty), "the sample task has no deadline yet");
    let edited = xml.replace(
        empty,
        "<c r=\"G2\" t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\">2025年6月底前</t></is></c>",
    );
    let back =
        feedback::import(&p, &rezip(&bytes, "xl/worksheets/sheet1.xml", &edited), 1.0).unwrap();
    assert_eq!(back.replies.len(), 1, "not ignored silently");
    assert_eq!(back.replies[0].deadline, "2025年6月底前");
    assert_eq!(back.replies[0].decision, Decision::Revise);
    // An untouched sheet gives no reply (the visible deadline equals the task's).
    let same = feedback::import(&p, &bytes, 1.0).unwrap();
    assert!(same.replies.is_empty());
}
