//! Provenance: every number cites a source or says why it is provisional.

use crate::document::{PackageDoc, SourceRefDoc};
use crate::error::Error;
use crate::package::Provenance;

use super::names::need_text;

pub(super) fn provenance(
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

pub(super) fn source_index(path: &str, doc: &PackageDoc, s: &SourceRefDoc) -> Result<usize, Error> {
    need_text(&format!("{path}.source.locator"), "de vindplaats (paragraaf, pagina of tabel)", &s.locator)?;
    doc.sources.iter().position(|d| d.id == s.document).ok_or_else(|| {
        Error::package(format!("{path}.source.document"), format!("bron '{}' staat niet in sources", s.document))
    })
}

/// An optional citation (document index and locator).
pub(super) fn source_ref(
    path: &str,
    doc: &PackageDoc,
    source: &Option<SourceRefDoc>,
) -> Result<Option<(usize, String)>, Error> {
    source.as_ref().map(|s| Ok((source_index(path, doc, s)?, s.locator.clone()))).transpose()
}
