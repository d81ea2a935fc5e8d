//! The `u8` codes of the enums in a compiled bundle, both ways in one table
//! per enum, so encoding and decoding cannot drift apart. A code's number is
//! part of the format: never renumber, only add.

use crate::document::{ContributionPer, FloorAction, QuestionKind, RuleKind, Status, TariffKind, Unit};
use crate::expr::Cmp;
use crate::workdays::procedure::PeriodUnit;

/// An enum with a fixed table of codes.
pub trait Code: Copy + PartialEq + 'static {
    const TABLE: &'static [Self];
    /// The reading error for a code not in the table (Dutch).
    const UNKNOWN: &'static str;

    fn code(self) -> u8 {
        // Every variant is in its table (tests below), so the fallback is never taken.
        Self::TABLE.iter().position(|&v| v == self).map_or(u8::MAX, |i| i as u8)
    }

    fn from_code(code: u8) -> Option<Self> {
        Self::TABLE.get(code as usize).copied()
    }
}

impl Code for QuestionKind {
    const TABLE: &'static [Self] =
        &[QuestionKind::YesNo, QuestionKind::Choice, QuestionKind::Number, QuestionKind::Date];
    const UNKNOWN: &'static str = "onbekende soort vraag";
}

impl Code for Unit {
    const TABLE: &'static [Self] = &[Unit::MinutesPerWeek, Unit::HoursPerYear, Unit::MinutesPerYear, Unit::Number];
    const UNKNOWN: &'static str = "onbekende eenheid";
}

impl Code for Status {
    const TABLE: &'static [Self] = &[Status::Concept, Status::Vastgesteld];
    const UNKNOWN: &'static str = "onbekende status";
}

impl Code for TariffKind {
    const TABLE: &'static [Self] = &[TariffKind::PerHour, TariffKind::PerPeriod, TariffKind::PerClass];
    const UNKNOWN: &'static str = "onbekende soort tarief";
}

impl Code for ContributionPer {
    const TABLE: &'static [Self] = &[ContributionPer::Month, ContributionPer::Period, ContributionPer::Year];
    const UNKNOWN: &'static str = "onbekende periode van de eigen bijdrage";
}

impl Code for FloorAction {
    const TABLE: &'static [Self] = &[FloorAction::Warn, FloorAction::Raise];
    const UNKNOWN: &'static str = "onbekende handeling bij de ondergrens";
}

impl Code for RuleKind {
    const TABLE: &'static [Self] = &[RuleKind::Base, RuleKind::Surcharge, RuleKind::Reduction];
    const UNKNOWN: &'static str = "onbekende soort regel";
}

impl Code for Cmp {
    const TABLE: &'static [Self] = &[Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge];
    const UNKNOWN: &'static str = "onbekende vergelijking";
}

impl Code for PeriodUnit {
    const TABLE: &'static [Self] = &[PeriodUnit::WorkingDays, PeriodUnit::Days];
    const UNKNOWN: &'static str = "onbekende eenheid van een termijn";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An exhaustive match per enum: adding a variant fails to compile here
    /// until it is given a code.
    #[test]
    fn every_variant_has_a_code() {
        fn round<T: Code + std::fmt::Debug>() {
            for (i, &v) in T::TABLE.iter().enumerate() {
                assert_eq!(v.code() as usize, i);
                assert_eq!(T::from_code(v.code()), Some(v));
            }
            assert_eq!(T::from_code(T::TABLE.len() as u8), None);
        }
        let count = |k: QuestionKind| match k {
            QuestionKind::YesNo | QuestionKind::Choice | QuestionKind::Number | QuestionKind::Date => 4,
        };
        assert_eq!(QuestionKind::TABLE.len(), count(QuestionKind::YesNo));
        let count = |u: Unit| match u {
            Unit::MinutesPerWeek | Unit::HoursPerYear | Unit::MinutesPerYear | Unit::Number => 4,
        };
        assert_eq!(Unit::TABLE.len(), count(Unit::Number));
        let count = |s: Status| match s {
            Status::Concept | Status::Vastgesteld => 2,
        };
        assert_eq!(Status::TABLE.len(), count(Status::Concept));
        let count = |t: TariffKind| match t {
            TariffKind::PerHour | TariffKind::PerPeriod | TariffKind::PerClass => 3,
        };
        assert_eq!(TariffKind::TABLE.len(), count(TariffKind::PerHour));
        let count = |c: ContributionPer| match c {
            ContributionPer::Month | ContributionPer::Period | ContributionPer::Year => 3,
        };
        assert_eq!(ContributionPer::TABLE.len(), count(ContributionPer::Month));
        let count = |f: FloorAction| match f {
            FloorAction::Warn | FloorAction::Raise => 2,
        };
        assert_eq!(FloorAction::TABLE.len(), count(FloorAction::Warn));
        let count = |r: RuleKind| match r {
            RuleKind::Base | RuleKind::Surcharge | RuleKind::Reduction => 3,
        };
        assert_eq!(RuleKind::TABLE.len(), count(RuleKind::Base));
        let count = |c: Cmp| match c {
            Cmp::Eq | Cmp::Ne | Cmp::Lt | Cmp::Le | Cmp::Gt | Cmp::Ge => 6,
        };
        assert_eq!(Cmp::TABLE.len(), count(Cmp::Eq));
        let count = |p: PeriodUnit| match p {
            PeriodUnit::WorkingDays | PeriodUnit::Days => 2,
        };
        assert_eq!(PeriodUnit::TABLE.len(), count(PeriodUnit::Days));
        round::<QuestionKind>();
        round::<Unit>();
        round::<Status>();
        round::<TariffKind>();
        round::<ContributionPer>();
        round::<FloorAction>();
        round::<RuleKind>();
        round::<Cmp>();
        round::<PeriodUnit>();
    }
}
