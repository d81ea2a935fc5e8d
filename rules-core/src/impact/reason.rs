//! Why a household's minutes changed: per area the difference in minutes per
//! week, and each side's rules with their minutes (two packages rarely share
//! rule ids, so both lists are shown).

use super::Figures;
use crate::eval::{ceil_div, StepKind, WEEKS_PER_YEAR};

/// Areas by id with their exact minutes per year, in the order old then new.
pub(crate) fn area_ids<'p>(old: &Figures<'p>, new: &Figures<'p>) -> Vec<(&'p str, i64, i64)> {
    let mut out: Vec<(&'p str, i64, i64)> = Vec::new();
    for (f, is_new) in [(old, false), (new, true)] {
        let version: &'p crate::package::Version = f.version;
        for (area, minutes) in version.areas.iter().zip(&f.areas) {
            match out.iter_mut().find(|(id, _, _)| *id == area.id) {
                Some(entry) => {
                    if is_new {
                        entry.2 = *minutes
                    } else {
                        entry.1 = *minutes
                    }
                }
                None => out.push((&area.id, if is_new { 0 } else { *minutes }, if is_new { *minutes } else { 0 })),
            }
        }
    }
    out
}

fn per_week(minutes_per_year: i64) -> i64 {
    ceil_div(minutes_per_year, WEEKS_PER_YEAR)
}

/// `n` as `{:+}` writes it (`+0` for zero), without the formatting machinery
/// (this runs for every changed area of every household).
fn signed(out: &mut String, n: i64) {
    if n >= 0 {
        out.push('+');
    }
    out.push_str(itoa::Buffer::new().format(n));
}

fn rules_of(f: &Figures<'_>, area: &str, out: &mut String) {
    let mut first = true;
    for s in &f.steps {
        let a = &f.version.areas[s.area as usize];
        if a.id != area {
            continue;
        }
        let name = match s.kind {
            StepKind::Rule { rule } => a.rules[rule as usize].id.as_str(),
            StepKind::Floor => "niet onder nul",
            StepKind::Maximum => "maximum",
        };
        if !first {
            out.push_str(", ");
        }
        out.push_str(name);
        out.push(' ');
        signed(out, per_week(s.change));
        first = false;
    }
    if first {
        out.push('-');
    }
}

/// `area +N (oud: rule +a, rule -b; nieuw: rule +c) | area …` for the areas
/// whose minutes per week differ; empty when nothing differs.
pub(crate) fn text(old: &Figures<'_>, new: &Figures<'_>) -> String {
    let mut out = String::new();
    for (area, a, b) in area_ids(old, new) {
        let diff = per_week(b) - per_week(a);
        if diff == 0 {
            continue;
        }
        if !out.is_empty() {
            out.push_str(" | ");
        }
        out.push_str(area);
        out.push(' ');
        signed(&mut out, diff);
        out.push_str(" (oud: ");
        rules_of(old, area, &mut out);
        out.push_str("; nieuw: ");
        rules_of(new, area, &mut out);
        out.push(')');
    }
    out
}
