//! The cases of the real-world import issue, each with a minimal real-looking example: where
//! the text starts, unit clauses in every form, tables with any header words (no row dropped),
//! numbering as typed, web residue, and the marks for what was guessed.

mod common;
use common::*;
use yaodian::cli::outline;

fn lines(text: &str) -> Vec<String> {
    outline(&parse(text).plan)
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn where_the_text_starts_and_ends() {
    let text = "当前位置：首页 > 政务公开 > 政策文件\n索引号 | 11500228/2025-00025 | 发文字号 | |\n标题 | 关于印发《2025年全区工作要点》的通知 | |\n字体：【大 中 小】\n梁平应急发〔2025〕7号\n重庆市梁平区应急管理局关于\n印发《2025年全区应急管理系统工作要点》\n的通知\n各乡镇人民政府、街道办事处：\n现将《2025年全区应急管理系统工作要点》印发给你们，请认真抓好落实。\n重庆市梁平区应急管理局\n2025年2月26日\n2025年全区应急管理系统工作要点\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n相关解读：图解工作要点\n版权所有：梁平区人民政府";
    let p = parse(text);
    let d = &p.plan.doc;
    assert_eq!(d.doc_number, "梁平应急发〔2025〕7号");
    assert_eq!(
        d.notice_title,
        "重庆市梁平区应急管理局关于印发《2025年全区应急管理系统工作要点》的通知"
    );
    assert_eq!(d.recipients, "各乡镇人民政府、街道办事处");
    assert_eq!(
        (d.signature.as_str(), d.date.as_str()),
        ("重庆市梁平区应急管理局", "2025年2月26日")
    );
    assert_eq!(d.title, "2025年全区应急管理系统工作要点");
    assert_eq!(lines(text), ["1\t一、\t总体要求\t\t"]);
    assert!(p
        .report
        .removed
        .iter()
        .any(|n| n.text.starts_with("版权所有")));
    assert!(p.report.removed.iter().any(|n| n.text.contains("索引号")));
}

#[test]
fn signature_and_mangled_dates_are_never_headings() {
    let text = "各镇(街道),市安委会各成员单位:\n现将《工作要点》印发给你们。\n达拉特旗安全生产委员会\n2024613日\n达拉特旗安全生产委员会\n2024年工作要点\n一、强化安全生产责任落实";
    assert_eq!(lines(text), ["1\t一、\t强化安全生产责任落实\t\t"]);
}

#[test]
fn title_glued_to_the_recipients_is_split_off() {
    let p = parse("关于印发2025年工作要点的通知各区县人民政府，市政府各部门：\n现将要点印发给你们。\n一、总体要求");
    assert_eq!(p.plan.doc.notice_title, "关于印发2025年工作要点的通知");
    assert_eq!(p.plan.doc.recipients, "各区县人民政府，市政府各部门");
}

#[test]
fn unit_clauses_in_every_form() {
    let text = "一、责任\n1.甲。〔市委组织部牵头，各镇(街道)、市安委会有关成员单位分工负责〕\n2.乙。【责任部门：市应急局；配合部门：市公安局】\n3.丙。(区安委会办公室会同区住房城乡建委负责)\n4.丁。(省防减委牵头,各级党委、人民政府,省防减委各成员单位落实)\n5.戊。(市委组织部、市委宣传部,各县区党委,各有关部门分工负责;以下各项工作均需各县区具体落实,不再注明)\n6.己。（责任单位：区减灾救灾办；配合单位：区减灾救灾委各成员单位，持续推进。）";
    let l = lines(text);
    assert_eq!(
        l[1],
        "2\t1.\t甲\t市委组织部\t各镇(街道)、市安委会有关成员单位"
    );
    assert_eq!(l[2], "2\t2.\t乙\t市应急局\t市公安局");
    assert_eq!(l[3], "2\t3.\t丙\t区安委会办公室\t区住房城乡建委");
    assert_eq!(
        l[4],
        "2\t4.\t丁\t省防减委\t各级党委、人民政府、省防减委各成员单位"
    );
    assert_eq!(
        l[5],
        "2\t5.\t戊\t市委组织部、市委宣传部\t各县区党委、各有关部门"
    );
    assert_eq!(l[6], "2\t6.\t己\t区减灾救灾办\t区减灾救灾委各成员单位");
}

#[test]
fn a_clause_after_sub_items_belongs_to_their_task() {
    let text = "（一）“一案三制”建设\n1.完善应急预案体系\n(1)加强应急预案管理。\n(2)推进应急预案精编化。\n(责任单位:市直各有关单位、各县(市、区)人民政府)";
    let l = lines(text);
    assert_eq!(
        l[1],
        "2\t1.\t完善应急预案体系\t市直各有关单位、各县(市、区)人民政府\t"
    );
}

#[test]
fn an_unsplittable_clause_is_kept_and_flagged() {
    let p = parse("一、责任\n1.甲。（责任单位：有关单位）");
    let t = p.plan.body.items[0].children[0].task.clone().unwrap();
    assert_eq!(t.units_text, "责任单位：有关单位");
    assert!(p.report.guesses.iter().any(|g| g.text.contains("未能拆分")));
}

#[test]
fn tables_with_any_header_words_lose_no_row() {
    for (text, want) in [
        ("| 名称 | 说明 |\n| 应急预案 | 年内修订 |\n| 演练 | 每季度一次 |", 2),
        ("| 序号 | 责任单位 | 完成时限 |\n| 1 | 区应急局 | 6月底前 |\n| 2 | 各镇街 | 年底前 |", 2),
        ("| 序号 | 名 称 | 2025年目标 | 责任单位 | 备注 |\n| 1 | 重特大事故起数 | 0 | 市安委会各成员单位,各区县政府 | |", 1),
    ] {
        let p = parse(text);
        let t = &p.plan.body.tables[0];
        assert_eq!(t.items.len(), want, "{text}");
        assert!(!p.report.removed.iter().any(|n| n.text.contains('|')), "{text}");
    }
    let p = parse("| 序号 | 名 称 | 2025年目标 | 责任单位 | 备注 |\n| 1 | 重特大事故起数 | 0 | 市安委会各成员单位,各区县政府 | |");
    let l = outline(&p.plan);
    assert!(
        l.contains("2\t1.\t重特大事故起数\t市安委会各成员单位\t各区县政府"),
        "{l}"
    );
    let task = p.plan.body.tables[0].items[0].task.clone().unwrap();
    assert_eq!(
        task.note, "2025年目标：0",
        "a column not understood stays on the task"
    );
    assert!(p
        .report
        .guesses
        .iter()
        .any(|g| g.text.contains("2025年目标")));
}

#[test]
fn merged_group_cells_left_out_of_rows() {
    let text = "主要任务 |\n重点工作和要求 |\n责任单位 |\n完成时限 |\n一、加强部署 |\n|||\n(一)制定工作任务清单。 |\n1.制定全市清单。 |\n市安委办 |\n1月20日前 |\n2.制定行业清单。 |\n市级各专委会办公室 |\n2月10日前 |\n|\n";
    let l = lines(text);
    assert_eq!(l[1], "2\t一、\t加强部署\t\t");
    assert_eq!(l[2], "3\t（一）\t制定工作任务清单\t\t");
    assert_eq!(l[4], "4\t2.\t制定行业清单\t市级各专委会办公室\t");
}

#[test]
fn numbering_as_typed() {
    let l = lines("一、总体\n1.强化党政领导干部责任。内容。\n2强化行业部门监管责任。内容。");
    assert_eq!(l[2], "2\t2.\t强化行业部门监管责任\t\t");
    let l = lines("全面提高能力。 一、健全体制机制。坚持分级负责。 二、推进规划落实。加快建设。");
    assert_eq!(
        l,
        ["1\t一、\t健全体制机制\t\t", "1\t二、\t推进规划落实\t\t"]
    );
    let p = parse("二十一、其他\n1000．甲。（责任单位：应急局）\n①细化。");
    assert_eq!(yaodian::model::walk::task_count(&p.plan), 1);
}

#[test]
fn traditional_script_and_pinyin_residue() {
    let l = lines("各區縣人民政府,市政府各部門:\n現將要點印發(fā)給你們。\n重慶市人民政府\n2025年1月19日\n一、深化安全責任體系\n(一)強化黨政領導干部責任。落實要求。(市應急管理局牽頭,各區縣政府分工負責)");
    assert_eq!(l[0], "1\t一、\t深化安全責任體系\t\t");
    assert_eq!(
        l[1],
        "2\t（一）\t強化黨政領導干部責任\t市應急管理局\t各區縣政府"
    );
}

#[test]
fn parts_head_the_sections() {
    let text = "\
2025年全区安全生产和防灾减灾救灾工作要点
为深入贯彻落实上级决策部署，现提出如下工作要点。
第一部分 安全生产
一、强化安全责任落实
1.压紧压实党政领导责任。严格落实党政领导干部安全生产责任制。（责任单位：区安委办）
二、深化重大隐患排查整治
1.推进治本攻坚三年行动。聚焦重点行业领域开展整治。（责任单位：区应急局，区住房城乡建委）
第二部分：防灾减灾救灾
一、健全自然灾害防治体系
1.完善灾害风险监测预警。（责任单位：区气象局）
第三章 保障措施
一、加强组织领导
";
    let l = lines(text);
    assert_eq!(
        l,
        [
            "1\t\t第一部分 安全生产\t\t",
            "2\t一、\t强化安全责任落实\t\t",
            "3\t1.\t压紧压实党政领导责任\t区安委办\t",
            "2\t二、\t深化重大隐患排查整治\t\t",
            "3\t1.\t推进治本攻坚三年行动\t区应急局\t区住房城乡建委",
            "1\t\t第二部分 防灾减灾救灾\t\t",
            "2\t一、\t健全自然灾害防治体系\t\t",
            "3\t1.\t完善灾害风险监测预警\t区气象局\t",
            "1\t\t第三章 保障措施\t\t",
            "2\t一、\t加强组织领导\t\t",
        ],
        "{l:#?}"
    );
    // The numbers read in each part are the ones derived: nothing to check.
    let p = parse(text);
    assert!(
        p.report.to_text().contains("提示 0 条") && p.report.to_text().contains("需要核对 0 处"),
        "{}",
        p.report.to_text()
    );
    // The .docx export of it reads back to the same outline.
    let docx = yaodian::export::export(
        &p.plan,
        yaodian::export::Format::Docx,
        &yaodian::export::Options::default(),
    )
    .unwrap();
    let back = match yaodian::parse::import_bytes(&docx, &no_gb, &Default::default()).unwrap() {
        yaodian::parse::Imported::Parsed(b) => b.plan,
        yaodian::parse::Imported::Plan(r) => r.plan,
    };
    assert_eq!(outline(&back).lines().collect::<Vec<_>>(), l);
    // Without `一、` sections, a `第一章` line is no part (a regulation's chapter quoted).
    let l = lines("1.学习《安全生产法》。\n第一章 总则\n2.开展培训。");
    assert!(l.iter().all(|x| !x.contains("第一章")), "{l:?}");
}

#[test]
fn a_copy_cut_off_inside_a_table_cell_keeps_its_row() {
    // One cell a line closed by ` |`; the copy ends inside a cell, whose line lost its `|`.
    let text = "2021年安全生产工作任务清单\n主要任务 |\n重点工作和要求 |\n责任单位 |\n完成时限 |\n(一)制定工作任务清单。 |\n1.制定全市工作任务清单。 |\n市安委办 |\n1月20日前 |\n(二)召开安全生产工作会议。 |\n2.年初召开全市安\n";
    let l = lines(text);
    assert_eq!(
        l,
        [
            "1\t\t2021年安全生产工作任务清单\t\t",
            "2\t（一）\t制定工作任务清单\t\t",
            "3\t1.\t制定全市工作任务清单\t市安委办\t",
            "2\t（二）\t召开安全生产工作会议\t\t",
            "3\t2.\t年初召开全市安\t\t",
        ],
        "{l:#?}"
    );
}

#[test]
fn a_row_left_with_only_its_text_column_is_a_task_under_the_row_above() {
    // The 工作指标 cell is merged over two rows; the second row has only its 任务清单 entry and
    // its 责任清单 (names separated by spaces).
    let text = "工作事项 | 工作指标 | 任务清单 | 责任清单 |\n1.组织机构 | (1)乡镇建立应急工作组。 | 1.明确应急工作组成员; | 党政办 应消站 |\n2.补充设置网格责任人; | 农村办 国土所 村(社区) |\n";
    let l = lines(text);
    assert_eq!(
        l[1..],
        [
            "2\t1.\t组织机构\t\t",
            "3\t（1）\t乡镇建立应急工作组\t党政办、应消站\t",
            "4\t2.\t补充设置网格责任人;\t农村办、国土所、村(社区)\t",
        ],
        "{l:#?}"
    );
}
