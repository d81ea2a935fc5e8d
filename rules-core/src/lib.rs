//! Urenwijzer rules core: norm packages for Wmo household help as data,
//! evaluated into an explained indication in whole minutes.
//!
//! Flow: JSON document → [`Package::load`] (validated, compiled, fingerprinted)
//! → [`Answers::from_json`] → [`evaluate`] → [`output::to_json`] /
//! [`output::to_text`]. No I/O, no clock, no floating point.
// Input paths never unwrap: bad input gets a coded error, not a panic (tests may unwrap).
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod answers;
pub mod assemble;
mod bundled;
pub mod canonical;
pub mod cases;
pub mod check;
mod compile;
pub mod compiled;
pub mod date;
pub mod describe;
pub mod document;
pub mod error;
pub mod eval;
pub mod explain;
pub mod expr;
pub mod figures;
pub mod form;
pub mod impact;
pub mod input;
pub mod json_out;
mod links;
pub mod lint;
mod load;
pub mod output;
pub mod package;
pub mod pilot;
pub mod plan;
pub mod report;
pub mod resident_texts;
pub mod tariff;
pub mod workdays;

pub use answers::Answers;
pub use date::Date;
pub use error::{Error, ErrorObject, ERROR_CODES};
pub use eval::{evaluate, evaluate_with, select, Indication, Options, Selection};
pub use form::{form_state, form_state_with, FormState, Mode};
pub use input::answer_value::{AnswerMap, AnswerNumber, AnswerValue};
pub use output::{ENGINE_NAME, ENGINE_VERSION};
pub use package::{Package, START_DATE_KEY};

/// One call from answers JSON to canonical indication JSON: what the CLI's
/// `eval --format json` and the browser build both print.
pub fn evaluate_to_json(
    package: &Package,
    answers: &AnswerValue,
    options: &Options,
    trace: bool,
) -> Result<String, Error> {
    eval::evaluate_with(package, answers, options, |ind| output::to_json(ind, trace))
}

/// As `evaluate_to_json`, but into the browser's packed form
/// (`output::to_packed`, numbers and one ASCII text, kept in `out`): the same
/// checks and errors, the same model.
pub fn evaluate_to_packed(
    package: &Package,
    answers: &AnswerValue,
    options: &Options,
    trace: bool,
    out: &mut output::Packed,
) -> Result<(), Error> {
    eval::evaluate_with(package, answers, options, |ind| output::to_packed(ind, trace, out))
}
