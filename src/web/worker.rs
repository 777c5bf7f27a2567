//! The page side of the export worker: started on first use, one request at a time per id,
//! answered through a promise. If the worker cannot start, the user is told, nothing else
//! changes.
//!
//! Owns the Worker object and the pending requests. The protocol is in `web::worker_main`.

use js_sys::{Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker script sits next to the app's JavaScript (in the build's hashed folder, which
/// `boot.js` names in `data-js`); it runs the app's own wasm and fetches the exporters chunk.
fn worker_url() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let js = doc
        .query_selector("script[data-js]")
        .ok()??
        .get_attribute("data-js")?;
    let base = web_sys::Url::new_with_base(&js, &doc.base_uri().ok()??).ok()?;
    Some(
        web_sys::Url::new_with_base("worker.js", &base.href())
            .ok()?
            .href(),
    )
}

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static PENDING: RefCell<HashMap<u32, (js_sys::Function, js_sys::Function)>> = RefCell::new(HashMap::new());
    static NEXT: RefCell<u32> = const { RefCell::new(1) };
    /// Requests waiting for the worker to say it is ready.
    static QUEUE: RefCell<Option<Vec<Object>>> = const { RefCell::new(Some(Vec::new())) };
}

/// Post now if the worker listens, else queue until it says `ready`.
fn send(w: &web_sys::Worker, msg: Object) -> Result<(), String> {
    let queued = QUEUE.with(|q| match q.borrow_mut().as_mut() {
        Some(queue) => {
            queue.push(msg.clone());
            true
        }
        None => false,
    });
    if queued {
        return Ok(());
    }
    w.post_message(&msg)
        .map_err(|_| "无法把计划发送给导出组件。".to_string())
}

fn fail_all(message: &str) {
    let pending: Vec<_> = PENDING.with(|p| p.borrow_mut().drain().map(|(_, v)| v).collect());
    for (_, reject) in pending {
        let _ = reject.call1(&JsValue::NULL, &message.into());
    }
    WORKER.with(|w| *w.borrow_mut() = None);
    QUEUE.with(|q| *q.borrow_mut() = Some(Vec::new()));
}

fn worker() -> Result<web_sys::Worker, String> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let w = worker_url()
        .and_then(|url| web_sys::Worker::new_with_options(&url, &options).ok())
        .ok_or_else(|| "无法启动导出组件。".to_string())?;
    let for_ready = w.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            if Reflect::get(&data, &"ready".into())
                .ok()
                .and_then(|v| v.as_bool())
                == Some(true)
            {
                for msg in QUEUE.with(|q| q.borrow_mut().take()).unwrap_or_default() {
                    let _ = for_ready.post_message(&msg);
                }
                return;
            }
            let id = Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u32;
            if let Some((resolve, _)) = PENDING.with(|p| p.borrow_mut().remove(&id)) {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
    w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| {
        fail_all("导出组件加载失败（文件缺失或被浏览器拦截）。请刷新页面后重试；若仍失败，请联系系统管理员检查部署的文件是否完整。");
    });
    w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
    Ok(w)
}

/// A finished export.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub name: String,
    pub mime: String,
    /// Time spent exporting inside the worker.
    pub ms: f64,
}

/// Export the plan (in file form) in the worker.
pub async fn export(
    plan_json: String,
    format: &str,
    unit: Option<String>,
    task_table: bool,
) -> Result<Exported, String> {
    let w = worker()?;
    let id = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n
    });
    let msg = Object::new();
    for (k, v) in [
        ("op", JsValue::from("export")),
        ("format", format.into()),
        ("plan", plan_json.into()),
        ("unit", unit.unwrap_or_default().into()),
        ("taskTable", task_table.into()),
        ("id", id.into()),
    ] {
        let _ = Reflect::set(&msg, &k.into(), &v);
    }
    let promise = Promise::new(&mut |resolve, reject| {
        PENDING.with(|p| p.borrow_mut().insert(id, (resolve, reject)));
    });
    send(&w, msg)?;
    let data = JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "导出失败。".into()))?;
    let get = |k: &str| Reflect::get(&data, &k.into()).ok();
    if get("ok").and_then(|v| v.as_bool()) != Some(true) {
        return Err(get("error")
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "导出失败。".into()));
    }
    let bytes = get("bytes")
        .and_then(|v| v.dyn_into::<Uint8Array>().ok())
        .map(|a| a.to_vec())
        .unwrap_or_default();
    Ok(Exported {
        bytes,
        name: get("name").and_then(|v| v.as_string()).unwrap_or_default(),
        mime: get("mime").and_then(|v| v.as_string()).unwrap_or_default(),
        ms: get("ms").and_then(|v| v.as_f64()).unwrap_or(0.0),
    })
}
