//! What one fuzz input must satisfy, shared by the `cargo fuzz` targets in
//! `fuzz/fuzz_targets/` (which include this file by path) and the stable
//! regression test `rules-core/tests/fuzz_regressions.rs`, which replays the
//! minimised corpus kept in `rules-core/tests/fuzz_regressions/`.
//!
//! Each check takes raw bytes, never panics on its own account, and panics
//! (so the fuzzer reports a crash) only when the core panics or returns an
//! error code that `docs/errors.md` does not document. It returns the error
//! code the input ended with, or `None` when everything loaded and evaluated.
#![allow(dead_code)]

use std::sync::OnceLock;

use rules_core::AnswerValue;
use rules_core::{Date, Error, Options, Package, ERROR_CODES};
use serde_json::{json, Value};

const KPMG: &str = include_str!("../../../norms/kpmg-2019/package.json");
const H4: &str = include_str!("../../../norms/h4/package.json");
const H4_OVERLAYS: &[(&str, &str)] = &[
    ("delft", include_str!("../../../norms/h4/overlays/delft.json")),
    ("midden-delfland", include_str!("../../../norms/h4/overlays/midden-delfland.json")),
    ("rijswijk", include_str!("../../../norms/h4/overlays/rijswijk.json")),
    ("westland", include_str!("../../../norms/h4/overlays/westland.json")),
];
const HAARLEM: &str = include_str!("../../../norms/haarlem-2021/package.json");
const HAARLEM_CIZ: &str = include_str!("../../../norms/haarlem-ciz/package.json");

/// Answers that make every KPMG rule reachable.
pub fn kpmg_answers() -> Value {
    json!({"eigen_mogelijkheden": false, "beperkingen": "veel", "samenstelling_huishouden": true,
        "extra_kamers_in_gebruik": 3, "extra_kamers_niet_in_gebruik": 2})
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// The real packages as the CLI assembles them (overlays and linked packages inline).
pub fn documents() -> Vec<Value> {
    let mut h4 = parse(H4);
    let overlays: serde_json::Map<String, Value> =
        H4_OVERLAYS.iter().map(|(m, text)| (m.to_string(), parse(text))).collect();
    h4["overlays"] = Value::Object(overlays);
    let mut haarlem = parse(HAARLEM);
    haarlem["linked"] = json!({ "haarlem-ciz": parse(HAARLEM_CIZ) });
    vec![parse(KPMG), h4, haarlem]
}

fn packages() -> &'static [Package] {
    static PACKAGES: OnceLock<Vec<Package>> = OnceLock::new();
    PACKAGES.get_or_init(|| documents().into_iter().filter_map(|d| Package::from_value(d).ok()).collect())
}

/// Panics unless `e` has a documented code.
fn documented(e: &Error) -> &'static str {
    let code = e.code();
    assert!(ERROR_CODES.contains(&code), "undocumented error code {code}: {e:?}");
    code
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("a valid date")
}

/// Everything a loaded package offers: lints, description, and an evaluation
/// with `answers` for every municipality on a few dates.
pub fn exercise(package: &Package, answers: &AnswerValue) -> Option<&'static str> {
    let _ = rules_core::lint::lint(package);
    let _ = rules_core::describe::info(package);
    let _ = rules_core::describe::questions(package);
    let mut last = None;
    let municipalities: Vec<Option<String>> =
        std::iter::once(None).chain(package.municipalities.iter().map(|m| Some(m.id.clone()))).collect();
    for day in ["2016-01-01", "2021-06-01", "2024-01-01"] {
        for municipality in &municipalities {
            let options = Options { date: date(day), municipality: municipality.clone() };
            let _ = rules_core::describe::asked_on(package, answers, &options);
            for e in rules_core::eval::problems_on(package, answers, &options) {
                documented(&e);
            }
            for trace in [true, false] {
                match rules_core::evaluate_to_json(package, answers, &options, trace) {
                    Ok(text) => assert!(text.starts_with('{')),
                    Err(e) => last = Some(documented(&e)),
                }
            }
        }
    }
    last
}

/// A package document as bytes: loads with a coded error naming a path or position, or
/// loads and evaluates.
pub fn load_package(data: &[u8]) -> Option<&'static str> {
    let Ok(text) = std::str::from_utf8(data) else { return None };
    match Package::load(text) {
        Ok(p) => exercise(&p, &kpmg_answers().into()),
        Err(e) => {
            // Either the element (path) or, for a text that does not read, where in the text.
            assert!(e.path().is_some() || e.line().is_some(), "a package error names its element or position: {e:?}");
            Some(documented(&e))
        }
    }
}

/// An expression as bytes: parsed on its own, then placed as a rule's
/// condition and amount in the KPMG package, loaded and evaluated.
pub fn expression(data: &[u8]) -> Option<&'static str> {
    let Ok(text) = std::str::from_utf8(data) else { return None };
    let _ = rules_core::expr::parse(text);
    let mut last = None;
    for (field, rule) in [("when", 1), ("amount", 4)] {
        let mut doc = parse(KPMG);
        doc["versions"][0]["areas"][0]["rules"][rule][field] = Value::String(text.to_string());
        match Package::from_value(doc) {
            Ok(p) => last = exercise(&p, &kpmg_answers().into()).or(last),
            Err(e) => {
                assert!(e.path().is_some(), "{e:?}");
                last = Some(documented(&e));
            }
        }
    }
    last
}

/// Answers JSON as bytes, evaluated against every real package.
pub fn answers(data: &[u8]) -> Option<&'static str> {
    // The strict reader, numbers as written: what the CLI and the browser read answers with.
    let Ok(answers) = rules_core::input::json::read_answers(data, "(fuzz)") else { return None };
    let mut last = None;
    for p in packages() {
        last = exercise(p, &answers).or(last);
    }
    last
}

/// A compiled bundle (`.uwb`) as bytes, its body hash set right first (so
/// the decoder, not the hash check, meets every mutation): refused with a
/// documented code, or loaded and evaluated.
pub fn compiled(data: &[u8]) -> Option<&'static str> {
    use sha2::Digest;
    let mut bytes = data.to_vec();
    if bytes.len() >= 70 {
        let hash = sha2::Sha256::digest(&bytes[70..]);
        bytes[38..70].copy_from_slice(&hash);
    }
    match Package::load_compiled(&bytes) {
        Ok(p) => exercise(&p, &kpmg_answers().into()),
        Err(e) => Some(documented(&e)),
    }
}

/// The compiled bundles of the real packages (seeds for mutation).
pub fn compiled_bundles() -> Vec<Vec<u8>> {
    packages().iter().filter_map(|p| rules_core::compiled::to_bytes(p).ok()).collect()
}
