//! `yaodian-cli`: outline (the stable tab-separated interface), check and convert.

mod common;
use common::*;

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = yaodian::cli::run(&args, &mut stdin.as_bytes(), &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn outline_of_seed_001_from_stdin() {
    let (code, out, _) = run(&["outline", "-"], SEED_001);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4 + 12 + 31);
    assert_eq!(lines[0], "1\t一、\t总体要求\t\t");
    assert_eq!(lines[3], "2\t（一）\t打造一个工作亮点\t\t");
    assert!(lines.contains(
        &"3\t24.\t强化舆情处置\t各镇街\t党工委宣传部（网信办）、应急局、安委会、减灾委有关成员单位"
    ));
    assert!(lines.contains(&"3\t31.\t建立考评机制\t安委办\t"));
}

#[test]
fn outline_attachments_start_again_at_depth_one() {
    let (code, out, _) = run(&["outline", "-"], SEED_002);
    assert_eq!(code, 0);
    let starts = out.lines().filter(|l| l.starts_with("1\t一、\t")).count();
    assert!(starts >= 5, "each attachment begins at depth 1");
    assert!(
        out.contains("1\t\t深入落实应急管理执法体制改革\t\t"),
        "unnumbered heading has an empty number"
    );
}

#[test]
fn check_exit_codes() {
    let (code, out, _) = run(&["check", "-"], SEED_001);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("问题：无"));
    let (code, out, _) = run(&["check", "-"], "一、任务\n1．没有单位的任务。\n");
    assert_eq!(code, 1);
    assert!(out.contains("任务没有牵头单位"));
}

#[test]
fn convert_to_json_and_back() {
    let dir = std::env::temp_dir().join(format!("yaodian-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("plan.json");
    let (code, _, err) = run(&["convert", "-", "-o", json.to_str().unwrap()], SEED_001);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = run(&["outline", json.to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        run(&["outline", "-"], SEED_001).1,
        "the JSON keeps the outline"
    );
    for ext in ["docx", "xlsx", "csv", "md", "txt"] {
        let out = dir.join(format!("plan.{ext}"));
        let (code, _, err) = run(
            &[
                "convert",
                json.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
            "",
        );
        assert_eq!(code, 0, "{ext}: {err}");
        assert!(
            std::fs::metadata(&out).unwrap().len() > 100,
            "{ext} written"
        );
    }
    let (code, out, _) = run(&["outline", dir.join("plan.docx").to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        run(&["outline", "-"], SEED_001).1,
        "the .docx reads back to the same outline"
    );
    let (code, _, err) = run(&["convert", "-", "-o", "x.pdf"], SEED_001);
    assert_eq!(code, 2);
    assert!(err.contains(".pdf"));
}

#[test]
fn bad_input_is_a_message_not_a_panic() {
    let (code, _, err) = run(&["outline", "/nonexistent/file.txt"], "");
    assert_eq!(code, 1);
    assert!(err.contains("无法读取"));
    let (code, _, err) = run(&["outline", "-"], "{\"format\":\"other\"}");
    assert_eq!(code, 1);
    assert!(err.contains("不是要点计划文件"));
    let (code, _, _) = run(&[], "");
    assert_eq!(code, 2);
}

#[test]
fn draft_applies_the_year_and_localisation_defaults() {
    let dir = std::env::temp_dir().join(format!("yaodian-cli-draft-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = dir.join("template.txt");
    std::fs::write(&seed, SEED_001).unwrap();
    let json = dir.join("draft.json");
    let (code, out, err) = run(
        &[
            "draft",
            seed.to_str().unwrap(),
            "--year",
            "2025",
            "--district",
            "大足区",
            "-o",
            json.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("年份待核"), "{out}");
    assert!(out.contains("2023年"), "the older year is flagged: {out}");
    assert!(
        out.contains("全市“数字应急”"),
        "the named system is left unticked: {out}"
    );
    let plan = yaodian::format::restore(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(plan.doc.year, Some(2025));
    // The district replaces the issuing organ everywhere; 万盛经开发 cannot become 大足区's
    // 机关代字, so it is left empty and the planner is told.
    assert_eq!(plan.doc.doc_number, "〔2025〕号");
    assert!(
        out.contains("机关代字“万盛经开发”") && out.contains("请填写"),
        "{out}"
    );
    assert_eq!(
        plan.doc.notice_title,
        "重庆市大足区人民政府关于印发2025年全区安全生产与防灾减灾救灾工作要点的通知"
    );
    assert_eq!(plan.doc.issuer, "大足区人民政府");
    assert_eq!(plan.doc.signature, "大足区人民政府");
    assert_eq!(plan.doc.printer, "重庆市大足区人民政府办公室");
    assert!(
        plan.doc.recipients.contains("区政府各部门")
            && plan.doc.recipients.contains("驻区有关单位")
    );
    assert!(!plan.doc.recipients.contains("管委会"));
    assert!(plan.doc.cover_text.contains("《2025年"));
    assert_eq!(plan.doc.print_date, "2025年5月16日");
    assert!(plan.template.is_some(), "the draft keeps its template");
    let txt = dir.join("draft.txt");
    let (code, _, _) = run(
        &[
            "draft",
            seed.to_str().unwrap(),
            "--year",
            "2025",
            "--district",
            "大足区",
            "-o",
            txt.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(text.contains("特制定2025年全区"));
    assert!(
        text.contains("《关于印发2024年全市"),
        "the cited city document is untouched"
    );
    assert!(text.contains("市委六届二次、三次、四次全会"));
    assert!(text.contains("2023年水毁修复项目"));
    assert!(!text.contains("2024年5月16日"));
    assert!(
        !text.contains("万盛"),
        "no trace of the template's organ in the draft"
    );
    let docx = dir.join("draft.docx");
    let (code, _, _) = run(
        &[
            "draft",
            seed.to_str().unwrap(),
            "--year",
            "2025",
            "-o",
            docx.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    std::fs::remove_dir_all(&dir).ok();
}
