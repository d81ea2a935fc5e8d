//! Municipal overlays (only declared choices may change; tariffs and the
//! personal contribution), versions in time and the transition rule, on
//! small synthetic packages.

use rules_core::{evaluate_to_json, Date, Options, Package};
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "format": "urenwijzer-package/1", "id": "regio", "title": "Regionorm",
        "municipalities": [{"id": "a", "name": "Gemeente A"}, {"id": "b", "name": "Gemeente B"}],
        "sources": [{"id": "s", "title": "Bron"}],
        "topics": [{"id": "t", "title": "Onderwerp"}],
        "questions": [{"id": "kamers", "type": "number", "topic": "t", "label": "Kamers?", "min": 0, "max": 5}],
        "municipal_choices": ["tariff", "contribution", "per_kamer"],
        "versions": [
            {"version": "1", "valid_from": "2020-01-01", "valid_until": "2023-12-31", "status": "concept",
             "values": {
                "basis": {"amount": 100, "unit": "minutes_per_week", "label": "Basis", "provisional": "nog geen bron"},
                "per_kamer": {"amount": 10, "unit": "minutes_per_week", "label": "Per kamer", "source": {"document": "s", "locator": "p. 1"}}},
             "areas": [{"id": "huis", "title": "Schoon huis", "rules": [
                {"id": "basis", "kind": "base", "label": "Basis", "amount": "basis"},
                {"id": "kamer", "kind": "surcharge", "label": "Per kamer", "amount": "per_kamer", "per": "kamers"}]}]},
            {"version": "2", "valid_from": "2024-01-01", "status": "vastgesteld",
             "values": {
                "basis": {"amount": 120, "unit": "minutes_per_week", "label": "Basis", "source": {"document": "s", "locator": "p. 2"}},
                "per_kamer": {"amount": 10, "unit": "minutes_per_week", "label": "Per kamer", "source": {"document": "s", "locator": "p. 2"}}},
             "areas": [{"id": "huis", "title": "Schoon huis", "rules": [
                {"id": "basis2", "kind": "base", "label": "Basis", "amount": "basis"},
                {"id": "kamer2", "kind": "surcharge", "label": "Per kamer", "amount": "per_kamer", "per": "kamers"}]}]}
        ],
        "overlays": {
            "a": {"format": "urenwijzer-overlay/1", "base": "regio", "municipality": "a",
                  "how_to_apply": "Bel 14 0xx.",
                  "tariff": {"kind": "per_hour", "cents": 3150, "label": "Uurtarief A", "provisional": "voorbeeld"},
                  "contribution": {"cents": 1900, "per": "month", "label": "Abonnementstarief", "source": {"document": "s", "locator": "p. 3"}},
                  "values": {"per_kamer": {"amount": 12, "unit": "minutes_per_week", "label": "Per kamer (A)", "source": {"document": "s", "locator": "p. 4"}}}}
        }
    })
}

fn eval(p: &Package, answers: Value, date: &str, municipality: Option<&str>) -> Result<Value, rules_core::Error> {
    let options = Options { date: Date::parse(date).unwrap(), municipality: municipality.map(str::to_owned) };
    evaluate_to_json(p, &rules_core::AnswerValue::from(&answers), &options, true)
        .map(|s| serde_json::from_str(&s).unwrap())
}

#[test]
fn overlay_changes_only_declared_choices_and_names_base_and_overlay() {
    let p = Package::from_value(base()).unwrap();
    let a = eval(&p, json!({"kamers": 2}), "2024-06-01", Some("a")).unwrap();
    let b = eval(&p, json!({"kamers": 2}), "2024-06-01", Some("b")).unwrap();
    // A: 120 + 2 × 12 = 144 min/week; B (no overlay): 120 + 2 × 10 = 140.
    assert_eq!(a["total"]["minutes_per_week"], 144);
    assert_eq!(b["total"]["minutes_per_week"], 140);
    assert_eq!(a["package"]["overlay"], "a");
    assert_eq!(a["package"]["municipality"], "a");
    // Results name the base without any overlay (docs/json-contract.md); the
    // bundle's own fingerprint covers the overlays too.
    assert_eq!(a["package"]["base_fingerprint"], json!(p.applied_fingerprint));
    assert_ne!(p.applied_fingerprint, p.fingerprint);
    assert_ne!(a["package"]["fingerprint"], json!(p.applied_fingerprint));
    assert_eq!(b["package"]["overlay"], Value::Null);
    assert_eq!(b["package"]["fingerprint"], json!(p.applied_fingerprint));
    // 144 min/week = 7488 min/year → 576 min per period × €31,50 / 60 = €302,40.
    assert_eq!(a["cost"]["cents_per_period"], 30240);
    assert_eq!(a["cost"]["tariff"]["per"], "per_hour");
    // Per year from the exact 7488 minutes: × €31,50 / 60 = €3.931,20; the contribution × 12 months.
    assert_eq!(a["cost"]["cents_per_year"], 393_120);
    assert_eq!(a["cost"]["class"], Value::Null);
    assert_eq!(
        a["cost"]["contribution"],
        json!({"per": "month", "cents": 1900, "label": "Abonnementstarief", "cents_per_year": 22800})
    );
    assert_eq!(b["cost"], Value::Null);
    let codes: Vec<&str> = a["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect();
    // Money has its own warning; the time is not provisional for it.
    assert_eq!(codes, ["provisional_money"]);
    assert_eq!(a["warnings"][0]["items"], json!(["tariff"]));
}

#[test]
fn overlay_may_not_touch_undeclared_things() {
    let mut doc = base();
    doc["overlays"]["a"]["values"]["basis"] =
        json!({"amount": 1, "unit": "minutes_per_week", "label": "x", "provisional": "x"});
    let e = Package::from_value(doc).unwrap_err();
    assert_eq!(e.code(), "invalid_package");
    assert_eq!(e.path(), Some("overlays[a].values.basis"));

    let mut doc = base();
    doc["municipal_choices"] = json!(["per_kamer"]);
    assert_eq!(Package::from_value(doc).unwrap_err().path(), Some("overlays[a].tariff"));

    let mut doc = base();
    doc["overlays"]["a"]["municipality"] = json!("c");
    assert!(Package::from_value(doc).is_err());

    let mut doc = base();
    doc["overlays"]["a"]["colour"] = json!("red");
    assert_eq!(Package::from_value(doc).unwrap_err().code(), "invalid_package");
}

#[test]
fn versions_switch_exactly_at_the_boundary() {
    let p = Package::from_value(base()).unwrap();
    let old = eval(&p, json!({"kamers": 0}), "2023-12-31", None).unwrap();
    let new = eval(&p, json!({"kamers": 0}), "2024-01-01", None).unwrap();
    assert_eq!((old["package"]["version"].as_str(), old["total"]["minutes_per_week"].as_i64()), (Some("1"), Some(100)));
    assert_eq!((new["package"]["version"].as_str(), new["total"]["minutes_per_week"].as_i64()), (Some("2"), Some(120)));
    assert_eq!(old["warnings"][0]["code"], "concept");
    assert_eq!(old["warnings"][1]["code"], "provisional");
    let e = eval(&p, json!({"kamers": 0}), "2019-12-31", None).unwrap_err();
    assert_eq!(e.code(), "no_version_for_date");
    assert_eq!(eval(&p, json!({"kamers": 0}), "2024-01-01", Some("zz")).unwrap_err().code(), "unknown_municipality");
}

fn newer() -> Value {
    json!({
        "format": "urenwijzer-package/1", "id": "nieuw", "title": "Nieuwe norm",
        "municipalities": [{"id": "a", "name": "Gemeente A"}],
        "sources": [{"id": "besluit", "title": "Raadsbesluit"}],
        "topics": [{"id": "t", "title": "Onderwerp"}],
        "questions": [
            {"id": "heeft_indicatie", "type": "yes_no", "topic": "t", "label": "Krijgt u al hulp?"},
            {"id": "indicatie_startdatum", "type": "date", "topic": "t", "label": "Sinds wanneer?", "ask_if": "heeft_indicatie"},
            {"id": "kamers", "type": "number", "topic": "t", "label": "Kamers?", "min": 0, "max": 5}],
        "versions": [{"version": "2021", "valid_from": "2021-01-01", "status": "concept",
            "transition": {"started_before": "2021-01-01", "package": "regio", "reason": "De raad besloot dat bestaande cliënten de oude norm houden.",
                           "source": {"document": "besluit", "locator": "amendement 2020"}},
            "values": {"basis": {"amount": 90, "unit": "minutes_per_week", "label": "Basis", "provisional": "concept"}},
            "areas": [{"id": "huis", "title": "Schoon huis", "rules": [
                {"id": "basis_nieuw", "kind": "base", "label": "Basis", "amount": "basis"}]}]}],
        "linked": {"regio": base()}
    })
}

#[test]
fn transition_keeps_earlier_clients_on_the_earlier_package() {
    let p = Package::from_value(newer()).unwrap();
    let before = eval(
        &p,
        json!({"heeft_indicatie": true, "indicatie_startdatum": "2020-12-31", "kamers": 1}),
        "2024-06-01",
        None,
    )
    .unwrap();
    assert_eq!(before["package"]["id"], "regio");
    assert_eq!(before["total"]["minutes_per_week"], 130);
    assert_eq!(before["transition"]["from"]["id"], "nieuw");
    assert_eq!(before["transition"]["started"], "2020-12-31");
    assert_eq!(before["trace"][0]["kind"], "transition");
    assert_eq!(before["trace"][0]["sources"][0]["locator"], "amendement 2020");
    assert!(before["explanation"][0]["text"].as_str().unwrap().contains("31 december 2020"));
    assert_eq!(
        (before["explanation"][0]["kind"].as_str(), before["explanation"][0]["step"].as_u64()),
        (Some("transition"), Some(0))
    );
    // Every step sentence points at a trace step of its own area; the transition step shifts them by one.
    for s in before["explanation"].as_array().unwrap().iter().filter(|s| s["kind"] == "step") {
        let step = &before["trace"][s["step"].as_u64().unwrap() as usize];
        assert_eq!(step["area"], s["area"]);
        assert_ne!(step["kind"], "transition");
    }
    assert_eq!(before["explanation"][1]["step"], 1);

    let on = eval(
        &p,
        json!({"heeft_indicatie": true, "indicatie_startdatum": "2021-01-01", "kamers": 1}),
        "2024-06-01",
        None,
    )
    .unwrap();
    assert_eq!(on["package"]["id"], "nieuw");
    assert_eq!(on["transition"], Value::Null);
    assert_eq!(on["total"]["minutes_per_week"], 90);

    let fresh = eval(&p, json!({"heeft_indicatie": false, "kamers": 0}), "2024-06-01", None).unwrap();
    assert_eq!(fresh["package"]["id"], "nieuw");

    // With a municipality the earlier package's overlay applies.
    let a = eval(
        &p,
        json!({"heeft_indicatie": true, "indicatie_startdatum": "2019-05-01", "kamers": 1}),
        "2024-06-01",
        Some("a"),
    )
    .unwrap();
    assert_eq!(a["package"]["overlay"], "a");
    assert_eq!(a["total"]["minutes_per_week"], 132);

    // Bad answers to the referring package's own questions are still refused.
    let e = eval(
        &p,
        json!({"heeft_indicatie": "ja", "indicatie_startdatum": "2019-05-01", "kamers": 1}),
        "2024-06-01",
        None,
    )
    .unwrap_err();
    assert_eq!((e.code(), e.question()), ("wrong_type", Some("heeft_indicatie")));
}

#[test]
fn a_transition_to_a_package_that_is_not_linked_is_a_load_error() {
    let mut doc = newer();
    doc.as_object_mut().unwrap().remove("linked");
    let e = Package::from_value(doc).unwrap_err();
    assert_eq!(e.path(), Some("versions[2021].transition.package"));
}

#[test]
fn forms_see_the_union_of_questions_and_follow_the_transition() {
    let p = Package::from_value(newer()).unwrap();
    let ids: Vec<&str> = rules_core::describe::questions(&p).iter().map(|q| q.id).collect();
    assert_eq!(ids, ["heeft_indicatie", "indicatie_startdatum", "kamers"]);
    let options = Options { date: Date::parse("2024-06-01").unwrap(), municipality: None };
    let asked = rules_core::describe::asked_on(
        &p,
        &rules_core::AnswerValue::from(&json!({"heeft_indicatie": false})),
        &options,
    );
    assert_eq!(asked, ["heeft_indicatie", "kamers"]);
    let asked = rules_core::describe::asked_on(
        &p,
        &rules_core::AnswerValue::from(&json!({"heeft_indicatie": true, "indicatie_startdatum": "2020-01-01"})),
        &options,
    );
    assert_eq!(asked, ["heeft_indicatie", "indicatie_startdatum", "kamers"]);
}

#[test]
fn overlay_choices_can_differ_per_base_version() {
    let mut doc = base();
    doc["overlays"]["a"]["versions"] = json!({"2": {"contribution": {"cents": 2100, "per": "month", "label": "Abonnementstarief 2024", "provisional": "nog niet gepubliceerd"}}});
    let p = Package::from_value(doc.clone()).unwrap();
    let old = eval(&p, json!({"kamers": 0}), "2023-06-01", Some("a")).unwrap();
    let new = eval(&p, json!({"kamers": 0}), "2024-06-01", Some("a")).unwrap();
    assert_eq!(old["cost"]["contribution"]["cents"], 1900);
    assert_eq!(new["cost"]["contribution"]["cents"], 2100);
    assert_eq!(new["cost"]["tariff"]["cents"], 3150, "the general tariff still applies");
    doc["overlays"]["a"]["versions"] = json!({"9": {}});
    assert_eq!(Package::from_value(doc).unwrap_err().path(), Some("overlays[a].versions.9"));
}

#[test]
fn a_provisional_rule_warns_when_it_fires() {
    let mut doc = base();
    doc["versions"][1]["areas"][0]["rules"][1]["provisional"] = json!("aanname: elke kamer telt even zwaar");
    let p = Package::from_value(doc).unwrap();
    let none = eval(&p, json!({"kamers": 0}), "2024-06-01", None).unwrap();
    assert_eq!(none["warnings"], json!([]));
    let some = eval(&p, json!({"kamers": 2}), "2024-06-01", None).unwrap();
    assert_eq!(some["warnings"][0]["items"], json!(["kamer2"]));
    assert_eq!(some["trace"][1]["sources"][1]["provisional"], "aanname: elke kamer telt even zwaar");
}

#[test]
fn validation_checks_the_package_that_applies() {
    let p = Package::from_value(newer()).unwrap();
    let options = Options { date: Date::parse("2024-06-01").unwrap(), municipality: None };
    // After the transition the earlier package asks `kamers` too; nothing is missing or unknown.
    let ok = rules_core::eval::problems_on(
        &p,
        &rules_core::AnswerValue::from(
            &json!({"heeft_indicatie": true, "indicatie_startdatum": "2019-01-01", "kamers": 1}),
        ),
        &options,
    );
    assert_eq!(ok, vec![]);
    let bad = rules_core::eval::problems_on(
        &p,
        &rules_core::AnswerValue::from(
            &json!({"heeft_indicatie": true, "indicatie_startdatum": "2019-01-01", "kamers": 9}),
        ),
        &options,
    );
    assert_eq!(bad.iter().map(|e| (e.code(), e.question())).collect::<Vec<_>>(), [("out_of_range", Some("kamers"))]);
}
