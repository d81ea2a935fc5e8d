//! Aggregates of an impact run. Integer sums and sorted maps only, so adding
//! rows in any order and merging partial totals in any order give the same
//! result (the CLI merges per-thread totals).

use std::collections::{BTreeMap, BTreeSet};

use super::{reason, Figures, Outcome, Row, Side};

/// Bands of the difference in minutes per week (new − old): upper bounds,
/// inclusive; the last band is unbounded.
pub const BANDS: [(i64, &str); 9] = [
    (-121, "−121 of minder"),
    (-61, "−120 tot −61"),
    (-31, "−60 tot −31"),
    (-1, "−30 tot −1"),
    (0, "0 (gelijk)"),
    (30, "+1 tot +30"),
    (60, "+31 tot +60"),
    (120, "+61 tot +120"),
    (i64::MAX, "+121 of meer"),
];

/// The band index of a difference in minutes per week.
pub fn band(difference: i64) -> usize {
    BANDS.iter().position(|(upper, _)| difference <= *upper).unwrap_or(BANDS.len() - 1)
}

/// How many refused lines the report names by line number.
pub const NAMED_REFUSALS: usize = 20;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideTotals {
    pub minutes_per_year: i64,
    pub cents_per_year: i64,
    /// Compared households without a tariff on this side.
    pub without_tariff: u64,
    pub contribution_cents_per_year: i64,
    pub without_contribution: u64,
    /// Compared households a contribution exemption applied to.
    pub exempted: u64,
    /// Compared households charged the standard contribution because an
    /// exemption could not be decided (e.g. the caseload has no column for its question).
    pub standard_contribution: u64,
    /// Compared households an earlier package evaluated (transition rule).
    pub transitions: u64,
    /// Households this side refused.
    pub refused: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    pub households: u64,
    pub compared: u64,
    pub refused: u64,
    pub higher: u64,
    pub lower: u64,
    pub equal: u64,
    pub old_minutes_per_year: i64,
    pub new_minutes_per_year: i64,
    pub old_cents_per_year: i64,
    pub new_cents_per_year: i64,
}

impl Group {
    fn absorb(&mut self, o: &Group) {
        self.households += o.households;
        self.compared += o.compared;
        self.refused += o.refused;
        self.higher += o.higher;
        self.lower += o.lower;
        self.equal += o.equal;
        self.old_minutes_per_year = self.old_minutes_per_year.saturating_add(o.old_minutes_per_year);
        self.new_minutes_per_year = self.new_minutes_per_year.saturating_add(o.new_minutes_per_year);
        self.old_cents_per_year = self.old_cents_per_year.saturating_add(o.old_cents_per_year);
        self.new_cents_per_year = self.new_cents_per_year.saturating_add(o.new_cents_per_year);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreaTotals {
    pub old_minutes_per_year: i64,
    pub new_minutes_per_year: i64,
    /// Households whose minutes per week in this area differ.
    pub changed: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleTotals {
    /// Compared households in which the rule applied.
    pub households: u64,
    /// Signed exact minutes per year it added (or took off) in total.
    pub minutes_per_year: i64,
}

/// A package version that evaluated or priced at least one household.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Used<'p> {
    pub side: Side,
    pub package: &'p str,
    /// The overlay's municipality, when an overlay was used.
    pub municipality: Option<&'p str>,
    pub version: &'p str,
    pub fingerprint: &'p str,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals<'p> {
    pub households: u64,
    pub compared: u64,
    pub refused: u64,
    pub higher: u64,
    pub lower: u64,
    pub equal: u64,
    pub old: SideTotals,
    pub new: SideTotals,
    pub bands: [u64; BANDS.len()],
    /// Per municipality, provider and wijk ("" = not given).
    pub groups: [BTreeMap<String, Group>; 3],
    pub areas: BTreeMap<&'p str, AreaTotals>,
    pub rules: BTreeMap<(Side, &'p str, &'p str), RuleTotals>,
    /// Refusals per error code.
    pub refusals: BTreeMap<String, u64>,
    /// The first refused lines with their code.
    pub refused_lines: BTreeSet<(usize, String)>,
    pub used: BTreeSet<Used<'p>>,
}

fn used<'p>(side: Side, f: &Figures<'p>, set: &mut BTreeSet<Used<'p>>) {
    for (p, v) in [(f.package, f.version), (f.money_package, f.money_version)] {
        let u = Used {
            side,
            package: &p.id,
            municipality: p.overlay.as_ref().map(|o| o.municipality.as_str()),
            version: &v.version,
            fingerprint: &p.fingerprint,
        };
        if !set.contains(&u) {
            set.insert(u);
        }
    }
}

impl<'p> Totals<'p> {
    pub fn add(&mut self, row: &Row<'p>) {
        self.households += 1;
        let mut delta = Group { households: 1, ..Group::default() };
        match row.compared() {
            Some((a, b)) => {
                self.compared += 1;
                let diff = b.minutes_per_week - a.minutes_per_week;
                match diff.cmp(&0) {
                    std::cmp::Ordering::Greater => self.higher += 1,
                    std::cmp::Ordering::Less => self.lower += 1,
                    std::cmp::Ordering::Equal => self.equal += 1,
                }
                self.bands[band(diff)] += 1;
                for (t, f, side) in [(&mut self.old, a, Side::Old), (&mut self.new, b, Side::New)] {
                    t.minutes_per_year = t.minutes_per_year.saturating_add(f.minutes_per_year);
                    match f.cost.cents_per_year {
                        Some(c) => t.cents_per_year = t.cents_per_year.saturating_add(c),
                        None => t.without_tariff += 1,
                    }
                    match f.cost.contribution_cents_per_year {
                        Some(c) => t.contribution_cents_per_year = t.contribution_cents_per_year.saturating_add(c),
                        None => t.without_contribution += 1,
                    }
                    t.transitions += u64::from(f.transition);
                    t.exempted += u64::from(f.exempted);
                    t.standard_contribution += u64::from(f.standard_contribution);
                    used(side, f, &mut self.used);
                    for s in &f.steps {
                        let area = &f.version.areas[s.area as usize];
                        let rule = match s.kind {
                            crate::eval::StepKind::Rule { rule } => area.rules[rule as usize].id.as_str(),
                            crate::eval::StepKind::Floor => "(niet onder nul)",
                            crate::eval::StepKind::Maximum => "(maximum)",
                        };
                        let r = self.rules.entry((side, area.id.as_str(), rule)).or_default();
                        r.households += 1;
                        r.minutes_per_year = r.minutes_per_year.saturating_add(s.change);
                    }
                }
                for (area, x, y) in reason::area_ids(a, b) {
                    let t = self.areas.entry(area).or_default();
                    t.old_minutes_per_year = t.old_minutes_per_year.saturating_add(x);
                    t.new_minutes_per_year = t.new_minutes_per_year.saturating_add(y);
                    let week = |m: i64| crate::eval::ceil_div(m, crate::eval::WEEKS_PER_YEAR);
                    t.changed += u64::from(week(x) != week(y));
                }
                delta.compared = 1;
                delta.higher = u64::from(diff > 0);
                delta.lower = u64::from(diff < 0);
                delta.equal = u64::from(diff == 0);
                delta.old_minutes_per_year = a.minutes_per_year;
                delta.new_minutes_per_year = b.minutes_per_year;
                delta.old_cents_per_year = a.cost.cents_per_year.unwrap_or(0);
                delta.new_cents_per_year = b.cost.cents_per_year.unwrap_or(0);
            }
            None => {
                self.refused += 1;
                let code = match &row.outcome {
                    Outcome::Unread(e) => e.code().to_string(),
                    Outcome::Evaluated { old, new } => {
                        self.old.refused += u64::from(old.is_err());
                        self.new.refused += u64::from(new.is_err());
                        let e = old.as_ref().err().or(new.as_ref().err());
                        e.map_or_else(String::new, |e| e.code().to_string())
                    }
                };
                *self.refusals.entry(code.clone()).or_default() += 1;
                self.refused_lines.insert((row.line, code));
                if self.refused_lines.len() > NAMED_REFUSALS {
                    self.refused_lines.pop_last();
                }
                delta.refused = 1;
            }
        }
        for (map, key) in self.groups.iter_mut().zip(&row.groups) {
            let key = key.as_deref().unwrap_or("");
            match map.get_mut(key) {
                Some(g) => g.absorb(&delta),
                None => map.entry(key.to_string()).or_default().absorb(&delta),
            }
        }
    }

    /// Adds partial totals (from another thread); order does not matter.
    pub fn merge(mut self, other: Totals<'p>) -> Totals<'p> {
        self.households += other.households;
        self.compared += other.compared;
        self.refused += other.refused;
        self.higher += other.higher;
        self.lower += other.lower;
        self.equal += other.equal;
        for (t, o) in [(&mut self.old, other.old), (&mut self.new, other.new)] {
            t.minutes_per_year = t.minutes_per_year.saturating_add(o.minutes_per_year);
            t.cents_per_year = t.cents_per_year.saturating_add(o.cents_per_year);
            t.without_tariff += o.without_tariff;
            t.contribution_cents_per_year = t.contribution_cents_per_year.saturating_add(o.contribution_cents_per_year);
            t.without_contribution += o.without_contribution;
            t.transitions += o.transitions;
            t.exempted += o.exempted;
            t.standard_contribution += o.standard_contribution;
            t.refused += o.refused;
        }
        for (b, o) in self.bands.iter_mut().zip(other.bands) {
            *b += o;
        }
        for (map, o) in self.groups.iter_mut().zip(other.groups) {
            for (k, g) in o {
                map.entry(k).or_default().absorb(&g);
            }
        }
        for (k, a) in other.areas {
            let t = self.areas.entry(k).or_default();
            t.old_minutes_per_year = t.old_minutes_per_year.saturating_add(a.old_minutes_per_year);
            t.new_minutes_per_year = t.new_minutes_per_year.saturating_add(a.new_minutes_per_year);
            t.changed += a.changed;
        }
        for (k, r) in other.rules {
            let t = self.rules.entry(k).or_default();
            t.households += r.households;
            t.minutes_per_year = t.minutes_per_year.saturating_add(r.minutes_per_year);
        }
        for (k, n) in other.refusals {
            *self.refusals.entry(k).or_default() += n;
        }
        self.refused_lines.extend(other.refused_lines);
        while self.refused_lines.len() > NAMED_REFUSALS {
            self.refused_lines.pop_last();
        }
        self.used.extend(other.used);
        self
    }
}
