//! A package document (JSON text): refused with a documented code naming an element, or loaded, linted and evaluated.
#![no_main]

#[path = "../../rules-core/tests/common/fuzz_checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = checks::load_package(data);
});
