//! The JSON contract of an indication (documented in `docs/json-contract.md`)
//! and the text form a consultant pastes into a decision. Key order is the
//! field order of the model structs; the canonical form is compact JSON.
//!
//! One job per file: `model` (the JSON types), `build` (an indication into
//! the model), `citations` (sources of a rule or value), `cost` (tariff and
//! contribution), `prerender` (the answer-independent JSON, made once at
//! load, and the browser's template of it), `text` (the consultant's text), `write` (the model written with the
//! serde-free `crate::json_out`). Rendering the canonical JSON is here.

mod build;
mod citations;
mod cost;
mod model;
mod prerender;
mod text;
mod write;

pub use build::to_json_model;
pub use cost::{euro, indication_cost};
pub use model::*;
pub(crate) use prerender::prerender;
pub use prerender::template;
pub use text::to_text;

use crate::eval::Indication;

pub const ENGINE_NAME: &str = "urenwijzer";
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Canonical compact JSON of an indication.
pub fn to_json(ind: &Indication, trace: bool) -> String {
    let mut out = crate::json_out::JsonOut::with_capacity(if trace { 8192 } else { 2048 });
    out.value(&to_json_model(ind, trace));
    out.finish()
}

/// The browser's payload of an indication: the canonical JSON of `to_json`,
/// written by the same model and writer, except that each part pre-rendered
/// at load is written as its id (an integer where the contract has the
/// `package` or `engine` object, a step's `label`, `condition` or `sources`,
/// or a warning). Putting `template`'s part with that id in each such place
/// gives the canonical indication again; the wrapper does that
/// (`docs/browser-api.md`, "How evaluate is assembled").
pub fn to_payload(ind: &Indication, trace: bool) -> String {
    let mut out = crate::json_out::JsonOut::with_part_ids(if trace { 4096 } else { 1024 });
    out.value(&to_json_model(ind, trace));
    out.finish()
}
