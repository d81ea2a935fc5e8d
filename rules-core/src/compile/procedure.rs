//! The omgekeerd-toewijzen `procedure` (a dated list) and the `calendar`
//! (closed days): dates parsed, amounts bounded, every entry and closed day
//! cited or provisional, no two entries from the same date.

use crate::date::Date;
use crate::document::{CalendarDoc, PackageDoc, PeriodDoc, PeriodUnitDoc, ProcedureEntryDoc};
use crate::error::Error;
use crate::package::Provenance;
use crate::workdays::procedure::{Citation, Period, PeriodUnit, ProcedureEntry, MAX_PERIOD_AMOUNT};
use crate::workdays::{Calendar, ClosedDay};

use super::names::need_text;
use super::provenance::provenance;

fn date(path: &str, text: &str) -> Result<Date, Error> {
    Date::parse(text).ok_or_else(|| Error::package(path, format!("'{text}' is geen geldige datum (JJJJ-MM-DD)")))
}

fn citation(path: &str, doc: &PackageDoc, p: Provenance) -> Result<Citation, Error> {
    Ok(match p {
        Provenance::Source { document, locator } => Citation::Source {
            document: doc
                .sources
                .get(document)
                .map(|s| s.id.clone())
                .ok_or_else(|| Error::package(path, "bron niet gevonden"))?,
            locator,
        },
        Provenance::Provisional { reason } => Citation::Provisional { provisional: reason },
    })
}

fn period(path: &str, p: &PeriodDoc) -> Result<Period, Error> {
    let amount = u32::try_from(p.amount).ok().filter(|a| *a <= MAX_PERIOD_AMOUNT).ok_or_else(|| {
        Error::package(format!("{path}.amount"), format!("een hele waarde van 0 tot en met {MAX_PERIOD_AMOUNT}"))
    })?;
    let unit = match p.unit {
        PeriodUnitDoc::WorkingDays => PeriodUnit::WorkingDays,
        PeriodUnitDoc::Days => PeriodUnit::Days,
    };
    Ok(Period { amount, unit })
}

fn entry(path: &str, doc: &PackageDoc, e: &ProcedureEntryDoc) -> Result<ProcedureEntry, Error> {
    let entry = ProcedureEntry {
        valid_from: date(&format!("{path}.valid_from"), &e.valid_from)?,
        conversation_within: period(&format!("{path}.conversation_within"), &e.conversation_within)?,
        start_within: period(&format!("{path}.start_within"), &e.start_within)?,
        evaluation_from: period(&format!("{path}.evaluation_from"), &e.evaluation_from)?,
        evaluation_until: period(&format!("{path}.evaluation_until"), &e.evaluation_until)?,
        citation: citation(path, doc, provenance(path, doc, &e.source, &e.provisional)?)?,
    };
    entry.check(path)?;
    Ok(entry)
}

/// The procedure list, sorted by `valid_from`.
pub(super) fn compile_procedure(doc: &PackageDoc) -> Result<Vec<ProcedureEntry>, Error> {
    let mut entries = Vec::with_capacity(doc.procedure.len());
    for (i, e) in doc.procedure.iter().enumerate() {
        let path = format!("procedure[{i}]");
        let entry = entry(&path, doc, e)?;
        if entries.iter().any(|x: &ProcedureEntry| x.valid_from == entry.valid_from) {
            return Err(Error::package(
                format!("{path}.valid_from"),
                format!("twee regels gelden vanaf {}; elke regel heeft een eigen datum", entry.valid_from),
            ));
        }
        entries.push(entry);
    }
    entries.sort_by_key(|e| e.valid_from);
    Ok(entries)
}

pub(super) fn compile_calendar(doc: &PackageDoc) -> Result<Calendar, Error> {
    let Some(CalendarDoc { closed_days }) = &doc.calendar else { return Ok(Calendar::national()) };
    let mut days: Vec<ClosedDay> = Vec::with_capacity(closed_days.len());
    for (i, d) in closed_days.iter().enumerate() {
        let path = format!("calendar.closed_days[{i}]");
        let at = date(&format!("{path}.date"), &d.date)?;
        need_text(&format!("{path}.label"), "de naam van de dag", &d.label)?;
        provenance(&path, doc, &d.source, &d.provisional)?;
        if days.iter().any(|x| x.date == at) {
            return Err(Error::package(format!("{path}.date"), format!("{at} staat al in de lijst")));
        }
        days.push(ClosedDay { date: at, label: d.label.clone() });
    }
    Ok(Calendar::with_closed_days(days))
}
