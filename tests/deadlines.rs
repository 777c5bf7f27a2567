//! 完成时限 → due dates: every form the domain names, and the phrases found in the real-world
//! corpus (tests/corpus), read for the plan's year.

mod common;
use common::*;
use yaodian::track::deadline::{self, plan_dues, set_due, unparsed, Context, Due};
use yaodian::track::period::Date;

const Y2025: Context = Context {
    year: 2025,
    flood: (5, 31),
};

fn on(y: i32, m: u32, d: u32) -> Due {
    Due::On(Date::new(y, m, d).unwrap())
}

#[test]
fn every_form_of_the_domain() {
    assert_eq!(deadline::parse("6月底前", Y2025), on(2025, 6, 30));
    assert_eq!(deadline::parse("2025年9月底前", Y2025), on(2025, 9, 30));
    assert_eq!(deadline::parse("年底前", Y2025), on(2025, 12, 31));
    assert_eq!(deadline::parse("上半年", Y2025), on(2025, 6, 30));
    assert_eq!(deadline::parse("下半年", Y2025), on(2025, 12, 31));
    assert_eq!(deadline::parse("汛期前", Y2025), on(2025, 5, 31));
    assert_eq!(
        deadline::parse(
            "主汛期前",
            Context {
                flood: (6, 1),
                ..Y2025
            }
        ),
        on(2025, 6, 1)
    );
    for ongoing in ["长期坚持", "持续推进", "全年", "全年持续推进", "常态化开展"]
    {
        assert_eq!(deadline::parse(ongoing, Y2025), Due::Ongoing, "{ongoing}");
    }
    let Due::Every(q) = deadline::parse("每季度末", Y2025) else {
        panic!("每季度末 recurs")
    };
    let q: Vec<String> = q.iter().map(Date::to_string).collect();
    assert_eq!(q, ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]);
    assert!(
        matches!(deadline::parse("每月", Y2025), Due::Every(v) if v.len() == 12 && v[1] == Date::new(2025, 2, 28).unwrap())
    );
    assert!(matches!(deadline::parse("每半年报送一次", Y2025), Due::Every(v) if v.len() == 2));
    assert_eq!(deadline::parse("", Y2025), Due::Empty);
    assert_eq!(deadline::parse("根据上级部署", Y2025), Due::Unparsed);
}

#[test]
fn more_ways_of_writing_dates() {
    assert_eq!(deadline::parse("六月底前", Y2025), on(2025, 6, 30));
    assert_eq!(deadline::parse("９月底前", Y2025), on(2025, 9, 30));
    assert_eq!(deadline::parse("12月20日前", Y2025), on(2025, 12, 20));
    assert_eq!(deadline::parse("10月15号前", Y2025), on(2025, 10, 15));
    assert_eq!(deadline::parse("6月中旬", Y2025), on(2025, 6, 20));
    assert_eq!(deadline::parse("3月上旬", Y2025), on(2025, 3, 10));
    assert_eq!(deadline::parse("11月下旬", Y2025), on(2025, 11, 30));
    assert_eq!(
        deadline::parse(
            "2月底前",
            Context {
                year: 2024,
                ..Y2025
            }
        ),
        on(2024, 2, 29)
    );
    // "N月前" is before month N begins.
    assert_eq!(deadline::parse("10月前", Y2025), on(2025, 9, 30));
    assert_eq!(deadline::parse("三季度末", Y2025), on(2025, 9, 30));
    assert_eq!(deadline::parse("第一季度", Y2025), on(2025, 3, 31));
    assert_eq!(deadline::parse("年内完成", Y2025), on(2025, 12, 31));
    assert_eq!(deadline::parse("2026年底前", Y2025), on(2026, 12, 31));
    // A date and "keep at it": the date is the deadline.
    assert_eq!(
        deadline::parse("6月底前完成，长期坚持", Y2025),
        on(2025, 6, 30)
    );
    // Several steps: the last one is the task's deadline.
    assert_eq!(
        deadline::parse("6月底前完成排查，12月底前完成整治", Y2025),
        on(2025, 12, 31)
    );
}

/// Phrases as they stand in the corpus documents, with the document's year.
#[test]
fn phrases_found_in_the_corpus() {
    let cases: [(&str, &str, i32, Due); 10] = [
        (
            "c09-ankang-2021-tasklist-table",
            "1月20日前",
            2021,
            on(2021, 1, 20),
        ),
        (
            "c09-ankang-2021-tasklist-table",
            "2月5日前",
            2021,
            on(2021, 2, 5),
        ),
        (
            "c09-ankang-2021-tasklist-table",
            "2月10日前",
            2021,
            on(2021, 2, 10),
        ),
        ("", "于2024年3月15日前报市安办备案", 2024, on(2024, 3, 15)),
        (
            "",
            "并于2017年底前將各項工作完成情況報",
            2017,
            on(2017, 12, 31),
        ),
        (
            "",
            "于2025年6月底和年底前分别将半年和全年工作完成情况",
            2025,
            on(2025, 12, 31),
        ),
        (
            "",
            "半年工作小结和年度工作总结请分别于6月25日、12月20日前报送",
            2022,
            on(2022, 12, 20),
        ),
        ("", "汛前", 2023, on(2023, 5, 31)),
        ("", "3月底前", 2024, on(2024, 3, 31)),
        ("", "持续推进", 2024, Due::Ongoing),
    ];
    let corpus: String = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    for (file, phrase, year, want) in cases {
        let probe = phrase
            .trim_start_matches('于')
            .split(['，', '、'])
            .next()
            .unwrap();
        assert!(
            corpus.contains(probe) || corpus.contains(phrase),
            "{phrase} ({file}) is in the corpus"
        );
        let ctx = Context { year, ..Y2025 };
        assert_eq!(deadline::parse(phrase, ctx), want, "{phrase}");
    }
    // And every deadline the parser reads from the corpus' tasks is understood.
    let mut seen = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let plan = parse_doc(&std::fs::read_to_string(&path).unwrap());
        for d in plan_dues(&plan) {
            if !d.text.is_empty() {
                seen += 1;
                assert_ne!(d.due, Due::Unparsed, "{}: {}", path.display(), d.text);
            }
        }
    }
    assert!(seen >= 5, "the corpus has task deadlines ({seen})");
}

fn parse_doc(text: &str) -> yaodian::model::Plan {
    parse(text).plan
}

#[test]
fn plan_dues_use_the_plan_year_the_flood_setting_and_hand_set_dates() {
    let mut plan = parse_doc(SEED_001);
    assert_eq!(plan.doc.year, Some(2024));
    let rows = yaodian::render::task_rows(&plan);
    let (a, b, c) = (rows[0].id.clone(), rows[1].id.clone(), rows[2].id.clone());
    use yaodian::edit::{set_field, Field};
    set_field(&mut plan, &a, Field::Deadline, "6月底前");
    set_field(&mut plan, &b, Field::Deadline, "汛期前");
    set_field(&mut plan, &c, Field::Deadline, "按上级要求");
    plan.tracking.flood_season = "5月15日".into();
    let dues = plan_dues(&plan);
    assert_eq!(dues[0].due, on(2024, 6, 30));
    assert_eq!(dues[1].due, on(2024, 5, 15));
    assert_eq!(dues[2].due, Due::Unparsed);
    assert_eq!(unparsed(&plan).len(), 1);
    assert!(set_due(&mut plan, &c, Date::new(2024, 8, 31)));
    assert!(!set_due(&mut plan, "nope", Date::new(2024, 8, 31)));
    let dues = plan_dues(&plan);
    assert_eq!(dues[2].due, on(2024, 8, 31));
    assert!(dues[2].manual);
    assert!(unparsed(&plan).is_empty());
    // Kept in the file.
    let back = yaodian::format::restore(&yaodian::format::save(&plan)).unwrap();
    assert_eq!(
        back.tracking.due.get(&c).map(String::as_str),
        Some("2024-08-31")
    );
}
