//! What a fingerprint covers (docs/json-contract.md, Rules): a result's
//! `package.fingerprint` covers the base, the municipality's own overlay and
//! the linked packages, nothing else; `base_fingerprint` the base without any
//! overlay; the bundle's `fingerprint` member the whole file.

mod common;

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

use std::collections::BTreeMap;

use rules_core::{Date, Options, Package};
use serde_json::{json, Value};

fn h4() -> Value {
    fuzz_checks::documents().swap_remove(1)
}

fn h4_answers() -> Value {
    let case: Value =
        serde_json::from_str(&common::read(&common::norms_dir().join("h4/cases/21-delft-2024.json"))).unwrap();
    case["answers"].clone()
}

/// Per municipality (`-` for none): the result's (fingerprint, base_fingerprint).
fn result_fingerprints(doc: &Value, answers: &Value, date: &str) -> BTreeMap<String, (Value, Value)> {
    let package = Package::from_value(doc.clone()).unwrap();
    let mut out = BTreeMap::new();
    let municipalities: Vec<Option<String>> =
        std::iter::once(None).chain(package.municipalities.iter().map(|m| Some(m.id.clone()))).collect();
    for m in municipalities {
        let options = Options { date: Date::parse(date).unwrap(), municipality: m.clone() };
        let result: Value = serde_json::from_str(
            &rules_core::evaluate_to_json(&package, &rules_core::AnswerValue::from(answers), &options, false).unwrap(),
        )
        .unwrap();
        let p = &result["package"];
        out.insert(m.unwrap_or("-".into()), (p["fingerprint"].clone(), p["base_fingerprint"].clone()));
    }
    out
}

fn changed(a: &BTreeMap<String, (Value, Value)>, b: &BTreeMap<String, (Value, Value)>) -> Vec<String> {
    a.keys().filter(|k| a[*k] != b[*k]).cloned().collect()
}

#[test]
fn editing_one_overlay_changes_only_that_municipalitys_fingerprint() {
    let before_doc = h4();
    let answers = h4_answers();
    let before = result_fingerprints(&before_doc, &answers, "2024-01-01");
    assert!(before.len() >= 5, "{before:?}");

    let mut after_doc = before_doc.clone();
    after_doc["overlays"]["westland"]["values"]["boodschappen_doen"]["amount"] = json!(50);
    let after = result_fingerprints(&after_doc, &answers, "2024-01-01");
    assert_eq!(changed(&before, &after), ["westland"]);
    // Westland's base is still the same shared base.
    assert_eq!(before["westland"].1, after["westland"].1);
    // The bundle's own fingerprint covers the whole file, every overlay.
    let (a, b) = (Package::from_value(before_doc.clone()).unwrap(), Package::from_value(after_doc).unwrap());
    assert_ne!(a.fingerprint, b.fingerprint);

    // Without an overlay (no municipality) the result names the base itself.
    assert_eq!(before["-"].0, before["delft"].1);
    assert_eq!(before["-"].1, Value::Null);
    assert_ne!(before["delft"].0, before["westland"].0);
}

#[test]
fn editing_the_base_changes_every_fingerprint() {
    let before_doc = h4();
    let answers = h4_answers();
    let before = result_fingerprints(&before_doc, &answers, "2024-01-01");
    let mut after_doc = before_doc.clone();
    after_doc["description"] = json!("Anders beschreven.");
    let after = result_fingerprints(&after_doc, &answers, "2024-01-01");
    assert_eq!(changed(&before, &after).len(), before.len());
    for (m, (fp, base)) in &after {
        assert_ne!(*fp, before[m].0, "{m}");
        if m != "-" && base.is_string() {
            assert_ne!(*base, before[m].1, "{m}");
        }
    }
}

fn fixture(name: &str) -> Value {
    let path = common::norms_dir().join(format!("../tests/conformance/fixtures/{name}/package.json"));
    serde_json::from_str(&common::read(&path)).unwrap()
}

#[test]
fn a_linked_packages_overlays_are_covered_only_where_they_apply() {
    // `nieuw` links `regio` (transition rule); regio has an overlay for municipality a.
    let assemble = |regio: Value| {
        let mut doc = fixture("nieuw");
        doc["linked"] = json!({ "regio": regio });
        Package::from_value(doc).unwrap()
    };
    let regio = fixture("regio");
    let mut edited = regio.clone();
    edited["overlays"]["a"]["how_to_apply"] = json!("Bel een ander nummer.");
    let (a, b) = (assemble(regio.clone()), assemble(edited.clone()));
    // nieuw's own results do not depend on regio's overlays...
    assert_eq!(a.applied_fingerprint, b.applied_fingerprint);
    assert_ne!(a.fingerprint, b.fingerprint);
    // ...but a client sent to regio in municipality a gets regio's overlay, and its fingerprint.
    let answers = json!({"heeft_indicatie": true, "indicatie_startdatum": "2019-05-01", "kamers": 1, "alleen": true});
    let options = Options { date: Date::parse("2024-06-01").unwrap(), municipality: Some("a".into()) };
    let fp = |p: &Package| {
        let v: Value = serde_json::from_str(
            &rules_core::evaluate_to_json(p, &rules_core::AnswerValue::from(&answers), &options, false).unwrap(),
        )
        .unwrap();
        assert_eq!(v["package"]["id"], "regio");
        (v["package"]["fingerprint"].clone(), v["transition"]["from"]["fingerprint"].clone())
    };
    let (fa, fb) = (fp(&a), fp(&b));
    assert_ne!(fa.0, fb.0);
    assert_eq!(fa.1, fb.1);
    assert_eq!(fa.1, Value::String(a.applied_fingerprint.clone()));
    // The base fingerprint of regio's overlay package is regio without overlays.
    let regio_alone = Package::from_value(regio).unwrap();
    assert_eq!(
        regio_alone.for_municipality("a").unwrap().overlay.as_ref().unwrap().base_fingerprint,
        regio_alone.applied_fingerprint
    );
}
