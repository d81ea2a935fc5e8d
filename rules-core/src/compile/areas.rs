//! A version's areas and their rules: ids, maximum, expressions type-checked
//! against the rule scope, and what each rule reads (for citations).

use std::collections::{BTreeSet, HashSet};

use crate::document::{RuleDoc, Unit, VersionDoc};
use crate::error::Error;
use crate::expr::{Ref, Ty};
use crate::package::{Area, NamedValue, Rule};

use super::names::{is_name, need_text, unique};
use super::scope::{condition, RuleScope};

pub(super) fn compile(
    vpath: &str,
    v: &VersionDoc,
    scope: &RuleScope,
    values: &[NamedValue],
) -> Result<Vec<Area>, Error> {
    if v.areas.is_empty() {
        return Err(Error::package(format!("{vpath}.areas"), "een versie heeft minstens één resultaatgebied"));
    }
    unique(&format!("{vpath}.areas"), "resultaatgebied", v.areas.iter().map(|a| a.id.as_str()))?;
    let mut rule_ids = HashSet::new();
    let mut areas = Vec::with_capacity(v.areas.len());
    for a in &v.areas {
        let apath = format!("{vpath}.areas[{}]", a.id);
        if !is_name(&a.id) {
            return Err(Error::package(&apath, "gebied-id: kleine letters, cijfers en _"));
        }
        need_text(&format!("{apath}.title"), "titel", &a.title)?;
        let maximum = match &a.maximum {
            None => None,
            Some(name) => match values.iter().position(|v| &v.name == name) {
                Some(i) if values[i].unit != Unit::Number => Some(i as u16),
                _ => {
                    return Err(Error::package(
                        format!("{apath}.maximum"),
                        format!("'{name}' is geen tijdwaarde van deze versie"),
                    ));
                }
            },
        };
        let mut rules = Vec::with_capacity(a.rules.len());
        for r in &a.rules {
            rules.push(rule(&apath, r, scope, &mut rule_ids)?);
        }
        areas.push(Area {
            id: a.id.clone(),
            title: a.title.clone(),
            description: a.description.clone(),
            floor_at_zero: a.floor_at_zero,
            maximum,
            rules,
        });
    }
    Ok(areas)
}

/// One rule: its id unique across the version, its expressions checked, and
/// the questions, values and tables it reads.
fn rule<'a>(apath: &str, r: &'a RuleDoc, scope: &RuleScope, rule_ids: &mut HashSet<&'a str>) -> Result<Rule, Error> {
    let rpath = format!("{apath}.rules[{}]", r.id);
    if !is_name(&r.id) {
        return Err(Error::package(&rpath, "regel-id: kleine letters, cijfers en _"));
    }
    if !rule_ids.insert(r.id.as_str()) {
        return Err(Error::package(&rpath, format!("regel '{}' komt twee keer voor", r.id)));
    }
    need_text(&format!("{rpath}.label"), "omschrijving", &r.label)?;
    let when = match &r.when {
        Some(t) => Some(condition(&format!("{rpath}.when"), t, scope, Ty::Bool)?),
        None => None,
    };
    let amount = condition(&format!("{rpath}.amount"), &r.amount, scope, Ty::Time)?;
    let per = match &r.per {
        Some(t) => Some(condition(&format!("{rpath}.per"), t, scope, Ty::Int)?),
        None => None,
    };
    let (mut qs, mut vs, mut ts) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let mut collect = |x: Ref| match x {
        Ref::Question(q) => {
            qs.insert(q);
        }
        Ref::Value(v) => {
            vs.insert(v);
        }
        Ref::Table(t) => {
            ts.insert(t);
        }
    };
    for c in [when.as_ref(), Some(&amount), per.as_ref()].into_iter().flatten() {
        c.expr.visit(&mut collect);
    }
    // Values used only in a condition or count are thresholds, not minutes;
    // they are still cited, since the outcome depends on them.
    if r.provisional.as_ref().is_some_and(|p| p.trim().is_empty()) {
        return Err(Error::package(format!("{rpath}.provisional"), "geef de reden waarom deze regel voorlopig is"));
    }
    Ok(Rule {
        provisional: r.provisional.clone(),
        id: r.id.clone(),
        kind: r.kind,
        label: r.label.clone(),
        explanation: r.explanation.clone(),
        when,
        amount,
        per,
        questions: qs.into_iter().collect(),
        values: vs.into_iter().collect(),
        tables: ts.into_iter().collect(),
    })
}
