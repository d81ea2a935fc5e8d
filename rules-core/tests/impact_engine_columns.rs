//! The column-wise figures-only engine (`impact::engine_columns`) gives every
//! household the same minutes as the household-by-household one
//! (`impact::engine`), whatever the chunk size.

mod common;

use rules_core::impact::engine;
use rules_core::impact::engine_columns::{minutes_per_year_columns, AnswerColumns};
use rules_core::{Answers, Date};
use serde_json::json;

#[test]
fn columns_equal_the_household_engine_for_every_kpmg_combination() {
    let package = common::kpmg();
    let version = package.version_for(Date::parse("2025-01-01").unwrap()).unwrap();
    let mut all = Vec::new();
    for em in [false, true] {
        for b in ["geen", "enig", "veel"] {
            for sh in [false, true] {
                for kin in 0..=20i64 {
                    for kniet in 0..=20i64 {
                        let value = json!({
                            "eigen_mogelijkheden": em, "beperkingen": b, "samenstelling_huishouden": sh,
                            "extra_kamers_in_gebruik": kin, "extra_kamers_niet_in_gebruik": kniet,
                        });
                        all.push(Answers::from_json(&package, &rules_core::AnswerValue::from(&value)).unwrap());
                    }
                }
            }
        }
    }
    let expected: Vec<i64> = all.iter().map(|a| engine::minutes_per_year(version, a).unwrap()).collect();
    for chunk in [1, 7, 1000, all.len()] {
        let mut got = Vec::new();
        let mut out = Vec::new();
        for part in all.chunks(chunk) {
            let mut columns = AnswerColumns::new(package.questions.len());
            part.iter().for_each(|a| columns.push(a));
            assert_eq!(columns.len(), part.len());
            minutes_per_year_columns(version, &columns, &mut out).unwrap();
            got.extend_from_slice(&out);
        }
        assert_eq!(got, expected, "chunk {chunk}");
    }
    // An empty chunk gives nothing.
    let mut out = vec![1];
    minutes_per_year_columns(version, &AnswerColumns::new(package.questions.len()), &mut out).unwrap();
    assert!(out.is_empty());
}

/// Haarlem's two norms: choice-free but with an `ask_if`, absent answers,
/// minimums and per-item rules.
#[test]
fn columns_equal_the_household_engine_for_haarlem() {
    let read =
        |p: &str| -> serde_json::Value { serde_json::from_str(&common::read(&common::norms_dir().join(p))).unwrap() };
    for (path, date) in [("haarlem-ciz/package.json", "2020-06-01"), ("haarlem-2021/package.json", "2025-01-01")] {
        let mut doc = read(path);
        if path.starts_with("haarlem-2021") {
            // Its transition rule links the CIZ norm.
            doc["linked"] = json!({ "haarlem-ciz": read("haarlem-ciz/package.json") });
        }
        let package = rules_core::Package::from_value(doc).unwrap();
        let version = package.version_for(Date::parse(date).unwrap()).unwrap();
        let mut all = Vec::new();
        for volwassen in [false, true] {
            for kan in [false, true] {
                for kinderen in 0..=3i64 {
                    for kamers in 1..=6i64 {
                        for strijken in [false, true] {
                            let mut value = json!({
                                "heeft_indicatie": false, "volwassen_huisgenoot": volwassen,
                                "kinderen_onder_5": kinderen, "kinderen_5_tot_12": (kinderen + 1) % 3,
                                "kinderen_13_tot_17": kinderen / 2, "slaapkamers_in_gebruik": kamers,
                                "kan_zelf_strijken": strijken,
                            });
                            if volwassen {
                                value["huisgenoot_kan_huishouden_doen"] = json!(kan);
                            }
                            // Keep only the questions this package asks.
                            let map = value.as_object_mut().unwrap();
                            map.retain(|k, _| package.question_index(k).is_some());
                            if let Ok(a) = Answers::from_json(&package, &rules_core::AnswerValue::from(&value)) {
                                all.push(a);
                            }
                        }
                    }
                }
            }
        }
        assert!(all.len() > 100, "{path}: {} households", all.len());
        let expected: Vec<i64> = all.iter().map(|a| engine::minutes_per_year(version, a).unwrap()).collect();
        let mut columns = AnswerColumns::new(package.questions.len());
        all.iter().for_each(|a| columns.push(a));
        let mut out = Vec::new();
        minutes_per_year_columns(version, &columns, &mut out).unwrap();
        assert_eq!(out, expected, "{path}");
    }
}
