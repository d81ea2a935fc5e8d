//! Loading: JSON value → checked document → compiled `Package`. Every problem
//! becomes `invalid_package` or `invalid_expression` naming the element.
//!
//! This module only checks and compiles; it calls nothing that renders text
//! or JSON. `crate::load` composes it with the warning texts and the
//! pre-rendered JSON (`output::prerender`) into `Package::load`.
//!
//! One job per file: `overlay` (resolving a municipal overlay), `resident`
//! (resident title and texts, contact details), `names`
//! (ids, slugs, uniqueness, non-empty texts), `numbers` (whole numbers,
//! units, money), `provenance` (citations), `scope` (what expressions may
//! name), `questions`, `version` (one version) with `areas` (its areas and
//! rules).

mod areas;
mod money;
mod names;
mod numbers;
mod overlay;
mod procedure;
mod provenance;
mod questions;
pub(crate) mod resident;
mod scope;
mod version;

use serde_json::Value;

use crate::canonical;
use crate::document::*;
use crate::error::Error;
use crate::package::*;

use names::{is_slug, need_text, unique};

/// Linked packages may link packages themselves, but not endlessly.
/// (The one depth, also the assembly's.)
const MAX_LINK_DEPTH: usize = crate::input::limits::LINK_DEPTH;

/// Checks and compiles one document, with the overlays and linked packages
/// it carries. Answer-independent texts and JSON are not filled in here.
pub(crate) fn load_value(mut value: Value, depth: usize) -> Result<Package, Error> {
    if depth > MAX_LINK_DEPTH {
        return Err(Error::package("linked", "gekoppelde pakketten zijn te diep genest"));
    }
    numbers::reject_non_integers(&value, &mut String::new())?;
    let claimed = match value.as_object_mut() {
        Some(map) => map.remove("fingerprint"),
        None => return Err(Error::package("(document)", "een normpakket is een JSON-object")),
    };
    let fingerprint = canonical::fingerprint(&value);
    let applied = canonical::applied_fingerprint(&value, &fingerprint);
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
        let resolved = overlay::resolve(&value, &doc, municipality, overlay, &applied)?;
        let p = load_value(resolved, depth + 1)
            .map_err(|e| prefixed(&format!("overlays[{municipality}] (toegepast)"), e))?;
        package.overlays.push(p);
    }
    package.overlay = doc
        .overlay
        .as_ref()
        .map(|o| OverlayInfo { municipality: o.municipality.clone(), base_fingerprint: o.base_fingerprint.clone() });
    package.fingerprint = fingerprint;
    package.applied_fingerprint = applied;
    package.document = value;
    Ok(package)
}

fn prefixed(prefix: &str, e: Error) -> Error {
    match e {
        Error::InvalidPackage { path, message } => Error::InvalidPackage { path: format!("{prefix}.{path}"), message },
        Error::InvalidTariffClasses { path, message } => {
            Error::InvalidTariffClasses { path: format!("{prefix}.{path}"), message }
        }
        Error::InvalidExpression { path, column, message } => {
            Error::InvalidExpression { path: format!("{prefix}.{path}"), column, message }
        }
        other => other,
    }
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
        crate::links::check_url(&format!("municipalities[{}].url", m.id), m.url.as_deref())?;
    }
    unique("sources", "bron", doc.sources.iter().map(|s| s.id.as_str()))?;
    for s in &doc.sources {
        need_text(&format!("sources[{}].title", s.id), "titel", &s.title)?;
        crate::links::check_url(&format!("sources[{}].url", s.id), s.url.as_deref())?;
    }
    unique("topics", "onderwerp", doc.topics.iter().map(|t| t.id.as_str()))?;
    resident::texts(doc)?;
    resident::contacts(doc)?;

    let questions = questions::compile(doc)?;

    if doc.versions.is_empty() {
        return Err(Error::package("versions", "een pakket heeft minstens één versie"));
    }
    unique("versions", "versie", doc.versions.iter().map(|v| v.version.as_str()))?;
    let mut versions = Vec::with_capacity(doc.versions.len());
    for v in &doc.versions {
        versions.push(version::compile(doc, &questions, v)?);
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
        let known = ["tariff", "contribution", "procedure", "calendar"].contains(&choice.as_str())
            || doc.versions.iter().any(|v| v.values.contains_key(choice));
        if !known {
            return Err(Error::package(
                format!("municipal_choices[{i}]"),
                format!("'{choice}' is geen tariff, contribution, procedure, calendar of naam van een waarde"),
            ));
        }
    }

    let procedure = procedure::compile_procedure(doc)?;
    let calendar = procedure::compile_calendar(doc)?;
    let (tariffs, contributions) = money::dated(doc, &questions)?;

    Ok(Package {
        procedure,
        tariffs,
        contributions,
        calendar,
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
                contact: m.contact.clone(),
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
        applied_fingerprint: String::new(),
        document: Value::Null,
        described: Default::default(),
    })
}
