//! Plain-Dutch (B1) sentences for an indication, and the warnings every
//! output carries. Kept apart from evaluation so bulk use can skip it.

use crate::document::{RuleKind, Status, Unit};
use crate::eval::{ceil_div, Indication, Step, StepKind, WEEKS_PER_YEAR};
use crate::package::{Provenance, Rule};

/// A warning attached to every output it applies to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
    /// The values, rules or areas the warning is about.
    pub items: Vec<String>,
}

/// "2 uur en 5 minuten", "45 minuten", "1 uur".
pub fn duration(minutes: i64) -> String {
    let sign = if minutes < 0 { "min " } else { "" };
    let m = minutes.unsigned_abs();
    let (h, rest) = (m / 60, m % 60);
    let body = match (h, rest) {
        (0, r) => format!("{r} {}", if r == 1 { "minuut" } else { "minuten" }),
        (h, 0) => format!("{h} uur"),
        (h, r) => format!("{h} uur en {r} {}", if r == 1 { "minuut" } else { "minuten" }),
    };
    format!("{sign}{body}")
}

/// An exact yearly amount written the way the norm writes it.
pub fn amount_in(minutes_per_year: i64, unit: Unit) -> String {
    match unit {
        Unit::HoursPerYear if minutes_per_year % 60 == 0 => format!("{} uur per jaar", minutes_per_year / 60),
        Unit::MinutesPerWeek if minutes_per_year % WEEKS_PER_YEAR == 0 => {
            format!("{} minuten per week", minutes_per_year / WEEKS_PER_YEAR)
        }
        _ => format!("{minutes_per_year} minuten per jaar"),
    }
}

/// The amount as in the norm, plus per week for a resident when that differs.
fn amount_for_resident(minutes_per_year: i64, unit: Unit) -> String {
    let written = amount_in(minutes_per_year, unit);
    if written.ends_with("per week") {
        return written;
    }
    let exact = minutes_per_year % WEEKS_PER_YEAR == 0;
    let week = ceil_div(minutes_per_year, WEEKS_PER_YEAR);
    format!("{written} ({}{week} minuten per week)", if exact { "" } else { "ongeveer " })
}

/// The unit the rule's amount is written in: that of its single value or
/// table, otherwise minutes per year.
pub fn rule_unit(ind: &Indication, rule: &Rule) -> Unit {
    let units: Vec<Unit> = rule
        .values
        .iter()
        .map(|&v| ind.version.values[v as usize].unit)
        .chain(rule.tables.iter().map(|&t| ind.version.tables[t as usize].unit))
        .filter(|u| *u != Unit::Number)
        .collect();
    match units.as_slice() {
        [u, rest @ ..] if rest.iter().all(|x| x == u) => *u,
        _ => Unit::MinutesPerYear,
    }
}

/// One sentence for a trace step.
pub fn step_sentence(ind: &Indication, step: &Step) -> String {
    let area = &ind.version.areas[step.area as usize];
    match step.kind {
        StepKind::Rule { rule } => {
            let rule = &area.rules[rule as usize];
            let unit = rule_unit(ind, rule);
            let lead = rule.explanation.clone().unwrap_or_else(|| format!("{}.", rule.label));
            let how_much = match step.count {
                Some(n) => format!(
                    "{n} × {} = {}",
                    amount_in(step.unit_amount, unit),
                    amount_for_resident(step.change.abs(), unit)
                ),
                None => amount_for_resident(step.change.abs(), unit),
            };
            match rule.kind {
                RuleKind::Base => format!("{lead} De basistijd is {how_much}."),
                RuleKind::Surcharge => format!("{lead} Daarom komt er {how_much} bij."),
                RuleKind::Reduction => format!("{lead} Daarom gaat er {how_much} af."),
            }
        }
        StepKind::Floor => format!("De tijd voor {} kan niet minder dan nul zijn. Daarom blijft het 0 minuten.", lower(&area.title)),
        StepKind::Maximum => {
            let cap = area.maximum.map(|m| &ind.version.values[m as usize]);
            let unit = cap.map_or(Unit::MinutesPerYear, |c| c.unit);
            format!(
                "Voor {} geldt een maximum van {}. Daarom gaat er {} af.",
                lower(&area.title),
                amount_for_resident(step.total, unit),
                amount_for_resident(-step.change, unit)
            )
        }
    }
}

fn lower(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// All sentences: each step, then each area's outcome, then the total.
pub fn sentences(ind: &Indication) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(ind.steps.len() + ind.areas.len() + 2);
    for (ai, area) in ind.version.areas.iter().enumerate() {
        for step in ind.steps.iter().filter(|s| s.area as usize == ai) {
            out.push(step_sentence(ind, step));
        }
        let week = ceil_div(ind.areas[ai], WEEKS_PER_YEAR);
        out.push(format!("Uitkomst voor {}: {} per week.", lower(&area.title), duration(week)));
    }
    if ind.areas.len() > 1 {
        out.push(format!("Samen is dat {} per week.", duration(ceil_div(ind.total, WEEKS_PER_YEAR))));
    }
    out.push(
        "Dit is een berekening volgens de norm. De gemeente beslist na een gesprek met u hoeveel hulp u krijgt."
            .to_string(),
    );
    out
}

/// Warnings for this indication, in a fixed order.
pub fn warnings(ind: &Indication) -> Vec<Warning> {
    let v = ind.version;
    let mut out = Vec::new();
    if v.status == Status::Concept {
        out.push(Warning {
            code: "concept",
            message: format!(
                "Normpakket {} versie {} is een concept en nog niet vastgesteld door de gemeente.",
                ind.package.id, v.version
            ),
            items: vec![],
        });
    }
    let mut provisional: Vec<String> = Vec::new();
    let mut note = |name: &str, p: &Provenance| {
        if p.is_provisional() && !provisional.iter().any(|x| x == name) {
            provisional.push(name.to_string());
        }
    };
    for step in &ind.steps {
        let area = &v.areas[step.area as usize];
        match step.kind {
            StepKind::Rule { rule } => {
                let rule = &area.rules[rule as usize];
                for &i in &rule.values {
                    note(&v.values[i as usize].name, &v.values[i as usize].provenance);
                }
                for &i in &rule.tables {
                    note(&v.tables[i as usize].name, &v.tables[i as usize].provenance);
                }
            }
            StepKind::Maximum => {
                if let Some(m) = area.maximum {
                    note(&v.values[m as usize].name, &v.values[m as usize].provenance);
                }
            }
            StepKind::Floor => {}
        }
    }
    if !provisional.is_empty() {
        out.push(Warning {
            code: "provisional",
            message: "Deze uitkomst gebruikt voorlopige getallen zonder openbare bron. De uitkomst kan nog veranderen."
                .to_string(),
            items: provisional,
        });
    }
    for n in &v.not_encoded {
        out.push(Warning {
            code: "not_encoded",
            message: format!("De norm kent ook de regel '{}', maar die zit niet in deze berekening: {}", n.title, n.reason),
            items: vec![n.id.clone()],
        });
    }
    for n in &v.not_covered {
        out.push(Warning {
            code: "not_covered",
            message: format!("{} wordt met dit normpakket niet berekend: {}", n.title, n.reason),
            items: vec![n.id.clone()],
        });
    }
    out
}
