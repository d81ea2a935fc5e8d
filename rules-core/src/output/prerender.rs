//! The JSON of an indication that depends only on the package version,
//! rendered once when a package loads and spliced in verbatim later.

use crate::explain;
use crate::json_out::{self, WriteJson};
use crate::package::{JsonCache, Package, RuleJson};

use super::build::package_ref;
use super::citations::rule_sources;

fn raw<T: WriteJson + ?Sized>(value: &T) -> Box<str> {
    json_out::to_string(value).into_boxed_str()
}

/// Fills every version's `JsonCache` (called once when a package loads).
pub(crate) fn prerender(pkg: &mut Package) {
    let caches: Vec<JsonCache> = pkg
        .versions
        .iter()
        .map(|v| {
            let package = std::iter::once(None)
                .chain((0..pkg.municipalities.len()).map(Some))
                .map(|m| raw(&package_ref(pkg, v, m)))
                .collect();
            let rules = v
                .areas
                .iter()
                .map(|area| {
                    area.rules
                        .iter()
                        .map(|rule| RuleJson {
                            label: raw(&rule.label),
                            condition: raw(&rule.when.as_ref().map(|c| c.text.as_str())),
                            sources: raw(&rule_sources(pkg, v, rule)),
                        })
                        .collect()
                })
                .collect();
            JsonCache {
                package,
                rules,
                concept: explain::concept_warning(v).map(|w| raw(&w)),
                not_encoded: explain::not_encoded_warnings(v).map(|w| raw(&w)).collect(),
                not_covered: explain::not_covered_warning(v).map(|w| raw(&w)),
            }
        })
        .collect();
    for (v, cache) in pkg.versions.iter_mut().zip(caches) {
        v.json = cache;
    }
}
