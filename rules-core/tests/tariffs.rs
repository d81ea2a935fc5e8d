//! Tariff models (issue 9, section 1): dated tariffs and contributions, the
//! classes of a Resultatenmatrix (checked at load), basis points, the floor,
//! the class as a trace step, the referring package paying after a
//! transition, the transition's own question, and the norm-fidelity rules.

use rules_core::{evaluate_to_json, Date, Options, Package};
use serde_json::{json, Value};

fn eval(p: &Package, answers: Value, date: &str, municipality: Option<&str>) -> Result<Value, rules_core::Error> {
    let options = Options { date: Date::parse(date).unwrap(), municipality: municipality.map(str::to_owned) };
    evaluate_to_json(p, &rules_core::AnswerValue::from(&answers), &options, true)
        .map(|s| serde_json::from_str(&s).unwrap())
}

fn classes() -> Value {
    json!([
        {"id": "k1", "label": "tot 2 uur", "from_minutes_per_week": 0, "to_minutes_per_week": 120, "cents": 20001},
        {"id": "k2", "label": "2 tot 4 uur", "from_minutes_per_week": 121, "to_minutes_per_week": 240, "cents": 10050},
        {"id": "k3", "label": "meer", "from_minutes_per_week": 241, "cents": 90000}
    ])
}

/// Ten minutes per room per week plus 100: the total is easy to steer.
fn package() -> Value {
    json!({
        "format": "urenwijzer-package/1", "id": "regio", "title": "Regionorm",
        "municipalities": [{"id": "a", "name": "Gemeente A"}, {"id": "b", "name": "Gemeente B"}],
        "sources": [{"id": "s", "title": "Bron"}],
        "topics": [{"id": "t", "title": "Onderwerp"}],
        "questions": [{"id": "kamers", "type": "number", "topic": "t", "label": "Kamers?", "min": 0, "max": 30}],
        "municipal_choices": ["tariff", "contribution"],
        "tariffs": [
            {"valid_from": "2020-01-01", "kind": "per_hour", "cents": 3000, "label": "Uurtarief", "source": {"document": "s", "locator": "p. 1"}},
            {"valid_from": "2024-01-01", "kind": "per_class", "classes": classes(), "basis_points": -100,
             "floor": {"cents_per_hour": 2850, "below": "warn", "label": "Basisuurtarief", "provisional": "aanname"},
             "label": "Resultatenmatrix", "provisional": "voorbeeld"}
        ],
        "contributions": [
            {"valid_from": "2020-01-01", "cents": 1900, "per": "month", "label": "Abonnementstarief", "source": {"document": "s", "locator": "p. 2"}},
            {"valid_from": "2025-01-01", "cents": 25000, "per": "year", "label": "Bijdrage per jaar", "provisional": "voorbeeld"}
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

#[test]
fn dated_tariffs_apply_by_date_and_money_warns_on_its_own() {
    let p = Package::from_value(package()).unwrap();
    // 2023: per hour. 120 minutes per week = 6240 per year × € 30 / 60 = € 3.120,00.
    let old = eval(&p, json!({"kamers": 2}), "2023-12-31", None).unwrap();
    assert_eq!(old["cost"]["tariff"]["per"], "per_hour");
    assert_eq!(old["cost"]["cents_per_year"], 312_000);
    assert_eq!(old["cost"]["class"], Value::Null);
    assert_eq!(old["cost"]["contribution"]["cents_per_year"], 22_800);
    assert_eq!(old["warnings"], json!([]), "cited money, cited time: no warning");
    // 2024: the matrix. Still vastgesteld: provisional money does not change a version's status.
    let new = eval(&p, json!({"kamers": 2}), "2024-01-01", None).unwrap();
    assert_eq!(new["package"]["status"], "vastgesteld");
    assert_eq!(
        new["cost"]["class"],
        json!({"id": "k1", "label": "tot 2 uur", "from_minutes_per_week": 0, "to_minutes_per_week": 120})
    );
    // 20001 − 1 % = 19800.99 → 19801 per period; × 13 = 257412.87 → 257413 per year.
    assert_eq!(
        (new["cost"]["cents_per_period"].as_i64(), new["cost"]["cents_per_year"].as_i64()),
        (Some(19_801), Some(257_413))
    );
    assert_eq!(new["cost"]["tariff"]["cents"], 20_001);
    assert_eq!(new["cost"]["tariff"]["basis_points"], -100);
    assert_eq!(new["cost"]["tariff"]["floor_cents_per_hour"], 2850);
    let codes: Vec<&str> = new["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect();
    // 8 hours per period × € 28,50 = € 228,00 is above € 198,01: the floor warns.
    assert_eq!(codes, ["provisional_money", "tariff_floor"]);
    assert_eq!(new["warnings"][0]["items"], json!(["tariff", "tariff_floor"]));
    // The class is the last trace step, cited, with its own sentence.
    let last = new["trace"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["kind"].as_str(), last["rule"].as_str(), last["area"].clone()),
        (Some("class"), Some("k1"), Value::Null)
    );
    assert_eq!(last["sources"][0]["amount"], 20_001);
    assert_eq!(last["sources"][0]["provisional"], "voorbeeld");
    let index = new["trace"].as_array().unwrap().len() - 1;
    let sentence = new["explanation"].as_array().unwrap().iter().find(|s| s["step"] == index).unwrap();
    assert!(sentence["text"].as_str().unwrap().contains("€ 198,01"), "{sentence}");
    // 2025: the contribution of that calendar year, per year as is.
    let y2025 = eval(&p, json!({"kamers": 2}), "2025-01-01", None).unwrap();
    assert_eq!(y2025["cost"]["contribution"]["per"], "year");
    assert_eq!(y2025["cost"]["contribution"]["cents_per_year"], 25_000);
}

#[test]
fn class_edges_are_inclusive_and_the_floor_warns_with_both_amounts() {
    let p = Package::from_value(package()).unwrap();
    let class = |kamers: i64| {
        let r = eval(&p, json!({"kamers": kamers}), "2024-06-01", None).unwrap();
        (
            r["total"]["display_minutes_per_week"].as_i64().unwrap(),
            r["cost"]["class"]["id"].as_str().unwrap().to_owned(),
        )
    };
    assert_eq!(class(2), (120, "k1".into()));
    assert_eq!(class(3), (135, "k2".into()));
    assert_eq!(class(14), (240, "k2".into()));
    assert_eq!(class(15), (255, "k3".into()));
    // 240 minutes per week in k2: 10050 − 1 % = 9949.5 → 9950 per period (half up), 129343.5 → 129344 a year;
    // the floor 16 hours × € 28,50 = € 456,00 is above it: a warning naming both.
    let r = eval(&p, json!({"kamers": 14}), "2024-06-01", None).unwrap();
    assert_eq!(
        (r["cost"]["cents_per_period"].as_i64(), r["cost"]["cents_per_year"].as_i64()),
        (Some(9_950), Some(129_344))
    );
    let floor = r["warnings"].as_array().unwrap().iter().find(|w| w["code"] == "tariff_floor").unwrap();
    let message = floor["message"].as_str().unwrap();
    assert!(message.contains("€ 99,50") && message.contains("€ 456,00"), "{message}");
    // Raised instead of warned: the period pays the floor exactly.
    let mut doc = package();
    doc["tariffs"][1]["floor"]["below"] = json!("raise");
    let p = Package::from_value(doc).unwrap();
    let r = eval(&p, json!({"kamers": 14}), "2024-06-01", None).unwrap();
    assert_eq!(
        (r["cost"]["cents_per_period"].as_i64(), r["cost"]["cents_per_year"].as_i64()),
        (Some(45_600), Some(592_800))
    );
    assert!(r["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "tariff_floor"));
}

#[test]
fn bands_with_a_gap_an_overlap_or_a_closed_top_are_refused_with_the_path() {
    let refused = |classes: Value| {
        let mut doc = package();
        doc["tariffs"][1]["classes"] = classes;
        let e = Package::from_value(doc).unwrap_err();
        (e.code(), e.path().map(str::to_owned))
    };
    let mut gap = classes();
    gap[1]["from_minutes_per_week"] = json!(122);
    assert_eq!(refused(gap), ("invalid_tariff_classes", Some("tariffs[1].classes[1]".into())));
    let mut overlap = classes();
    overlap[2]["from_minutes_per_week"] = json!(240);
    assert_eq!(refused(overlap), ("invalid_tariff_classes", Some("tariffs[1].classes[2]".into())));
    let mut closed = classes();
    closed[2]["to_minutes_per_week"] = json!(600);
    assert_eq!(refused(closed), ("invalid_tariff_classes", Some("tariffs[1].classes[2]".into())));
    let mut open_middle = classes();
    open_middle[1].as_object_mut().unwrap().remove("to_minutes_per_week");
    assert_eq!(refused(open_middle), ("invalid_tariff_classes", Some("tariffs[1].classes[1]".into())));
    let mut late_start = classes();
    late_start[0]["from_minutes_per_week"] = json!(15);
    assert_eq!(refused(late_start), ("invalid_tariff_classes", Some("tariffs[1].classes[0]".into())));
    assert_eq!(refused(json!([])), ("invalid_tariff_classes", Some("tariffs[1].classes".into())));
}

#[test]
fn malformed_money_is_refused_naming_the_element() {
    let path = |f: &dyn Fn(&mut Value)| {
        let mut doc = package();
        f(&mut doc);
        let e = Package::from_value(doc).unwrap_err();
        (e.code(), e.path().map(str::to_owned).unwrap_or_default())
    };
    let bad = |p: &str| ("invalid_package", p.to_string());
    assert_eq!(
        path(&|d| d["contributions"][1]["valid_from"] = json!("2025-02-01")),
        bad("contributions[1].valid_from")
    );
    assert_eq!(path(&|d| d["tariffs"][1]["valid_from"] = json!("2019-01-01")), bad("tariffs[1].valid_from"));
    assert_eq!(path(&|d| d["tariffs"][1]["basis_points"] = json!(-10001)), bad("tariffs[1].basis_points"));
    assert_eq!(path(&|d| d["tariffs"][0]["floor"] = d["tariffs"][1]["floor"].clone()), bad("tariffs[0].floor"));
    assert_eq!(path(&|d| d["tariffs"][1]["cents"] = json!(100)), bad("tariffs[1].cents"));
    assert_eq!(
        path(&|d| {
            d["tariffs"][0].as_object_mut().unwrap().remove("valid_from");
        }),
        bad("tariffs[0].valid_from")
    );
    assert_eq!(
        path(&|d| d["versions"][0]["tariff"] =
            json!({"valid_from": "2020-01-01", "kind": "per_hour", "cents": 1, "label": "x", "provisional": "x"})),
        bad("versions[1].tariff.valid_from")
    );
    assert_eq!(
        path(&|d| {
            d["tariffs"][1]["floor"].as_object_mut().unwrap().remove("provisional");
        }),
        bad("tariffs[1].floor")
    );
}

#[test]
fn a_version_with_provisional_time_cannot_be_vastgesteld() {
    let mut doc = package();
    doc["versions"][0]["values"]["basis"] =
        json!({"amount": 100, "unit": "minutes_per_week", "label": "Basis", "provisional": "aanname"});
    let e = Package::from_value(doc.clone()).unwrap_err();
    assert_eq!((e.code(), e.path()), ("invalid_package", Some("versions[1].status")));
    assert!(e.to_string().contains("basis"));
    doc["versions"][0]["status"] = json!("concept");
    assert!(Package::from_value(doc).is_ok());
    // A version provisional as a whole warns on every result, and is not vastgesteld either.
    let mut doc = package();
    doc["versions"][0]["provisional"] = json!("alle getallen zijn verzonnen");
    assert_eq!(Package::from_value(doc.clone()).unwrap_err().path(), Some("versions[1].status"));
    doc["versions"][0]["status"] = json!("concept");
    let p = Package::from_value(doc).unwrap();
    let r = eval(&p, json!({"kamers": 0}), "2021-01-01", None).unwrap();
    assert_eq!(r["warnings"][1]["code"], "provisional_version");
    assert!(r["warnings"][1]["message"].as_str().unwrap().contains("verzonnen"));
}

#[test]
fn an_overlay_list_replaces_the_base_list_for_its_municipality_only() {
    let mut doc = package();
    doc["overlays"] = json!({"a": {"format": "urenwijzer-overlay/1", "base": "regio", "municipality": "a",
        "tariffs": [{"valid_from": "2020-01-01", "kind": "per_period", "cents": 40000, "label": "Periodetarief A", "provisional": "voorbeeld"}]}});
    let p = Package::from_value(doc.clone()).unwrap();
    let a = eval(&p, json!({"kamers": 2}), "2024-06-01", Some("a")).unwrap();
    let b = eval(&p, json!({"kamers": 2}), "2024-06-01", Some("b")).unwrap();
    assert_eq!((a["cost"]["cents_per_year"].as_i64(), a["cost"]["class"].clone()), (Some(520_000), Value::Null));
    assert_eq!(b["cost"]["class"]["id"], "k1");
    assert_eq!(a["cost"]["contribution"]["cents"], 1900, "the base's contributions still apply");
    doc["municipal_choices"] = json!([]);
    assert_eq!(Package::from_value(doc).unwrap_err().path(), Some("overlays[a].tariffs"));
}

/// A newer package whose transition asks its own question and has no money itself.
fn newer(with_money: bool) -> Value {
    let mut doc = json!({
        "format": "urenwijzer-package/1", "id": "nieuw", "title": "Nieuwe norm",
        "municipalities": [{"id": "a", "name": "Gemeente A"}],
        "sources": [{"id": "besluit", "title": "Raadsbesluit"}],
        "topics": [{"id": "t", "title": "Onderwerp"}],
        "questions": [
            {"id": "heeft_indicatie", "type": "yes_no", "topic": "t", "label": "Krijgt u al hulp?"},
            {"id": "indicatie_startdatum", "type": "date", "topic": "t", "label": "Begin van de huidige indicatie?", "ask_if": "heeft_indicatie"},
            {"id": "hulp_sinds", "type": "date", "topic": "t", "label": "Sinds wanneer zonder onderbreking hulp?", "ask_if": "heeft_indicatie"},
            {"id": "kamers", "type": "number", "topic": "t", "label": "Kamers?", "min": 0, "max": 30}],
        "versions": [{"version": "2021", "valid_from": "2021-01-01", "valid_from_provisional": "voorstel", "status": "concept",
            "transition": {"started_before": "2021-01-01", "package": "regio", "question": "hulp_sinds",
                           "reason": "Bestaande cliënten houden de oude norm.", "source": {"document": "besluit", "locator": "amendement"}},
            "values": {"basis": {"amount": 90, "unit": "minutes_per_week", "label": "Basis", "provisional": "concept"}},
            "areas": [{"id": "huis", "title": "Schoon huis", "rules": [
                {"id": "basis_nieuw", "kind": "base", "label": "Basis", "amount": "basis"}]}]}],
        "linked": {"regio": package()}
    });
    if with_money {
        doc["tariffs"] = json!([{"valid_from": "2021-01-01", "kind": "per_period", "cents": 30000, "label": "Periodetarief nieuw", "provisional": "voorbeeld"}]);
        doc["contributions"] = json!([{"valid_from": "2021-01-01", "cents": 2000, "per": "month", "label": "Bijdrage nieuw", "provisional": "voorbeeld"}]);
    }
    doc
}

#[test]
fn the_transition_asks_its_own_question_and_the_referring_package_pays() {
    let p = Package::from_value(newer(true)).unwrap();
    // A new indication in 2022, but help without interruption since 2018: the old norm.
    let answers =
        json!({"heeft_indicatie": true, "indicatie_startdatum": "2022-03-01", "hulp_sinds": "2018-05-01", "kamers": 2});
    let r = eval(&p, answers, "2024-06-01", None).unwrap();
    assert_eq!(r["package"]["id"], "regio");
    assert_eq!(r["transition"]["started"], "2018-05-01");
    assert_eq!(r["trace"][0]["answers"], json!({"hulp_sinds": "2018-05-01"}));
    // Paid and charged by the referring package: its period tariff, no class from the earlier one.
    assert_eq!(r["cost"]["tariff"]["label"], "Periodetarief nieuw");
    assert_eq!(r["cost"]["cents_per_year"], 13 * 30000);
    assert_eq!(r["cost"]["class"], Value::Null);
    assert_eq!(r["cost"]["contribution"]["cents"], 2000);
    assert!(r["trace"].as_array().unwrap().iter().all(|s| s["kind"] != "class"));
    // The indication's own start date does not decide it any more.
    let answers =
        json!({"heeft_indicatie": true, "indicatie_startdatum": "2019-03-01", "hulp_sinds": "2021-02-01", "kamers": 2});
    assert_eq!(eval(&p, answers, "2024-06-01", None).unwrap()["package"]["id"], "nieuw");
    // A referring package without money: none, even though the earlier one has some.
    let p = Package::from_value(newer(false)).unwrap();
    let answers =
        json!({"heeft_indicatie": true, "indicatie_startdatum": "2022-03-01", "hulp_sinds": "2018-05-01", "kamers": 2});
    assert_eq!(eval(&p, answers, "2024-06-01", None).unwrap()["cost"], Value::Null);
    // The named question must be a date question of the package.
    let mut doc = newer(false);
    doc["versions"][0]["transition"]["question"] = json!("kamers");
    assert_eq!(Package::from_value(doc).unwrap_err().path(), Some("versions[2021].transition.question"));
}

#[test]
fn every_version_in_norms_says_where_its_start_date_comes_from() {
    let root = format!("{}/../norms", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path().join("package.json");
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let doc: Value = serde_json::from_str(&text).unwrap();
        for v in doc["versions"].as_array().unwrap() {
            seen += 1;
            assert!(
                v.get("valid_from_source").is_some() || v.get("valid_from_provisional").is_some(),
                "{}: version {} has no source or provisional reason for valid_from",
                path.display(),
                v["version"]
            );
        }
        for (i, t) in doc["tariffs"].as_array().into_iter().flatten().enumerate() {
            assert!(t.get("source").is_some() || t.get("provisional").is_some(), "{}: tariffs[{i}]", path.display());
        }
    }
    assert!(seen >= 5);
}

#[test]
fn figures_only_name_the_class_and_give_the_numbers_and_errors_of_the_indication() {
    let p = Package::from_value(package()).unwrap();
    let list = classes();
    for kamers in 0..=30 {
        for date in ["2023-06-01", "2024-06-01", "2025-06-01"] {
            let options = Options { date: Date::parse(date).unwrap(), municipality: None };
            let f =
                rules_core::figures::figures(&p, &rules_core::AnswerValue::from(&json!({"kamers": kamers})), &options)
                    .unwrap();
            let full = eval(&p, json!({"kamers": kamers}), date, None).unwrap();
            let shown = f.class.map_or(Value::Null, |i| list[i]["id"].clone());
            assert_eq!(shown, full["cost"]["class"]["id"], "{kamers} {date}");
            assert_eq!(f.total.display_per_week, full["total"]["display_minutes_per_week"].as_i64().unwrap());
            assert_eq!(f.cents_per_year, full["cost"]["cents_per_year"].as_i64());
            assert_eq!(f.warnings, full["warnings"].as_array().unwrap().len());
        }
    }
    let options = Options { date: Date::parse("2024-06-01").unwrap(), municipality: Some("x".into()) };
    for answers in [json!({"kamers": 31}), json!({"kamers": "twee"}), json!({"kamers": 2})] {
        let figures = rules_core::figures::figures(&p, &rules_core::AnswerValue::from(&answers), &options).unwrap_err();
        let full = evaluate_to_json(&p, &rules_core::AnswerValue::from(&answers), &options, false).unwrap_err();
        assert_eq!(figures.to_object().to_json(), full.to_object().to_json());
    }
    let options = Options { date: Date::parse("2024-06-01").unwrap(), municipality: None };
    for answers in [json!({"kamers": 31}), json!({"kamers": "twee"}), json!({})] {
        let figures = rules_core::figures::figures(&p, &rules_core::AnswerValue::from(&answers), &options).unwrap_err();
        let full = evaluate_to_json(&p, &rules_core::AnswerValue::from(&answers), &options, false).unwrap_err();
        assert_eq!(figures.to_object().to_json(), full.to_object().to_json());
    }
}
