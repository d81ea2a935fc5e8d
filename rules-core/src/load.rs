//! The public loading entry: `compile` checks and compiles the document,
//! then the answer-independent parts are prepared once: the warning texts
//! (`explain`), the pre-rendered JSON (`output::prerender`) and the package's
//! metadata and questions as JSON text (`describe`). This module sits above
//! them all, so none of them needs the others. A compiled bundle stores the
//! texts made here and not the JSON, which `compiled::load_compiled` renders
//! again with `prerender` (or, in the site module, the indication's writer at
//! each evaluation).

use serde_json::Value;

use crate::error::Error;
use crate::input::{json, limits};
use crate::package::{Described, Package};
use crate::{compile, describe, explain, json_out, output};

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
/// names one part of the loaded package (`output::template`). Then the
/// metadata and questions of the package itself.
pub(crate) fn prepare(package: &mut Package) {
    warning_texts(package);
    prerender(package);
    package.described = Described {
        info: json_out::to_string(&describe::info(package)).into_boxed_str(),
        questions: json_out::to_string(&describe::questions(package)).into_boxed_str(),
    };
}

fn warning_texts(package: &mut Package) {
    for v in &mut package.versions {
        v.texts = explain::warning_texts(&package.id, v);
    }
    for p in package.overlays.iter_mut().chain(package.linked.iter_mut()) {
        warning_texts(p);
    }
}

/// The JSON cache of every version in the tree (after the warning texts,
/// which some parts quote). Also run on a package read from a compiled
/// bundle, which stores the texts but not the JSON (`compiled::load_compiled`).
pub(crate) fn prerender(package: &mut Package) {
    prerender_from(package, &mut 0);
}

fn prerender_from(package: &mut Package, next: &mut u32) {
    output::prerender(package, next);
    for p in package.overlays.iter_mut().chain(package.linked.iter_mut()) {
        prerender_from(p, next);
    }
}
