//! An indication into the JSON model, taking the pre-rendered fragments
//! where the version has them.

use crate::document::RuleKind;
use crate::eval::{AppliedTransition, Indication, StepKind};
use crate::explain::{self, Warning};
use crate::package::{Package, Version};

use super::citations::{rule_sources, value_citation};
use super::cost::{cost_json, indication_cost, money_source};
use super::model::*;
use super::{ENGINE_NAME, ENGINE_VERSION};

pub(super) fn kind_name(k: RuleKind) -> &'static str {
    match k {
        RuleKind::Base => "base",
        RuleKind::Surcharge => "surcharge",
        RuleKind::Reduction => "reduction",
    }
}

/// Builds the JSON form. With `trace == false` the trace and explanation
/// are left empty (bulk use); everything else is identical.
pub fn to_json_model<'a>(ind: &'a Indication<'a>, trace: bool) -> IndicationJson<'a> {
    let v = ind.version;
    let pkg = ind.package;
    let areas = v
        .areas
        .iter()
        .zip(&ind.areas)
        .map(|(a, &exact)| {
            let f = Figures::of(exact);
            AreaJson {
                id: &a.id,
                title: &a.title,
                minutes_per_week: f.minutes_per_week,
                minutes_per_period: f.minutes_per_period,
                minutes_per_year: f.minutes_per_year,
                display_minutes_per_week: f.display_minutes_per_week,
            }
        })
        .collect();
    let cost = indication_cost(ind);
    let mut steps = Vec::new();
    if trace {
        steps.reserve(ind.steps.len() + 2);
        if let Some(t) = &ind.transition {
            steps.push(transition_step(ind, t));
        }
        steps.extend(ind.steps.iter().map(|s| step_json(ind, s)));
        if let (Some(t), Some(class)) = (cost.tariff, cost.class) {
            steps.push(class_step(ind, t, class));
        }
    }
    IndicationJson {
        contract: CONTRACT_VERSION,
        package: match v.json.package.get(ind.municipality.map_or(0, |m| m + 1)) {
            Some(raw) => Fragment::Raw(raw),
            None => Fragment::Value(package_ref(pkg, v, ind.municipality)),
        },
        date: ind.date.to_string(),
        engine: v
            .json
            .engine
            .as_ref()
            .map_or(Fragment::Value(EngineRef { name: ENGINE_NAME, version: ENGINE_VERSION }), Fragment::Raw),
        transition: ind.transition.as_ref().map(|t| TransitionJson {
            from: PackageVersionJson {
                id: &t.from.id,
                version: &t.from_version.version,
                fingerprint: &t.from.applied_fingerprint,
            },
            started: t.started.to_string(),
            started_before: t.rule.started_before.to_string(),
            reason: &t.rule.reason,
        }),
        total: Figures::of(ind.total),
        areas,
        cost: cost_json(&cost, ind.package, money_source(ind)),
        trace: steps,
        explanation: if trace { explain::sentences(ind) } else { Vec::new() },
        warnings: warnings_json(ind),
    }
}

pub(super) fn package_ref<'a>(pkg: &'a Package, v: &'a Version, municipality: Option<usize>) -> PackageRef<'a> {
    PackageRef {
        id: &pkg.id,
        title: &pkg.title,
        version: &v.version,
        status: v.status.as_str(),
        municipality: municipality.map(|m| pkg.municipalities[m].id.as_str()),
        overlay: pkg.overlay.as_ref().map(|o| o.municipality.as_str()),
        fingerprint: &pkg.applied_fingerprint,
        base_fingerprint: pkg.overlay.as_ref().map(|o| o.base_fingerprint.as_str()),
    }
}

/// The warnings, with the version-only ones taken pre-rendered.
fn warnings_json<'a>(ind: &Indication<'a>) -> Vec<Fragment<'a, Warning<'a>>> {
    let cache = &ind.version.json;
    let mut not_encoded = cache.not_encoded.iter();
    explain::warnings(ind)
        .into_iter()
        .map(|w| {
            let raw = match w.code {
                "concept" => cache.concept.as_ref(),
                "provisional_version" => cache.provisional_version.as_ref(),
                "not_encoded" => not_encoded.next(),
                "not_covered" => cache.not_covered.as_ref(),
                _ => None,
            };
            raw.map_or(Fragment::Value(w), Fragment::Raw)
        })
        .collect()
}

fn transition_step<'a>(ind: &'a Indication<'a>, t: &AppliedTransition<'a>) -> StepJson<'a> {
    let sources = t
        .rule
        .source
        .as_ref()
        .map(|(doc, locator)| {
            let d = &t.from.sources[*doc];
            Citation {
                name: "overgangsrecht",
                label: &t.rule.reason,
                amount: None,
                unit: "number",
                document: Some(&d.id),
                title: Some(&d.title),
                locator: Some(locator),
                provisional: None,
            }
        })
        .into_iter()
        .collect();
    StepJson {
        area: None,
        rule: None,
        kind: "transition",
        label: Fragment::Value(format!("Overgangsrecht: {} ({}) blijft gelden", ind.package.title, ind.package.id)),
        condition: Fragment::Value(None),
        answers: UsedAnswers(vec![(t.rule.question.as_str(), crate::answers::Answer::Date(t.started))]),
        count: None,
        unit_amount: 0,
        change: 0,
        total: 0,
        sources: Fragment::Value(sources),
        head: None,
    }
}

/// The class of a Resultatenmatrix: part of the indication, cited like a
/// number (the tariff's source or provisional reason), after the areas.
fn class_step<'a>(
    ind: &'a Indication<'a>,
    t: &'a crate::package::Tariff,
    class: &'a crate::package::TariffClass,
) -> StepJson<'a> {
    let payer = ind.transition.as_ref().map_or(ind.package, |tr| tr.from);
    let (document, title, locator, provisional) = match &t.provenance {
        crate::package::Provenance::Source { document, locator } => {
            let d = &payer.sources[*document];
            (Some(d.id.as_str()), Some(d.title.as_str()), Some(locator.as_str()), None)
        }
        crate::package::Provenance::Provisional { reason } => (None, None, None, Some(reason.as_str())),
    };
    StepJson {
        area: None,
        rule: Some(&class.id),
        kind: "class",
        label: Fragment::Value(class.label.clone()),
        condition: Fragment::Value(None),
        answers: UsedAnswers(Vec::new()),
        count: None,
        unit_amount: 0,
        change: 0,
        total: ind.total,
        sources: Fragment::Value(vec![Citation {
            name: &class.id,
            label: &t.label,
            amount: Some(class.cents),
            unit: "cents_per_period",
            document,
            title,
            locator,
            provisional,
        }]),
        head: None,
    }
}

fn step_json<'a>(ind: &'a Indication<'a>, s: &crate::eval::Step) -> StepJson<'a> {
    let v = ind.version;
    let pkg = ind.package;
    let area = &v.areas[s.area as usize];
    match s.kind {
        StepKind::Rule { rule: ri } => {
            let rule = &area.rules[ri as usize];
            let answers = rule
                .questions
                .iter()
                .filter_map(|&q| {
                    let question = &pkg.questions[q as usize];
                    ind.answers.answer(question, q as usize).map(|val| (question.id.as_str(), val))
                })
                .collect();
            let cached = v.json.rules.get(s.area as usize).and_then(|r| r.get(ri as usize));
            StepJson {
                area: Some(&area.id),
                rule: Some(&rule.id),
                kind: kind_name(rule.kind),
                label: cached.map_or_else(|| Fragment::Value(rule.label.clone()), |c| Fragment::Raw(&c.label)),
                condition: cached.map_or_else(
                    || Fragment::Value(rule.when.as_ref().map(|c| c.text.as_str())),
                    |c| Fragment::Raw(&c.condition),
                ),
                answers: UsedAnswers(answers),
                count: s.count,
                unit_amount: s.unit_amount,
                change: s.change,
                total: s.total,
                sources: cached
                    .map_or_else(|| Fragment::Value(rule_sources(pkg, v, rule)), |c| Fragment::Raw(&c.sources)),
                head: cached.map(|c| &c.step),
            }
        }
        // Floor and maximum are not rules: no condition, no answers, no count.
        StepKind::Floor | StepKind::Maximum => {
            let (kind, label, sources) = if s.kind == StepKind::Floor {
                ("floor", "Niet minder dan nul", Vec::new())
            } else {
                ("maximum", "Maximum", area.maximum.map(|m| value_citation(pkg, v, m)).into_iter().collect())
            };
            StepJson {
                area: Some(&area.id),
                rule: None,
                kind,
                label: Fragment::Value(label.to_string()),
                condition: Fragment::Value(None),
                answers: UsedAnswers(Vec::new()),
                count: None,
                unit_amount: s.unit_amount,
                change: s.change,
                total: s.total,
                sources: Fragment::Value(sources),
                head: None,
            }
        }
    }
}
