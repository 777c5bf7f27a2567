//! Restore forgives: any one value anywhere in a good plan file replaced by anything of another
//! type still restores, the repair is reported in Chinese, and the repaired file then reads clean
//! and saves byte-identically.

use proptest::prelude::*;
use serde_json::Value;
use yaodian::edit::draft;
use yaodian::format::{restore_report, save};
use yaodian::model::IdGen;

/// A drafted plan (with its template, origins, tasks, units) as a JSON value.
fn good() -> Value {
    static GOOD: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    GOOD.get_or_init(|| {
        let template = yaodian::sample::sample_plan(1).plan;
        let plan = draft::from_template(&template, &mut IdGen::new(7));
        serde_json::from_str(&save(&plan)).unwrap()
    })
    .clone()
}

/// Paths (object keys / array indices) to every value below the root, envelope excluded.
fn paths(v: &Value, at: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if at.is_empty() && (k == "format" || k == "version") {
                    continue;
                }
                at.push(Value::from(k.as_str()));
                out.push(at.clone());
                paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(Value::from(i));
                out.push(at.clone());
                paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn slot<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match k {
        Value::String(k) => &mut v[k.as_str()],
        k => &mut v[k.as_u64().unwrap() as usize],
    })
}

fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        "[a-z0-9年月]{0,8}".prop_map(Value::from),
        Just(serde_json::json!([1, "二", null, {"x": 1}])),
        Just(serde_json::json!({"unknown": [1, 2]})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_one_bad_value_is_repaired_not_refused(pick in any::<prop::sample::Index>(), bad in odd_value()) {
        let mut v = good();
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let path = pick.get(&all).clone();
        *slot(&mut v, &path) = bad;
        let text = v.to_string();
        let r = restore_report(&text).unwrap_or_else(|e| panic!("refused ({e}) after {path:?}"));
        for m in &r.repairs {
            prop_assert!(!m.contains("invalid") && !m.contains("expected"), "{}", m);
        }
        let saved = save(&r.plan);
        let again = restore_report(&saved).unwrap();
        prop_assert!(again.repairs.is_empty(), "{:?} after {:?}", again.repairs, path);
        prop_assert_eq!(save(&again.plan), saved);
    }
}
