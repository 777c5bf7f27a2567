//! The browser layer: everything that touches browser APIs outside Leptos. wasm32 only.
//!
//! Owns randomness for ids and text decoding through the built-in `TextDecoder` (GB18030 at
//! no bundle cost); `storage` (localStorage), `files` (reading files, downloads) and the export
//! worker (`worker` on the page, `worker_main` inside it); `clipboard` (copying a text).
//! Deliberately small and free of document logic.

pub mod clipboard;
pub mod files;
pub mod storage;
pub mod worker;
pub mod worker_main;

/// True when this wasm runs as the export worker, not on the page.
pub fn in_worker() -> bool {
    use wasm_bindgen::JsCast;
    js_sys::global()
        .dyn_into::<web_sys::DedicatedWorkerGlobalScope>()
        .is_ok()
}

/// A random seed for id generation (crypto quality is not needed: ids need only differ).
pub fn random_seed() -> u64 {
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let t = js_sys::Date::now() as u64;
    (a << 32) ^ b ^ t.rotate_left(21)
}

/// Decode GB18030/GBK bytes with the browser's TextDecoder (fatal on invalid input).
pub fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Make a measured duration visible to the browser benchmark (`window.__yaodian_timings`).
pub fn record_timing(name: &str, ms: f64) {
    let Some(w) = web_sys::window() else { return };
    let key = wasm_bindgen::JsValue::from_str("__yaodian_timings");
    let obj = js_sys::Reflect::get(&w, &key)
        .ok()
        .filter(|v| v.is_object())
        .unwrap_or_else(|| js_sys::Object::new().into());
    let _ = js_sys::Reflect::set(&obj, &name.into(), &ms.into());
    let _ = js_sys::Reflect::set(&w, &key, &obj);
}

/// Milliseconds from a monotonic clock.
pub fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
