//! Cost rules: the tariff and contribution in the output, the cost per
//! four-week period, and euro notation.

use crate::document::{ContributionPer, TariffKind};
use crate::eval::{figures, Indication};
use crate::package::Provenance;

use super::model::{CostJson, MoneyJson};

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
        contribution: v.contribution.as_ref().map(|c| MoneyJson {
            per: match c.per {
                ContributionPer::Month => "month",
                ContributionPer::Period => "period",
            },
            cents: c.cents,
            label: &c.label,
            provisional: provisional_reason(&c.provenance),
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
