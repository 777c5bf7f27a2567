//! Copying a text to the clipboard (`navigator.clipboard.writeText`), through `Reflect` so no
//! more web-sys features are compiled in.
//!
//! Owns only the call. Deliberately leaves the fallback (selecting the text for Ctrl+C) to the
//! caller, which has the element.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Write `text` to the clipboard; false when the browser has no clipboard here (an insecure
/// http:// intranet page, a refused permission).
pub async fn copy(text: &str) -> bool {
    let global = js_sys::global();
    let clipboard = Reflect::get(&global, &"navigator".into())
        .and_then(|n| Reflect::get(&n, &"clipboard".into()))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let Some(write) = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return false;
    };
    match write.call1(&clipboard, &JsValue::from_str(text)) {
        Ok(p) => match p.dyn_into::<Promise>() {
            Ok(p) => JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}
