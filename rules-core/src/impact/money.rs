//! What an indication costs per year, from the package version's tariff and
//! contribution. Today's tariff kinds are a flat amount per four-week period
//! and cents per hour; classes (Resultatenmatrix), basis points and a floor
//! plug in here later: `Cost::class` stays `None` until then.

use crate::document::{ContributionPer, TariffKind};
use crate::error::Error;
use crate::eval::{Options, PERIODS_PER_YEAR};
use crate::package::{Package, Version};

/// Months per calendar year, for a contribution per month.
pub const MONTHS_PER_YEAR: i64 = 12;

/// Money for one household under one norm, in cents per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cost {
    /// Tariff paid to the provider; `None` when the package has no tariff.
    pub cents_per_year: Option<i64>,
    /// The resident's contribution; `None` when the package has none.
    pub contribution_cents_per_year: Option<i64>,
    /// Class of a Resultatenmatrix (not in the package format yet).
    pub class: Option<u16>,
}

/// Cost per year of `minutes_per_year` of help under `version`'s money rules.
/// No help means no tariff and no contribution. A per-hour tariff is taken
/// from the exact minutes per year and rounded half up once, at the end.
pub fn cost(version: &Version, minutes_per_year: i64) -> Result<Cost, Error> {
    let overflow = || Error::Overflow { path: format!("versions[{}].tariff", version.version) };
    if minutes_per_year <= 0 {
        return Ok(Cost {
            cents_per_year: version.tariff.as_ref().map(|_| 0),
            contribution_cents_per_year: version.contribution.as_ref().map(|_| 0),
            class: None,
        });
    }
    let cents_per_year = match &version.tariff {
        None => None,
        Some(t) => Some(match t.kind {
            TariffKind::PerPeriod => t.cents.checked_mul(PERIODS_PER_YEAR).ok_or_else(overflow)?,
            TariffKind::PerHour => {
                let exact = i128::from(t.cents) * i128::from(minutes_per_year);
                i64::try_from((exact + 30) / 60).map_err(|_| overflow())?
            }
        }),
    };
    let contribution_cents_per_year = match &version.contribution {
        None => None,
        Some(c) => Some(
            c.cents
                .checked_mul(match c.per {
                    ContributionPer::Month => MONTHS_PER_YEAR,
                    ContributionPer::Period => PERIODS_PER_YEAR,
                })
                .ok_or_else(overflow)?,
        ),
    };
    Ok(Cost { cents_per_year, contribution_cents_per_year, class: None })
}

/// A package whose base has no tariff while its municipal overlays do needs
/// the household's municipality: without it the cost would silently be 0.
pub fn require_municipality(root: &Package, options: &Options) -> Result<(), Error> {
    if options.municipality.is_some() {
        return Ok(());
    }
    let has_tariff = |p: &Package| p.version_for(options.date).is_some_and(|v| v.tariff.is_some());
    if !has_tariff(root) && root.overlays.iter().any(has_tariff) {
        return Err(Error::MunicipalityRequired { package: root.id.clone() });
    }
    Ok(())
}
