//! The JSON of an indication that depends only on the package version,
//! rendered once when a package loads and spliced in verbatim later; and the
//! browser's template, the same parts listed by id (`template`).

use crate::explain;
use crate::json_out::{self, JsonOut, WriteJson};
use crate::package::{JsonCache, Package, Prerendered, RuleJson, SentenceHead, Version};

use crate::document::TariffKind;

use super::build::{kind_name, package_ref};
use super::citations::rule_sources;
use super::cost::{contribution_money, tariff_money};
use super::model::EngineRef;
use super::{ENGINE_NAME, ENGINE_VERSION};

/// Gives out the ids of the parts, in the order they are made.
struct Parts<'n> {
    next: &'n mut u32,
}

impl Parts<'_> {
    fn raw<T: WriteJson + ?Sized>(&mut self, value: &T) -> Prerendered {
        let id = *self.next;
        // More than 4 billion parts would need more memory than a package may hold (`input::limits`).
        *self.next = self.next.saturating_add(1);
        Prerendered { id, json: json_out::to_string(value).into_boxed_str() }
    }
}

/// A rule step's head: `[area, rule, kind, label, condition, sources]`, the
/// last three already rendered.
struct StepHead<'a> {
    area: &'a str,
    rule: &'a str,
    kind: &'static str,
    raws: [&'a str; 3],
}

impl WriteJson for StepHead<'_> {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_array();
        out.str(self.area);
        out.str(self.rule);
        out.str(self.kind);
        for raw in self.raws {
            out.raw(raw);
        }
        out.end_array();
    }
}

/// Fills every version's `JsonCache` (called once when a package loads).
/// `next` is the first free part id; the ids of this package's parts follow
/// on from it, version by version, so each version's parts are one range.
pub(crate) fn prerender(pkg: &mut Package, next: &mut u32) {
    let mut parts = Parts { next };
    let caches: Vec<JsonCache> = pkg
        .versions
        .iter()
        .map(|v| {
            let first = *parts.next;
            let package = std::iter::once(None)
                .chain((0..pkg.municipalities.len()).map(Some))
                .map(|m| parts.raw(&package_ref(pkg, v, m)))
                .collect();
            let engine = Some(parts.raw(&EngineRef { name: ENGINE_NAME, version: ENGINE_VERSION }));
            let rules = v
                .areas
                .iter()
                .map(|area| {
                    area.rules
                        .iter()
                        .map(|rule| {
                            let label = parts.raw(&rule.label);
                            let condition = parts.raw(&rule.when.as_ref().map(|c| c.text.as_str()));
                            let sources = parts.raw(&rule_sources(pkg, v, rule));
                            let text = explain::rule_sentence_head(rule);
                            let head = SentenceHead { part: parts.raw(text.as_str()), text: text.into_boxed_str() };
                            // The fields of the step that only depend on the rule, in the
                            // contract's order, from the parts just made.
                            let step = parts.raw(&StepHead {
                                area: &area.id,
                                rule: &rule.id,
                                kind: kind_name(rule.kind),
                                raws: [&label.json, &condition.json, &sources.json],
                            });
                            RuleJson { label, condition, sources, head, step }
                        })
                        .collect()
                })
                .collect();
            let concept = explain::concept_warning(v).map(|w| parts.raw(&w));
            let provisional_version = explain::provisional_version_warning(v).map(|w| parts.raw(&w));
            let not_encoded = explain::not_encoded_warnings(v).map(|w| parts.raw(&w)).collect();
            let not_covered = explain::not_covered_warning(v).map(|w| parts.raw(&w));
            // Money (`cost::money_part`): what `MoneyRules::of` can pick for this version.
            let tariffs = std::iter::once(v.tariff.as_ref())
                .chain(pkg.tariffs.iter().map(Some))
                .map(|t| {
                    t.filter(|t| !matches!(t.kind, TariffKind::PerClass)).map(|t| parts.raw(&tariff_money(t, None)))
                })
                .collect();
            let contributions = std::iter::once(v.contribution.as_ref())
                .chain(pkg.contributions.iter().map(Some))
                .map(|k| k.map(|k| parts.raw(&contribution_money(k))))
                .collect();
            JsonCache {
                ids: first..*parts.next,
                package,
                engine,
                rules,
                concept,
                provisional_version,
                not_encoded,
                not_covered,
                tariffs,
                contributions,
            }
        })
        .collect();
    for (v, cache) in pkg.versions.iter_mut().zip(caches) {
        v.json = cache;
    }
}

/// Every part of a version's cache, in id order.
fn parts_of(cache: &JsonCache) -> Vec<&Prerendered> {
    let mut all: Vec<&Prerendered> = cache.package.iter().chain(&cache.engine).collect();
    for rule in cache.rules.iter().flatten() {
        all.extend([&rule.label, &rule.condition, &rule.sources, &rule.head.part, &rule.step]);
    }
    all.extend(
        cache.concept.iter().chain(&cache.provisional_version).chain(&cache.not_encoded).chain(&cache.not_covered),
    );
    all.extend(cache.tariffs.iter().chain(&cache.contributions).flatten());
    all.sort_unstable_by_key(|p| p.id);
    all
}

/// The version (in `pkg`, its overlays or linked packages) whose parts hold `id`.
fn version_with(pkg: &Package, id: u32) -> Option<&Version> {
    pkg.versions
        .iter()
        .find(|v| v.json.ids.contains(&id))
        .or_else(|| pkg.overlays.iter().chain(&pkg.linked).find_map(|p| version_with(p, id)))
}

/// The browser's template for part `id`: `{"start":s,"parts":[…]}`, the parts
/// of the version that holds it, the first with id `s`, then `s + 1`, … The
/// packed form (`to_packed`) names these parts by id. `None` for an id no
/// version holds.
pub fn template(pkg: &Package, id: u32) -> Option<String> {
    let cache = &version_with(pkg, id)?.json;
    let parts = parts_of(cache);
    let mut out = JsonOut::with_capacity(parts.iter().map(|p| p.json.len() + 1).sum::<usize>() + 32);
    out.begin_object();
    out.field("start", &i64::from(cache.ids.start));
    out.key("parts");
    out.array(&parts, |out, p| out.raw(&p.json));
    out.end_object();
    Some(out.finish())
}
