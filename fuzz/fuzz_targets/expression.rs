//! An expression: parsed, then used as a rule's condition and amount in the KPMG package, loaded and evaluated.
#![no_main]

#[path = "../../rules-core/tests/common/fuzz_checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = checks::expression(data);
});
