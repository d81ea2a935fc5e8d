//! The serde-free writer (`rules_core::json_out`) writes the package
//! descriptions exactly as their serde derives do, for every real package
//! (the indication, the form state and the errors are covered by the
//! conformance suite and the unit tests).

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

use rules_core::{describe, json_out};

#[test]
fn describe_info_and_questions_as_serde_writes_them() {
    for doc in fuzz_checks::documents() {
        let package = rules_core::Package::from_value(doc).expect("a real package loads");
        let info = describe::info(&package);
        assert_eq!(json_out::to_string(&info), serde_json::to_string(&info).unwrap(), "{}", package.id);
        let questions = describe::questions(&package);
        assert_eq!(json_out::to_string(&questions), serde_json::to_string(&questions).unwrap(), "{}", package.id);
        let codes = rules_core::ERROR_CODES;
        assert_eq!(json_out::to_string(codes), serde_json::to_string(codes).unwrap());
    }
}
