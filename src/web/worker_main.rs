//! Inside the export worker: answer `{id, op: "export", format, plan, unit, taskTable}` with
//! `{id, ok, bytes, name, mime, ms}` (or `{id, ok: false, error}`). Runs the pure exporters,
//! so a large export never freezes the page. The worker runs the app's own wasm (cached
//! already); the exporters live in the same lazily loaded chunk as the screens, which the
//! page has fetched before any export button exists, so the worker finds it in the cache.
//!
//! Owns the message protocol on the worker side; the page side is `web::worker`.

use crate::app::screens::{NotLoaded, NOT_LOADED};
use crate::export::{self, Format, Options};
use js_sys::{Object, Reflect, Uint8Array};
use leptos::wasm_split::wasm_split;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    Reflect::get(obj, &key.into())
        .ok()
        .and_then(|v| v.as_string())
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &key.into(), &value.into());
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// One export request, read from the message before the exporters load.
pub struct Request {
    id: JsValue,
    plan: String,
    format: String,
    unit: Option<String>,
    task_table: bool,
}

impl Request {
    fn read(data: &JsValue) -> Self {
        Self {
            id: Reflect::get(data, &"id".into()).unwrap_or(JsValue::NULL),
            plan: get_str(data, "plan").unwrap_or_default(),
            format: get_str(data, "format").unwrap_or_default(),
            unit: get_str(data, "unit").filter(|u| !u.is_empty()),
            task_table: Reflect::get(data, &"taskTable".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
        }
    }
}

/// A file made by the exporters: bytes, file name, MIME type.
pub type Made = Result<(Vec<u8>, String, &'static str), String>;

/// The exporters' split point: the screens chunk, loaded by the worker on its first request.
/// (One chunk for screens and exporters is 5 KB gzip smaller than two plus their shared part.)
#[wasm_split(screens, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn make(req: &Request) -> Result<Made, NotLoaded> {
    Ok(make_file(req))
}

fn make_file(req: &Request) -> Made {
    let plan = crate::format::restore(&req.plan).map_err(|e| e.to_string())?;
    let unit = req.unit.as_deref();
    if let Some(kind) = req.format.strip_prefix("feedback-") {
        return feedback_file(&plan, kind, unit);
    }
    if export::tracking::is_request(&req.format) {
        return export::tracking::make(&plan, &req.format, unit);
    }
    let format = Format::from_extension(&req.format).ok_or("未知的导出格式")?;
    let options = Options {
        unit: req.unit.clone(),
        task_table: req.task_table,
    };
    let bytes = export::export(&plan, format, &options)?;
    Ok((
        bytes,
        export::file_name_for(&plan, format, &options),
        format.mime(),
    ))
}

/// Handle one request; returns the response object.
async fn handle(req: Request) -> Object {
    let out = Object::new();
    set(&out, "id", req.id.clone());
    let t0 = now();
    let result = make(&req)
        .await
        .unwrap_or_else(|NotLoaded| Err(NOT_LOADED.to_string()));
    match result {
        Ok((bytes, name, mime)) => {
            set(&out, "ok", true);
            set(&out, "bytes", Uint8Array::from(bytes.as_slice()));
            set(&out, "name", name);
            set(&out, "mime", mime);
        }
        Err(e) => {
            set(&out, "ok", false);
            set(&out, "error", e);
        }
    }
    set(&out, "ms", now() - t0);
    out
}

/// A feedback file for one unit or all units (`kind` is `xlsx` or `json`).
fn feedback_file(plan: &crate::model::Plan, kind: &str, unit: Option<&str>) -> Made {
    let who = unit.map_or("各单位".to_string(), |u| plan.units.name(u).to_string());
    let name = |ext: &str| {
        crate::web::files::safe_name(&format!("{}意见反馈表（{who}）", plan.doc.title), ext)
    };
    match kind {
        "xlsx" => Ok((
            crate::sync::feedback::export_xlsx(plan, unit)?,
            name("xlsx"),
            Format::Xlsx.mime(),
        )),
        _ => Ok((
            crate::sync::feedback::export_json(plan, unit).into_bytes(),
            name("json"),
            "application/json",
        )),
    }
}

/// Install the message handler.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let req = Request::read(&ev.data());
            let reply_to = reply_to.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let out = handle(req).await;
                let transfer = js_sys::Array::new();
                if let Ok(bytes) = Reflect::get(&out, &"bytes".into()) {
                    if let Some(b) = bytes.dyn_ref::<Uint8Array>() {
                        transfer.push(&b.buffer());
                    }
                }
                let _ = reply_to.post_message_with_transfer(&out, &transfer);
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before this point were dropped: tell the page we listen now.
    let ready = Object::new();
    set(&ready, "ready", true);
    let _ = scope.post_message(&ready);
}
