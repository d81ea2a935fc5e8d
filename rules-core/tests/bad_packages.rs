//! Bad package documents are refused with a code and a path that names the
//! element (and, for expressions, the column).

mod common;

use rules_core::Package;
use serde_json::{json, Value};

fn kpmg_doc() -> Value {
    serde_json::from_str(&common::read(&common::norms_dir().join("kpmg-2019/package.json"))).unwrap()
}

fn refused(doc: Value) -> rules_core::ErrorObject {
    Package::from_value(doc).expect_err("must be refused").to_object()
}

#[test]
fn a_number_without_provenance_is_a_load_error() {
    let mut doc = kpmg_doc();
    doc["versions"][0]["values"]["basis_volledige_overname"].as_object_mut().unwrap().remove("source");
    let e = refused(doc);
    assert_eq!(e.code, "invalid_package");
    assert_eq!(e.path.as_deref(), Some("versions[2019.1].values.basis_volledige_overname"));
    assert!(e.message.contains("bron"), "{}", e.message);
}

#[test]
fn provisional_needs_a_reason_and_not_both() {
    let mut doc = kpmg_doc();
    doc["versions"][0]["values"]["basis_volledige_overname"]["provisional"] = json!("geen bron");
    assert_eq!(refused(doc).code, "invalid_package");
    let mut doc = kpmg_doc();
    let v = doc["versions"][0]["values"]["basis_volledige_overname"].as_object_mut().unwrap();
    v.remove("source");
    v.insert("provisional".into(), json!("  "));
    assert_eq!(refused(doc).path.as_deref(), Some("versions[2019.1].values.basis_volledige_overname.provisional"));
}

#[test]
fn floats_are_refused_anywhere() {
    let mut doc = kpmg_doc();
    doc["versions"][0]["values"]["aftrek_eigen_mogelijkheden"]["amount"] = json!(23.5);
    let e = refused(doc);
    assert_eq!(e.code, "invalid_package");
    assert_eq!(e.path.as_deref(), Some("versions[0].values.aftrek_eigen_mogelijkheden.amount"));
}

#[test]
fn expression_errors_name_element_and_column() {
    let cases = [
        ("beperkingen == 'weinig'", 16, "geen keuze"),
        ("beperkingen = 'veel'", 13, "=="),
        ("samenstelling_huishouden and onbekend", 30, "onbekende naam"),
        ("extra_kamers_in_gebruik", 1, "ja/nee"),
        ("samenstelling_huishouden + 1", 1, "kan niet"),
    ];
    for (text, column, needle) in cases {
        let mut doc = kpmg_doc();
        doc["versions"][0]["areas"][0]["rules"][1]["when"] = json!(text);
        let e = Package::from_value(doc).unwrap_err();
        assert_eq!(e.code(), "invalid_expression", "{text}");
        assert_eq!(
            e.path(),
            Some("versions[2019.1].areas[schoon_leefbaar_huis].rules[beperkingen_enig].when"),
            "{text}"
        );
        match &e {
            rules_core::Error::InvalidExpression { column: c, message, .. } => {
                assert_eq!(*c, column, "{text}: {message}");
                assert!(message.contains(needle), "{text}: {message}");
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn amounts_must_be_time_from_cited_values() {
    let mut doc = kpmg_doc();
    doc["versions"][0]["areas"][0]["rules"][0]["amount"] = json!("108");
    let e = Package::from_value(doc).unwrap_err();
    assert_eq!(e.code(), "invalid_expression");
    assert!(e.to_string().contains("tijd"), "{e}");
}

#[test]
fn structural_mistakes_name_the_element() {
    let mut doc = kpmg_doc();
    doc["versions"][0]["areas"][0]["rules"][2]["amout"] = json!("x");
    let e = refused(doc);
    assert_eq!(e.path.as_deref(), Some("versions[0].areas[0].rules[2].amout"));
    assert!(e.message.contains("amout"), "{}", e.message);

    let mut doc = kpmg_doc();
    doc["questions"][1]["topic"] = json!("nergens");
    assert_eq!(refused(doc).path.as_deref(), Some("questions[beperkingen].topic"));

    let mut doc = kpmg_doc();
    doc["versions"][0]["valid_from"] = json!("2021-02-30");
    assert_eq!(refused(doc).path.as_deref(), Some("versions[2019.1].valid_from"));

    let mut doc = kpmg_doc();
    let mut second = doc["versions"][0].clone();
    second["version"] = json!("2024.1");
    second["valid_from"] = json!("2024-01-01");
    doc["versions"].as_array_mut().unwrap().push(second);
    assert!(refused(doc).message.contains("overlapt"));

    let mut doc = kpmg_doc();
    doc["versions"][0]["values"]["basis_volledige_overname"]["source"]["document"] = json!("onbekend");
    assert_eq!(refused(doc).path.as_deref(), Some("versions[2019.1].values.basis_volledige_overname.source.document"));

    assert_eq!(Package::load("{").unwrap_err().code(), "invalid_json");
    assert_eq!(Package::load("[]").unwrap_err().code(), "invalid_package");
}

#[test]
fn a_tampered_bundle_is_refused() {
    let doc = kpmg_doc();
    let fp = rules_core::canonical::fingerprint(&doc);
    let mut bundled = doc.clone();
    bundled["fingerprint"] = json!(fp);
    assert_eq!(Package::from_value(bundled.clone()).unwrap().fingerprint, fp);
    bundled["versions"][0]["values"]["per_extra_kamer_niet_in_gebruik"]["amount"] = json!(5);
    let e = refused(bundled);
    assert_eq!(e.path.as_deref(), Some("fingerprint"));
}

#[test]
fn any_changed_number_changes_the_fingerprint() {
    let base = Package::from_value(kpmg_doc()).unwrap().fingerprint;
    let mut doc = kpmg_doc();
    doc["versions"][0]["values"]["per_extra_kamer_niet_in_gebruik"]["amount"] = json!(5);
    assert_ne!(Package::from_value(doc).unwrap().fingerprint, base);
    // Whitespace and key order do not matter.
    let pretty = serde_json::to_string_pretty(&kpmg_doc()).unwrap();
    assert_eq!(Package::load(&pretty).unwrap().fingerprint, base);
}

fn with_contact(contact: Value) -> Value {
    let mut doc = kpmg_doc();
    doc["municipalities"][0]["contact"] = contact;
    doc
}

#[test]
fn contact_details_are_https_phone_digits_and_cited() {
    let source = json!({"document": doc_source(), "locator": "p. 1"});
    // Accepted: a municipal number with a space, an https address, client support.
    let good =
        with_contact(json!({"phone": "14 036", "url": "https://www.almere.nl/wmo", "opening_hours": "ma-vr 9-17 uur",
        "client_support": {"name": "Cliëntondersteuning", "phone": "+31 36 123 4567"}, "source": source}));
    let p = Package::from_value(good).expect("accepted");
    assert!(rules_core::lint::lint(&p).iter().all(|l| l.code != "no_contact"));

    let cases = [
        (json!({"url": "http://www.almere.nl", "source": source}), "municipalities[almere].contact.url"),
        (json!({"url": "https://www.almere .nl", "source": source}), "municipalities[almere].contact.url"),
        (json!({"phone": "14-036", "source": source}), "municipalities[almere].contact.phone"),
        (json!({"phone": "bel ons", "source": source}), "municipalities[almere].contact.phone"),
        (
            json!({"phone": "14 036", "client_support": {"url": "javascript:alert(1)"}, "source": source}),
            "municipalities[almere].contact.client_support.url",
        ),
        (json!({"opening_hours": "ma-vr", "source": source}), "municipalities[almere].contact"),
        (
            json!({"phone": "14 036", "source": {"document": "nergens", "locator": "p. 1"}}),
            "municipalities[almere].contact.source.document",
        ),
    ];
    for (contact, path) in cases {
        let e = refused(with_contact(contact.clone()));
        assert_eq!(e.code, "invalid_package", "{contact}");
        assert_eq!(e.path.as_deref(), Some(path), "{contact}");
    }
    // The source is required.
    assert_eq!(refused(with_contact(json!({"phone": "14 036"}))).code, "invalid_package");
}

#[test]
fn resident_texts_may_not_be_empty() {
    let mut doc = kpmg_doc();
    doc["resident_title"] = json!(" ");
    assert_eq!(refused(doc).path.as_deref(), Some("resident_title"));
    let mut doc = kpmg_doc();
    doc["versions"][0]["not_covered"][0]["resident_text"] = json!("");
    assert_eq!(refused(doc).path.as_deref(), Some("versions[2019.1].not_covered[wasverzorging].resident_text"));
}

fn doc_source() -> String {
    kpmg_doc()["sources"][0]["id"].as_str().unwrap().to_string()
}

#[test]
fn an_overlay_contact_replaces_the_entry_and_is_checked_too() {
    let dir = common::norms_dir().join("h4");
    let mut doc: Value = serde_json::from_str(&common::read(&dir.join("package.json"))).unwrap();
    let mut overlay: Value = serde_json::from_str(&common::read(&dir.join("overlays/delft.json"))).unwrap();
    let source = doc["sources"][0]["id"].clone();
    overlay["contact"] = json!({"phone": "14 015", "source": {"document": source, "locator": "p. 1"}});
    doc["overlays"] = json!({ "delft": overlay.clone() });
    let p = Package::from_value(doc.clone()).expect("accepted");
    let lints = rules_core::lint::lint(&p);
    let without: Vec<&str> = lints.iter().filter(|l| l.code == "no_contact").map(|l| l.path.as_str()).collect();
    assert!(!without.contains(&"municipalities[delft].contact"), "{without:?}");
    assert!(without.contains(&"municipalities[rijswijk].contact"), "{without:?}");

    overlay["contact"]["url"] = json!("http://www.delft.nl");
    doc["overlays"] = json!({ "delft": overlay });
    let e = refused(doc);
    assert_eq!(e.code, "invalid_package");
    assert!(e.path.as_deref().unwrap_or_default().ends_with("municipalities[delft].contact.url"), "{:?}", e.path);
}
