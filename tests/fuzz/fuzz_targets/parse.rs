//! Fuzz the text parser: any UTF-8 string must parse without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = yaodian::parse::parse_text(text, &yaodian::parse::ParseOptions::default());
    let _ = yaodian::format::save(&parsed.plan);
});
