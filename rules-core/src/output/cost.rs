//! Cost in the output: the tariff, the class, the contribution, and the
//! cost per four-week period and per year, all from `crate::tariff`.

use crate::document::{ContributionPer, TariffKind};
use crate::eval::Indication;
use crate::package::Provenance;
use crate::tariff::{Cost, ExemptionOutcome};

use super::model::{ClassJson, ContributionJson, CostJson, ExemptionJson, Fragment, MoneyJson};
use crate::package::{Contribution, Package, Prerendered, Tariff, TariffClass, Version};

pub use crate::tariff::euro;

fn provisional_reason(p: &Provenance) -> Option<&str> {
    match p {
        Provenance::Source { .. } => None,
        Provenance::Provisional { reason } => Some(reason),
    }
}

/// The cost of an indication (the referring package's money after a transition).
pub fn indication_cost<'a>(ind: &Indication<'a>) -> Cost<'a> {
    crate::tariff::indication_cost(ind)
}

/// A tariff as the output shows it (a class tariff: `class`'s own amount).
pub(super) fn tariff_money<'a>(t: &'a Tariff, class: Option<&TariffClass>) -> MoneyJson<'a> {
    MoneyJson {
        per: match t.kind {
            TariffKind::PerHour => "per_hour",
            TariffKind::PerPeriod | TariffKind::PerClass => "per_period",
        },
        // A class tariff: the class's own amount, before basis points and floor.
        cents: match (t.kind, class) {
            (TariffKind::PerClass, Some(k)) => k.cents,
            (TariffKind::PerClass, None) => 0,
            _ => t.cents,
        },
        label: &t.label,
        basis_points: (t.basis_points != 0).then_some(t.basis_points),
        floor_cents_per_hour: t.floor.as_ref().map(|f| f.cents_per_hour),
        provisional: provisional_reason(&t.provenance)
            .or_else(|| t.floor.as_ref().and_then(|f| provisional_reason(&f.provenance))),
    }
}

/// A contribution's own fields (without its amount per year and exemption).
pub(super) fn contribution_money(k: &Contribution) -> MoneyJson<'_> {
    MoneyJson {
        per: match k.per {
            ContributionPer::Month => "month",
            ContributionPer::Period => "period",
            ContributionPer::Year => "year",
        },
        cents: k.cents,
        label: &k.label,
        basis_points: None,
        floor_cents_per_hour: None,
        provisional: provisional_reason(&k.provenance),
    }
}

/// The part pre-rendered at load for `item` (`prerender`): `parts[0]` is the
/// version's own tariff or contribution, `parts[1 + i]` the package's dated `i`-th.
pub(super) fn money_part<'a, T>(
    own: Option<&T>,
    dated: &[T],
    item: &T,
    parts: &'a [Option<Prerendered>],
) -> Option<&'a Prerendered> {
    let at = match own {
        Some(o) if std::ptr::eq(o, item) => 0,
        _ => 1 + dated.iter().position(|d| std::ptr::eq(d, item))?,
    };
    parts.get(at)?.as_ref()
}

/// The package and version whose money an indication uses (`MoneyRules::for_indication`).
pub(super) fn money_source<'a>(ind: &Indication<'a>) -> (&'a Package, &'a Version) {
    ind.transition.as_ref().map_or((ind.package, ind.version), |t| (t.from, t.from_version))
}

/// `money` is the package and version whose money applies (`money_source`).
pub(super) fn cost_json<'a>(
    c: &Cost<'a>,
    package: &'a Package,
    money: (&'a Package, &'a Version),
) -> Option<CostJson<'a>> {
    if c.tariff.is_none() && c.contribution.is_none() {
        return None;
    }
    let (pkg, v) = money;
    Some(CostJson {
        class: c.class.map(|k| ClassJson {
            id: &k.id,
            label: &k.label,
            from_minutes_per_week: k.from_minutes_per_week,
            to_minutes_per_week: k.to_minutes_per_week,
        }),
        tariff: c.tariff.map(|t| match money_part(v.tariff.as_ref(), &pkg.tariffs, t, &v.json.tariffs) {
            Some(part) => Fragment::Raw(part),
            None => Fragment::Value(tariff_money(t, c.class)),
        }),
        cents_per_period: c.cents_per_period,
        cents_per_year: c.cents_per_year,
        contribution: c.contribution.map(|k| ContributionJson {
            money: contribution_money(k),
            part: money_part(v.contribution.as_ref(), &pkg.contributions, k, &v.json.contributions),
            cents_per_year: c.contribution_cents_per_year,
            exemption: match c.exemption {
                ExemptionOutcome::Applies(e) => {
                    let (document, title, locator, provisional) = super::citations::cite(package, &e.provenance);
                    Some(ExemptionJson { id: &e.id, label: &e.label, document, title, locator, provisional })
                }
                _ => None,
            },
        }),
    })
}
