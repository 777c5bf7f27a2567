//! Fuzz the file import (.docx zip, JSON, text in any encoding): bytes in, no panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let none = |_: &[u8]| None;
    let _ = yaodian::parse::import_bytes(bytes, &none, &yaodian::parse::ParseOptions::default());
});
