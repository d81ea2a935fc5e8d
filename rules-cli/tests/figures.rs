//! Figures only (`rules_core::figures`, `engine.figures` in the browser
//! build) give the numbers of the full indication: for every case of every
//! package under norms/ and every fixture in tests/conformance/fixtures/,
//! `urenwijzer conformance --figures` against `urenwijzer conformance
//! --no-trace`: each minute figure, each cost figure, the class, the number
//! of warnings and the transition are equal, and a refused case gives the
//! same error object.

use std::path::Path;

mod common;
use common::package_dirs;

use serde_json::Value;

/// (case name, output JSON) per line of `urenwijzer conformance`.
fn conformance(dir: &Path, flags: &[&str]) -> Vec<(String, Value)> {
    common::conformance(dir, flags)
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            (
                line["case"].as_str().unwrap().to_string(),
                serde_json::from_str(line["output"].as_str().unwrap()).unwrap(),
            )
        })
        .collect()
}

const MINUTES: [&str; 4] = ["minutes_per_week", "minutes_per_period", "minutes_per_year", "display_minutes_per_week"];

fn same_minutes(full: &Value, figures: &Value, what: &str) {
    for key in MINUTES {
        assert_eq!(full[key], figures[key], "{what}: {key}");
    }
}

#[test]
fn figures_equal_the_full_indication_for_every_case() {
    let dirs = package_dirs();
    assert!(dirs.len() >= 7, "norms and fixtures: {dirs:?}");
    let (mut evaluated, mut refused, mut with_class) = (0, 0, 0);
    for dir in &dirs {
        let full = conformance(dir, &["--no-trace"]);
        let figures = conformance(dir, &["--figures"]);
        assert_eq!(full.len(), figures.len(), "{}", dir.display());
        for ((case, f), (case2, n)) in full.iter().zip(&figures) {
            let what = format!("{} {case}", dir.display());
            assert_eq!(case, case2, "{what}");
            if f.get("code").is_some() {
                assert_eq!(f, n, "{what}: the same error object");
                refused += 1;
                continue;
            }
            evaluated += 1;
            same_minutes(&f["total"], &n["total"], &what);
            let areas = f["areas"].as_array().unwrap();
            assert_eq!(areas.len(), n["areas"].as_array().unwrap().len(), "{what}");
            for (a, b) in areas.iter().zip(n["areas"].as_array().unwrap()) {
                same_minutes(a, b, &what);
            }
            let cost = &f["cost"];
            assert_eq!(cost["cents_per_period"], n["cents_per_period"], "{what}");
            assert_eq!(cost["cents_per_year"], n["cents_per_year"], "{what}");
            assert_eq!(cost["contribution"]["cents_per_year"], n["contribution_cents_per_year"], "{what}");
            assert_eq!(f["warnings"].as_array().unwrap().len() as u64, n["warnings"].as_u64().unwrap(), "{what}");
            assert_eq!(!f["transition"].is_null(), n["transition"].as_bool().unwrap(), "{what}");
            // Which class the index names is checked in rules-core/tests/tariffs.rs.
            let shown = &cost["class"]["id"];
            assert_eq!(shown.is_null(), n["class"].is_null(), "{what}: class");
            with_class += usize::from(!shown.is_null());
        }
    }
    assert!(evaluated >= 80 && refused >= 30, "only {evaluated} evaluated and {refused} refused cases");
    assert!(with_class >= 1, "no case with a tariff class");
}
