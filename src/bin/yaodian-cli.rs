//! `yaodian-cli`: the native command line. All logic lives in `yaodian::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = yaodian::cli::run(
        &args,
        &mut std::io::stdin(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
