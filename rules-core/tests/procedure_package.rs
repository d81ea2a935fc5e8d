//! A package's `procedure` (dated list) and `calendar` (closed days), and an
//! overlay replacing them: what `plan::plan_for` then uses.

mod common;

use rules_core::plan::plan_for;
use rules_core::workdays::procedure::PlanDates;
use rules_core::{Date, Package};
use serde_json::{json, Value};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn entry(valid_from: &str, conversation: i64) -> Value {
    json!({ "valid_from": valid_from,
        "conversation_within": {"amount": conversation, "unit": "working_days"},
        "start_within": {"amount": 1, "unit": "working_days"},
        "evaluation_from": {"amount": 28, "unit": "days"},
        "evaluation_until": {"amount": 42, "unit": "days"},
        "source": {"document": "mz-hbel-normenkader", "locator": "werkwijze"} })
}

fn doc() -> Value {
    let mut doc: Value =
        serde_json::from_str(&common::read(&common::norms_dir().join("kpmg-2019/package.json"))).unwrap();
    doc["procedure"] = json!([entry("2027-01-01", 5), entry("2016-01-01", 3)]);
    doc["calendar"] = json!({"closed_days": [{"date": "2026-04-03", "label": "Goede Vrijdag", "provisional": "sluitingsdag nog te bevestigen"}]});
    doc["municipal_choices"] = json!(["procedure", "calendar"]);
    doc["overlays"] = json!({"almere": {"format": "urenwijzer-overlay/1", "base": "kpmg-2019", "municipality": "almere",
        "procedure": [entry("2020-01-01", 2)], "calendar": {"closed_days": []}}});
    doc
}

fn decision(s: &str) -> PlanDates {
    PlanDates { decision: Some(d(s)), ..PlanDates::default() }
}

#[test]
fn the_entry_of_the_decision_date_and_the_closed_days_apply() {
    let p = Package::from_value(doc()).unwrap();
    // Thu 2 Apr 2026: Good Friday closed, Easter Monday: Tue 7, Wed 8, Thu 9.
    let plan = plan_for(Some(&p), None, &decision("2026-04-02")).unwrap();
    assert_eq!(plan.conversation_deadline, "2026-04-09");
    assert_eq!(plan.procedure.valid_from, d("2016-01-01"));
    // From 2027 five working days: Mon 4 Jan 2027 → Mon 11 Jan.
    assert_eq!(plan_for(Some(&p), None, &decision("2027-01-04")).unwrap().conversation_deadline, "2027-01-11");
    // Before the first entry: refused, not a silent default.
    assert_eq!(plan_for(Some(&p), None, &decision("2015-12-31")).unwrap_err().code(), "no_procedure_for_date");
    // The overlay's list replaces the base's: two working days, and no Good Friday closing.
    let almere = plan_for(Some(&p), Some("almere"), &decision("2026-04-02")).unwrap();
    assert_eq!(almere.conversation_deadline, "2026-04-07");
    assert_eq!(
        plan_for(Some(&p), Some("almere"), &decision("2027-01-04")).unwrap().conversation_deadline,
        "2027-01-06"
    );
    // A package without a procedure: the motion's defaults.
    let kpmg = common::kpmg();
    let plan = plan_for(Some(&kpmg), None, &decision("2026-04-02")).unwrap();
    assert!(plan.procedure.is_motion_default());
    assert_eq!(plan.conversation_deadline, "2026-04-08");
}

#[test]
fn bad_procedures_are_refused_naming_the_element() {
    let path = |doc: Value| Package::from_value(doc).unwrap_err().path().map(str::to_owned);
    let mut x = doc();
    x["procedure"][0]["source"] = Value::Null;
    assert_eq!(path(x).as_deref(), Some("procedure[0]"));
    let mut x = doc();
    x["procedure"][1]["conversation_within"]["amount"] = json!(400);
    assert_eq!(path(x).as_deref(), Some("procedure[1].conversation_within.amount"));
    let mut x = doc();
    x["procedure"][1]["valid_from"] = json!("2027-01-01");
    assert_eq!(path(x).as_deref(), Some("procedure[1].valid_from"));
    let mut x = doc();
    x["procedure"][0]["evaluation_until"]["amount"] = json!(20);
    assert_eq!(path(x).as_deref(), Some("procedure[0].evaluation_until"));
    let mut x = doc();
    x["calendar"]["closed_days"][0]["date"] = json!("2026-02-30");
    assert_eq!(path(x).as_deref(), Some("calendar.closed_days[0].date"));
    let mut x = doc();
    x["procedure"][0]["conversation_within"]["unit"] = json!("weeks");
    assert!(Package::from_value(x).is_err());
    // An overlay may only replace what the base allows.
    let mut x = doc();
    x["municipal_choices"] = json!(["calendar"]);
    assert_eq!(path(x).as_deref(), Some("overlays[almere].procedure"));
}
