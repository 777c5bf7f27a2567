//! Files in and out of the browser: reading a picked or dropped file, and downloads.
//!
//! Owns the Blob/URL plumbing. Deliberately returns bytes and leaves understanding them to
//! `parse::import_bytes`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes of a File.
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "无法读取该文件。".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The file chosen in a file input. The input is cleared, so choosing the same file again
/// fires again.
pub fn chosen(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// Every file chosen in a (multiple) file input; the input is cleared.
pub fn chosen_all(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let list = input.files();
    let out = list
        .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    out
}

/// Read a chosen or dropped file, then hand on its name and bytes (or the reason it failed).
pub fn read_then(
    file: web_sys::File,
    done: impl FnOnce(String, Result<Vec<u8>, String>) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = read(&file).await;
        done(file.name(), bytes);
    });
}

/// Offer `bytes` as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|_| "无法生成文件。".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "无法生成下载链接。".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("页面不可用")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "页面不可用")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name from a plan title (see `export::safe_file_name`).
pub fn safe_name(title: &str, ext: &str) -> String {
    crate::export::safe_file_name(title, ext)
}
