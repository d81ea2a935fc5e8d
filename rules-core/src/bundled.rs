//! Loading a bundle, the form the site, the widget and the wasm API load: a
//! document written by `urenwijzer bundle`, carrying its `fingerprint`.
//! A document without that member is refused (`missing_fingerprint`), so a
//! bundle whose fingerprint was deleted after tampering does not pass as a
//! plain package; callers that mean to load a source document (the checking
//! page, the CLI) use `Package::load`.

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::error::Error;
use crate::package::Package;

/// Only whether the top level has a `fingerprint` member.
#[derive(Deserialize)]
struct Probe {
    fingerprint: Option<IgnoredAny>,
}

impl Package {
    /// Loads a bundled package from JSON text: as `Package::load` (which
    /// verifies a fingerprint that is present), and the `fingerprint` member
    /// must be there.
    pub fn load_bundle(text: &str) -> Result<Package, Error> {
        let package = Package::load(text)?;
        match serde_json::from_str::<Probe>(text) {
            Ok(Probe { fingerprint: Some(_) }) => Ok(package),
            _ => Err(Error::MissingFingerprint),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpmg() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../norms/kpmg-2019/package.json")).unwrap()
    }

    #[test]
    fn a_plain_document_is_not_a_bundle() {
        let text = kpmg();
        assert!(Package::load(&text).is_ok());
        let e = Package::load_bundle(&text).unwrap_err();
        assert_eq!((e.code(), e.path()), ("missing_fingerprint", Some("fingerprint")));
    }

    #[test]
    fn a_bundle_loads_and_a_wrong_fingerprint_is_refused() {
        let package = Package::load(&kpmg()).unwrap();
        let mut doc = package.document.clone();
        doc["fingerprint"] = serde_json::Value::String(package.fingerprint.clone());
        let bundle = doc.to_string();
        assert_eq!(Package::load_bundle(&bundle).unwrap().fingerprint, package.fingerprint);
        doc["title"] = "anders".into();
        assert_eq!(Package::load_bundle(&doc.to_string()).unwrap_err().code(), "invalid_package");
    }
}
