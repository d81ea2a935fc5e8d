//! The checking page's report: load errors, lints and case results.

mod common;

use rules_core::check;
use serde_json::{json, Value};

#[test]
fn reports_cases_lints_and_load_errors() {
    let doc: Value = serde_json::from_str(&common::read(&common::norms_dir().join("kpmg-2019/package.json"))).unwrap();
    let package = check::load(doc.clone());
    let good = json!({"description": "basis", "date": "2024-01-01", "answers": {"eigen_mogelijkheden": false, "beperkingen": "geen",
        "samenstelling_huishouden": false, "extra_kamers_in_gebruik": 0, "extra_kamers_niet_in_gebruik": 0},
        "expect": {"total": {"minutes_per_week": 125}}});
    let mut wrong = good.clone();
    wrong["expect"]["total"]["minutes_per_week"] = json!(124);
    let cases =
        vec![("goed.json".to_string(), good), ("fout.json".to_string(), wrong), ("kapot.json".to_string(), json!([]))];
    let report = serde_json::to_value(check::report(package.as_ref().map_err(Clone::clone), &cases)).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["cases"][0]["ok"], true);
    assert_eq!(report["cases"][1]["ok"], false);
    assert!(report["cases"][1]["problems"][0].as_str().unwrap().contains("verwacht 124"));
    assert_eq!(report["cases"][2]["ok"], false);
    assert_eq!(report["package"]["id"], "kpmg-2019");
    // No source here holds Almere's contact details, so none are invented: a lint says so.
    assert_eq!(report["lints"].as_array().unwrap().len(), 1);
    assert_eq!(report["lints"][0]["code"], "no_contact");
    assert_eq!(report["lints"][0]["path"], "municipalities[almere].contact");

    let mut broken = doc;
    broken["versions"][0]["areas"][0]["rules"][1]["when"] = json!("beperkingen == 'weinig'");
    let package = check::load(broken);
    let report = serde_json::to_value(check::report(package.as_ref().map_err(Clone::clone), &[])).unwrap();
    assert_eq!(report["error"]["code"], "invalid_expression");
    assert!(report["error"]["path"].as_str().unwrap().ends_with("rules[beperkingen_enig].when"));
}
