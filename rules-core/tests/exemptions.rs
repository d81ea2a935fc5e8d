//! Contribution exemptions (issue 9): optional questions that may be
//! skipped, the exemption making the contribution 0 with its citation, the
//! standard contribution with a note when it cannot be decided, the checks
//! at load, and the compiled bundle giving the same bytes.

use rules_core::{evaluate_to_json, Date, Options, Package};
use serde_json::{json, Value};

fn package() -> Value {
    json!({
        "format": "urenwijzer-package/1", "id": "regio", "title": "Regionorm",
        "municipalities": [{"id": "a", "name": "Gemeente A"}],
        "sources": [{"id": "s", "title": "Bron"}],
        "topics": [{"id": "t", "title": "Onderwerp"}, {"id": "b", "title": "Bijdrage"}],
        "questions": [
            {"id": "kamers", "type": "number", "topic": "t", "label": "Kamers?", "min": 0, "max": 30},
            {"id": "laag_inkomen", "type": "yes_no", "topic": "b", "label": "Laag inkomen?", "optional": true},
            {"id": "inkomen_procent", "type": "number", "topic": "b", "label": "Procent van het minimum?",
             "min": 0, "max": 1000, "optional": true, "ask_if": "laag_inkomen"}
        ],
        "contributions": [
            {"valid_from": "2020-01-01", "cents": 1900, "per": "month", "label": "Abonnementstarief",
             "source": {"document": "s", "locator": "p. 2"},
             "exemptions": [
                {"id": "minima", "when": "laag_inkomen and inkomen_procent <= 120",
                 "label": "uw inkomen is laag.", "source": {"document": "s", "locator": "art. 7"}},
                {"id": "voorlopig", "when": "kamers >= 20", "label": "u heeft veel kamers.", "provisional": "voorbeeld"}
             ]}
        ],
        "versions": [
            {"version": "1", "valid_from": "2020-01-01", "valid_from_source": {"document": "s", "locator": "p. 0"},
             "status": "vastgesteld",
             "values": {
                "basis": {"amount": 100, "unit": "minutes_per_week", "label": "Basis", "source": {"document": "s", "locator": "p. 1"}},
                "per_kamer": {"amount": 10, "unit": "minutes_per_week", "label": "Per kamer", "source": {"document": "s", "locator": "p. 1"}}},
             "areas": [{"id": "huis", "title": "Schoon huis", "rules": [
                {"id": "basis", "kind": "base", "label": "Basis", "amount": "basis"},
                {"id": "kamer", "kind": "surcharge", "label": "Per kamer", "amount": "per_kamer", "per": "kamers"}]}]}
        ]
    })
}

fn eval(p: &Package, answers: Value) -> Result<Value, rules_core::Error> {
    let options = Options { date: Date::parse("2024-06-01").unwrap(), municipality: None };
    evaluate_to_json(p, &rules_core::AnswerValue::from(&answers), &options, true)
        .map(|s| serde_json::from_str(&s).unwrap())
}

fn codes(v: &Value) -> Vec<&str> {
    v["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect()
}

#[test]
fn skipped_optional_questions_give_the_standard_contribution_with_a_note() {
    let p = Package::from_value(package()).unwrap();
    let out = eval(&p, json!({"kamers": 2})).unwrap();
    assert_eq!(out["cost"]["contribution"]["cents_per_year"], 22_800);
    assert!(out["cost"]["contribution"].get("exemption").is_none());
    assert_eq!(codes(&out), ["standard_contribution"]);
    // Yes to the first, the follow-up skipped: still undecided.
    let out = eval(&p, json!({"kamers": 2, "laag_inkomen": true})).unwrap();
    assert_eq!(codes(&out), ["standard_contribution"]);
    assert_eq!(out["cost"]["contribution"]["cents_per_year"], 22_800);
}

#[test]
fn answered_no_gives_the_standard_contribution_without_a_note() {
    let p = Package::from_value(package()).unwrap();
    // The follow-up is not asked after "no": not skipped, so decided.
    let out = eval(&p, json!({"kamers": 2, "laag_inkomen": false})).unwrap();
    assert_eq!(out["cost"]["contribution"]["cents_per_year"], 22_800);
    assert!(codes(&out).is_empty(), "{:?}", codes(&out));
    let out = eval(&p, json!({"kamers": 2, "laag_inkomen": true, "inkomen_procent": 121})).unwrap();
    assert!(codes(&out).is_empty());
}

#[test]
fn an_exemption_makes_the_contribution_zero_and_says_which_with_its_citation() {
    let p = Package::from_value(package()).unwrap();
    let out = eval(&p, json!({"kamers": 2, "laag_inkomen": true, "inkomen_procent": 120})).unwrap();
    let c = &out["cost"]["contribution"];
    assert_eq!(c["cents_per_year"], 0);
    assert_eq!(c["cents"], 1900, "the standard amount stays, for showing what is waived");
    assert_eq!(
        c["exemption"],
        json!({"id": "minima", "label": "uw inkomen is laag.", "document": "s", "title": "Bron", "locator": "art. 7"})
    );
    assert_eq!(codes(&out), ["contribution_exemption"]);
    assert_eq!(out["warnings"][0]["items"], json!(["minima"]));
    // Minutes never depend on an optional question.
    let standard = eval(&p, json!({"kamers": 2, "laag_inkomen": false})).unwrap();
    assert_eq!(out["total"], standard["total"]);
    // Another exemption applies although the first one was skipped; a provisional one warns as money.
    let out = eval(&p, json!({"kamers": 20})).unwrap();
    assert_eq!(out["cost"]["contribution"]["exemption"]["provisional"], "voorbeeld");
    assert_eq!(codes(&out), ["provisional_money", "contribution_exemption"]);
    assert_eq!(out["warnings"][0]["items"], json!(["contribution_exemption"]));
}

#[test]
fn an_optional_question_is_never_missing_but_still_checked() {
    let p = Package::from_value(package()).unwrap();
    let e = eval(&p, json!({"kamers": 2, "laag_inkomen": "ja"})).unwrap_err();
    assert_eq!((e.code(), e.question()), ("wrong_type", Some("laag_inkomen")));
    let e = eval(&p, json!({"kamers": 2, "laag_inkomen": false, "inkomen_procent": 100})).unwrap_err();
    assert_eq!((e.code(), e.question()), ("not_asked", Some("inkomen_procent")));
    let e = eval(&p, json!({})).unwrap_err();
    assert_eq!((e.code(), e.question()), ("missing_answer", Some("kamers")));
}

fn refused(edit: impl FnOnce(&mut Value)) -> rules_core::Error {
    let mut doc = package();
    edit(&mut doc);
    Package::from_value(doc).unwrap_err()
}

#[test]
fn bad_exemptions_are_refused_at_load_naming_the_element() {
    let e = refused(|d| d["contributions"][0]["exemptions"][1]["id"] = json!("minima"));
    assert_eq!((e.code(), e.path()), ("invalid_exemption", Some("contributions[0].exemptions[1]")));
    let e = refused(|d| d["contributions"][0]["exemptions"][0]["id"] = json!("Minima!"));
    assert_eq!((e.code(), e.path()), ("invalid_exemption", Some("contributions[0].exemptions[0]")));
    let e = refused(|d| d["contributions"][0]["exemptions"][0]["when"] = json!("1 == 1"));
    assert_eq!((e.code(), e.path()), ("invalid_exemption", Some("contributions[0].exemptions[0]")));
    let e = refused(|d| d["contributions"][0]["exemptions"][0]["when"] = json!("inkomen_hoog"));
    assert_eq!((e.code(), e.path()), ("invalid_expression", Some("contributions[0].exemptions[0].when")));
    let e = refused(|d| d["contributions"][0]["exemptions"][0]["when"] = json!("basis > 0"));
    assert_eq!((e.code(), e.path()), ("invalid_expression", Some("contributions[0].exemptions[0].when")));
    let e = refused(|d| d["contributions"][0]["exemptions"][0]["when"] = json!("kamers"));
    assert_eq!((e.code(), e.path()), ("invalid_expression", Some("contributions[0].exemptions[0].when")));
    let e = refused(|d| {
        d["contributions"][0]["exemptions"][0].as_object_mut().unwrap().remove("source");
    });
    assert_eq!(e.code(), "invalid_package");
    // A rule may not use an optional question: skipping it would change minutes silently.
    let e = refused(|d| d["versions"][0]["areas"][0]["rules"][0]["when"] = json!("laag_inkomen"));
    assert_eq!(e.code(), "invalid_expression");
    assert!(e.to_string().contains("overgeslagen"), "{e}");
    // A required question's ask_if may not either.
    let e = refused(|d| d["questions"][2]["optional"] = json!(false));
    assert_eq!(e.code(), "invalid_expression");
}

#[test]
fn the_compiled_bundle_carries_exemptions_and_optional_questions() {
    let p = Package::from_value(package()).unwrap();
    let c = Package::load_compiled(&rules_core::compiled::to_bytes(&p).unwrap()).unwrap();
    for answers in [
        json!({"kamers": 2}),
        json!({"kamers": 2, "laag_inkomen": false}),
        json!({"kamers": 2, "laag_inkomen": true, "inkomen_procent": 90}),
        json!({"kamers": 25}),
    ] {
        let options = Options { date: Date::parse("2024-06-01").unwrap(), municipality: None };
        assert_eq!(
            evaluate_to_json(&p, &rules_core::AnswerValue::from(&answers), &options, true).unwrap(),
            evaluate_to_json(&c, &rules_core::AnswerValue::from(&answers), &options, true).unwrap()
        );
    }
}
