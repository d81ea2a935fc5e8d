//! The tools module's exports (feature `tools`): what only the checking page
//! and other tools need. Loading a package document (`new Engine(document)`,
//! with paths in its errors), the package checks (`checkReportJson`,
//! `checkFilesJson`, `classifyFilesJson`) and the pilot report. The impact
//! report lives in `impact.rs`, also behind the feature. The resident module
//! (site, widget) is built without these and loads compiled bundles only.

use rules_core::assemble::{self, InputFile};
use rules_core::input::json;
use rules_core::{check, Error, Package};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::{js_error, Engine};

#[wasm_bindgen]
impl Engine {
    /// Loads a bundled package document given as JSON text: its
    /// `fingerprint` member must be there (else `missing_fingerprint`) and
    /// match the content. With `plain_document` a source document without
    /// fingerprint loads too (asked for explicitly by the caller).
    #[wasm_bindgen(constructor)]
    pub fn new(document: &str, plain_document: bool) -> Result<Engine, JsValue> {
        let loaded = if plain_document { Package::load(document) } else { Package::load_bundle(document) };
        loaded.map(Engine::from).map_err(|e| js_error(&e))
    }

    /// The pilot report with this package (its procedure, and recomputing
    /// records made with the same fingerprint): see [`pilot_report_json`].
    #[wasm_bindgen(js_name = pilotJson)]
    pub fn pilot_json(&self, files: &str, reasons: bool) -> Result<String, JsValue> {
        pilot_report(std::slice::from_ref(&self.package), files, reasons).map_err(|e| js_error(&e))
    }
}

/// `files` is JSON text `[[name, text], ...]`; the result is JSON text
/// `[summary.json text, report.html text]`, the same bytes `urenwijzer pilot` writes.
fn pilot_report(packages: &[Package], files: &str, reasons: bool) -> Result<String, Error> {
    let list: Vec<(String, String)> = serde_json::from_str(files).map_err(|e| Error::InvalidRecord {
        field: "(bestanden)".into(),
        message: format!("verwacht [[naam, tekst], ...]: {e}"),
    })?;
    let inputs: Vec<rules_core::pilot::RecordFile<'_>> =
        list.iter().map(|(name, text)| rules_core::pilot::RecordFile { name, bytes: text.as_bytes() }).collect();
    let options = rules_core::pilot::PilotOptions { packages, show_reasons: reasons };
    let result = rules_core::pilot::pilot(&inputs, &options);
    Ok(serde_json::to_string(&(result.summary.to_json(), result.html)).unwrap_or_default())
}

/// The pilot report without a package (motion defaults, nothing recomputed).
#[wasm_bindgen(js_name = pilotReportJson)]
pub fn pilot_report_json(files: &str, reasons: bool) -> Result<String, JsValue> {
    pilot_report(&[], files, reasons).map_err(|e| js_error(&e))
}

/// The whole check of a package document (`check::report`: does it load,
/// lints, its cases) as JSON text. `cases` is JSON text of
/// `[[name, case document], ...]`; the document is JSON text.
#[wasm_bindgen(js_name = checkReportJson)]
pub fn check_report_json(document: &str, cases: &str) -> String {
    let cases: Vec<(String, Value)> = serde_json::from_str(cases).unwrap_or_default();
    let loaded =
        json::read_str(document, "(document)", json::Kind::Package).map_err(|e| e.to_object()).and_then(check::load);
    serde_json::to_string(&check::report(loaded.as_ref().map_err(Clone::clone), &cases)).unwrap_or_default()
}

/// The files as `InputFile`s: `paths[i]` has the next `lengths[i]` bytes of `data`.
pub(crate) fn input_files<'a>(
    paths: &'a [String],
    data: &'a [u8],
    lengths: &[u32],
) -> Result<Vec<InputFile<'a>>, Error> {
    let mismatch =
        || Error::InvalidPackage { path: "(bestanden)".into(), message: "paden en lengtes passen niet".into() };
    if paths.len() != lengths.len() {
        return Err(mismatch());
    }
    let mut files = Vec::with_capacity(paths.len());
    let mut at = 0usize;
    for (path, &len) in paths.iter().zip(lengths) {
        let end = at.checked_add(len as usize).filter(|&e| e <= data.len()).ok_or_else(mismatch)?;
        files.push(InputFile { path, bytes: &data[at..end] });
        at = end;
    }
    Ok(files)
}

/// The checking page's whole check of a set of files (`assemble::check_files`:
/// what each file is, each package assembled, loaded, linted and its cases run)
/// as JSON text. The files arrive as bytes, so invalid UTF-8 is seen as such.
#[wasm_bindgen(js_name = checkFilesJson)]
pub fn check_files_json(paths: Vec<String>, data: &[u8], lengths: &[u32]) -> Result<String, JsValue> {
    let files = input_files(&paths, data, lengths).map_err(|e| js_error(&e))?;
    let report = assemble::check_files(&files).map_err(|e| js_error(&e))?;
    Ok(serde_json::to_string(&report).unwrap_or_default())
}

/// What each file is (`assemble::classify`), as a JSON array.
#[wasm_bindgen(js_name = classifyFilesJson)]
pub fn classify_files_json(paths: Vec<String>, data: &[u8], lengths: &[u32]) -> Result<String, JsValue> {
    let files = input_files(&paths, data, lengths).map_err(|e| js_error(&e))?;
    let infos: Vec<_> = files.into_iter().map(assemble::classify).collect();
    Ok(serde_json::to_string(&infos).unwrap_or_default())
}
