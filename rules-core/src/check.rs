//! The whole check of a package document as one JSON report: does it load,
//! what do the lints say, do its cases pass. Used by the browser checking
//! page for policy staff (no Rust toolchain needed) and equal to what
//! `urenwijzer check` and `urenwijzer test` report.

use serde::Serialize;
use serde_json::Value;

use crate::cases::Case;
use crate::describe::{self, PackageInfo};
use crate::error::ErrorObject;
use crate::lint::{lint, Lint};
use crate::package::Package;

#[derive(Serialize)]
pub struct Report<'a> {
    /// True when the package loads, has no error and every case passes.
    pub ok: bool,
    pub error: Option<ErrorObject>,
    pub package: Option<PackageInfo<'a>>,
    pub lints: Vec<Lint>,
    pub cases: Vec<CaseReport>,
}

#[derive(Serialize)]
pub struct CaseReport {
    pub name: String,
    pub description: String,
    pub ok: bool,
    pub problems: Vec<String>,
}

/// Loads `document` and runs `cases` (name, case document) against it.
/// The report borrows from the returned package, so both come back.
// One error object per load, never on a hot path: its size does not matter.
#[allow(clippy::result_large_err)]
pub fn load(document: Value) -> Result<Package, ErrorObject> {
    Package::from_value(document).map_err(|e| e.to_object())
}

pub fn report<'a>(package: Result<&'a Package, ErrorObject>, cases: &[(String, Value)]) -> Report<'a> {
    let cases: Vec<(String, Result<Case, String>)> =
        cases.iter().map(|(n, d)| (n.clone(), Case::from_document(d.clone(), None))).collect();
    report_parsed(package, &cases)
}

/// As [`report`], with cases already read (or the reader's message).
pub fn report_parsed<'a>(
    package: Result<&'a Package, ErrorObject>,
    cases: &[(String, Result<Case, String>)],
) -> Report<'a> {
    let package = match package {
        Ok(p) => p,
        Err(e) => return Report { ok: false, error: Some(e), package: None, lints: Vec::new(), cases: Vec::new() },
    };
    let cases: Vec<CaseReport> = cases
        .iter()
        .map(|(name, parsed)| match parsed {
            Err(e) => {
                CaseReport { name: name.clone(), description: String::new(), ok: false, problems: vec![e.clone()] }
            }
            Ok(case) => {
                let outcome = case.run(package);
                CaseReport {
                    name: name.clone(),
                    description: case.description.clone(),
                    ok: outcome.is_ok(),
                    problems: outcome.err().unwrap_or_default(),
                }
            }
        })
        .collect();
    Report {
        ok: cases.iter().all(|c| c.ok),
        error: None,
        package: Some(describe::info(package)),
        lints: lint(package),
        cases,
    }
}
