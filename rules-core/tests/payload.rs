//! The browser's payload and template (`output::to_payload`, `output::template`)
//! give back the canonical indication: over every case of every real package
//! (with and without trace), each part id in the payload replaced by the
//! template's part is the JSON of `evaluate_to_json`. The bytes (key order
//! included) are checked where the wrapper assembles them: the conformance
//! suite compares `JSON.stringify(engine.evaluate(…))` with the CLI in Node
//! and Chromium.

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

use std::collections::HashMap;

use rules_core::cases::Case;
use rules_core::{output, Package};
use serde_json::Value;

/// Every part of every version of `pkg`, by id, fetched as the wrapper does.
fn parts_for(pkg: &Package, payload: &Value, parts: &mut HashMap<u64, Value>) {
    let mut need = |v: &Value| {
        if let Some(id) = v.as_u64() {
            if !parts.contains_key(&id) {
                let template: Value =
                    serde_json::from_str(&output::template(pkg, id as u32).expect("a part id of this package"))
                        .unwrap();
                let start = template["start"].as_u64().unwrap();
                for (i, part) in template["parts"].as_array().unwrap().iter().enumerate() {
                    parts.insert(start + i as u64, part.clone());
                }
                assert!(parts.contains_key(&id), "template of {id} holds it");
            }
        }
    };
    need(&payload["package"]);
    need(&payload["engine"]);
    need(&payload["cost"]["tariff"]);
    need(&payload["cost"]["contribution"][0]);
    for step in payload["trace"].as_array().unwrap() {
        if step.is_array() {
            need(&step[0]);
        } else {
            need(&step["label"]);
            need(&step["condition"]);
            need(&step["sources"]);
        }
    }
    for w in payload["warnings"].as_array().unwrap() {
        need(w);
    }
    for sentence in payload["explanation"].as_array().unwrap() {
        need(&sentence[3][0]);
    }
}

/// The payload with each id in its places replaced by its part.
fn assemble(mut payload: Value, parts: &HashMap<u64, Value>) -> Value {
    let put = |v: &mut Value| {
        if let Some(id) = v.as_u64() {
            *v = parts[&id].clone();
        }
    };
    put(&mut payload["package"]);
    put(&mut payload["engine"]);
    if payload["cost"].is_object() {
        put(&mut payload["cost"]["tariff"]);
        // A contribution `[id, cents_per_year]` or `[id, cents_per_year, exemption]`: the part's keys first.
        if let Some(k) = payload["cost"]["contribution"].as_array().cloned() {
            let mut c = parts[&k[0].as_u64().unwrap()].as_object().unwrap().clone();
            c.insert("cents_per_year".into(), k[1].clone());
            if let Some(e) = k.get(2) {
                c.insert("exemption".into(), e.clone());
            }
            payload["cost"]["contribution"] = Value::Object(c);
        }
    }
    for step in payload["trace"].as_array_mut().unwrap() {
        if let Some(s) = step.as_array().cloned() {
            // `[head id, answers, count, unit_amount, change, total]`, the head `[area, rule, kind, label, condition, sources]`.
            let head = &parts[&s[0].as_u64().unwrap()];
            *step = serde_json::json!({
                "area": head[0], "rule": head[1], "kind": head[2], "label": head[3], "condition": head[4],
                "answers": s[1], "count": s[2], "unit_amount": s[3], "change": s[4], "total": s[5], "sources": head[5],
            });
        } else {
            put(&mut step["label"]);
            put(&mut step["condition"]);
            put(&mut step["sources"]);
        }
    }
    for w in payload["warnings"].as_array_mut().unwrap() {
        put(w);
    }
    // A sentence is `[kind, step, area, text]`, a text with a pre-rendered start `[head id, rest]`.
    for sentence in payload["explanation"].as_array_mut().unwrap() {
        let s = sentence.as_array().unwrap().clone();
        let text = match s[3].as_array().map(Vec::as_slice) {
            Some([head, rest]) => {
                Value::String(format!("{}{}", parts[&head.as_u64().unwrap()].as_str().unwrap(), rest.as_str().unwrap()))
            }
            _ => s[3].clone(),
        };
        *sentence = serde_json::json!({"kind": s[0], "step": s[1], "area": s[2], "text": text});
    }
    payload
}

fn cases_of(id: &str) -> Vec<Case> {
    let dir = fuzz_checks_norms().join(id).join("cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|f| Case::read(&std::fs::read(f).unwrap(), &f.display().to_string()).unwrap()).collect()
}

fn fuzz_checks_norms() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("norms")
}

#[test]
fn payload_and_template_give_the_canonical_indication() {
    let mut checked = 0;
    for doc in fuzz_checks::documents() {
        let pkg = Package::from_value(doc).expect("a real package loads");
        let mut parts = HashMap::new();
        for case in cases_of(&pkg.id) {
            let options = case.options().unwrap();
            for trace in [true, false] {
                let full = rules_core::evaluate_to_json(&pkg, &case.answers, &options, trace);
                let payload = rules_core::evaluate_to_payload(&pkg, &case.answers, &options, trace);
                match (full, payload) {
                    (Ok(full), Ok(payload)) => {
                        assert!(payload.len() < full.len(), "{}: the payload is smaller", case.description);
                        let payload: Value = serde_json::from_str(&payload).unwrap();
                        parts_for(&pkg, &payload, &mut parts);
                        let full: Value = serde_json::from_str(&full).unwrap();
                        assert_eq!(assemble(payload, &parts), full, "{}: {}", pkg.id, case.description);
                        checked += 1;
                    }
                    (Err(a), Err(b)) => assert_eq!(a.to_object().code, b.to_object().code),
                    (a, b) => panic!("{}: {a:?} vs {b:?}", case.description),
                }
            }
        }
    }
    assert!(checked > 20, "{checked} indications checked");
}

#[test]
fn each_version_holds_one_range_of_part_ids() {
    for doc in fuzz_checks::documents() {
        let pkg = Package::from_value(doc).expect("a real package loads");
        let mut all = Vec::new();
        let mut stack = vec![&pkg];
        while let Some(p) = stack.pop() {
            for v in &p.versions {
                let template: Value = serde_json::from_str(&output::template(&pkg, v.json.ids.start).unwrap()).unwrap();
                assert_eq!(template["start"].as_u64(), Some(u64::from(v.json.ids.start)));
                assert_eq!(template["parts"].as_array().unwrap().len(), v.json.ids.len());
                all.push(v.json.ids.clone());
            }
            stack.extend(p.overlays.iter().chain(&p.linked));
        }
        all.sort_by_key(|r| r.start);
        assert_eq!(all[0].start, 0);
        for pair in all.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "{}: ids run on without gaps or overlaps", pkg.id);
        }
        assert!(output::template(&pkg, all.last().unwrap().end).is_none());
    }
}

#[test]
fn a_string_after_a_prerendered_one_is_their_join() {
    for (head, tail) in [("", ""), ("a \"b\"\n", "c\u{1}\\ × é"), ("Door uw beperking.", " Daarom 26 uur.")] {
        let mut joined = rules_core::json_out::JsonOut::default();
        joined.str(&format!("{head}{tail}"));
        let mut after = rules_core::json_out::JsonOut::default();
        after.str_after(&rules_core::json_out::to_string(head), tail);
        assert_eq!(after.finish(), joined.finish());
    }
}
