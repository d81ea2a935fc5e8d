//! Aggregates of an impact run. Integer sums and sorted maps only, so adding
//! rows in any order and merging partial totals in any order give the same
//! result (the CLI merges per-thread totals).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::{Figures, Outcome, Row, Side};
use crate::eval::StepKind;
use crate::package::{Package, Version};

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

/// Per-step sums of one version on one side, keyed by index during the run:
/// per area one slot per rule, then the floor and the maximum.
#[derive(Debug, Clone)]
struct VersionSteps<'p> {
    side: Side,
    version: &'p Version,
    /// First slot of each area.
    offsets: Vec<usize>,
    sums: Vec<RuleTotals>,
}

/// Per-area sums of one pair of versions (old, new), in `reason::area_ids` order.
#[derive(Debug, Clone)]
struct PairAreas<'p> {
    old: &'p Version,
    new: &'p Version,
    ids: Vec<&'p str>,
    /// Index of each id among the old and the new version's areas.
    old_index: Vec<Option<usize>>,
    new_index: Vec<Option<usize>>,
    sums: Vec<AreaTotals>,
}

/// Sums keyed by indices (no string compared per household), turned into the
/// name-keyed maps by `settle`; sorting by name there keeps the bytes equal.
#[derive(Debug, Clone, Default)]
struct Pending<'p> {
    steps: Vec<VersionSteps<'p>>,
    pairs: Vec<PairAreas<'p>>,
    /// (side, package, version) addresses already in `used`.
    used: Vec<(Side, usize, usize)>,
}

impl<'p> Pending<'p> {
    fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.pairs.is_empty()
    }

    fn steps_of(steps: &mut Vec<VersionSteps<'p>>, side: Side, version: &'p Version) -> usize {
        if let Some(i) = steps.iter().position(|v| v.side == side && std::ptr::eq(v.version, version)) {
            return i;
        }
        let mut offsets = Vec::with_capacity(version.areas.len());
        let mut n = 0;
        for area in &version.areas {
            offsets.push(n);
            n += area.rules.len() + 2;
        }
        steps.push(VersionSteps { side, version, offsets, sums: vec![RuleTotals::default(); n] });
        steps.len() - 1
    }

    fn pair_of(pairs: &mut Vec<PairAreas<'p>>, old: &'p Version, new: &'p Version) -> usize {
        if let Some(i) = pairs.iter().position(|p| std::ptr::eq(p.old, old) && std::ptr::eq(p.new, new)) {
            return i;
        }
        let mut ids: Vec<&'p str> = old.areas.iter().map(|a| a.id.as_str()).collect();
        for a in &new.areas {
            if !ids.contains(&a.id.as_str()) {
                ids.push(&a.id);
            }
        }
        let index = |v: &'p Version| -> Vec<Option<usize>> {
            ids.iter().map(|id| v.areas.iter().position(|a| a.id == *id)).collect()
        };
        let (old_index, new_index) = (index(old), index(new));
        let sums = vec![AreaTotals::default(); ids.len()];
        pairs.push(PairAreas { old, new, ids, old_index, new_index, sums });
        pairs.len() - 1
    }

    /// Moves the index-keyed sums into the name-keyed maps of `t`.
    fn settle_into(
        self,
        rules: &mut BTreeMap<(Side, &'p str, &'p str), RuleTotals>,
        areas: &mut BTreeMap<&'p str, AreaTotals>,
    ) {
        for v in self.steps {
            for (area, start) in v.version.areas.iter().zip(&v.offsets) {
                let names = area.rules.iter().map(|r| r.id.as_str()).chain(["(niet onder nul)", "(maximum)"]);
                for (name, sum) in names.zip(&v.sums[*start..]) {
                    if sum.households == 0 {
                        continue;
                    }
                    let r = rules.entry((v.side, area.id.as_str(), name)).or_default();
                    r.households += sum.households;
                    r.minutes_per_year = r.minutes_per_year.saturating_add(sum.minutes_per_year);
                }
            }
        }
        for p in self.pairs {
            for (id, sum) in p.ids.iter().zip(&p.sums) {
                let t = areas.entry(id).or_default();
                t.old_minutes_per_year = t.old_minutes_per_year.saturating_add(sum.old_minutes_per_year);
                t.new_minutes_per_year = t.new_minutes_per_year.saturating_add(sum.new_minutes_per_year);
                t.changed += sum.changed;
            }
        }
    }
}

#[derive(Debug, Clone, Default)]
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
    /// Index-keyed sums not yet in `areas` and `rules` (see [`Totals::settled`]).
    pending: Pending<'p>,
}

impl PartialEq for Totals<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.settled(), other.settled());
        a.households == b.households
            && a.compared == b.compared
            && a.refused == b.refused
            && a.higher == b.higher
            && a.lower == b.lower
            && a.equal == b.equal
            && a.old == b.old
            && a.new == b.new
            && a.bands == b.bands
            && a.groups == b.groups
            && a.areas == b.areas
            && a.rules == b.rules
            && a.refusals == b.refusals
            && a.refused_lines == b.refused_lines
            && a.used == b.used
    }
}

impl Eq for Totals<'_> {}

fn address<T>(x: &T) -> usize {
    x as *const T as usize
}

fn used<'p>(side: Side, f: &Figures<'p>, set: &mut BTreeSet<Used<'p>>, seen: &mut Vec<(Side, usize, usize)>) {
    for (p, v) in [(f.package, f.version), (f.money_package, f.money_version)] {
        let key = (side, address::<Package>(p), address::<Version>(v));
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
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
                    used(side, f, &mut self.used, &mut self.pending.used);
                    let i = Pending::steps_of(&mut self.pending.steps, side, f.version);
                    let v = &mut self.pending.steps[i];
                    for s in &f.steps {
                        let area = &f.version.areas[s.area as usize];
                        let slot = match s.kind {
                            StepKind::Rule { rule } => rule as usize,
                            StepKind::Floor => area.rules.len(),
                            StepKind::Maximum => area.rules.len() + 1,
                        };
                        let r = &mut v.sums[v.offsets[s.area as usize] + slot];
                        r.households += 1;
                        r.minutes_per_year = r.minutes_per_year.saturating_add(s.change);
                    }
                }
                let i = Pending::pair_of(&mut self.pending.pairs, a.version, b.version);
                let p = &mut self.pending.pairs[i];
                let week = |m: i64| crate::eval::ceil_div(m, crate::eval::WEEKS_PER_YEAR);
                for (k, t) in p.sums.iter_mut().enumerate() {
                    let x = p.old_index[k].map_or(0, |j| a.areas[j]);
                    let y = p.new_index[k].map_or(0, |j| b.areas[j]);
                    t.old_minutes_per_year = t.old_minutes_per_year.saturating_add(x);
                    t.new_minutes_per_year = t.new_minutes_per_year.saturating_add(y);
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

    /// These totals with every index-keyed sum moved into `areas` and `rules`.
    pub fn settled(&self) -> Cow<'_, Totals<'p>> {
        if self.pending.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut t = self.clone();
        t.settle();
        Cow::Owned(t)
    }

    fn settle(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let used = pending.used.clone();
        pending.settle_into(&mut self.rules, &mut self.areas);
        self.pending.used = used;
    }

    /// Adds partial totals (from another thread); order does not matter.
    pub fn merge(mut self, mut other: Totals<'p>) -> Totals<'p> {
        self.settle();
        other.settle();
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
