//! Answers JSON evaluated against every real package (overlays, transition), every municipality, several dates.
#![no_main]

#[path = "../../rules-core/tests/common/fuzz_checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = checks::answers(data);
});
