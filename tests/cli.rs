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
