//! Browser build of Urenwijzer: a thin wasm-bindgen layer over `rules-core`.
//!
//! This crate only converts types and errors. Everything crosses the
//! boundary as JSON text: answers come in as the `JSON.stringify` of the
//! answers object, indications go out as the core's canonical compact JSON
//! (the exact bytes `urenwijzer eval --format json` prints), so the
//! hand-written wrapper `js/urenwijzer.js` only has to `JSON.parse` them.
//! Core errors become JavaScript `Error`s with the core's `code` and, where it
//! applies, `question` and `path` (see [`js_error`]).
//!
//! The generated glue is not the public API; `js/urenwijzer.js` is.
//! No function here may panic on any input: a panic aborts the instance
//! (`panic = "abort"` in the `wasm-release` profile).
// Input paths never unwrap: bad input gets a coded error, not a panic (tests may unwrap).
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// The allocator of every browser build: talc instead of Rust's default dlmalloc
// (smaller and faster in wasm; docs/performance.md, "Allocator and the site's JSON path (w24)").
// Single-threaded: no build of ours enables the `atomics` target feature.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod compiled;
// The packed indication and its templates (`evaluatePacked`, `statePacked`,
// `templateJson`): bulk speed for the widget's and the tools' modules. The
// site evaluates once per answer given; its wrapper parses the canonical JSON
// text instead, and its module leaves the packed form out (3.5 KB gzipped,
// docs/performance.md, "Allocator and the site's JSON path (w24)").
#[cfg(feature = "portal")]
mod packed;
// The provider portal's calls (feature `portal`: the widget's module and the
// tools module): the plan of omgekeerd toewijzen, records, the dossier
// reference check, and figures-only for bulk use. The self-check site's
// module is built without them: it never calls them (12 KB gzipped less,
// docs/performance.md, "The site module (w23)").
#[cfg(feature = "portal")]
mod figures;
#[cfg(feature = "portal")]
mod portal;

#[cfg(feature = "portal")]
use rules_core::input::flat::ReadAnswers;
use rules_core::input::json;
use rules_core::json_out::{self, JsonOut};
use rules_core::{describe, AnswerValue, Date, Error, Options, Package};
use wasm_bindgen::prelude::*;

// The tools module (feature `tools`, on by default; the checking page's
// build): document loading, the checks, the pilot and impact reports. The
// resident module (site, widget) is built without it and loads only compiled
// bundles (`compiled.rs`), so the linker drops the document deserializers,
// `compile` and the expression parser. See docs/browser-api.md.
#[cfg(feature = "tools")]
mod impact;
// Answers as numbers (w20): bulk speed for `figures` and `evaluate`; the
// wrapper falls back to JSON text where the export is missing, so the
// resident module leaves it out (+2.7 KB gzipped there, measured).
#[cfg(feature = "tools")]
mod slots;
#[cfg(feature = "tools")]
mod tools;
#[cfg(feature = "tools")]
pub use impact::{impact_report_json, ImpactProgress};
#[cfg(feature = "tools")]
pub use tools::{check_files_json, check_report_json, classify_files_json, pilot_report_json};

/// The one error conversion, used for every error this crate throws: the
/// core's error object (`{code, message, question?, path?, file?, line?,
/// column?, limit?, detail?}`) as JSON text, thrown as a string. The
/// wrapper's `failure` makes it an `UrenwijzerError` (as it did with the
/// `Error` this used to build through eight imported setters: −0.6 KB
/// gzipped on the site module, docs/performance.md, w26).
fn js_error(e: &Error) -> JsValue {
    JsValue::from_str(&json_out::to_string(&e.to_object()))
}

/// Answers arrive as JSON text, read by the core's strict reader exactly as
/// the CLI reads an answers file (same limits, same codes, numbers as written).
fn parse_answers(answers: &str) -> Result<AnswerValue, Error> {
    json::read_exact_str(answers, "(antwoorden)", json::Kind::Answers)
}

/// As `parse_answers`, for `evaluate` and `figures`: a flat answers object
/// is read without a tree (`rules_core::input::flat`), with the same verdict.
#[cfg(feature = "portal")]
fn read_answers(answers: &str) -> Result<ReadAnswers<'_>, Error> {
    ReadAnswers::read(answers)
}

/// The date whose norm applies, `YYYY-MM-DD` (the wrapper defaults it to today).
fn parse_date(date: &str) -> Result<Date, Error> {
    Date::parse(date).ok_or_else(|| Error::InvalidDate { question: None, value: date.to_string() })
}

/// A loaded norm package, ready to evaluate answers.
#[wasm_bindgen]
pub struct Engine {
    package: Package,
    /// The names answers can use, made on first use (`slots.rs`).
    #[cfg(feature = "tools")]
    names: slots::Names,
}

impl From<Package> for Engine {
    fn from(package: Package) -> Engine {
        Engine {
            package,
            #[cfg(feature = "tools")]
            names: slots::Names::new(),
        }
    }
}

#[wasm_bindgen]
impl Engine {
    /// What the package says of itself, by number (`part`, the wrapper's
    /// `PART`; one export rather than three, as `answersJson`):
    /// `FINGERPRINT` its `sha256:` fingerprint (text), `INFO`
    /// `describe::info` and `QUESTIONS` (any other number too)
    /// `describe::questions` as JSON text, made once when the package was
    /// loaded (`Package::described`; a compiled bundle stores both, so no
    /// module writes them).
    #[wasm_bindgen(js_name = packageText)]
    pub fn package_text(&self, part: u32) -> String {
        match part {
            FINGERPRINT => self.package.fingerprint.clone(),
            INFO => self.package.described.info.to_string(),
            _ => self.package.described.questions.to_string(),
        }
    }

    /// The four calls that take answers, as JSON text, by number (`call`,
    /// the wrapper's `CALL`): one export rather than four, because each
    /// export carries its own argument conversions in the module and the
    /// glue (−0.8 KB gzipped on the site module; docs/performance.md, w26).
    /// - `ASKED`: ids of the questions asked given these (partial) answers
    ///   (`describe::asked_on`: follows a transition rule); answers that are
    ///   no JSON count as none.
    /// - `PROBLEMS`: every problem with the answers for the package that
    ///   applies on `date` (overlay, transition rule): an array of error objects.
    /// - `STATE`: the form state (`form::form_state`, prune mode), the bytes
    ///   `urenwijzer state` prints; answers that are no JSON are a problem in
    ///   the state.
    /// - 3, evaluate (any other number too): the indication as canonical JSON
    ///   text (`urenwijzer eval --format json`); without `trace` the trace
    ///   and explanation are empty.
    ///
    /// A bad date is thrown by all four; evaluate throws every error.
    #[wasm_bindgen(js_name = answersJson)]
    pub fn answers_json(
        &self,
        call: u32,
        answers: &str,
        date: &str,
        municipality: Option<String>,
        trace: bool,
    ) -> Result<String, JsValue> {
        match call {
            ASKED => {
                let answers = parse_answers(answers).unwrap_or_default();
                let date = parse_date(date).map_err(|e| js_error(&e))?;
                let ids = describe::asked_on(&self.package, &answers, &Options { date, municipality });
                Ok(json_out::to_string(&ids))
            }
            PROBLEMS => {
                let problems = match parse_answers(answers).and_then(|a| Ok((a, parse_date(date)?))) {
                    Ok((answers, date)) => {
                        rules_core::eval::problems_on(&self.package, &answers, &Options { date, municipality })
                    }
                    Err(e) => vec![e],
                };
                let mut out = JsonOut::with_capacity(256);
                out.array(&problems, |out, e| out.value(&e.to_object()));
                Ok(out.finish())
            }
            STATE => self.state(answers, date, municipality, trace, rules_core::output::to_json),
            _ => {
                self.evaluate(answers, date, municipality, trace, rules_core::output::to_json).map_err(|e| js_error(&e))
            }
        }
    }

    /// As `answersJson`'s `STATE`, but its `indication` (when there is one) is the
    /// address of the packed indication (`evaluatePacked`), which the wrapper
    /// reads and assembles from the template.
    #[cfg(feature = "portal")]
    #[wasm_bindgen(js_name = statePacked)]
    pub fn state_packed(
        &self,
        answers: &str,
        date: &str,
        municipality: Option<String>,
        trace: bool,
    ) -> Result<String, JsValue> {
        self.state(answers, date, municipality, trace, |ind, trace| packed::pack(ind, trace).to_string())
    }

    /// The indication in the browser's packed form (`rules_core::output::to_packed`),
    /// kept in the module's memory until the next call: returns the address of
    /// its head (`packed.rs`). Same checks and errors as `answersJson`'s evaluate.
    #[cfg(feature = "portal")]
    #[wasm_bindgen(js_name = evaluatePacked)]
    pub fn evaluate_packed(
        &self,
        answers: &str,
        date: &str,
        municipality: Option<String>,
        trace: bool,
    ) -> Result<u32, JsValue> {
        self.evaluate(answers, date, municipality, trace, packed::pack).map_err(|e| js_error(&e))
    }

    /// The template holding part `id` of a payload (`rules_core::output::template`):
    /// `{"start": s, "parts": [...]}`, the parts of one package version; `null`
    /// for an id the package does not have.
    #[cfg(feature = "portal")]
    #[wasm_bindgen(js_name = templateJson)]
    pub fn template_json(&self, id: u32) -> String {
        rules_core::output::template(&self.package, id).unwrap_or_else(|| "null".to_string())
    }
}

/// `Engine::package_text`'s parts (the wrapper's `PART`); 2, the questions, is its last arm.
const FINGERPRINT: u32 = 0;
const INFO: u32 = 1;

/// `Engine::answers_json`'s calls (the wrapper's `CALL`).
const ASKED: u32 = 0;
const PROBLEMS: u32 = 1;
const STATE: u32 = 2;
// 3, evaluate, is `answers_json`'s last arm, which takes any other number.

/// `rules_core::output::to_json`, or the packed form's address as text.
type RenderIndication = fn(&rules_core::eval::Indication, bool) -> String;

impl Engine {
    fn state(
        &self,
        answers: &str,
        date: &str,
        municipality: Option<String>,
        trace: bool,
        render: RenderIndication,
    ) -> Result<String, JsValue> {
        let date = parse_date(date).map_err(|e| js_error(&e))?;
        let options = Options { date, municipality };
        let prune = rules_core::Mode::Prune;
        let state = match parse_answers(answers) {
            Ok(answers) => rules_core::form_state_with(&self.package, &answers, &options, prune, trace, render),
            Err(e) => {
                let mut state =
                    rules_core::form_state_with(&self.package, &AnswerValue::Null, &options, prune, trace, render);
                state.problems = vec![e];
                state
            }
        };
        Ok(state.to_json())
    }

    /// `render` is `rules_core::output::to_json` or `packed::pack`.
    fn evaluate<R>(
        &self,
        answers: &str,
        date: &str,
        municipality: Option<String>,
        trace: bool,
        render: fn(&rules_core::eval::Indication, bool) -> R,
    ) -> Result<R, Error> {
        // Same order of checks as the CLI: answers JSON, date, then the core
        // (municipality, version, transition, answers). `evaluate_read_with`
        // is `evaluate_to_json` / `evaluate_to_packed` from read answers.
        let options = |date| Options { date, municipality };
        let render = |ind: &rules_core::eval::Indication| render(ind, trace);
        // The widget's and tools' modules take the quick reader (bulk
        // evaluate, w19); the site evaluates once per answer given, so its
        // module reads answers with the strict reader only, as `state` does,
        // and leaves the quick reader out (docs/performance.md, w24).
        #[cfg(feature = "portal")]
        {
            let answers = read_answers(answers)?;
            let options = options(parse_date(date)?);
            rules_core::eval::evaluate_read_with(&self.package, &answers, &options, render)
        }
        #[cfg(not(feature = "portal"))]
        {
            let answers = parse_answers(answers)?;
            let options = options(parse_date(date)?);
            rules_core::eval::evaluate_with(&self.package, &answers, &options, render)
        }
    }
}

/// The core's error codes (`docs/errors.md`) as a JSON array: the wrapper
/// passes only these on, anything else becomes `internal`.
#[wasm_bindgen(js_name = errorCodesJson)]
pub fn error_codes_json() -> String {
    json_out::to_string(rules_core::ERROR_CODES)
}

/// Test hook: panics on purpose, so the tests can check that the wrapper
/// turns the resulting trap into an `internal` error and recovers. Not part
/// of the API; no input to the real API can reach a panic.
#[doc(hidden)]
#[wasm_bindgen(js_name = __debugPanic)]
pub fn debug_panic() {
    panic!("deliberate panic (test hook)");
}
