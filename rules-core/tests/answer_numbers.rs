//! Numbers in answers are read as written (`docs/package-format.md`): whole
//! if the exact value is whole, a fraction refused however close to whole,
//! an out-of-range number quoted as written however large.

use rules_core::input::json;
use rules_core::{Date, Error, Options, Package};

fn kpmg() -> Package {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../norms/kpmg-2019/package.json")).unwrap();
    Package::load(&text).unwrap()
}

fn options() -> Options {
    Options { date: Date::parse("2024-01-01").unwrap(), municipality: None }
}

/// kpmg-2019's answers with `extra_kamers_in_gebruik` (0..=20) written as `rooms`.
fn evaluate(package: &Package, rooms: &str, extra: &str) -> Result<String, Error> {
    let text = format!(
        r#"{{"eigen_mogelijkheden": false, "beperkingen": "geen", "samenstelling_huishouden": false,
            "extra_kamers_in_gebruik": {rooms}, "extra_kamers_niet_in_gebruik": 0{extra}}}"#
    );
    let answers = json::read_answers(text.as_bytes(), "antwoorden.json")?;
    rules_core::evaluate_to_json(package, &answers, &options(), true)
}

#[test]
fn whole_numbers_however_written_give_the_same_indication() {
    let p = kpmg();
    let two = evaluate(&p, "2", "").unwrap();
    for literal in ["2.0", "2e0", "20e-1", "0.2E1", "2.000"] {
        assert_eq!(evaluate(&p, literal, "").unwrap(), two, "{literal}");
    }
    assert_eq!(evaluate(&p, "-0", "").unwrap(), evaluate(&p, "0", "").unwrap());
}

#[test]
fn a_fraction_is_wrong_type_however_close_to_whole() {
    let p = kpmg();
    for literal in ["2.5", "1.00000000000000001", "1e-400", "-0.5"] {
        let e = evaluate(&p, literal, "").unwrap_err();
        assert_eq!((e.code(), e.question()), ("wrong_type", Some("extra_kamers_in_gebruik")), "{literal}");
        assert!(e.to_string().contains("een heel getal zonder komma"), "{e}");
    }
}

#[test]
fn out_of_range_quotes_the_number_as_written() {
    let p = kpmg();
    for literal in ["21", "-1", "2.1e1", "100000000000000000000", "1e400", "-1e400", "9223372036854775808"] {
        let e = evaluate(&p, literal, "").unwrap_err();
        assert_eq!((e.code(), e.question()), ("out_of_range", Some("extra_kamers_in_gebruik")), "{literal}");
        assert_eq!(e.to_object().detail.as_deref(), Some(literal), "{e}");
        assert!(e.to_string().contains(literal), "{e}");
    }
    // A long literal is shortened as every quoted value is.
    let long = format!("1{}", "0".repeat(100));
    let e = evaluate(&p, &long, "").unwrap_err();
    assert_eq!(e.to_object().detail, Some(format!("{}…", &long[..40])));
}

#[test]
fn a_number_as_start_date_is_echoed_as_written() {
    let p = kpmg();
    for literal in ["1e400", "2.50", "20240101"] {
        let e = evaluate(&p, "0", &format!(r#", "indicatie_startdatum": {literal}"#)).unwrap_err();
        assert_eq!(e.code(), "invalid_date", "{literal}");
        assert_eq!(e.to_object().detail.as_deref(), Some(literal), "{e}");
    }
}
