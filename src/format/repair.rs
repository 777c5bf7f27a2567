//! Field-by-field repair of a plan file that does not read as a whole: the tolerant half of
//! `restore`, in the manner of Excalidraw's `restore.ts`.
//!
//! Owns the schema walk over the JSON value (which keys hold nested plan structures), the
//! coercions (`"2025"` → 2025, 300 → a number the field can hold, a scalar → text), and the
//! Chinese wording of each repair. What cannot be read is moved, as it was, under the key
//! [`UNREADABLE`] of the object it was in, so a later save writes it back and nothing is lost.
//! Deliberately does not own the envelope, migrations or ids (see the parent module).

use crate::model::Plan;
use serde_json::{json, Map, Value};

/// The key under which values that could not be read are kept, per object.
pub const UNREADABLE: &str = "_unreadable";

type Obj = Map<String, Value>;
type Fix = fn(&mut Obj, &str, &mut Vec<String>);
/// Puts an object where its structure sits in a plan, so that reading a `Plan` reads it: one
/// reader for every check (a reader per structure type would add tens of KB to the wasm).
type Wrap = fn(Value) -> Value;

/// How a key holds a nested plan structure.
#[derive(Clone, Copy)]
enum Nested {
    /// One structure (`doc`, `body`).
    One(Fix),
    /// A structure or null (`task`, `template`).
    Opt(Fix),
    /// A list of structures; the text names one, `{}` standing for its number.
    Many(Fix, &'static str),
}

/// Repair the plan object in place; every repair is described in `out`.
pub fn plan(o: &mut Obj, out: &mut Vec<String>) {
    fix_plan(o, "", out);
}

fn fix_plan(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| v,
        &[
            ("doc", Nested::One(fix_doc)),
            ("body", Nested::One(fix_body)),
            ("attachments", Nested::Many(fix_attachment, "附件{}")),
            ("units", Nested::One(fix_registry)),
            ("template", Nested::Opt(fix_template)),
            ("revisions", Nested::Many(fix_revision, "版本记录第{}条")),
            ("feedback", Nested::One(fix_feedback)),
        ],
        out,
    );
}

fn fix_template(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix_plan(o, place, out)
}

fn fix_doc(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(o, place, |v| json!({ "doc": v }), &[], out)
}

fn fix_body(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "body": v }),
        &[
            ("items", Nested::Many(fix_item, "第{}项")),
            ("tables", Nested::Many(fix_table, "任务清单{}")),
        ],
        out,
    )
}

fn fix_attachment(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "attachments": [v] }),
        &[("body", Nested::One(fix_body))],
        out,
    )
}

fn fix_table(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "body": { "tables": [v] } }),
        &[("items", Nested::Many(fix_item, "第{}项"))],
        out,
    )
}

fn fix_item(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "body": { "items": [v] } }),
        &[
            ("task", Nested::Opt(fix_task)),
            ("origin", Nested::Opt(fix_origin)),
            ("children", Nested::Many(fix_item, "之下第{}项")),
        ],
        out,
    )
}

fn fix_registry(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "units": v }),
        &[("units", Nested::Many(fix_unit, "第{}个单位"))],
        out,
    )
}

fn fix_feedback(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "feedback": v }),
        &[("replies", Nested::Many(fix_reply, "回复第{}条"))],
        out,
    )
}

fn fix_task(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "body": { "items": [{ "task": v }] } }),
        &[],
        out,
    )
}

fn fix_origin(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "body": { "items": [{ "origin": v }] } }),
        &[],
        out,
    )
}

fn fix_revision(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(o, place, |v| json!({ "revisions": [v] }), &[], out)
}

fn fix_unit(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(o, place, |v| json!({ "units": { "units": [v] } }), &[], out)
}

fn fix_reply(o: &mut Obj, place: &str, out: &mut Vec<String>) {
    fix(
        o,
        place,
        |v| json!({ "feedback": { "replies": [v] } }),
        &[],
        out,
    )
}

/// Where a nested key sits, as the user reads it.
fn place_of(place: &str, key: &str) -> String {
    let name = match key {
        "doc" => "文件信息",
        "body" if place.is_empty() => "正文",
        "body" => "",
        "units" if place.is_empty() => "单位库",
        "units" => "",
        "template" => "市级模板",
        "feedback" => "反馈",
        "task" => "的任务",
        "origin" => "的来源",
        _ => "",
    };
    format!("{place}{name}")
}

fn label(key: &str) -> &str {
    match key {
        "id" => "编号",
        "level" => "层级",
        "numbered" => "是否编号",
        "title" => "标题",
        "text" => "正文",
        "year" => "年份",
        "name" => "名称",
        "lead" => "牵头单位",
        "coop" => "配合单位",
        "deadline" => "完成时限",
        "note" => "备注",
        "status" => "状态",
        "reason" => "理由",
        "numbering" => "编号方式",
        "convention" => "责任单位读法",
        "kind" => "类别",
        "decision" => "意见",
        "state" => "处理状态",
        "preface" => "开头段落",
        "caption" => "表题",
        "columns" => "表头",
        "aliases" => "别名",
        "time" | "received" => "时间",
        "issuer" => "发文机关",
        "doc_number" => "发文字号",
        "notice_title" => "通知标题",
        "recipients" => "主送机关",
        "cover_text" => "通知正文",
        "signature" => "署名",
        "date" => "成文日期",
        "publish_note" => "公开方式",
        "cc" => "抄送",
        "printer" => "印发机关",
        "print_date" => "印发日期",
        "task" => "任务",
        "origin" => "来源",
        "children" => "下级条目",
        "items" => "条目",
        "tables" => "任务清单",
        "attachments" => "附件",
        "units" => "单位库",
        "template" => "市级模板",
        "revisions" => "版本记录",
        "feedback" => "反馈",
        "replies" => "反馈回复",
        "template_item" => "模板条目",
        "units_text" => "责任单位原文",
        "generic" => "泛指单位",
        other => other,
    }
}

/// A value as shown in a message: short, on one line.
fn show(v: &Value) -> String {
    let s = match v {
        Value::String(s) => format!("“{s}”"),
        Value::Null => "空值（null）".into(),
        Value::Bool(true) => "“是”".into(),
        Value::Bool(false) => "“否”".into(),
        other @ (Value::Array(_) | Value::Object(_)) => other.to_string(),
        other => other.to_string(),
    };
    crate::parse::report::excerpt(&s, 30)
}

fn where_(place: &str) -> String {
    if place.is_empty() {
        "文件".into()
    } else {
        place.into()
    }
}

/// Keep `v` under [`UNREADABLE`] of `o`, named `key`.
fn stash(o: &mut Obj, key: &str, v: Value) {
    let slot = o
        .entry(UNREADABLE)
        .or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        let old = std::mem::replace(slot, Value::Object(Map::new()));
        if let Value::Object(m) = slot {
            m.insert("_".into(), old);
        }
    }
    if let Value::Object(m) = slot {
        let mut name = key.to_string();
        while m.contains_key(&name) {
            name.push('\'');
        }
        m.insert(name, v);
    }
}

fn reads_as(wrap: Wrap, key: &str, v: &Value) -> bool {
    let mut m = Map::new();
    m.insert(key.to_string(), v.clone());
    // Through text and `Plan`, the one reader `restore` has anyway.
    serde_json::from_str::<Plan>(&wrap(Value::Object(m)).to_string()).is_ok()
}

/// A number as its JSON text. `Number`'s `Display` formats floats with the standard library's
/// float printing (≈ 9 KB gzip in the wasm); serde_json's writer has its own, already there.
fn number_text(n: &serde_json::Number) -> String {
    Value::Number(n.clone()).to_string()
}

/// Values `v` could stand for, most faithful first.
fn coercions(v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    match v {
        Value::String(s) => {
            let t = s.trim();
            if let Ok(n) = t.parse::<i64>() {
                out.push(Value::from(n));
            } else if let Ok(n) = serde_json::from_str::<serde_json::Number>(t) {
                // serde_json's own number syntax: `str::parse::<f64>` would add 14 KB of wasm.
                out.push(Value::Number(n));
            }
            match t {
                "true" | "是" => out.push(Value::Bool(true)),
                "false" | "否" => out.push(Value::Bool(false)),
                _ => {}
            }
            out.push(Value::Array(vec![v.clone()]));
        }
        Value::Number(n) => {
            if let Some(f) = n.as_f64() {
                let r = f.round();
                for (lo, hi) in [(0.0, 5.0), (0.0, 255.0), (i32::MIN as f64, i32::MAX as f64)] {
                    out.push(Value::from(r.clamp(lo, hi) as i64));
                }
            }
            out.push(Value::String(number_text(n)));
        }
        Value::Bool(b) => out.push(Value::String(b.to_string())),
        Value::Array(a) => {
            let texts = a
                .iter()
                .filter_map(|x| match x {
                    Value::String(s) => Some(Value::String(s.clone())),
                    Value::Number(n) => Some(Value::String(number_text(n))),
                    Value::Bool(b) => Some(Value::String(b.to_string())),
                    _ => None,
                })
                .collect();
            out.push(Value::Array(texts));
        }
        Value::Null | Value::Object(_) => {}
    }
    out
}

/// Repair the object `o` (which `wrap` places in a plan), with `nested` keys handled
/// recursively.
fn fix(o: &mut Obj, place: &str, wrap: Wrap, nested: &[(&str, Nested)], out: &mut Vec<String>) {
    let keys: Vec<String> = o.keys().filter(|k| *k != UNREADABLE).cloned().collect();
    for key in keys {
        if let Some((_, how)) = nested.iter().find(|(k, _)| *k == key) {
            fix_nested(o, &key, *how, place, out);
            continue;
        }
        let Some(v) = o.get(&key) else { continue };
        if reads_as(wrap, &key, v) {
            continue;
        }
        let v = o.remove(&key).unwrap_or_default();
        let at = format!("{}的“{}”", where_(place), label(&key));
        if v.is_null() {
            out.push(format!("{at}是空值（null），已按未填写处理。"));
            continue;
        }
        match coercions(&v).into_iter().find(|c| reads_as(wrap, &key, c)) {
            Some(c) => {
                out.push(format!("{at}原为{}，已改为{}。", show(&v), show(&c)));
                o.insert(key, c);
            }
            None => {
                out.push(format!(
                    "{at}的值{}无法识别，已按未填写处理；原值保留在文件中。",
                    show(&v)
                ));
                stash(o, &key, v);
            }
        }
    }
}

fn fix_nested(o: &mut Obj, key: &str, how: Nested, place: &str, out: &mut Vec<String>) {
    let here = place_of(place, key);
    let Some(v) = o.get_mut(key) else { return };
    match (how, v) {
        (Nested::Opt(_), Value::Null) => {}
        (Nested::One(f) | Nested::Opt(f), Value::Object(m)) => f(m, &here, out),
        (Nested::Many(f, name), Value::Array(list)) => {
            let mut bad = Vec::new();
            let mut kept = Vec::new();
            for (n, mut x) in std::mem::take(list).into_iter().enumerate() {
                let at = format!("{place}{}", name.replace("{}", &(n + 1).to_string()));
                match &mut x {
                    Value::Object(m) => {
                        f(m, &at, out);
                        kept.push(x);
                    }
                    _ => {
                        out.push(format!(
                            "{at}不是有效的条目（{}），已略过；原值保留在文件中。",
                            show(&x)
                        ));
                        bad.push((n, x));
                    }
                }
            }
            *list = kept;
            for (n, x) in bad {
                stash(o, &format!("{key}[{n}]"), x);
            }
        }
        (_, v) => {
            let v = std::mem::take(v);
            o.remove(key);
            if v.is_null() {
                out.push(format!(
                    "{}的“{}”是空值（null），已按未填写处理。",
                    where_(place),
                    label(key)
                ));
            } else {
                out.push(format!(
                    "{}的“{}”格式不对（{}），已按未填写处理；原值保留在文件中。",
                    where_(place),
                    label(key),
                    show(&v)
                ));
                stash(o, key, v);
            }
        }
    }
}
