//! Evaluation: checked answers + date → indication with a structured trace.
//! Works in exact minutes per year with checked arithmetic; rounding to
//! weeks and periods happens once, upwards, at the very end.

use crate::answers::Answers;
use crate::date::Date;
use crate::document::RuleKind;
use crate::error::Error;
use crate::expr::{Overflow, SAFE_MAX};
use crate::input::answer_value::{AnswerMap, AnswerValue};
use crate::input::flat::{ReadAnswers, Scalar};
use crate::package::{Package, Transition, Version};
use std::borrow::Cow;

/// Weeks and four-week periods per year (domain.md §5).
pub const WEEKS_PER_YEAR: i64 = 52;
pub const PERIODS_PER_YEAR: i64 = 13;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The date whose norm applies. The core has no clock: callers pass today.
    pub date: Date,
    /// Municipality id; must be one of the package's municipalities.
    pub municipality: Option<String>,
}

/// What a trace step records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Rule `rule` of the area fired.
    Rule { rule: u16 },
    /// The area's total went below zero and was raised to zero.
    Floor,
    /// The area's total exceeded its maximum and was lowered to it.
    Maximum,
}

/// One step of the trace. Amounts are exact minutes per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub area: u16,
    pub kind: StepKind,
    /// How many times the amount applies, for rules with `per`.
    pub count: Option<i64>,
    /// The amount for one item (or the whole amount without `per`).
    pub unit_amount: i64,
    /// Signed change to the area's total.
    pub change: i64,
    /// The area's running total after this step.
    pub total: i64,
}

/// The outcome of one evaluation; rendering to JSON or text is separate
/// (see `output` and `explain`), so bulk use pays only for the numbers.
#[derive(Debug, Clone)]
pub struct Indication<'p> {
    pub package: &'p Package,
    pub version: &'p Version,
    pub date: Date,
    pub municipality: Option<usize>,
    /// Exact minutes per year per area, in package order.
    pub areas: Vec<i64>,
    pub total: i64,
    pub steps: Vec<Step>,
    pub answers: &'p Answers,
    /// Set when a transition rule sent this client to an earlier package.
    pub transition: Option<AppliedTransition<'p>>,
}

/// Why an earlier package was applied (overgangsrecht).
#[derive(Debug, Clone, Copy)]
pub struct AppliedTransition<'p> {
    /// The package (and version) whose transition rule applied.
    pub from: &'p Package,
    pub from_version: &'p Version,
    pub rule: &'p Transition,
    /// The client's `indicatie_startdatum`.
    pub started: Date,
}

/// Which package evaluates these answers: the municipality's overlay, and
/// then the earlier package when a transition rule applies.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'p> {
    pub package: &'p Package,
    pub transition: Option<AppliedTransition<'p>>,
}

pub fn select<'p>(root: &'p Package, answers: &AnswerValue, options: &Options) -> Result<Selection<'p>, Error> {
    let for_municipality = |p: &'p Package| -> Result<&'p Package, Error> {
        match options.municipality.as_deref() {
            None => Ok(p),
            Some(m) => p
                .for_municipality(m)
                .ok_or_else(|| Error::UnknownMunicipality { package: p.id.clone(), municipality: m.to_string() }),
        }
    };
    let package = for_municipality(root)?;
    let version = package
        .version_for(options.date)
        .ok_or_else(|| Error::NoVersionForDate { package: package.id.clone(), date: options.date.to_string() })?;
    let Some(rule) = &version.transition else { return Ok(Selection { package, transition: None }) };
    // An invalid start date is reported when the answers are checked, and so
    // is a start date given while the package's own question is not asked.
    // The rule's own question (default `indicatie_startdatum`).
    let key = rule.question.as_str();
    let asked = match package.question_index(key) {
        Some(i) => Answers::asked(package, answers).get(i).copied().unwrap_or(false),
        None => true,
    };
    let started = answers.get(key).and_then(AnswerValue::as_str).and_then(Date::parse).filter(|_| asked);
    match started {
        Some(started) if started < rule.started_before => {
            // Linked packages are checked at load time; `unwrap_or` only guards.
            let earlier = package.linked_package(&rule.package).unwrap_or(package);
            Ok(Selection {
                package: for_municipality(earlier)?,
                transition: Some(AppliedTransition { from: package, from_version: version, rule, started }),
            })
        }
        _ => Ok(Selection { package, transition: None }),
    }
}

impl<'p> Selection<'p> {
    /// The answers for the selected package. After a transition, answers to
    /// questions only the referring package asks (such as whether the client
    /// already has help) are checked there and then left out.
    pub fn answers_for<'a>(&self, answers: &'a AnswerValue) -> Result<Cow<'a, AnswerValue>, Error> {
        let Some(t) = &self.transition else { return Ok(Cow::Borrowed(answers)) };
        let Some(map) = answers.as_object() else { return Ok(Cow::Borrowed(answers)) };
        // Built up key by key rather than cloned and then removed from: the
        // resident module then needs no BTreeMap removal (≈ 4 KB of it).
        let mut kept = AnswerMap::new();
        for (key, value) in map {
            if self.package.question_index(key).is_none() {
                if let Some(i) = t.from.question_index(key) {
                    crate::answers::check_one(&t.from.questions[i], value)?;
                    continue;
                }
            }
            kept.insert(key.clone(), value.clone());
        }
        Ok(Cow::Owned(AnswerValue::Object(kept)))
    }
}

/// Exact minutes per year → whole minutes per `parts` of a year, never rounded down.
pub fn ceil_div(minutes_per_year: i64, parts: i64) -> i64 {
    -((-minutes_per_year).div_euclid(parts))
}

/// Minutes per week are shown to residents rounded up to the quarter hour
/// (never down): "ongeveer 3 uur". Tariff classes go by this figure.
pub const DISPLAY_STEP_MINUTES: i64 = 15;

/// ⌈minutes / 15⌉ × 15, never rounded down (0 stays 0).
pub fn display_minutes(minutes_per_week: i64) -> i64 {
    ceil_div(minutes_per_week, DISPLAY_STEP_MINUTES).saturating_mul(DISPLAY_STEP_MINUTES)
}

/// Figures for one exact yearly amount: (per week, per period, per year).
pub fn figures(minutes_per_year: i64) -> (i64, i64, i64) {
    (ceil_div(minutes_per_year, WEEKS_PER_YEAR), ceil_div(minutes_per_year, PERIODS_PER_YEAR), minutes_per_year)
}

pub fn municipality_index(package: &Package, municipality: Option<&str>) -> Result<Option<usize>, Error> {
    match municipality {
        None => Ok(None),
        Some(m) => package
            .municipalities
            .iter()
            .position(|x| x.id == m)
            .map(Some)
            .ok_or_else(|| Error::UnknownMunicipality { package: package.id.clone(), municipality: m.to_string() }),
    }
}

/// Evaluates checked answers under the version valid on `options.date`.
pub fn evaluate<'p>(package: &'p Package, answers: &'p Answers, options: &Options) -> Result<Indication<'p>, Error> {
    let municipality = municipality_index(package, options.municipality.as_deref())?;
    let version = package
        .version_for(options.date)
        .ok_or_else(|| Error::NoVersionForDate { package: package.id.clone(), date: options.date.to_string() })?;
    let rule_count: usize = version.areas.iter().map(|a| a.rules.len() + 1).sum();
    let mut steps = Vec::with_capacity(rule_count);
    let mut areas = Vec::with_capacity(version.areas.len());
    let mut grand_total: i64 = 0;
    for (ai, area) in version.areas.iter().enumerate() {
        let ai = ai as u16;
        let mut total: i64 = 0;
        for (ri, rule) in area.rules.iter().enumerate() {
            let overflow = |_: Overflow| Error::Overflow { path: format!("{}.rules[{}]", area.id, rule.id) };
            let slots = &answers.slots;
            if let Some(c) = &rule.when {
                if !c.expr.is_true(slots, version).map_err(overflow)? {
                    continue;
                }
            }
            let count = match &rule.per {
                Some(c) => {
                    let n = c.expr.eval(slots, version).map_err(overflow)?;
                    // A per-item rule applies only to at least one item.
                    if n < 1 {
                        continue;
                    }
                    Some(n)
                }
                None => None,
            };
            let unit_amount = rule.amount.expr.eval(slots, version).map_err(overflow)?;
            let amount = checked(unit_amount.checked_mul(count.unwrap_or(1))).map_err(overflow)?;
            let change = if rule.kind == RuleKind::Reduction { -amount } else { amount };
            total = checked(total.checked_add(change)).map_err(overflow)?;
            steps.push(Step { area: ai, kind: StepKind::Rule { rule: ri as u16 }, count, unit_amount, change, total });
        }
        if area.floor_at_zero && total < 0 {
            steps.push(Step { area: ai, kind: StepKind::Floor, count: None, unit_amount: 0, change: -total, total: 0 });
            total = 0;
        }
        if let Some(m) = area.maximum {
            let cap = version.values[m as usize].internal;
            if total > cap {
                steps.push(Step {
                    area: ai,
                    kind: StepKind::Maximum,
                    count: None,
                    unit_amount: cap,
                    change: cap - total,
                    total: cap,
                });
                total = cap;
            }
        }
        grand_total = checked(grand_total.checked_add(total))
            .map_err(|_| Error::Overflow { path: format!("{} (totaal)", area.id) })?;
        areas.push(total);
    }
    Ok(Indication {
        package,
        version,
        date: options.date,
        municipality,
        areas,
        total: grand_total,
        steps,
        answers,
        transition: None,
    })
}

fn checked(v: Option<i64>) -> Result<i64, Overflow> {
    match v {
        Some(v) if (-SAFE_MAX..=SAFE_MAX).contains(&v) => Ok(v),
        _ => Err(Overflow),
    }
}

/// Selects the package (overlay, transition), checks the answers against it,
/// evaluates, and hands the indication to `f`. The one path every front end
/// (CLI, cases, browser) takes from raw answers to an indication.
pub fn evaluate_with<R>(
    root: &Package,
    answers: &AnswerValue,
    options: &Options,
    f: impl FnOnce(&Indication<'_>) -> R,
) -> Result<R, Error> {
    let (selection, checked) = select_and_check(root, answers, options)?;
    evaluate_selected(selection, &checked, options, f)
}

/// `evaluate_with` from answers as read by `ReadAnswers::read` (the browser's
/// path): the same result and the same first error.
pub fn evaluate_read_with<R>(
    root: &Package,
    answers: &ReadAnswers<'_>,
    options: &Options,
    f: impl FnOnce(&Indication<'_>) -> R,
) -> Result<R, Error> {
    let (selection, checked) = select_and_check_read(root, answers, options)?;
    evaluate_selected(selection, &checked, options, f)
}

/// The step both `evaluate_with` and `evaluate_read_with` end in: evaluate
/// the selected package's checked answers, with the transition applied.
fn evaluate_selected<R>(
    selection: Selection<'_>,
    checked: &Answers,
    options: &Options,
    f: impl FnOnce(&Indication<'_>) -> R,
) -> Result<R, Error> {
    let mut indication = evaluate(selection.package, checked, options)?;
    indication.transition = selection.transition;
    Ok(f(&indication))
}

/// The steps of `evaluate_with` before `evaluate`.
fn select_and_check<'p>(
    root: &'p Package,
    answers: &AnswerValue,
    options: &Options,
) -> Result<(Selection<'p>, Answers), Error> {
    let selection = select(root, answers, options)?;
    let filtered = selection.answers_for(answers)?;
    let checked = Answers::from_json(selection.package, &filtered)?;
    Ok((selection, checked))
}

/// `select_and_check` for read answers. Flat answers for a package without
/// a transition rule are checked straight into the slots
/// (`Answers::from_flat`); anything else, and any problem, takes
/// `select_and_check` on the strict reader's tree, so the first error is its.
fn select_and_check_read<'p>(
    root: &'p Package,
    answers: &ReadAnswers<'_>,
    options: &Options,
) -> Result<(Selection<'p>, Answers), Error> {
    let quick = match answers {
        ReadAnswers::Flat { members, .. } => select_and_check_flat(root, members, options),
        ReadAnswers::Tree(_) => None,
    };
    match quick {
        Some(done) => Ok(done),
        None => select_and_check(root, &*answers.tree()?, options),
    }
}

/// The quick path alone: the selection and the slots when the package that
/// applies has no transition rule and every answer is right, else `None`
/// (then `select_and_check` on the strict reader's tree has the verdict).
fn select_and_check_flat<'p>(
    root: &'p Package,
    members: &[(&str, Scalar<'_>)],
    options: &Options,
) -> Option<(Selection<'p>, Answers)> {
    let package = match options.municipality.as_deref() {
        None => root,
        Some(m) => root.for_municipality(m)?,
    };
    if package.version_for(options.date)?.transition.is_some() {
        return None;
    }
    Some((Selection { package, transition: None }, Answers::from_flat(package, members)?))
}

/// `evaluate_with` from flat members (the browser's answers as numbers,
/// w20), quick path only: `None` where `select_and_check_read` would go to
/// the strict reader (a transition rule, an unknown municipality or date, any
/// problem in the answers). The caller then takes the JSON text path, which
/// has the verdict and the first error.
pub fn evaluate_flat_with<R>(
    root: &Package,
    members: &[(&str, Scalar<'_>)],
    options: &Options,
    f: impl FnOnce(&Indication<'_>) -> R,
) -> Option<Result<R, Error>> {
    let (selection, checked) = select_and_check_flat(root, members, options)?;
    Some(evaluate_selected(selection, &checked, options, f))
}

/// Every problem with the answers for the package that applies (after the
/// municipality's overlay and a transition rule), without evaluating.
pub fn problems_on(root: &Package, answers: &AnswerValue, options: &Options) -> Vec<Error> {
    let selection = match select(root, answers, options) {
        Ok(s) => s,
        Err(e) => return vec![e],
    };
    match selection.answers_for(answers) {
        Ok(filtered) => Answers::problems(selection.package, &filtered),
        Err(e) => vec![e],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_up_never_down() {
        assert_eq!(figures(6480), (125, 499, 6480));
        assert_eq!(figures(5200), (100, 400, 5200));
        assert_eq!(figures(0), (0, 0, 0));
        assert_eq!(figures(1), (1, 1, 1));
        assert_eq!(figures(-53), (-1, -4, -53));
    }
}
