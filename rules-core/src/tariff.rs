//! What an indication costs: the one money path that results (`output`),
//! warnings (`explain`) and the caseload impact (`impact`) all take.
//!
//! Tariff: per hour of indicated time, or per four-week period (flat, or by
//! the class of a Resultatenmatrix), then a discount or surcharge in basis
//! points, then a floor (`cents_per_hour × indicated hours per period`,
//! exact). Everything is kept as an exact fraction in `i128` and rounded
//! half up once, at the end. Per year: a period amount × 13; a per-hour
//! tariff from the exact minutes per year. The contribution is the amount
//! for the calendar year of the date: per month × 12, per period × 13, or
//! per year.
//!
//! After a transition rule, the package that referred pays and charges:
//! its tariff and contribution valid on the date.
//!
//! A contribution's exemptions (`exemption`): the first whose `when` holds
//! makes the contribution 0. An exemption that names an optional question
//! the resident skipped cannot be decided: unless another one applies, the
//! standard contribution is used and the result says so (warning
//! `standard_contribution`). After a transition the answers are those of
//! the earlier package, not of the one whose contribution applies, so its
//! exemptions cannot be decided either.

use crate::answers::{Answers, NoTables};
use crate::date::Date;
use crate::document::{ContributionPer, FloorAction, TariffKind};
use crate::eval::{ceil_div, display_minutes, Indication, PERIODS_PER_YEAR, WEEKS_PER_YEAR};
use crate::expr::{Ref, ABSENT, SAFE_MAX};
use crate::package::{Contribution, Exemption, Package, Tariff, TariffClass, Version};

/// Months per calendar year, for a contribution per month.
pub const MONTHS_PER_YEAR: i64 = 12;
const BASIS: i128 = 10_000;
const MINUTES_PER_HOUR: i128 = 60;
/// The denominators of `round`: 10000 × 60, and 10000 × 13 × 60.
const PER_HOUR: u32 = 600_000;
const PER_PERIOD: u32 = 7_800_000;
const _: () = assert!(PER_HOUR as i128 == BASIS * MINUTES_PER_HOUR);
const _: () = assert!(PER_PERIOD as i128 == BASIS * PERIODS_PER_YEAR as i128 * MINUTES_PER_HOUR);

/// The tariff and contribution that apply.
#[derive(Debug, Clone, Copy, Default)]
pub struct MoneyRules<'p> {
    pub tariff: Option<&'p Tariff>,
    pub contribution: Option<&'p Contribution>,
}

impl<'p> MoneyRules<'p> {
    /// A version's own tariff or contribution, else the package's dated one on `date`.
    pub fn of(package: &'p Package, version: &'p Version, date: Date) -> MoneyRules<'p> {
        MoneyRules {
            tariff: version.tariff.as_ref().or_else(|| package.tariff_on(date)),
            contribution: version.contribution.as_ref().or_else(|| package.contribution_on(date)),
        }
    }

    /// For an indication: the referring package's after a transition rule.
    pub fn for_indication(ind: &Indication<'p>) -> MoneyRules<'p> {
        match &ind.transition {
            Some(t) => MoneyRules::of(t.from, t.from_version, ind.date),
            None => MoneyRules::of(ind.package, ind.version, ind.date),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.tariff.is_none() && self.contribution.is_none()
    }
}

/// A period tariff that fell below its floor, per four-week period, each
/// amount rounded half up for showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloorCheck {
    pub tariff_cents: i64,
    pub floor_cents: i64,
    /// True when the tariff was raised to the floor, false when it only warns.
    pub raised: bool,
}

/// Money for one indication. A figure is `None` when there is no tariff
/// (or contribution), or when it would leave ±2^53 (`overflowed`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Cost<'p> {
    pub tariff: Option<&'p Tariff>,
    pub class: Option<&'p TariffClass>,
    pub cents_per_period: Option<i64>,
    pub cents_per_year: Option<i64>,
    pub floor: Option<FloorCheck>,
    pub contribution: Option<&'p Contribution>,
    pub contribution_cents_per_year: Option<i64>,
    /// Whether an exemption applies (then the contribution per year is 0).
    pub exemption: ExemptionOutcome<'p>,
}

/// What a contribution's exemptions say for one household.
#[derive(Debug, Clone, Copy, Default)]
pub enum ExemptionOutcome<'p> {
    /// No exemption applies (or the contribution has none): the standard amount, no note.
    #[default]
    Standard,
    /// This exemption applies: the household pays no contribution.
    Applies(&'p Exemption),
    /// None applies, but one could not be decided (a skipped optional
    /// question): the standard amount, with a note.
    Undecided,
}

/// The exemptions of `contribution` for `answers`, checked against the
/// questions of `package` (the one that evaluated). `answers_fit` is false
/// after a transition: then the answers are another package's.
pub fn exemption<'p>(
    contribution: &'p Contribution,
    package: &Package,
    answers: &Answers,
    answers_fit: bool,
) -> ExemptionOutcome<'p> {
    if contribution.exemptions.is_empty() {
        return ExemptionOutcome::Standard;
    }
    if !answers_fit {
        return ExemptionOutcome::Undecided;
    }
    let mut undecided = false;
    for e in &contribution.exemptions {
        let mut skipped = false;
        e.when.expr.visit(&mut |r| {
            if let Ref::Question(q) = r {
                let q = usize::from(q);
                skipped |= package.questions.get(q).is_some_and(|x| x.optional)
                    && answers.slot(q) == ABSENT
                    && answers.is_asked(package, q);
            }
        });
        match e.when.expr.is_true(&answers.slots, &NoTables) {
            _ if skipped => undecided = true,
            Ok(true) => return ExemptionOutcome::Applies(e),
            Ok(false) => {}
            // Out of range arithmetic decides nothing: as if skipped, never a silent yes or no.
            Err(_) => undecided = true,
        }
    }
    if undecided {
        ExemptionOutcome::Undecided
    } else {
        ExemptionOutcome::Standard
    }
}

/// The cost of an indication: the money of `MoneyRules::for_indication`,
/// with the contribution's exemptions decided on the indication's answers.
pub fn indication_cost<'p>(ind: &Indication<'p>) -> Cost<'p> {
    let mut c = cost(MoneyRules::for_indication(ind), ind.total);
    if let (Some(k), true) = (c.contribution, ind.total > 0) {
        c.exemption = exemption(k, ind.package, ind.answers, ind.transition.is_none());
        if let ExemptionOutcome::Applies(_) = c.exemption {
            c.contribution_cents_per_year = Some(0);
        }
    }
    c
}

impl Cost<'_> {
    /// A figure that exists in the package but could not be computed.
    pub fn overflowed(&self) -> bool {
        (self.tariff.is_some() && (self.cents_per_period.is_none() || self.cents_per_year.is_none()))
            || (self.contribution.is_some() && self.contribution_cents_per_year.is_none())
    }
}

/// Half up, once: n / d for n ≥ 0, d > 0, within ±2^53.
fn round(n: i128, d: u32) -> Option<i64> {
    if n < 0 || d == 0 {
        return None;
    }
    let twice = n.checked_mul(2)?.checked_add(i128::from(d))?;
    let r = div_u32(twice.unsigned_abs(), d.checked_mul(2)?);
    i64::try_from(r).ok().filter(|r| *r <= SAFE_MAX)
}

/// `n / d`, exact, in four 32-bit steps of long division (each remainder is
/// below `d`, so every step fits in a u64). The same quotient as `/` on
/// 128-bit numbers, without compiler_builtins' 128-bit division (1 KB of
/// the resident module, used nowhere else in it).
fn div_u32(n: u128, d: u32) -> u128 {
    let d = u64::from(d);
    let (mut q, mut r) = (0u128, 0u64);
    for shift in [96, 64, 32, 0] {
        let step = (r << 32) | u64::from((n >> shift) as u32);
        q |= u128::from(step / d) << shift;
        r = step % d;
    }
    q
}

/// The class of a Resultatenmatrix that holds the displayed minutes per
/// week of `minutes_per_year` (bands are checked at load to cover 0..∞).
pub fn class_of(tariff: &Tariff, minutes_per_year: i64) -> Option<&TariffClass> {
    let shown = display_minutes(ceil_div(minutes_per_year, WEEKS_PER_YEAR));
    tariff.classes.iter().find(|c| c.holds(shown))
}

/// The cost of `minutes_per_year` of help under `rules`. No help (0 or
/// less) means no tariff, no class and no contribution: all amounts 0.
pub fn cost(rules: MoneyRules<'_>, minutes_per_year: i64) -> Cost<'_> {
    let mut out = Cost { tariff: rules.tariff, contribution: rules.contribution, ..Cost::default() };
    if minutes_per_year <= 0 {
        out.cents_per_period = rules.tariff.map(|_| 0);
        out.cents_per_year = rules.tariff.map(|_| 0);
        out.contribution_cents_per_year = rules.contribution.map(|_| 0);
        return out;
    }
    if let Some(t) = rules.tariff {
        tariff_cost(t, minutes_per_year, &mut out);
    }
    out.contribution_cents_per_year = rules.contribution.and_then(|c| {
        c.cents.checked_mul(match c.per {
            ContributionPer::Month => MONTHS_PER_YEAR,
            ContributionPer::Period => PERIODS_PER_YEAR,
            ContributionPer::Year => 1,
        })
    });
    out
}

fn tariff_cost<'p>(t: &'p Tariff, minutes_per_year: i64, out: &mut Cost<'p>) {
    let factor = BASIS + i128::from(t.basis_points);
    let year = i128::from(minutes_per_year);
    match t.kind {
        TariffKind::PerHour => {
            // cents × (1 + bp) × minutes / 60: per period from the rounded-up
            // minutes per period (as the decision states them), per year exact.
            let d = PER_HOUR;
            let period = i128::from(ceil_div(minutes_per_year, PERIODS_PER_YEAR));
            out.cents_per_period = round(i128::from(t.cents) * factor * period, d);
            out.cents_per_year = round(i128::from(t.cents) * factor * year, d);
        }
        TariffKind::PerPeriod | TariffKind::PerClass => {
            let base = if t.kind == TariffKind::PerClass {
                out.class = class_of(t, minutes_per_year);
                out.class.map_or(0, |c| c.cents)
            } else {
                t.cents
            };
            // One denominator for both: per period = n / (10000 × 13 × 60).
            let periods_minutes = i128::from(PERIODS_PER_YEAR) * MINUTES_PER_HOUR;
            let d = PER_PERIOD;
            let mut n = i128::from(base) * factor * periods_minutes;
            if let Some(f) = &t.floor {
                // Floor per period: cents per hour × (minutes per year / 13) / 60, exact.
                let floor = i128::from(f.cents_per_hour) * year * BASIS;
                if n < floor {
                    let raised = f.below == FloorAction::Raise;
                    out.floor = match (round(n, d), round(floor, d)) {
                        (Some(tariff_cents), Some(floor_cents)) => {
                            Some(FloorCheck { tariff_cents, floor_cents, raised })
                        }
                        _ => None,
                    };
                    if raised {
                        n = floor;
                    }
                }
            }
            out.cents_per_period = round(n, d);
            out.cents_per_year = n.checked_mul(i128::from(PERIODS_PER_YEAR)).and_then(|y| round(y, d));
        }
    }
}

/// "€ 1.234,56" (Dutch notation).
pub fn euro(cents: i64) -> String {
    let (e, c) = (cents / 100, (cents % 100).abs());
    let digits = e.abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("€ {}{grouped},{c:02}", if cents < 0 { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::{Floor, Provenance};

    #[test]
    fn div_u32_is_128_bit_division() {
        let ns = [
            0u128,
            1,
            599_999,
            600_000,
            15_599_999,
            u64::MAX as u128,
            (1 << 100) + 12_345,
            u128::MAX,
            i128::MAX as u128,
        ];
        for n in ns {
            for d in [1u32, 2, 1_200_000, 15_600_000, u32::MAX] {
                assert_eq!(div_u32(n, d), n / u128::from(d), "{n} / {d}");
            }
        }
    }

    fn provisional() -> Provenance {
        Provenance::Provisional { reason: "r".into() }
    }

    fn tariff(kind: TariffKind, cents: i64) -> Tariff {
        Tariff {
            valid_from: None,
            kind,
            cents,
            classes: Vec::new(),
            basis_points: 0,
            floor: None,
            label: "t".into(),
            provenance: provisional(),
        }
    }

    fn class(id: &str, from: i64, to: Option<i64>, cents: i64) -> TariffClass {
        TariffClass { id: id.into(), label: id.into(), from_minutes_per_week: from, to_minutes_per_week: to, cents }
    }

    fn matrix() -> Tariff {
        let mut t = tariff(TariffKind::PerClass, 0);
        t.classes =
            vec![class("a", 0, Some(120), 20_000), class("b", 121, Some(240), 35_000), class("c", 241, None, 50_000)];
        t
    }

    fn year(t: &Tariff, minutes_per_year: i64) -> Cost<'_> {
        cost(MoneyRules { tariff: Some(t), contribution: None }, minutes_per_year)
    }

    #[test]
    fn per_hour_rounds_once_from_the_exact_minutes() {
        // 10 minutes per year at € 30,01 per hour = 500,17 cents: 500 (half up, once).
        assert_eq!(year(&tariff(TariffKind::PerHour, 3001), 10).cents_per_year, Some(500));
        // 3 minutes × 10 cents / 60 = 0.5 cent: rounded up.
        assert_eq!(year(&tariff(TariffKind::PerHour, 10), 3).cents_per_year, Some(1));
        // 8820 minutes/year at 2850 cents/hour = 418950 cents, not 13 × the rounded period (679 min → 32253).
        let hourly = tariff(TariffKind::PerHour, 2850);
        let c = year(&hourly, 8820);
        assert_eq!((c.cents_per_period, c.cents_per_year), (Some(32_253), Some(418_950)));
        assert_eq!(year(&tariff(TariffKind::PerPeriod, 34_200), 1).cents_per_year, Some(444_600));
        assert_eq!(year(&tariff(TariffKind::PerPeriod, i64::MAX), 1).cents_per_year, None);
        let huge = tariff(TariffKind::PerPeriod, i64::MAX);
        assert!(year(&huge, 1).overflowed());
    }

    #[test]
    fn class_edges_are_inclusive_on_displayed_minutes() {
        let t = matrix();
        // 120 minutes per week exactly: class a; 121 shows as 135: class b.
        assert_eq!(year(&t, 120 * 52).class.map(|c| c.id.as_str()), Some("a"));
        assert_eq!(year(&t, 120 * 52 + 1).class.map(|c| c.id.as_str()), Some("b"));
        // 106 minutes per week shows as 120 (rounded up to the quarter): still a.
        assert_eq!(year(&t, 106 * 52).class.map(|c| c.id.as_str()), Some("a"));
        assert_eq!(year(&t, 240 * 52).class.map(|c| c.id.as_str()), Some("b"));
        assert_eq!(year(&t, 241 * 52).class.map(|c| c.id.as_str()), Some("c"));
        let c = year(&t, 241 * 52);
        assert_eq!((c.cents_per_period, c.cents_per_year), (Some(50_000), Some(650_000)));
        // No help: no class, nothing paid.
        let none = year(&t, 0);
        assert!(none.class.is_none());
        assert_eq!(none.cents_per_year, Some(0));
    }

    #[test]
    fn basis_points_then_floor_rounded_once() {
        let mut t = matrix();
        t.basis_points = -100;
        // 35000 × 0.99 = 34650 per period; × 13 = 450450.
        let c = year(&t, 180 * 52);
        assert_eq!((c.cents_per_period, c.cents_per_year), (Some(34_650), Some(450_450)));
        // 20001 cents (class a) − 1 % = 19800.99 → 19801 per period, 257412.87 → 257413 per year
        t.classes[0].cents = 20_001;
        let c = year(&t, 60 * 52);
        assert_eq!((c.cents_per_period, c.cents_per_year), (Some(19_801), Some(257_413)));
        t.classes[0].cents = 10_050;
        // 10050 × 0.99 = 9949.5 → 9950 (half up); × 13 = 129343.5 → 129344 (13 × 9950 = 129350).
        let c = year(&t, 60 * 52);
        assert_eq!((c.cents_per_period, c.cents_per_year), (Some(9_950), Some(129_344)));
    }

    #[test]
    fn floor_warns_or_raises_with_both_amounts() {
        let mut t = matrix();
        t.basis_points = -100;
        t.floor = Some(Floor {
            cents_per_hour: 2850,
            below: FloorAction::Warn,
            label: "f".into(),
            provenance: provisional(),
        });
        // 240 minutes per week = 12480 per year: 16 hours per period × € 28,50 = € 456,00 > € 346,50.
        let c = year(&t, 240 * 52);
        assert_eq!(c.floor, Some(FloorCheck { tariff_cents: 34_650, floor_cents: 45_600, raised: false }));
        assert_eq!(c.cents_per_period, Some(34_650));
        if let Some(f) = t.floor.as_mut() {
            f.below = FloorAction::Raise;
        }
        let c = year(&t, 240 * 52);
        assert_eq!(c.floor.map(|f| f.raised), Some(true));
        // Raised to the exact floor: per year 12480 / 60 × 2850 = 592800.
        assert_eq!((c.cents_per_period, c.cents_per_year), (Some(45_600), Some(592_800)));
        // Above the floor nothing changes and nothing warns.
        let c = year(&t, 60 * 52);
        assert_eq!(c.floor, None);
        // Exactly on the floor is not below it.
        t.classes[0].cents = 11_400;
        t.basis_points = 0;
        let c = year(&t, 120 * 52); // 8 hours per period × 2850 = 22800 > 11400: raised
        assert_eq!(c.cents_per_period, Some(22_800));
        t.classes[0].cents = 22_800;
        assert_eq!(year(&t, 120 * 52).floor, None);
    }

    #[test]
    fn contribution_per_year_by_its_unit() {
        let c = |per, cents| Contribution {
            valid_from: None,
            cents,
            per,
            label: "c".into(),
            provenance: provisional(),
            exemptions: Vec::new(),
        };
        let of =
            |x: &Contribution| cost(MoneyRules { tariff: None, contribution: Some(x) }, 60).contribution_cents_per_year;
        assert_eq!(of(&c(ContributionPer::Month, 2_160)), Some(25_920));
        assert_eq!(of(&c(ContributionPer::Period, 1_900)), Some(24_700));
        assert_eq!(of(&c(ContributionPer::Year, 25_000)), Some(25_000));
    }
}
