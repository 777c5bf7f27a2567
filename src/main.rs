//! Entry point of the web app: mounts `yaodian::app::App`. Natively it only points to the CLI.

#[cfg(target_arch = "wasm32")]
fn main() {
    yaodian::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Yaodian is a web app: build it with `make run`. For the command line use `yaodian-cli`."
    );
}
