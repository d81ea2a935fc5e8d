//! Money: tariffs (per hour, per period, per class of a Resultatenmatrix,
//! with basis points and a floor) and the resident's contribution, either
//! one per version or as dated lists with their own `valid_from`.

use crate::date::Date;
use crate::document::{ContributionDoc, PackageDoc, TariffClassDoc, TariffDoc, TariffKind};
use crate::error::Error;
use crate::expr::Ty;
use crate::package::{check_bands, Contribution, Exemption, Floor, Question, Tariff, TariffClass};

use super::names::{is_slug, need_text};
use super::numbers::money;
use super::provenance::provenance;
use super::scope::{condition, QuestionScope};

/// Largest discount or surcharge: −100 % .. +100 %.
const MAX_BASIS_POINTS: i64 = 10_000;

/// Whether an entry belongs to a dated list (needs `valid_from`) or to a version (has none).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Dated,
    Version,
}

fn valid_from(path: &str, text: &Option<String>, place: Place) -> Result<Option<Date>, Error> {
    match (text, place) {
        (None, Place::Version) => Ok(None),
        (Some(_), Place::Version) => Err(Error::package(
            format!("{path}.valid_from"),
            "een tarief of bijdrage in een versie geldt zo lang als de versie; gebruik de lijst 'tariffs' of 'contributions' voor eigen datums",
        )),
        (None, Place::Dated) => Err(Error::package(format!("{path}.valid_from"), "ontbreekt (JJJJ-MM-DD)")),
        (Some(t), Place::Dated) => Date::parse(t)
            .map(Some)
            .ok_or_else(|| Error::package(format!("{path}.valid_from"), format!("'{t}' is geen geldige datum (JJJJ-MM-DD)"))),
    }
}

pub(super) fn tariff(path: &str, doc: &PackageDoc, t: &TariffDoc, place: Place) -> Result<Tariff, Error> {
    let from = valid_from(path, &t.valid_from, place)?;
    let (cents, classes) = match (t.kind, t.cents, t.classes.is_empty()) {
        (TariffKind::PerClass, None, false) => (0, classes(path, &t.classes)?),
        (TariffKind::PerClass, Some(_), _) => {
            return Err(Error::package(
                format!("{path}.cents"),
                "een tarief per klasse heeft bedragen per klasse (classes), geen cents",
            ))
        }
        (TariffKind::PerClass, None, true) => {
            return Err(Error::InvalidTariffClasses { path: format!("{path}.classes"), message: "geen klassen".into() })
        }
        (_, _, false) => {
            return Err(Error::package(
                format!("{path}.classes"),
                "alleen een tarief per klasse (per_class) heeft klassen",
            ))
        }
        (_, None, true) => return Err(Error::package(format!("{path}.cents"), "ontbreekt")),
        (_, Some(c), true) => (c, Vec::new()),
    };
    let provenance = money(path, doc, cents, &t.label, &t.source, &t.provisional)?;
    let basis_points = t.basis_points.unwrap_or(0);
    if !(-MAX_BASIS_POINTS..=MAX_BASIS_POINTS).contains(&basis_points) {
        return Err(Error::package(
            format!("{path}.basis_points"),
            "korting of opslag in baseerpunten (−100 = −1 %), tussen −10000 en 10000",
        ));
    }
    let floor = match &t.floor {
        None => None,
        Some(_) if t.kind == TariffKind::PerHour => {
            return Err(Error::package(
                format!("{path}.floor"),
                "een ondergrens hoort bij een periodetarief, niet bij een uurtarief",
            ))
        }
        Some(f) => {
            let fpath = format!("{path}.floor");
            let provenance = money(&fpath, doc, f.cents_per_hour, &f.label, &f.source, &f.provisional)?;
            Some(Floor { cents_per_hour: f.cents_per_hour, below: f.below, label: f.label.clone(), provenance })
        }
    };
    Ok(Tariff {
        valid_from: from,
        kind: t.kind,
        cents,
        classes,
        basis_points,
        floor,
        label: t.label.clone(),
        provenance,
    })
}

/// Bands of displayed minutes per week: the first from 0, each next one
/// directly after the previous (edges inclusive), the last one open.
fn classes(path: &str, docs: &[TariffClassDoc]) -> Result<Vec<TariffClass>, Error> {
    super::names::unique(&format!("{path}.classes"), "klasse", docs.iter().map(|c| c.id.as_str()))?;
    let bad = |i: usize, message: String| Error::InvalidTariffClasses { path: format!("{path}.classes[{i}]"), message };
    let mut out = Vec::with_capacity(docs.len());
    for (i, c) in docs.iter().enumerate() {
        let cpath = format!("{path}.classes[{i}]");
        if !is_slug(&c.id) {
            return Err(Error::package(format!("{cpath}.id"), "klasse-id: kleine letters, cijfers en -"));
        }
        need_text(&format!("{cpath}.label"), "omschrijving", &c.label)?;
        if !(0..=100_000_000).contains(&c.cents) {
            return Err(Error::package(format!("{cpath}.cents"), "bedrag in hele centen, tussen 0 en 100.000.000"));
        }
        out.push(TariffClass {
            id: c.id.clone(),
            label: c.label.clone(),
            from_minutes_per_week: c.from_minutes_per_week,
            to_minutes_per_week: c.to_minutes_per_week,
            cents: c.cents,
        });
    }
    check_bands(&out).map_err(|(i, message)| bad(i, message))?;
    Ok(out)
}

pub(super) fn contribution(
    path: &str,
    doc: &PackageDoc,
    questions: &[Question],
    c: &ContributionDoc,
    place: Place,
) -> Result<Contribution, Error> {
    let from = valid_from(path, &c.valid_from, place)?;
    if let Some(d) = from {
        let (_, m, day) = d.ymd();
        if (m, day) != (1, 1) {
            return Err(Error::package(
                format!("{path}.valid_from"),
                "de eigen bijdrage geldt per kalenderjaar: valid_from is 1 januari (JJJJ-01-01)",
            ));
        }
    }
    let provenance = money(path, doc, c.cents, &c.label, &c.source, &c.provisional)?;
    let exemptions = exemptions(path, doc, questions, c)?;
    Ok(Contribution { valid_from: from, cents: c.cents, per: c.per, label: c.label.clone(), provenance, exemptions })
}

/// Exemptions: unique slug ids, a B1 label, a source or a provisional
/// reason, and a yes/no expression over the questions (optional ones too;
/// no values or tables: an exemption is about the household, not the norm).
fn exemptions(
    path: &str,
    doc: &PackageDoc,
    questions: &[Question],
    c: &ContributionDoc,
) -> Result<Vec<Exemption>, Error> {
    let scope = QuestionScope { questions, optional: true };
    let mut out: Vec<Exemption> = Vec::with_capacity(c.exemptions.len());
    for (i, e) in c.exemptions.iter().enumerate() {
        let epath = format!("{path}.exemptions[{i}]");
        let bad = |message: String| Error::InvalidExemption { path: epath.clone(), message };
        if !is_slug(&e.id) {
            return Err(bad(format!("'{}' is geen geldige id (kleine letters, cijfers en -)", e.id)));
        }
        if out.iter().any(|x| x.id == e.id) {
            return Err(bad(format!("de id '{}' komt twee keer voor", e.id)));
        }
        need_text(&format!("{epath}.label"), "omschrijving", &e.label)?;
        let when = condition(&format!("{epath}.when"), &e.when, &scope, Ty::Bool)?;
        let mut names_one = false;
        when.expr.visit(&mut |_| names_one = true);
        if !names_one {
            return Err(bad("'when' gebruikt geen enkele vraag: een vrijstelling hangt af van het huishouden".into()));
        }
        let provenance = provenance(&epath, doc, &e.source, &e.provisional)?;
        out.push(Exemption { id: e.id.clone(), when, label: e.label.clone(), provenance });
    }
    Ok(out)
}

/// The package's dated lists, each strictly ascending by `valid_from`.
pub(super) fn dated(doc: &PackageDoc, questions: &[Question]) -> Result<(Vec<Tariff>, Vec<Contribution>), Error> {
    let mut tariffs = Vec::with_capacity(doc.tariffs.len());
    for (i, t) in doc.tariffs.iter().enumerate() {
        let t = tariff(&format!("tariffs[{i}]"), doc, t, Place::Dated)?;
        if tariffs.last().is_some_and(|p: &Tariff| p.valid_from >= t.valid_from) {
            return Err(Error::package(
                format!("tariffs[{i}].valid_from"),
                "de lijst staat op datum, oplopend, zonder dubbele datums",
            ));
        }
        tariffs.push(t);
    }
    let mut contributions = Vec::with_capacity(doc.contributions.len());
    for (i, c) in doc.contributions.iter().enumerate() {
        let c = contribution(&format!("contributions[{i}]"), doc, questions, c, Place::Dated)?;
        if contributions.last().is_some_and(|p: &Contribution| p.valid_from >= c.valid_from) {
            return Err(Error::package(
                format!("contributions[{i}].valid_from"),
                "de lijst staat op datum, oplopend, zonder dubbele jaren",
            ));
        }
        contributions.push(c);
    }
    Ok((tariffs, contributions))
}
