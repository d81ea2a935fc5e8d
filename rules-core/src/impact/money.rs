//! What an indication costs per year under one norm, through the same path
//! as every result (`crate::tariff`): the tariff (per hour, per period or
//! per class, basis points, floor) and the contribution of the calendar year.

use crate::date::Date;
use crate::error::Error;
use crate::eval::Options;
use crate::package::{Package, Version};
use crate::tariff::{self, MoneyRules};

pub use crate::tariff::MONTHS_PER_YEAR;

/// Money for one household under one norm, in cents per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cost<'p> {
    /// Tariff paid to the provider; `None` when the package has no tariff.
    pub cents_per_year: Option<i64>,
    /// The resident's contribution; `None` when the package has none.
    pub contribution_cents_per_year: Option<i64>,
    /// Id of the Resultatenmatrix class; `None` without a class tariff or without help.
    pub class: Option<&'p str>,
}

/// Cost per year of `minutes_per_year` of help under the money rules of
/// `package` and `version` (the referring ones after a transition) on `date`.
/// No help means no tariff and no contribution.
pub fn cost<'p>(
    package: &'p Package,
    version: &'p Version,
    date: Date,
    minutes_per_year: i64,
) -> Result<Cost<'p>, Error> {
    let c = tariff::cost(MoneyRules::of(package, version, date), minutes_per_year);
    if c.overflowed() {
        return Err(Error::Overflow { path: format!("versions[{}].tariff", version.version) });
    }
    Ok(Cost {
        cents_per_year: c.cents_per_year,
        contribution_cents_per_year: c.contribution_cents_per_year,
        class: c.class.map(|k| k.id.as_str()),
    })
}

/// A package whose base has no tariff while its municipal overlays do needs
/// the household's municipality: without it the cost would silently be 0.
pub fn require_municipality(root: &Package, options: &Options) -> Result<(), Error> {
    if options.municipality.is_some() {
        return Ok(());
    }
    let has_tariff =
        |p: &Package| p.version_for(options.date).is_some_and(|v| MoneyRules::of(p, v, options.date).tariff.is_some());
    if !has_tariff(root) && root.overlays.iter().any(has_tariff) {
        return Err(Error::MunicipalityRequired { package: root.id.clone() });
    }
    Ok(())
}
