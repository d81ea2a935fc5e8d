//! A compiled bundle (`.uwb` bytes, body hash set right): refused with a documented code, or loaded, linted and evaluated; never a panic.
#![no_main]

#[path = "../../rules-core/tests/common/fuzz_checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = checks::compiled(data);
});
