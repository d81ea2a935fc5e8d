//! The JSON contract of an indication (documented in `docs/json-contract.md`)
//! and the text form a consultant pastes into a decision. Key order is the
//! field order of the model structs; the canonical form is compact JSON.
//!
//! One job per file: `model` (the JSON types), `build` (an indication into
//! the model), `citations` (sources of a rule or value), `cost` (tariff and
//! contribution), `prerender` (the answer-independent JSON, made once at
//! load, and the browser's template of it), `text` (the consultant's text), `write` (the model written with the
//! serde-free `crate::json_out`), `packed` (the browser's numbers-and-text form of the model). Rendering the canonical JSON is here.

mod build;
mod citations;
mod cost;
mod model;
mod packed;
mod prerender;
mod text;
mod write;

pub use build::to_json_model;
pub use cost::{euro, indication_cost};
pub use model::*;
pub use packed::{to_packed, Packed};
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
