//! Tests of the envelope and of the tolerant restore.

use super::*;

#[test]
fn errors_name_the_problem() {
    assert_eq!(restore(""), Err(RestoreError::Empty));
    assert!(matches!(
        restore("{\"format\":"),
        Err(RestoreError::NotJson { .. })
    ));
    assert_eq!(restore("[1,2]"), Err(RestoreError::NotAnObject));
    assert_eq!(
        restore(r#"{"type":"excalidraw"}"#),
        Err(RestoreError::NotAPlan { found: None })
    );
    assert_eq!(
        restore(r#"{"format":"excalidraw"}"#),
        Err(RestoreError::NotAPlan {
            found: Some("excalidraw".into())
        })
    );
    assert_eq!(
        restore(r#"{"format":"yaodian-plan","version":7}"#),
        Err(RestoreError::TooNew { version: 7 })
    );
    assert_eq!(
        restore(r#"{"format":"yaodian-plan","version":"x"}"#),
        Err(RestoreError::BadVersion)
    );
}

#[test]
fn minimal_file_gets_defaults_and_ids() {
    let plan = restore(r#"{"format":"yaodian-plan","version":1,"body":{"items":[{"title":"总体要求","level":9}]}}"#)
        .unwrap();
    assert!(!plan.id.is_empty());
    assert_eq!(plan.body.items[0].level, 5);
    assert!(!plan.body.items[0].id.is_empty());
}

#[test]
fn unknown_fields_survive_at_every_level() {
    let input = r#"{"format":"yaodian-plan","version":1,"id":"p1","futureTop":{"a":[1,2.5,"x"]},
        "doc":{"title":"T","futureDoc":true},
        "body":{"items":[{"id":"i1","level":1,"numbered":true,"title":"A","futureItem":"keep",
          "task":{"lead":[],"futureTask":1}}]},
        "units":{"units":[{"id":"u1","name":"应急局","futureUnit":null}]}}"#;
    let plan = restore(input).unwrap();
    let saved = save(&plan);
    for key in [
        "futureTop",
        "futureDoc",
        "futureItem",
        "futureTask",
        "futureUnit",
    ] {
        assert!(saved.contains(key), "{key} lost");
    }
    let again = save(&restore(&saved).unwrap());
    assert_eq!(saved, again, "restore+save must be byte-identical");
}

#[test]
fn one_bad_scalar_does_not_refuse_the_plan() {
    let input = r#"{"format":"yaodian-plan","version":"1","id":"p1",
      "doc":{"year":"2025","title":"T","issuer":null},
      "convention":"sideways",
      "body":{"numbering":"zigzag","preface":["依据", 7],
        "items":[
          {"id":"i1","level":300,"title":5,"numbered":"true",
           "task":{"lead":"应急局","deadline":null}},
          42,
          {"id":"i2","level":1,"title":"乙","origin":{"status":"maybe"},
           "children":[{"id":"i3","level":2,"title":"丙","task":"x"}]}],
        "tables":[{"items":[{"id":"r1","level":"3","title":"清单行"}]}]},
      "doc2":{"kept":true}}"#;
    let r = restore_report(input).expect("repaired, not refused");
    let p = &r.plan;
    assert_eq!(p.doc.year, Some(2025));
    assert_eq!(p.doc.title, "T");
    let i1 = &p.body.items[0];
    assert_eq!((i1.level, i1.title.as_str(), i1.numbered), (5, "5", true));
    assert_eq!(i1.task.as_ref().unwrap().lead, ["应急局"]);
    assert_eq!(p.body.items.len(), 2, "the unreadable 42 is not an item");
    assert_eq!(p.body.items[1].title, "乙");
    assert_eq!(p.body.items[1].children[0].title, "丙");
    assert!(p.body.items[1].children[0].task.is_none());
    assert_eq!(p.body.preface, ["依据", "7"]);
    assert_eq!(p.body.tables[0].items[0].level, 3);
    // Nothing is lost: what could not be read is kept and written back.
    let saved = save(p);
    for kept in ["sideways", "zigzag", "maybe", "42", "\"x\"", "doc2"] {
        assert!(saved.contains(kept), "{kept} lost:\n{saved}");
    }
    // Every repair is listed, in Chinese, naming the place.
    let all = r.repairs.join("\n");
    for part in [
        "格式版本",
        "文件信息的“年份”",
        "“层级”原为300，已改为5",
        "“标题”原为5",
        "“sideways”无法识别",
        "正文第2项不是有效的条目",
        "正文第3项之下第1项的“任务”格式不对",
        "正文的“开头段落”原为[\"依据\",7]",
        "任务清单1第1项的“层级”",
        "的来源的“状态”",
    ] {
        assert!(all.contains(part), "{part} missing in:\n{all}");
    }
    assert!(
        !all.contains("invalid") && !all.contains("expected"),
        "no serde English: {all}"
    );
    // The repaired file reads clean and stays byte-identical.
    let again = restore_report(&saved).unwrap();
    assert!(again.repairs.is_empty(), "{:?}", again.repairs);
    assert_eq!(save(&again.plan), saved);
}

#[test]
fn restore_refuses_more_json_nodes_than_the_limit() {
    // The limit holds for every restore (storage, export worker, files), not only imports.
    let max = crate::limits::MAX_JSON_NODES;
    let items = |n: usize| {
        format!(
            "{{\"format\":\"yaodian-plan\",\"version\":1,\"body\":{{\"items\":[{}{{}}]}}}}",
            "{},".repeat(n)
        )
    };
    // The envelope, `body` and `items` are three; the last `{}` is one more.
    assert_eq!(
        restore(&items(max - 3)).map(|_| ()),
        Err(RestoreError::TooLarge { max })
    );
    assert!(restore(&items(max - 4)).is_ok());
    let message = RestoreError::TooLarge { max }.to_string();
    assert!(
        message.contains("600000") && message.contains("JSON"),
        "{message}"
    );
}
