//! One version: its validity dates, values, tables, rules not encoded or not
//! covered, areas, money and transition rule. Checked in this order, so the
//! first problem reported is always the same one.

use std::collections::HashSet;

use crate::date::Date;
use crate::document::{PackageDoc, Status, VersionDoc};
use crate::error::Error;
use crate::package::*;

use super::areas;
use super::money::{self, Place};
use super::names::{check_name, is_slug, need_text, unique};
use super::numbers::to_internal;
use super::provenance::{provenance, source_ref};
use super::scope::{QuestionScope, RuleScope};

pub(super) fn compile(doc: &PackageDoc, questions: &[Question], v: &VersionDoc) -> Result<Version, Error> {
    let vpath = format!("versions[{}]", v.version);
    need_text(&format!("{vpath}.version"), "versie", &v.version)?;
    let (valid_from, valid_until) = validity(&vpath, v)?;
    let question_names: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    let values = values(doc, &vpath, v, &question_names)?;
    let tables = tables(doc, &vpath, v, &question_names)?;
    let not_encoded = not_encoded(doc, &vpath, v)?;
    let not_covered = v
        .not_covered
        .iter()
        .map(|n| NotCovered { id: n.id.clone(), title: n.title.clone(), reason: n.reason.clone() })
        .collect();
    let scope = RuleScope { questions: QuestionScope { questions, optional: false }, values: &values, tables: &tables };
    let areas = areas::compile(&vpath, v, &scope, &values)?;
    let (tariff, contribution) = money_items(doc, questions, &vpath, v)?;
    let transition = transition(doc, &vpath, v, questions)?;
    let valid_from_provenance = valid_from_provenance(doc, &vpath, v)?;
    if let Some(reason) = &v.provisional {
        need_text(&format!("{vpath}.provisional"), "de reden waarom deze versie voorlopig is", reason)?;
    }

    // `texts` and `json` are filled after compiling (see `crate::load`).
    let version = Version {
        valid_from_provenance,
        provisional: v.provisional.clone(),
        texts: Default::default(),
        json: Default::default(),
        tariff,
        contribution,
        transition,
        version: v.version.clone(),
        valid_from,
        valid_until,
        status: v.status,
        not_encoded,
        not_covered,
        values,
        tables,
        areas,
    };
    status_fits(&vpath, &version)?;
    Ok(version)
}

fn parse_date(path: &str, text: &str) -> Result<Date, Error> {
    Date::parse(text).ok_or_else(|| Error::package(path, format!("'{text}' is geen geldige datum (JJJJ-MM-DD)")))
}

fn validity(vpath: &str, v: &VersionDoc) -> Result<(Date, Option<Date>), Error> {
    let valid_from = parse_date(&format!("{vpath}.valid_from"), &v.valid_from)?;
    let valid_until = match &v.valid_until {
        Some(u) => Some(parse_date(&format!("{vpath}.valid_until"), u)?),
        None => None,
    };
    if valid_until.is_some_and(|u| u < valid_from) {
        return Err(Error::package(format!("{vpath}.valid_until"), "einddatum ligt vóór de begindatum"));
    }
    Ok((valid_from, valid_until))
}

fn values(
    doc: &PackageDoc,
    vpath: &str,
    v: &VersionDoc,
    question_names: &HashSet<&str>,
) -> Result<Vec<NamedValue>, Error> {
    let mut values = Vec::with_capacity(v.values.len());
    for (name, value) in &v.values {
        let path = format!("{vpath}.values.{name}");
        check_name(&path, name, question_names)?;
        need_text(&format!("{path}.label"), "omschrijving", &value.label)?;
        values.push(NamedValue {
            name: name.clone(),
            label: value.label.clone(),
            written: value.amount,
            unit: value.unit,
            internal: to_internal(&format!("{path}.amount"), value.amount, value.unit)?,
            provenance: provenance(&path, doc, &value.source, &value.provisional)?,
        });
    }
    Ok(values)
}

fn tables(doc: &PackageDoc, vpath: &str, v: &VersionDoc, question_names: &HashSet<&str>) -> Result<Vec<Table>, Error> {
    let mut tables = Vec::with_capacity(v.tables.len());
    for (name, t) in &v.tables {
        let path = format!("{vpath}.tables.{name}");
        check_name(&path, name, question_names)?;
        if v.values.contains_key(name) {
            return Err(Error::package(&path, format!("'{name}' is al de naam van een waarde")));
        }
        need_text(&format!("{path}.title"), "titel", &t.title)?;
        if t.columns.is_empty() || t.rows.is_empty() {
            return Err(Error::package(&path, "een tabel heeft minstens één rij en één kolom"));
        }
        unique(&format!("{path}.columns"), "kolom", t.columns.iter().map(String::as_str))?;
        let mut cells = Vec::with_capacity(t.rows.len() * t.columns.len());
        for (row, numbers) in &t.rows {
            if numbers.len() != t.columns.len() {
                return Err(Error::package(
                    format!("{path}.rows.{row}"),
                    format!("rij heeft {} getallen, maar de tabel heeft {} kolommen", numbers.len(), t.columns.len()),
                ));
            }
            for n in numbers {
                cells.push(to_internal(&format!("{path}.rows.{row}"), *n, t.unit)?);
            }
        }
        tables.push(Table {
            name: name.clone(),
            title: t.title.clone(),
            unit: t.unit,
            row_label: t.row_label.clone(),
            column_label: t.column_label.clone(),
            columns: t.columns.clone(),
            rows: t.rows.keys().cloned().collect(),
            cells,
            provenance: provenance(&path, doc, &t.source, &t.provisional)?,
        });
    }
    Ok(tables)
}

fn not_encoded(doc: &PackageDoc, vpath: &str, v: &VersionDoc) -> Result<Vec<NotEncoded>, Error> {
    unique(&format!("{vpath}.not_encoded"), "regel", v.not_encoded.iter().map(|n| n.id.as_str()))?;
    let mut not_encoded = Vec::new();
    for n in &v.not_encoded {
        let path = format!("{vpath}.not_encoded[{}]", n.id);
        need_text(&format!("{path}.reason"), "reden", &n.reason)?;
        let source = source_ref(&path, doc, &n.source)?;
        not_encoded.push(NotEncoded { id: n.id.clone(), title: n.title.clone(), reason: n.reason.clone(), source });
    }
    Ok(not_encoded)
}

/// The tariff and the contribution, each checked like every other number.
fn money_items(
    doc: &PackageDoc,
    questions: &[Question],
    vpath: &str,
    v: &VersionDoc,
) -> Result<(Option<Tariff>, Option<Contribution>), Error> {
    let tariff =
        v.tariff.as_ref().map(|t| money::tariff(&format!("{vpath}.tariff"), doc, t, Place::Version)).transpose()?;
    let contribution = v
        .contribution
        .as_ref()
        .map(|c| money::contribution(&format!("{vpath}.contribution"), doc, questions, c, Place::Version))
        .transpose()?;
    Ok((tariff, contribution))
}

/// Where `valid_from` comes from: a source, a provisional reason, or (for
/// older packages) nothing, which `lint` reports.
fn valid_from_provenance(doc: &PackageDoc, vpath: &str, v: &VersionDoc) -> Result<Option<Provenance>, Error> {
    if v.valid_from_source.is_none() && v.valid_from_provisional.is_none() {
        return Ok(None);
    }
    let path = format!("{vpath}.valid_from");
    Ok(Some(provenance(&path, doc, &v.valid_from_source, &v.valid_from_provisional)?))
}

/// A version whose time values or tables are provisional (or that is
/// provisional as a whole) is not adopted: it cannot be `vastgesteld`.
fn status_fits(vpath: &str, v: &Version) -> Result<(), Error> {
    if v.status != Status::Vastgesteld {
        return Ok(());
    }
    let reason = if v.provisional.is_some() {
        Some("de versie als geheel is voorlopig (provisional)".to_string())
    } else {
        let names: Vec<&str> = v
            .values
            .iter()
            .filter(|x| x.provenance.is_provisional() && x.unit != crate::document::Unit::Number)
            .map(|x| x.name.as_str())
            .chain(v.tables.iter().filter(|t| t.provenance.is_provisional()).map(|t| t.name.as_str()))
            .collect();
        (!names.is_empty()).then(|| format!("voorlopige tijden of tabellen: {}", names.join(", ")))
    };
    match reason {
        None => Ok(()),
        Some(r) => Err(Error::package(
            format!("{vpath}.status"),
            format!("een versie met {r} kan niet 'vastgesteld' zijn; zet de status op 'concept'"),
        )),
    }
}

fn transition(
    doc: &PackageDoc,
    vpath: &str,
    v: &VersionDoc,
    questions: &[Question],
) -> Result<Option<Transition>, Error> {
    Ok(match &v.transition {
        None => None,
        Some(t) => {
            let path = format!("{vpath}.transition");
            if !is_slug(&t.package) {
                return Err(Error::package(format!("{path}.package"), "geen geldige pakket-id"));
            }
            need_text(&format!("{path}.reason"), "reden", &t.reason)?;
            let source = source_ref(&path, doc, &t.source)?;
            let question = t.question.clone().unwrap_or_else(|| START_DATE_KEY.to_string());
            // The default key may be an extra answer; a named question must be a date question of the package.
            if t.question.is_some()
                && !questions
                    .iter()
                    .any(|q| q.id == question && q.kind == crate::document::QuestionKind::Date && !q.optional)
            {
                return Err(Error::package(
                    format!("{path}.question"),
                    format!("'{question}' is geen datumvraag van dit pakket"),
                ));
            }
            Some(Transition {
                question,
                started_before: parse_date(&format!("{path}.started_before"), &t.started_before)?,
                package: t.package.clone(),
                reason: t.reason.clone(),
                source,
            })
        }
    })
}
