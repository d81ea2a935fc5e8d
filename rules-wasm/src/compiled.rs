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

    /// `fromCompiled` with the body's sha256 (of `bytes[compiledBodyOffset()..]`)
    /// computed by the wrapper with Web Crypto, natively
    /// (`Engine.loadCompiled`); compared with the header's hash, after the same
    /// header checks (`rules_core::Package::load_compiled_hashed`).
    #[wasm_bindgen(js_name = fromCompiledHashed)]
    pub fn from_compiled_hashed(bytes: &[u8], body_sha256: &[u8]) -> Result<Engine, JsValue> {
        Package::load_compiled_hashed(bytes, body_sha256).map(Engine::from).map_err(|e| js_error(&e))
    }
}

/// Where a compiled bundle's body starts: what its header's sha256 covers
/// (`rules_core::compiled::BODY_OFFSET`), for the wrapper's Web Crypto digest.
#[wasm_bindgen(js_name = compiledBodyOffset)]
pub fn compiled_body_offset() -> usize {
    rules_core::compiled::BODY_OFFSET
}

/// The compiled format this build reads (`rules_core::compiled::FORMAT_VERSION`).
#[wasm_bindgen(js_name = compiledFormatVersion)]
pub fn compiled_format_version() -> u16 {
    rules_core::compiled::FORMAT_VERSION
}
