//! Loading a compiled bundle (`.uwb`, `rules_core::compiled`): what the site
//! and the widget load, without the document deserializers, `compile` or the
//! expression parser at run time. Results are the same bytes as from the
//! JSON bundle.

use rules_core::Package;
use wasm_bindgen::prelude::*;

use super::{js_error, Engine};

#[wasm_bindgen]
impl Engine {
    /// Loads a compiled bundle from its bytes: the format version
    /// (`bundle_version`), the hash (`bundle_hash`) and every index
    /// (`invalid_bundle`) are checked first.
    #[wasm_bindgen(js_name = fromCompiled)]
    pub fn from_compiled(bytes: &[u8]) -> Result<Engine, JsValue> {
        Package::load_compiled(bytes).map(Engine::from).map_err(|e| js_error(&e))
    }
}

/// The compiled format this build reads (`rules_core::compiled::FORMAT_VERSION`).
#[wasm_bindgen(js_name = compiledFormatVersion)]
pub fn compiled_format_version() -> u16 {
    rules_core::compiled::FORMAT_VERSION
}
