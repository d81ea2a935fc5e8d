//! Replays the fuzz corpus kept in `tests/fuzz_regressions/<target>/`
//! (minimised by `scripts/fuzz.sh`, plus every crash the fuzzer found) through
//! the same checks the `cargo fuzz` targets run: no panic, only documented
//! codes, and each input ends with the code recorded in `expected.json`
//! (`"ok"` when it loads and evaluates). `UPDATE_FUZZ_EXPECTED=1 cargo test
//! --test fuzz_regressions` rewrites `expected.json` from what the inputs give
//! now (after adding inputs; check the diff).

mod common;

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

use std::collections::BTreeMap;
use std::path::PathBuf;

#[test]
fn fuzz_regressions_end_with_their_recorded_code() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let expected: BTreeMap<String, String> =
        serde_json::from_str(&common::read(&dir.join("expected.json"))).expect("expected.json");
    let update = std::env::var_os("UPDATE_FUZZ_EXPECTED").is_some();
    let mut got_all = BTreeMap::new();
    let mut seen = 0;
    for target in ["load_package", "expression", "answers", "compiled"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(target)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let key = format!("{target}/{}", file.file_name().unwrap().to_string_lossy());
            let data = std::fs::read(&file).unwrap();
            let got = match target {
                "load_package" => fuzz_checks::load_package(&data),
                "expression" => fuzz_checks::expression(&data),
                "compiled" => fuzz_checks::compiled(&data),
                _ => fuzz_checks::answers(&data),
            }
            .unwrap_or("ok");
            got_all.insert(key.clone(), got.to_string());
            if update {
                continue;
            }
            assert_eq!(Some(got), expected.get(&key).map(String::as_str), "{key}");
            seen += 1;
        }
    }
    if update {
        let text = serde_json::to_string_pretty(&got_all).unwrap();
        std::fs::write(dir.join("expected.json"), format!("{text}\n")).unwrap();
        return;
    }
    assert_eq!(seen, expected.len(), "every entry of expected.json has its file");
}
