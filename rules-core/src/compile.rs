//! Loading: JSON text → checked document → compiled `Package`. Every problem
//! becomes `invalid_package` or `invalid_expression` naming the element.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use crate::canonical;
use crate::date::Date;
use crate::document::*;
use crate::error::Error;
use crate::expr::{self, Ref, Ty};
use crate::package::*;

/// Largest number a package may write (before unit conversion).
const MAX_NUMBER: i64 = 1_000_000_000;
/// Bounds of number questions stay within this magnitude.
const MAX_BOUND: i64 = 1_000_000;
/// Keywords and function names that cannot be question, value or table names.
const RESERVED: &[&str] = &["and", "or", "not", "in", "true", "false", "min", "max", "lookup"];
/// Answer key reserved for the start date of the client's current indication.
pub const START_DATE_KEY: &str = "indicatie_startdatum";

impl Package {
    /// Loads a package from JSON text.
    pub fn load(text: &str) -> Result<Package, Error> {
        let value = crate::input::json::read_str(text, "(document)", crate::input::json::Kind::Package)?;
        Package::from_value(value)
    }

    /// Loads a package from a parsed JSON document. A `fingerprint` member, as
    /// written by `bundle`, must match the content. Overlays and linked
    /// packages carried in the document are resolved and compiled too.
    pub fn from_value(value: Value) -> Result<Package, Error> {
        crate::input::limits::check_package(&value, "")?;
        load_value(value, 0)
    }
}

/// Linked packages may link packages themselves, but not endlessly (the one depth, also the assembly's).
const MAX_LINK_DEPTH: usize = crate::input::limits::LINK_DEPTH;

fn load_value(mut value: Value, depth: usize) -> Result<Package, Error> {
    if depth > MAX_LINK_DEPTH {
        return Err(Error::package("linked", "gekoppelde pakketten zijn te diep genest"));
    }
    reject_non_integers(&value, &mut String::new())?;
    let claimed = match value.as_object_mut() {
        Some(map) => map.remove("fingerprint"),
        None => return Err(Error::package("(document)", "een normpakket is een JSON-object")),
    };
    let fingerprint = canonical::fingerprint(&value);
    match claimed {
        None => {}
        Some(Value::String(s)) if s == fingerprint => {}
        Some(other) => {
            return Err(Error::package(
                "fingerprint",
                format!(
                    "vingerafdruk {other} past niet bij de inhoud ({fingerprint}); het pakket is gewijzigd na bundelen"
                ),
            ))
        }
    }
    let doc: PackageDoc = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        Error::package(if path == "." { "(document)".into() } else { path }, e.into_inner().to_string())
    })?;
    let mut package = compile(&doc)?;

    for (id, linked) in &doc.linked {
        let p = load_value(linked.clone(), depth + 1).map_err(|e| prefixed(&format!("linked.{id}"), e))?;
        if p.id != *id {
            return Err(Error::package(
                format!("linked.{id}"),
                format!("het gekoppelde pakket heet '{}', niet '{id}'", p.id),
            ));
        }
        package.linked.push(p);
    }
    for v in &package.versions {
        if let Some(t) = &v.transition {
            if t.package == package.id || package.linked_package(&t.package).is_none() {
                return Err(Error::package(
                    format!("versions[{}].transition.package", v.version),
                    format!(
                        "het overgangsrecht verwijst naar pakket '{}', maar dat is niet meegeladen; \
                         lever dat pakket mee (urenwijzer en de controlepagina zoeken norms/{}/package.json erbij)",
                        t.package, t.package
                    ),
                ));
            }
        }
    }
    for (municipality, overlay) in &doc.overlays {
        let resolved = resolve_overlay(&value, &doc, municipality, overlay, &fingerprint)?;
        let p = load_value(resolved, depth + 1)
            .map_err(|e| prefixed(&format!("overlays[{municipality}] (toegepast)"), e))?;
        package.overlays.push(p);
    }
    package.overlay = doc
        .overlay
        .as_ref()
        .map(|o| OverlayInfo { municipality: o.municipality.clone(), base_fingerprint: o.base_fingerprint.clone() });
    package.fingerprint = fingerprint;
    package.document = value;
    crate::output::prerender(&mut package);
    Ok(package)
}

fn prefixed(prefix: &str, e: Error) -> Error {
    match e {
        Error::InvalidPackage { path, message } => Error::InvalidPackage { path: format!("{prefix}.{path}"), message },
        Error::InvalidExpression { path, column, message } => {
            Error::InvalidExpression { path: format!("{prefix}.{path}"), column, message }
        }
        other => other,
    }
}

/// Builds the resolved document for one municipality: the base with the
/// overlay's choices applied. Only what the base lists in
/// `municipal_choices` may change.
fn resolve_overlay(
    base: &Value,
    doc: &PackageDoc,
    municipality: &str,
    overlay: &OverlayDoc,
    base_fingerprint: &str,
) -> Result<Value, Error> {
    let path = format!("overlays[{municipality}]");
    if overlay.format != OVERLAY_FORMAT {
        return Err(Error::package(format!("{path}.format"), format!("verwacht '{OVERLAY_FORMAT}'")));
    }
    if overlay.base != doc.id {
        return Err(Error::package(
            format!("{path}.base"),
            format!("deze aanvulling hoort bij '{}', niet bij '{}'", overlay.base, doc.id),
        ));
    }
    if overlay.municipality != municipality {
        return Err(Error::package(
            format!("{path}.municipality"),
            format!("'{}' past niet bij '{municipality}'", overlay.municipality),
        ));
    }
    let Some(entry) = doc.municipalities.iter().find(|m| m.id == municipality) else {
        return Err(Error::package(
            &path,
            format!("gemeente '{municipality}' staat niet in de municipalities van de basis"),
        ));
    };
    let allowed = |what: &str| doc.municipal_choices.iter().any(|c| c == what);
    let refuse = |field: String, what: &str| {
        Error::package(field, format!("de basis laat gemeenten '{what}' niet zelf kiezen (zie municipal_choices)"))
    };
    if overlay.tariff.is_some() && !allowed("tariff") {
        return Err(refuse(format!("{path}.tariff"), "tariff"));
    }
    let scopes =
        std::iter::once((path.clone(), overlay.tariff.is_some(), overlay.contribution.is_some(), &overlay.values))
            .chain(overlay.versions.iter().map(|(v, o)| {
                (format!("{path}.versions.{v}"), o.tariff.is_some(), o.contribution.is_some(), &o.values)
            }));
    for (scope, tariff, contribution, values) in scopes {
        if tariff && !allowed("tariff") {
            return Err(refuse(format!("{scope}.tariff"), "tariff"));
        }
        if contribution && !allowed("contribution") {
            return Err(refuse(format!("{scope}.contribution"), "contribution"));
        }
        for name in values.keys() {
            if !allowed(name) {
                return Err(refuse(format!("{scope}.values.{name}"), name));
            }
        }
    }
    for v in overlay.versions.keys() {
        if !doc.versions.iter().any(|x| &x.version == v) {
            return Err(Error::package(format!("{path}.versions.{v}"), format!("de basis heeft geen versie '{v}'")));
        }
    }
    let raw = &base["overlays"][municipality];
    let mut resolved = base.clone();
    let Some(map) = resolved.as_object_mut() else { return Err(Error::package("(document)", "geen object")) };
    map.remove("overlays");
    let mut place = serde_json::to_value(entry).map_err(|e| Error::package(&path, e.to_string()))?;
    for key in ["how_to_apply", "url"] {
        if let Some(v) = raw.get(key) {
            place[key] = v.clone();
        }
        if place.get(key).is_some_and(Value::is_null) {
            if let Some(obj) = place.as_object_mut() {
                obj.remove(key);
            }
        }
    }
    map.insert("municipalities".into(), Value::Array(vec![place]));
    if let Some(Value::Array(extra)) = raw.get("sources") {
        if let Some(Value::Array(sources)) = map.get_mut("sources") {
            sources.extend(extra.iter().cloned());
        }
    }
    if let Some(Value::Array(versions)) = map.get_mut("versions") {
        for version in versions.iter_mut() {
            let name = version.get("version").and_then(Value::as_str).unwrap_or_default().to_string();
            // General choices first, then those for this version on top.
            for layer in [Some(raw), raw.get("versions").and_then(|vs| vs.get(&name))].into_iter().flatten() {
                for key in ["tariff", "contribution"] {
                    if let Some(v) = layer.get(key) {
                        version[key] = v.clone();
                    }
                }
                if let Some(Value::Object(values)) = layer.get("values") {
                    for (value_name, v) in values {
                        if version.get("values").and_then(|vs| vs.get(value_name)).is_some() {
                            version["values"][value_name] = v.clone();
                        }
                    }
                }
            }
        }
    }
    map.insert(
        "overlay".into(),
        serde_json::json!({ "municipality": municipality, "base_fingerprint": base_fingerprint }),
    );
    Ok(resolved)
}

/// Floats and integers beyond i64 are refused: all arithmetic is in whole minutes.
fn reject_non_integers(value: &Value, path: &mut String) -> Result<(), Error> {
    match value {
        Value::Number(n) if n.as_i64().is_none() => Err(Error::package(
            if path.is_empty() { "(document)".to_string() } else { path.clone() },
            format!("{n} is geen heel getal (of is te groot); normpakketten rekenen in hele minuten"),
        )),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                reject_non_integers(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                reject_non_integers(v, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && s.len() <= 64
}

fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && s.len() <= 64
}

fn need_text(path: &str, what: &str, text: &str) -> Result<(), Error> {
    if text.trim().is_empty() {
        return Err(Error::package(path, format!("{what} mag niet leeg zijn")));
    }
    Ok(())
}

fn unique<'a>(path: &str, what: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(Error::package(path, format!("{what} '{id}' komt twee keer voor")));
        }
    }
    Ok(())
}

fn compile(doc: &PackageDoc) -> Result<Package, Error> {
    if doc.format != FORMAT {
        return Err(Error::package("format", format!("onbekend formaat '{}'; verwacht '{FORMAT}'", doc.format)));
    }
    if !is_slug(&doc.id) {
        return Err(Error::package(
            "id",
            format!("'{}' is geen geldige pakket-id (kleine letters, cijfers en -)", doc.id),
        ));
    }
    need_text("title", "titel", &doc.title)?;
    unique("municipalities", "gemeente", doc.municipalities.iter().map(|m| m.id.as_str()))?;
    for m in &doc.municipalities {
        if !is_slug(&m.id) {
            return Err(Error::package(
                format!("municipalities[{}]", m.id),
                "gemeente-id: kleine letters, cijfers en -",
            ));
        }
        need_text(&format!("municipalities[{}].name", m.id), "naam", &m.name)?;
    }
    unique("sources", "bron", doc.sources.iter().map(|s| s.id.as_str()))?;
    for s in &doc.sources {
        need_text(&format!("sources[{}].title", s.id), "titel", &s.title)?;
    }
    unique("topics", "onderwerp", doc.topics.iter().map(|t| t.id.as_str()))?;

    let questions = compile_questions(doc)?;

    if doc.versions.is_empty() {
        return Err(Error::package("versions", "een pakket heeft minstens één versie"));
    }
    unique("versions", "versie", doc.versions.iter().map(|v| v.version.as_str()))?;
    let mut versions = Vec::with_capacity(doc.versions.len());
    for v in &doc.versions {
        versions.push(compile_version(doc, &questions, v)?);
    }
    let mut order: Vec<&Version> = versions.iter().collect();
    order.sort_by_key(|v| v.valid_from);
    for pair in order.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.valid_until.is_none_or(|u| u >= b.valid_from) {
            return Err(Error::package(
                format!("versions[{}]", b.version),
                format!("versie {} overlapt in tijd met versie {}", b.version, a.version),
            ));
        }
    }

    for (i, choice) in doc.municipal_choices.iter().enumerate() {
        let known = choice == "tariff"
            || choice == "contribution"
            || doc.versions.iter().any(|v| v.values.contains_key(choice));
        if !known {
            return Err(Error::package(
                format!("municipal_choices[{i}]"),
                format!("'{choice}' is geen tariff, contribution of naam van een waarde"),
            ));
        }
    }

    Ok(Package {
        id: doc.id.clone(),
        title: doc.title.clone(),
        description: doc.description.clone(),
        municipalities: doc
            .municipalities
            .iter()
            .map(|m| Municipality {
                id: m.id.clone(),
                name: m.name.clone(),
                how_to_apply: m.how_to_apply.clone(),
                url: m.url.clone(),
            })
            .collect(),
        sources: doc
            .sources
            .iter()
            .map(|s| Source {
                id: s.id.clone(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date.clone(),
                url: s.url.clone(),
                ecli: s.ecli.clone(),
            })
            .collect(),
        topics: doc.topics.iter().map(|t| Topic { id: t.id.clone(), title: t.title.clone() }).collect(),
        questions,
        versions,
        municipal_choices: doc.municipal_choices.clone(),
        overlays: Vec::new(),
        linked: Vec::new(),
        overlay: None,
        fingerprint: String::new(),
        document: Value::Null,
    })
}

fn question_ty(index: usize, q: &Question) -> Ty {
    match q.kind {
        QuestionKind::YesNo => Ty::Bool,
        QuestionKind::Number => Ty::Int,
        QuestionKind::Choice => Ty::Choice(index as u16),
        QuestionKind::Date => Ty::Date,
    }
}

fn compile_questions(doc: &PackageDoc) -> Result<Vec<Question>, Error> {
    if doc.questions.len() > 1_000 {
        return Err(Error::package("questions", "meer dan 1000 vragen"));
    }
    unique("questions", "vraag", doc.questions.iter().map(|q| q.id.as_str()))?;
    let mut out: Vec<Question> = Vec::with_capacity(doc.questions.len());
    for q in &doc.questions {
        let path = format!("questions[{}]", q.id);
        if !is_name(&q.id) || RESERVED.contains(&q.id.as_str()) {
            return Err(Error::package(
                &path,
                format!("'{}' is geen geldige vraag-id (kleine letters, cijfers en _, begint met een letter)", q.id),
            ));
        }
        if q.id == START_DATE_KEY && q.kind != QuestionKind::Date {
            return Err(Error::package(&path, format!("'{START_DATE_KEY}' is gereserveerd voor een datum")));
        }
        if !doc.topics.iter().any(|t| t.id == q.topic) {
            return Err(Error::package(
                format!("{path}.topic"),
                format!("onderwerp '{}' staat niet in topics", q.topic),
            ));
        }
        need_text(&format!("{path}.label"), "vraagtekst", &q.label)?;
        match q.kind {
            QuestionKind::Choice => {
                if q.options.is_empty() || q.options.len() > 64 {
                    return Err(Error::package(format!("{path}.options"), "een keuzevraag heeft 1 tot 64 keuzes"));
                }
                unique(&format!("{path}.options"), "keuze", q.options.iter().map(|o| o.id.as_str()))?;
                for o in &q.options {
                    if !is_name(&o.id) {
                        return Err(Error::package(
                            format!("{path}.options[{}]", o.id),
                            "keuze-id: kleine letters, cijfers en _",
                        ));
                    }
                    need_text(&format!("{path}.options[{}].label", o.id), "keuzetekst", &o.label)?;
                }
            }
            _ if !q.options.is_empty() => {
                return Err(Error::package(format!("{path}.options"), "alleen een keuzevraag heeft keuzes"));
            }
            _ => {}
        }
        match (q.kind, q.min, q.max) {
            (QuestionKind::Number, Some(lo), Some(hi)) => {
                if lo > hi || lo < -MAX_BOUND || hi > MAX_BOUND {
                    return Err(Error::package(
                        &path,
                        format!("grenzen moeten min ≤ max zijn, tussen -{MAX_BOUND} en {MAX_BOUND}"),
                    ));
                }
            }
            (QuestionKind::Number, _, _) => {
                return Err(Error::package(&path, "een getalvraag heeft een min en een max"));
            }
            (_, None, None) => {}
            _ => return Err(Error::package(&path, "alleen een getalvraag heeft min en max")),
        }
        let ask_if = match &q.ask_if {
            None => None,
            Some(text) => {
                let scope = QuestionScope { questions: &out };
                Some(condition(&format!("{path}.ask_if"), text, &scope, Ty::Bool)?)
            }
        };
        out.push(Question {
            id: q.id.clone(),
            kind: q.kind,
            topic: q.topic.clone(),
            label: q.label.clone(),
            help: q.help.clone(),
            ask_if,
            options: q.options.iter().map(|o| AnswerOption { id: o.id.clone(), label: o.label.clone() }).collect(),
            min: q.min,
            max: q.max,
        });
    }
    Ok(out)
}

fn condition(path: &str, text: &str, scope: &dyn expr::Scope, want: Ty) -> Result<Condition, Error> {
    let node = expr::parse(text).map_err(|e| Error::InvalidExpression {
        path: path.to_string(),
        column: e.column,
        message: e.message,
    })?;
    let (compiled, ty) = expr::check(&node, scope).map_err(|e| Error::InvalidExpression {
        path: path.to_string(),
        column: e.column,
        message: e.message,
    })?;
    if ty != want {
        return Err(Error::InvalidExpression {
            path: path.to_string(),
            column: 1,
            message: format!("hier hoort {}, maar de expressie geeft {}", want.describe(), ty.describe()),
        });
    }
    Ok(Condition { text: text.to_string(), expr: compiled })
}

/// `ask_if` may only use earlier questions, so answers are checked in one pass
/// and conditions can never be circular.
struct QuestionScope<'a> {
    questions: &'a [Question],
}

impl expr::Scope for QuestionScope<'_> {
    fn question(&self, name: &str) -> Option<(u16, Ty)> {
        self.questions.iter().enumerate().find(|(_, q)| q.id == name).map(|(i, q)| (i as u16, question_ty(i, q)))
    }
    fn option(&self, q: u16, option: &str) -> Option<u16> {
        self.questions[q as usize].options.iter().position(|o| o.id == option).map(|i| i as u16)
    }
    fn options(&self, q: u16) -> Vec<String> {
        self.questions[q as usize].options.iter().map(|o| o.id.clone()).collect()
    }
    fn bounds(&self, q: u16) -> (i64, i64) {
        let q = &self.questions[q as usize];
        (q.min.unwrap_or(0), q.max.unwrap_or(0))
    }
    fn value(&self, _: &str) -> Option<(u16, i64, Ty)> {
        None
    }
    fn table(&self, _: &str) -> Option<(u16, Ty, Vec<String>, Vec<String>)> {
        None
    }
    fn hidden(&self, name: &str) -> Option<String> {
        Some(format!("'{name}' is hier niet bekend: een vraagvoorwaarde mag alleen eerdere vragen gebruiken"))
    }
}

/// Rules see every question plus the version's values and tables.
struct RuleScope<'a> {
    questions: QuestionScope<'a>,
    values: &'a [NamedValue],
    tables: &'a [Table],
}

impl expr::Scope for RuleScope<'_> {
    fn question(&self, name: &str) -> Option<(u16, Ty)> {
        self.questions.question(name)
    }
    fn option(&self, q: u16, option: &str) -> Option<u16> {
        self.questions.option(q, option)
    }
    fn options(&self, q: u16) -> Vec<String> {
        self.questions.options(q)
    }
    fn bounds(&self, q: u16) -> (i64, i64) {
        self.questions.bounds(q)
    }
    fn value(&self, name: &str) -> Option<(u16, i64, Ty)> {
        self.values
            .iter()
            .enumerate()
            .find(|(_, v)| v.name == name)
            .map(|(i, v)| (i as u16, v.internal, if v.unit == Unit::Number { Ty::Int } else { Ty::Time }))
    }
    fn table(&self, name: &str) -> Option<(u16, Ty, Vec<String>, Vec<String>)> {
        self.tables.iter().enumerate().find(|(_, t)| t.name == name).map(|(i, t)| {
            (i as u16, if t.unit == Unit::Number { Ty::Int } else { Ty::Time }, t.rows.clone(), t.columns.clone())
        })
    }
    fn hidden(&self, _: &str) -> Option<String> {
        None
    }
}

fn to_internal(path: &str, amount: i64, unit: Unit) -> Result<i64, Error> {
    if !(-MAX_NUMBER..=MAX_NUMBER).contains(&amount) {
        return Err(Error::package(path, format!("getal {amount} is groter dan {MAX_NUMBER}")));
    }
    let factor = match unit {
        Unit::MinutesPerWeek => 52,
        Unit::HoursPerYear => 60,
        Unit::MinutesPerYear | Unit::Number => 1,
    };
    Ok(amount * factor)
}

fn provenance(
    path: &str,
    doc: &PackageDoc,
    source: &Option<SourceRefDoc>,
    provisional: &Option<String>,
) -> Result<Provenance, Error> {
    match (source, provisional) {
        (Some(s), None) => Ok(Provenance::Source { document: source_index(path, doc, s)?, locator: s.locator.clone() }),
        (None, Some(reason)) => {
            need_text(&format!("{path}.provisional"), "de reden waarom dit getal voorlopig is", reason)?;
            Ok(Provenance::Provisional { reason: reason.clone() })
        }
        (Some(_), Some(_)) => Err(Error::package(path, "een getal heeft een bron óf is voorlopig, niet allebei")),
        (None, None) => Err(Error::package(
            path,
            "dit getal heeft geen herkomst: geef een bron (source) of markeer het als voorlopig (provisional) met de reden",
        )),
    }
}

fn source_index(path: &str, doc: &PackageDoc, s: &SourceRefDoc) -> Result<usize, Error> {
    need_text(&format!("{path}.source.locator"), "de vindplaats (paragraaf, pagina of tabel)", &s.locator)?;
    doc.sources.iter().position(|d| d.id == s.document).ok_or_else(|| {
        Error::package(format!("{path}.source.document"), format!("bron '{}' staat niet in sources", s.document))
    })
}

/// Checks an amount of money (tariff or contribution): whole cents in
/// range, a label, and its provenance like every other number.
fn money(
    path: &str,
    doc: &PackageDoc,
    cents: i64,
    label: &str,
    source: &Option<SourceRefDoc>,
    provisional: &Option<String>,
) -> Result<Provenance, Error> {
    if !(0..=100_000_000).contains(&cents) {
        return Err(Error::package(format!("{path}.cents"), "bedrag in hele centen, tussen 0 en 100.000.000"));
    }
    need_text(&format!("{path}.label"), "omschrijving", label)?;
    provenance(path, doc, source, provisional)
}

/// An optional citation (document index and locator).
fn source_ref(path: &str, doc: &PackageDoc, source: &Option<SourceRefDoc>) -> Result<Option<(usize, String)>, Error> {
    source.as_ref().map(|s| Ok((source_index(path, doc, s)?, s.locator.clone()))).transpose()
}

fn parse_date(path: &str, text: &str) -> Result<Date, Error> {
    Date::parse(text).ok_or_else(|| Error::package(path, format!("'{text}' is geen geldige datum (JJJJ-MM-DD)")))
}

fn compile_version(doc: &PackageDoc, questions: &[Question], v: &VersionDoc) -> Result<Version, Error> {
    let vpath = format!("versions[{}]", v.version);
    need_text(&format!("{vpath}.version"), "versie", &v.version)?;
    let valid_from = parse_date(&format!("{vpath}.valid_from"), &v.valid_from)?;
    let valid_until = match &v.valid_until {
        Some(u) => Some(parse_date(&format!("{vpath}.valid_until"), u)?),
        None => None,
    };
    if valid_until.is_some_and(|u| u < valid_from) {
        return Err(Error::package(format!("{vpath}.valid_until"), "einddatum ligt vóór de begindatum"));
    }

    let question_names: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    let check_name = |path: &str, name: &str| -> Result<(), Error> {
        if !is_name(name) || RESERVED.contains(&name) {
            return Err(Error::package(path, format!("'{name}' is geen geldige naam (kleine letters, cijfers en _)")));
        }
        if question_names.contains(name) {
            return Err(Error::package(path, format!("'{name}' is al de naam van een vraag")));
        }
        Ok(())
    };

    let mut values = Vec::with_capacity(v.values.len());
    for (name, value) in &v.values {
        let path = format!("{vpath}.values.{name}");
        check_name(&path, name)?;
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

    let mut tables = Vec::with_capacity(v.tables.len());
    for (name, t) in &v.tables {
        let path = format!("{vpath}.tables.{name}");
        check_name(&path, name)?;
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

    unique(&format!("{vpath}.not_encoded"), "regel", v.not_encoded.iter().map(|n| n.id.as_str()))?;
    let mut not_encoded = Vec::new();
    for n in &v.not_encoded {
        let path = format!("{vpath}.not_encoded[{}]", n.id);
        need_text(&format!("{path}.reason"), "reden", &n.reason)?;
        let source = source_ref(&path, doc, &n.source)?;
        not_encoded.push(NotEncoded { id: n.id.clone(), title: n.title.clone(), reason: n.reason.clone(), source });
    }
    let not_covered = v
        .not_covered
        .iter()
        .map(|n| NotCovered { id: n.id.clone(), title: n.title.clone(), reason: n.reason.clone() })
        .collect();

    if v.areas.is_empty() {
        return Err(Error::package(format!("{vpath}.areas"), "een versie heeft minstens één resultaatgebied"));
    }
    unique(&format!("{vpath}.areas"), "resultaatgebied", v.areas.iter().map(|a| a.id.as_str()))?;
    let mut rule_ids = HashSet::new();
    let scope = RuleScope { questions: QuestionScope { questions }, values: &values, tables: &tables };
    let mut areas = Vec::with_capacity(v.areas.len());
    for a in &v.areas {
        let apath = format!("{vpath}.areas[{}]", a.id);
        if !is_name(&a.id) {
            return Err(Error::package(&apath, "gebied-id: kleine letters, cijfers en _"));
        }
        need_text(&format!("{apath}.title"), "titel", &a.title)?;
        let maximum = match &a.maximum {
            None => None,
            Some(name) => match values.iter().position(|v| &v.name == name) {
                Some(i) if values[i].unit != Unit::Number => Some(i as u16),
                _ => {
                    return Err(Error::package(
                        format!("{apath}.maximum"),
                        format!("'{name}' is geen tijdwaarde van deze versie"),
                    ));
                }
            },
        };
        let mut rules = Vec::with_capacity(a.rules.len());
        for r in &a.rules {
            let rpath = format!("{apath}.rules[{}]", r.id);
            if !is_name(&r.id) {
                return Err(Error::package(&rpath, "regel-id: kleine letters, cijfers en _"));
            }
            if !rule_ids.insert(r.id.as_str()) {
                return Err(Error::package(&rpath, format!("regel '{}' komt twee keer voor", r.id)));
            }
            need_text(&format!("{rpath}.label"), "omschrijving", &r.label)?;
            let when = match &r.when {
                Some(t) => Some(condition(&format!("{rpath}.when"), t, &scope, Ty::Bool)?),
                None => None,
            };
            let amount = condition(&format!("{rpath}.amount"), &r.amount, &scope, Ty::Time)?;
            let per = match &r.per {
                Some(t) => Some(condition(&format!("{rpath}.per"), t, &scope, Ty::Int)?),
                None => None,
            };
            let (mut qs, mut vs, mut ts) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
            let mut collect = |x: Ref| match x {
                Ref::Question(q) => {
                    qs.insert(q);
                }
                Ref::Value(v) => {
                    vs.insert(v);
                }
                Ref::Table(t) => {
                    ts.insert(t);
                }
            };
            for c in [when.as_ref(), Some(&amount), per.as_ref()].into_iter().flatten() {
                c.expr.visit(&mut collect);
            }
            // Values used only in a condition or count are thresholds, not minutes;
            // they are still cited, since the outcome depends on them.
            if r.provisional.as_ref().is_some_and(|p| p.trim().is_empty()) {
                return Err(Error::package(
                    format!("{rpath}.provisional"),
                    "geef de reden waarom deze regel voorlopig is",
                ));
            }
            rules.push(Rule {
                provisional: r.provisional.clone(),
                id: r.id.clone(),
                kind: r.kind,
                label: r.label.clone(),
                explanation: r.explanation.clone(),
                when,
                amount,
                per,
                questions: qs.into_iter().collect(),
                values: vs.into_iter().collect(),
                tables: ts.into_iter().collect(),
            });
        }
        areas.push(Area {
            id: a.id.clone(),
            title: a.title.clone(),
            description: a.description.clone(),
            floor_at_zero: a.floor_at_zero,
            maximum,
            rules,
        });
    }

    let tariff = match &v.tariff {
        None => None,
        Some(t) => {
            let provenance = money(&format!("{vpath}.tariff"), doc, t.cents, &t.label, &t.source, &t.provisional)?;
            Some(Tariff { kind: t.kind, cents: t.cents, label: t.label.clone(), provenance })
        }
    };
    let contribution = match &v.contribution {
        None => None,
        Some(c) => {
            let provenance =
                money(&format!("{vpath}.contribution"), doc, c.cents, &c.label, &c.source, &c.provisional)?;
            Some(Contribution { cents: c.cents, per: c.per, label: c.label.clone(), provenance })
        }
    };
    let transition = match &v.transition {
        None => None,
        Some(t) => {
            let path = format!("{vpath}.transition");
            if !is_slug(&t.package) {
                return Err(Error::package(format!("{path}.package"), "geen geldige pakket-id"));
            }
            need_text(&format!("{path}.reason"), "reden", &t.reason)?;
            let source = source_ref(&path, doc, &t.source)?;
            Some(Transition {
                started_before: parse_date(&format!("{path}.started_before"), &t.started_before)?,
                package: t.package.clone(),
                reason: t.reason.clone(),
                source,
            })
        }
    };

    let mut version = Version {
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
    version.texts = crate::explain::warning_texts(&doc.id, &version);
    Ok(version)
}
