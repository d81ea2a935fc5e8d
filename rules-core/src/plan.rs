//! The plan for a package: picks the procedure entry and working-day
//! calendar of a package (or its municipality's overlay) and plans the
//! motion's steps with them (`workdays::procedure`). Separate from
//! `workdays` so the calendar and steps do not depend on the package model.

use crate::date::Date;
use crate::error::Error;
use crate::package::Package;
use crate::workdays::procedure::{check_plan_date, entry_on, plan, Plan, PlanDates, ProcedureEntry};
use crate::workdays::Calendar;

/// The procedure entry and calendar that apply on `date` for `package` (its
/// municipality's overlay when `municipality` is given), or the motion's
/// defaults and the national calendar without a package.
pub fn for_package(
    package: Option<&Package>,
    municipality: Option<&str>,
    date: Date,
) -> Result<(ProcedureEntry, Calendar), Error> {
    let Some(root) = package else { return Ok((ProcedureEntry::motion(), Calendar::national())) };
    let package = match municipality {
        None => root,
        Some(m) => root
            .for_municipality(m)
            .ok_or_else(|| Error::UnknownMunicipality { package: root.id.clone(), municipality: m.to_string() })?,
    };
    let entry = if package.procedure.is_empty() {
        ProcedureEntry::motion()
    } else {
        entry_on(&package.procedure, date)
            .cloned()
            .ok_or_else(|| Error::NoProcedureForDate { package: package.id.clone(), date: date.to_string() })?
    };
    Ok((entry, package.calendar.clone()))
}

/// The one entry the CLI and the browser take: the plan for `dates` under the
/// procedure of `package` (and `municipality`) on the decision date, or the
/// motion's defaults without a package. Bad dates are refused before any counting.
pub fn plan_for(package: Option<&Package>, municipality: Option<&str>, dates: &PlanDates) -> Result<Plan, Error> {
    let decision = dates.decision.ok_or(Error::MissingPlanDate { date: "een plan", needs: "het besluit" })?;
    check_plan_date(decision)?;
    let (entry, calendar) = for_package(package, municipality, decision)?;
    plan(&entry, &calendar, dates)
}
