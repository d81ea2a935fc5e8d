//! Cost rules: the tariff and contribution in the output, the cost per
//! four-week period, and euro notation.

use crate::document::{ContributionPer, TariffKind};
use crate::eval::{figures, Indication};
use crate::package::Provenance;

use super::model::{ContributionJson, CostJson, MoneyJson};

/// Four-week periods in a year (13 × 4 = 52 weeks).
const PERIODS_PER_YEAR: i64 = 13;
const MONTHS_PER_YEAR: i64 = 12;

fn provisional_reason(p: &Provenance) -> Option<&str> {
    match p {
        Provenance::Provisional { reason } => Some(reason),
        Provenance::Source { .. } => None,
    }
}

pub(super) fn cost_json<'a>(ind: &'a Indication<'a>) -> Option<CostJson<'a>> {
    let v = ind.version;
    if v.tariff.is_none() && v.contribution.is_none() {
        return None;
    }
    Some(CostJson {
        class: None,
        tariff: v.tariff.as_ref().map(|t| MoneyJson {
            per: match t.kind {
                TariffKind::PerHour => "per_hour",
                TariffKind::PerPeriod => "per_period",
            },
            cents: t.cents,
            label: &t.label,
            provisional: provisional_reason(&t.provenance),
        }),
        cents_per_period: v.tariff.as_ref().and_then(|t| cents_per_period(t, figures(ind.total).1)),
        cents_per_year: v.tariff.as_ref().and_then(|t| cents_per_year(t, ind.total)),
        contribution: v.contribution.as_ref().map(|c| ContributionJson {
            money: MoneyJson {
                per: match c.per {
                    ContributionPer::Month => "month",
                    ContributionPer::Period => "period",
                },
                cents: c.cents,
                label: &c.label,
                provisional: provisional_reason(&c.provenance),
            },
            cents_per_year: c.cents.checked_mul(match c.per {
                ContributionPer::Month => MONTHS_PER_YEAR,
                ContributionPer::Period => PERIODS_PER_YEAR,
            }),
        }),
    })
}

/// Cost per four-week period in whole cents; `None` only on overflow.
pub fn cents_per_period(tariff: &crate::package::Tariff, minutes_per_period: i64) -> Option<i64> {
    match tariff.kind {
        TariffKind::PerPeriod => Some(tariff.cents),
        // Half up: (m × t + 30) / 60 for non-negative m and t.
        TariffKind::PerHour => minutes_per_period.max(0).checked_mul(tariff.cents)?.checked_add(30).map(|x| x / 60),
    }
}

/// Cost per year in whole cents; `None` only on overflow. A per-hour tariff
/// is applied to the exact minutes per year and rounded half up once (not
/// the rounded period cost × 13).
pub fn cents_per_year(tariff: &crate::package::Tariff, minutes_per_year: i64) -> Option<i64> {
    match tariff.kind {
        TariffKind::PerPeriod => tariff.cents.checked_mul(PERIODS_PER_YEAR),
        TariffKind::PerHour => minutes_per_year.max(0).checked_mul(tariff.cents)?.checked_add(30).map(|x| x / 60),
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
    use crate::package::Tariff;

    fn tariff(kind: TariffKind, cents: i64) -> Tariff {
        Tariff { kind, cents, label: "t".into(), provenance: Provenance::Provisional { reason: "r".into() } }
    }

    #[test]
    fn cost_per_year_rounds_once_from_the_exact_minutes() {
        // 10 minutes per year at € 30,01 per hour = 500,17 cents: 500 (half up, once).
        assert_eq!(cents_per_year(&tariff(TariffKind::PerHour, 3001), 10), Some(500));
        // 3 minutes × 10 cents / 60 = 0.5 cent: rounded up.
        assert_eq!(cents_per_year(&tariff(TariffKind::PerHour, 10), 3), Some(1));
        // Per year from exact minutes, not the rounded period cost × 13:
        // 8820 minutes/year at 2850 cents/hour = 418950 cents.
        assert_eq!(cents_per_year(&tariff(TariffKind::PerHour, 2850), 8820), Some(418_950));
        assert_eq!(cents_per_period(&tariff(TariffKind::PerHour, 2850), 679).map(|p| p * 13), Some(419_289));
        assert_eq!(cents_per_year(&tariff(TariffKind::PerPeriod, 34_200), 1), Some(444_600));
        assert_eq!(cents_per_year(&tariff(TariffKind::PerPeriod, i64::MAX), 1), None);
    }
}
