//! The public loading entry: `compile` checks and compiles the document,
//! then the answer-independent parts are prepared once: the warning texts
//! (`explain`) and the pre-rendered JSON (`output::prerender`). This module
//! sits above all three, so none of them needs the others.

use serde_json::Value;

use crate::error::Error;
use crate::input::{json, limits};
use crate::package::Package;
use crate::{compile, explain, output};

impl Package {
    /// Loads a package from JSON text.
    /// Loads a package from JSON text, read by the strict reader (`input::json`).
    pub fn load(text: &str) -> Result<Package, Error> {
        let value = json::read_str(text, "(document)", json::Kind::Package)?;
        Package::from_value(value)
    }

    /// Loads a package from a parsed JSON document. A `fingerprint` member, as
    /// written by `bundle`, must match the content. Overlays and linked
    /// packages carried in the document are resolved and compiled too.
    pub fn from_value(value: Value) -> Result<Package, Error> {
        // The documented counts, before anything is built.
        limits::check_package(&value, "")?;
        let mut package = compile::load_value(value, 0)?;
        prepare(&mut package);
        Ok(package)
    }
}

/// Fills the warning texts and the JSON cache of every version, in this
/// package and in the overlays and linked packages it carries. The
/// pre-rendered parts are numbered through the whole tree (from 0), so an id
/// names one part of the loaded package (`output::template`).
pub(crate) fn prepare(package: &mut Package) {
    prepare_from(package, &mut 0);
}

fn prepare_from(package: &mut Package, next: &mut u32) {
    for v in &mut package.versions {
        v.texts = explain::warning_texts(&package.id, v);
    }
    output::prerender(package, next);
    for p in package.overlays.iter_mut().chain(package.linked.iter_mut()) {
        prepare_from(p, next);
    }
}
