//! Fuzz the file format: any string must restore or give an error, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(plan) = yaodian::format::restore(text) {
        let saved = yaodian::format::save(&plan);
        assert!(yaodian::format::restore(&saved).is_ok());
    }
});
