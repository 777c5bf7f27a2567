//! Entry point of the web app: mounts `yaodian::app::App` on a page, or answers export
//! requests when started as the export worker. Natively it only points to the CLI.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The same wasm runs the page and, started by it, the export worker.
    if yaodian::web::in_worker() {
        yaodian::web::worker_main::start();
    } else {
        yaodian::app::mount();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Yaodian is a web app: build it with `make run`. For the command line use `yaodian-cli`."
    );
}
