//! The parser on the real seeds: exact structure of seed 001, the notice with six attachments
//! of seed 002 (unnumbered headings, the flattened task table), and the news page of seed 004.

mod common;
use common::*;
use yaodian::model::{walk, NumberingStyle};

#[test]
fn seed_001_structure_is_exact() {
    let p = parse(SEED_001);
    let rows = outline_rows(&p.plan);
    let count = |d: usize| rows.iter().filter(|r| r.0 == d).count();
    assert_eq!(count(1), 4, "level-1 headings");
    assert_eq!(count(2), 12, "（…） groups");
    assert_eq!(count(3), 31, "tasks");
    assert_eq!(walk::task_count(&p.plan), 31);
    assert_eq!(p.plan.body.numbering, NumberingStyle::Continuous);
    let numbers: Vec<&str> = rows
        .iter()
        .filter(|r| r.0 == 3)
        .map(|r| r.1.as_str())
        .collect();
    let expected: Vec<String> = (1..=31).map(|n| format!("{n}.")).collect();
    assert_eq!(
        numbers,
        expected.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert!(p.report.warnings.is_empty(), "{:?}", p.report.warnings);
    assert_eq!(p.report.tasks_with_units, 31);
}

#[test]
fn seed_001_units_split_lead_and_cooperating() {
    let p = parse(SEED_001);
    let rows = outline_rows(&p.plan);
    let task = |n: &str| rows.iter().find(|r| r.1 == n).unwrap().clone();
    let t1 = task("1.");
    assert_eq!(t1.2, "推行“333”工作策略，采用互动、互助、互联的方法，达到提升技术水平、提升本质安全、提升执法质效的目标");
    assert_eq!(t1.3, "安委办");
    assert_eq!(t1.4, "经济信息局、住房城乡建设局、交通局、应急局");
    let t24 = task("24.");
    assert_eq!(t24.2, "强化舆情处置");
    assert_eq!(t24.3, "各镇街");
    assert_eq!(
        t24.4,
        "党工委宣传部（网信办）、应急局、安委会、减灾委有关成员单位"
    );
    assert_eq!(task("4.").3, "安委办、减灾办");
    assert_eq!(task("4.").4, "");
    // 安委会办公室 (task 15) is the same unit as 安委办 (task 1).
    assert_eq!(task("15.").3, "安委办");
    // Generic wording is kept on the task, not dropped.
    let t1_item = walk::rows(&p.plan.body.items, p.plan.body.numbering)
        .into_iter()
        .find(|r| r.number == "1.")
        .unwrap()
        .item
        .clone();
    let t = t1_item.task.unwrap();
    assert_eq!(t.generic, vec!["等有关单位"]);
    assert_eq!(
        t.units_text,
        "责任单位：安委办，经济信息局、住房城乡建设局、交通局、应急局等有关单位"
    );
}

#[test]
fn seed_001_document_data() {
    let d = parse(SEED_001).plan.doc;
    assert_eq!(d.doc_number, "万盛经开发〔2024〕8号");
    assert_eq!(
        d.notice_title,
        "重庆市万盛经开区管委会关于印发2024年全区安全生产与防灾减灾救灾工作要点的通知"
    );
    assert!(d.recipients.starts_with("各镇人民政府，各街道办事处"));
    assert!(d
        .cover_text
        .starts_with("现将《2024年全区安全生产与防灾减灾救灾工作要点》印发给你们"));
    assert_eq!(d.signature, "万盛经开区管委会");
    assert_eq!(d.issuer, "万盛经开区管委会");
    assert_eq!(d.date, "2024年5月16日");
    assert_eq!(d.publish_note, "（此件公开发布）");
    assert_eq!(d.title, "2024年全区安全生产与防灾减灾救灾工作要点");
    assert_eq!(d.year, Some(2024));
    assert!(d.cc.starts_with("党工委办公室") && d.cc.ends_with("残联"));
    assert_eq!(d.printer, "重庆市万盛经开区管委会办公室");
    assert_eq!(d.print_date, "2024年5月16日");
}

#[test]
fn seed_001_run_in_items_keep_title_apart_from_body() {
    let p = parse(SEED_001);
    let last = p.plan.body.items.last().unwrap();
    assert_eq!(last.title, "保障措施");
    assert_eq!(last.children[0].title, "强化组织领导");
    assert!(last.children[0]
        .text
        .starts_with("全区各级各部门要严格落实安全生产责任"));
    assert_eq!(p.plan.body.preface.len(), 1);
    assert!(p.plan.body.preface[0].starts_with("依据重庆市人民政府"));
}

#[test]
fn seed_002_notice_and_six_attachments() {
    let p = parse(SEED_002);
    let plan = &p.plan;
    assert_eq!(plan.doc.title, "2021年江北区应急管理重点行业领域工作要点");
    assert_eq!(plan.attachments.len(), 6);
    let titles: Vec<&str> = plan.attachments.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles[0], "2021年江北区安全生产综合监管工作要点");
    assert_eq!(
        titles[1], "2021年江北区危险化学品安全生产工作要点",
        "title broken over two lines is joined"
    );
    assert_eq!(titles[5], "2021年度江北区应急指挥、救援工作要点");
    // Attachment 1: tasks 1–12 run on across its four groups.
    let a1 = &plan.attachments[0].body;
    assert_eq!(a1.numbering, NumberingStyle::Continuous);
    let tasks: Vec<_> = walk::rows(&a1.items, a1.numbering)
        .into_iter()
        .filter(|r| r.item.task.is_some())
        .collect();
    assert_eq!(tasks.len(), 12);
    assert_eq!(tasks[11].number, "12.");
    assert_eq!(tasks[11].item.title, "严格追责问责");
}

#[test]
fn seed_002_attachment_4_unnumbered_headings() {
    let p = parse(SEED_002);
    let a4 = &p.plan.attachments[3].body;
    let heads: Vec<&str> = a4
        .items
        .iter()
        .filter(|i| i.level == 1)
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        heads,
        [
            "深入落实应急管理执法体制改革",
            "推进严格执法、规范执法和精确执法",
            "强化事故统计直报工作流程控制",
            "提高行政服务水平"
        ]
    );
    assert!(a4.items.iter().all(|i| !i.numbered));
    assert!(
        a4.items.iter().all(|i| i.children.len() == 1),
        "each heading keeps its paragraph"
    );
    assert_eq!(a4.preface.len(), 1);
}

#[test]
fn seed_002_attachment_6_task_table() {
    let p = parse(SEED_002);
    let a6 = &p.plan.attachments[5].body;
    assert_eq!(a6.tables.len(), 1);
    let t = &a6.tables[0];
    assert_eq!(t.caption, "2021年应急指挥、救援重点工作任务清单");
    assert_eq!(t.columns, ["重点任务", "工作内容", "责任单位", "备注"]);
    assert_eq!(t.items.len(), 4, "four 重点任务 groups");
    assert_eq!(t.items[0].title, "加强预案管理，健全应急预案体系");
    let rows = walk::rows(&t.items, t.numbering);
    let tasks: Vec<_> = rows.iter().filter(|r| r.item.task.is_some()).collect();
    assert_eq!(tasks.len(), 8);
    assert_eq!(
        tasks.iter().map(|r| r.number.as_str()).collect::<Vec<_>>(),
        ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]
    );
    let t5 = tasks[4].item.task.as_ref().unwrap();
    let names = |ids: &[String]| {
        ids.iter()
            .map(|i| p.plan.units.name(i).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&t5.lead),
        [
            "区农业农村委",
            "区住房城乡建委",
            "区规划自然资源局",
            "区应急局"
        ]
    );
    assert_eq!(names(&t5.coop), ["有关街镇"]);
    // The attachment's own body is intact: 20 tasks before the table.
    let body_tasks = walk::rows(&a6.items, a6.numbering)
        .into_iter()
        .filter(|r| r.item.task.is_some())
        .count();
    assert_eq!(body_tasks, 20);
}

#[test]
fn seed_004_news_page_keeps_text_and_drops_furniture() {
    let p = parse(SEED_004);
    assert!(p.report.removed.iter().any(|n| n.text.contains("责任编辑")));
    assert!(p.report.removed.iter().any(|n| n.text.starts_with("<img")));
    let text: String = yaodian::format::save(&p.plan);
    assert!(text.contains("垫江县通过严把教育培训关"), "body text kept");
    assert!(!text.contains("蒲双静"));
}
