//! What residents read next to the numbers: the resident title, the B1
//! texts of `not_encoded` / `not_covered` items, and a municipality's
//! contact details (https addresses, phone numbers of digits and spaces, a
//! cited source). Checked here so every front end can show them as they are.

use crate::document::{ContactDoc, PackageDoc};
use crate::error::Error;

use super::names::need_text;
use super::provenance::source_index;

/// Resident texts, when given, are not empty.
pub(super) fn texts(doc: &PackageDoc) -> Result<(), Error> {
    if let Some(t) = &doc.resident_title {
        need_text("resident_title", "titel voor inwoners", t)?;
    }
    for v in &doc.versions {
        let vpath = format!("versions[{}]", v.version);
        let items = v.not_encoded.iter().map(|n| ("not_encoded", &n.id, &n.resident_text));
        let items = items.chain(v.not_covered.iter().map(|n| ("not_covered", &n.id, &n.resident_text)));
        for (list, id, text) in items {
            if let Some(t) = text {
                need_text(&format!("{vpath}.{list}[{id}].resident_text"), "tekst voor inwoners", t)?;
            }
        }
    }
    Ok(())
}

/// Every municipality's contact details (an overlay's contact is checked in
/// the resolved package, where it has replaced the base entry's).
pub(super) fn contacts(doc: &PackageDoc) -> Result<(), Error> {
    for m in &doc.municipalities {
        if let Some(c) = &m.contact {
            contact(&format!("municipalities[{}].contact", m.id), doc, c)?;
        }
    }
    Ok(())
}

/// A phone number residents can call: digits, spaces and `+`, at least three digits.
pub(crate) fn is_phone(text: &str) -> bool {
    text.chars().filter(char::is_ascii_digit).count() >= 3
        && text.chars().all(|ch| ch.is_ascii_digit() || ch == ' ' || ch == '+')
}

fn contact(path: &str, doc: &PackageDoc, c: &ContactDoc) -> Result<(), Error> {
    source_index(path, doc, &c.source)?;
    let support = c.client_support.as_ref();
    let phones = [(format!("{path}.phone"), &c.phone)]
        .into_iter()
        .chain(support.map(|s| (format!("{path}.client_support.phone"), &s.phone)));
    for (p, phone) in phones {
        if let Some(phone) = phone {
            if !is_phone(phone) {
                return Err(Error::package(
                    p,
                    format!("'{phone}' is geen telefoonnummer (alleen cijfers, spaties en +)"),
                ));
            }
        }
    }
    let urls = [(format!("{path}.url"), &c.url)]
        .into_iter()
        .chain(support.map(|s| (format!("{path}.client_support.url"), &s.url)));
    for (p, url) in urls {
        // The one link rule of the core (only plain https://), as for every other link.
        crate::links::check_url(&p, url.as_deref())?;
    }
    if let Some(h) = &c.opening_hours {
        need_text(&format!("{path}.opening_hours"), "openingstijden", h)?;
    }
    if let Some(name) = support.and_then(|s| s.name.as_ref()) {
        need_text(&format!("{path}.client_support.name"), "naam", name)?;
    }
    if c.phone.is_none() && c.url.is_none() && support.is_none_or(|s| s.phone.is_none() && s.url.is_none()) {
        return Err(Error::package(path, "geef minstens een telefoonnummer (phone) of een webadres (url)"));
    }
    Ok(())
}
