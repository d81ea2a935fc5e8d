//! The caseload impact report in the browser (`impactReport` in
//! `js/urenwijzer.js`): two packages (or one on two dates) and a caseload in,
//! the three files of `urenwijzer impact` out, byte for byte. Converts only:
//! the packages are put together by the core's `assemble` (as the CLI does
//! with a folder), the run is the core's `impact::run_with_progress`.

use rules_core::assemble::{self, FileKind, InputFile};
use rules_core::impact::{self, ImpactOptions};
use rules_core::{Error, Package};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::tools::input_files;
use crate::{js_error, parse_date};

#[wasm_bindgen]
extern "C" {
    /// A JavaScript function `(households, bytesRead) => void`.
    pub type ImpactProgress;

    #[wasm_bindgen(method, js_name = call)]
    fn report(this: &ImpactProgress, this_arg: &JsValue, households: f64, bytes_read: f64);
}

fn options_error(message: impl Into<String>) -> Error {
    Error::InvalidCaseload { line: None, message: message.into() }
}

/// `{date, oldDate?, newDate?, municipality?, reassessAll?, scaleTo?}` as the CLI's flags.
fn impact_options(text: &str) -> Result<ImpactOptions, Error> {
    let v: Value = serde_json::from_str(text).map_err(|e| options_error(format!("instellingen: {e}")))?;
    let date = |key: &str| -> Result<Option<rules_core::Date>, Error> {
        match v.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => parse_date(s).map(Some),
            Some(other) => parse_date(&other.to_string()).map(Some),
        }
    };
    let scale_to = match v.get("scaleTo") {
        None | Some(Value::Null) => None,
        Some(n) => Some(n.as_u64().ok_or_else(|| options_error("scaleTo: een heel getal, 1 of meer"))?),
    };
    Ok(ImpactOptions {
        date: date("date")?.ok_or_else(|| Error::InvalidDate { question: None, value: String::new() })?,
        old_date: date("oldDate")?,
        new_date: date("newDate")?,
        municipality: v.get("municipality").and_then(Value::as_str).filter(|m| !m.is_empty()).map(str::to_owned),
        reassess_all: v.get("reassessAll").and_then(Value::as_bool).unwrap_or(false),
        scale_to,
    })
}

/// The package file of one side: the package (or bundle) among its files
/// closest to the top of the folder that was chosen.
fn root<'a>(files: &[InputFile<'a>], side: &str) -> Result<&'a str, Error> {
    files
        .iter()
        .filter(|f| assemble::classify(**f).kind == FileKind::Package)
        .min_by_key(|f| (f.path.matches('/').count(), f.path))
        .map(|f| f.path)
        .ok_or_else(|| Error::InvalidPackage {
            path: format!("({side})"),
            message: "geen normpakket gekozen (package.json of een gebundeld pakket)".into(),
        })
}

/// The package at `root`, with its overlays and the linked packages among all the files.
fn load(files: &[InputFile<'_>], root: &str) -> Result<Package, Error> {
    let (document, _missing) = assemble::assemble_package(files, root)?;
    // A linked package that is not among the files: loading names it, as the CLI does.
    Package::from_value(document)
}

/// The impact run. `paths`/`data`/`lengths` are the package files, the
/// first `old_count` of the old norm, the rest of the new one (none: the old
/// package on two dates). Returns JSON text `[summary.json, report.html,
/// households.csv]`.
#[allow(clippy::too_many_arguments)]
fn run(
    paths: &[String],
    data: &[u8],
    lengths: &[u32],
    old_count: usize,
    caseload: &[u8],
    options: &str,
    progress: &ImpactProgress,
) -> Result<String, Error> {
    let options = impact_options(options)?;
    let files = input_files(paths, data, lengths)?;
    let split = old_count.min(files.len());
    let old_root = root(&files[..split], "oude norm")?;
    let new_root = if split == files.len() { old_root } else { root(&files[split..], "nieuwe norm")? };
    let old = load(&files, old_root)?;
    let new = load(&files, new_root)?;
    let done = impact::run_with_progress(&old, &new, caseload, options, |households, read| {
        // Counts stay far below 2^53: exact as JavaScript numbers.
        progress.report(&JsValue::NULL, households as f64, read as f64);
    })?;
    Ok(serde_json::to_string(&(done.summary_json, done.report_html, done.households_csv)).unwrap_or_default())
}

/// The caseload impact report (`urenwijzer impact`) as JSON text
/// `[summary.json, report.html, households.csv]`; see [`run`].
#[wasm_bindgen(js_name = impactReportJson)]
pub fn impact_report_json(
    paths: Vec<String>,
    data: &[u8],
    lengths: &[u32],
    old_count: u32,
    caseload: &[u8],
    options: &str,
    progress: &ImpactProgress,
) -> Result<String, JsValue> {
    run(&paths, data, lengths, old_count as usize, caseload, options, progress).map_err(|e| js_error(&e))
}
