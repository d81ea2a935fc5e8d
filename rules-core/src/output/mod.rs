//! The JSON contract of an indication (documented in `docs/json-contract.md`)
//! and the text form a consultant pastes into a decision. Key order is the
//! field order of the model structs; the canonical form is compact JSON.
//!
//! One job per file: `model` (the JSON types), `build` (an indication into
//! the model), `citations` (sources of a rule or value), `cost` (tariff and
//! contribution), `prerender` (the answer-independent JSON, made once at
//! load), `text` (the consultant's text). Rendering the canonical JSON is here.

mod build;
mod citations;
mod cost;
mod model;
mod prerender;
mod text;

pub use build::to_json_model;
pub use cost::{euro, indication_cost};
pub use model::*;
pub(crate) use prerender::prerender;
pub use text::to_text;

use crate::eval::Indication;

pub const ENGINE_NAME: &str = "urenwijzer";
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Canonical compact JSON of an indication.
pub fn to_json(ind: &Indication, trace: bool) -> String {
    let mut buf = Vec::with_capacity(if trace { 8192 } else { 2048 });
    // Serialising these plain structs cannot fail, and serde_json writes UTF-8.
    if serde_json::to_writer(&mut buf, &to_json_model(ind, trace)).is_err() {
        return String::new();
    }
    String::from_utf8(buf).unwrap_or_default()
}
