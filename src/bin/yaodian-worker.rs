//! The export worker (wasm32 only): all logic lives in `yaodian::web::worker_main`.

#[cfg(target_arch = "wasm32")]
fn main() {
    yaodian::web::worker_main::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("yaodian-worker runs in the browser as a Web Worker.");
}
