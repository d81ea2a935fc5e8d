//! Every combination of answers to the KPMG package against an independent
//! computation straight from domain.md §4.1 (hours per year per dwelling).

mod common;

use rules_core::{evaluate, Answers, Date, Options};
use serde_json::json;

fn ceil_div(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

#[test]
fn all_5292_answer_combinations_give_the_norm() {
    let package = common::kpmg();
    let options = Options { date: Date::parse("2025-01-01").unwrap(), municipality: None };
    let mut n = 0;
    for em in [false, true] {
        for (b, extra) in [("geen", 0), ("enig", 26), ("veel", 52)] {
            for sh in [false, true] {
                for kin in 0..=20i64 {
                    for kniet in 0..=20i64 {
                        let hours =
                            108 - if em { 23 } else { 0 } + extra + if sh { 26 } else { 0 } + 16 * kin + 4 * kniet;
                        let year = hours * 60;
                        let value = json!({
                            "eigen_mogelijkheden": em, "beperkingen": b, "samenstelling_huishouden": sh,
                            "extra_kamers_in_gebruik": kin, "extra_kamers_niet_in_gebruik": kniet,
                        });
                        let answers = Answers::from_json(&package, &rules_core::AnswerValue::from(&value)).unwrap();
                        let ind = evaluate(&package, &answers, &options).unwrap();
                        assert_eq!(ind.total, year, "{value}");
                        let out: serde_json::Value =
                            serde_json::from_str(&rules_core::output::to_json(&ind, false)).unwrap();
                        assert_eq!(out["total"]["minutes_per_week"], ceil_div(year, 52), "{value}");
                        assert_eq!(out["total"]["minutes_per_period"], ceil_div(year, 13), "{value}");
                        assert_eq!(out["areas"][0]["minutes_per_year"], year);
                        n += 1;
                    }
                }
            }
        }
    }
    assert_eq!(n, 5292);
}

#[test]
fn json_output_has_the_documented_shape() {
    let package = common::kpmg();
    let value = json!({"eigen_mogelijkheden": true, "beperkingen": "veel", "samenstelling_huishouden": false,
                       "extra_kamers_in_gebruik": 2, "extra_kamers_niet_in_gebruik": 0});
    let json = rules_core::evaluate_to_json(
        &package,
        &rules_core::AnswerValue::from(&value),
        &Options { date: Date::parse("2024-05-01").unwrap(), municipality: Some("almere".into()) },
        true,
    )
    .unwrap();
    assert!(json.starts_with("{\"contract\":2,\"package\":{\"id\":\"kpmg-2019\",\"title\":"), "{json}");
    let out: serde_json::Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<&str> = out.as_object().unwrap().keys().map(String::as_str).collect();
    // serde_json's map is sorted; the order in the text is checked by position below.
    for k in ["contract", "package", "date", "engine", "total", "areas", "trace", "explanation", "warnings"] {
        assert!(keys.contains(&k));
    }
    let pos = |k: &str| json.find(&format!("\"{k}\":")).unwrap();
    assert!(pos("package") < pos("date") && pos("date") < pos("engine") && pos("engine") < pos("total"));
    assert!(pos("total") < pos("areas") && pos("areas") < pos("trace") && pos("trace") < pos("warnings"));
    assert_eq!(out["package"]["municipality"], "almere");
    assert_eq!(out["date"], "2024-05-01");
    assert_eq!(out["engine"]["name"], "urenwijzer");
    // Trace: base, veel, rooms, reduction; running totals in exact minutes per year.
    let trace = out["trace"].as_array().unwrap();
    let rules: Vec<&str> = trace.iter().map(|s| s["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["basis", "beperkingen_veel", "extra_kamers_in_gebruik", "eigen_mogelijkheden"]);
    let totals: Vec<i64> = trace.iter().map(|s| s["total"].as_i64().unwrap()).collect();
    assert_eq!(totals, [6480, 9600, 11520, 10140]);
    assert_eq!(trace[2]["count"], 2);
    assert_eq!(trace[2]["answers"]["extra_kamers_in_gebruik"], 2);
    assert_eq!(trace[3]["change"], -1380);
    assert_eq!(trace[1]["sources"][0]["document"], "mz-hbel-normenkader");
    // Each sentence names the trace step or area it explains.
    let explanation = out["explanation"].as_array().unwrap();
    let reduction = explanation.iter().find(|s| s["text"].as_str().unwrap().contains("Daarom gaat er 23 uur per jaar"));
    assert_eq!(reduction.unwrap()["step"], 3);
    assert_eq!(reduction.unwrap()["kind"], "step");
    assert_eq!(reduction.unwrap()["area"], trace[3]["area"]);
    let kinds: Vec<&str> = explanation.iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["step", "step", "step", "step", "area", "note"]);
    assert_eq!(explanation[4]["area"], out["areas"][0]["id"]);
    assert_eq!(explanation[4]["step"], serde_json::Value::Null);
    // 10140 / 52 = 195 minutes per week; shown as 195 (a whole quarter hour).
    assert_eq!(out["total"]["minutes_per_week"], 195);
    assert_eq!(out["total"]["display_minutes_per_week"], 195);
    // Without trace the numbers are identical and trace/explanation are empty.
    let lean = rules_core::evaluate_to_json(
        &package,
        &rules_core::AnswerValue::from(&value),
        &Options { date: Date::parse("2024-05-01").unwrap(), municipality: Some("almere".into()) },
        false,
    )
    .unwrap();
    let lean: serde_json::Value = serde_json::from_str(&lean).unwrap();
    assert_eq!(lean["total"], out["total"]);
    assert_eq!(lean["trace"], json!([]));
    assert_eq!(lean["warnings"], out["warnings"]);
}
