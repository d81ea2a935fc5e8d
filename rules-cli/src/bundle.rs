//! `urenwijzer bundle`: per package the JSON document (fingerprint
//! included) and the compiled bundle (`<id>.uwb`, `rules_core::compiled`)
//! that the browser build loads, plus `index.json` listing every bundle in
//! the output directory; with `--archive DIR` both files also go into
//! `DIR/sha256-<hex>/` (see `archive.rs`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use base64::Engine as _;
use rules_core::{canonical, compiled, describe, Package};
use serde_json::{json, Value};
use sha2::{Digest, Sha384};

use crate::out::{self, errln};
use crate::{files, Failure, Format};

/// The bundled document: the package content plus its fingerprint, in
/// canonical (JCS) form so the file itself is byte-stable.
pub fn bundled(package: &Package) -> String {
    let mut doc = package.document.clone();
    if let Value::Object(map) = &mut doc {
        map.insert("fingerprint".into(), Value::String(package.fingerprint.clone()));
    }
    canonical::to_jcs(&doc)
}

/// The bundle file as written: the canonical document and a newline.
pub fn file_text(package: &Package) -> String {
    format!("{}\n", bundled(package))
}

/// The Subresource Integrity value (`sha384-…`, base64) of a file's bytes:
/// what a portal puts in the widget's `integrity` attribute.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// The compiled bundle, checked by loading it back: a package the compiled
/// loader would refuse (e.g. an expression deeper than it allows) fails here,
/// when it is bundled, not in a resident's browser.
pub fn compiled(package: &Package) -> Result<Vec<u8>, Failure> {
    let bytes = compiled::to_bytes(package)?;
    Package::load_compiled(&bytes)?;
    Ok(bytes)
}

pub fn run(paths: &[PathBuf], out: Option<&Path>, archive: Option<&Path>) -> Result<ExitCode, Failure> {
    let mut packages = Vec::new();
    for p in paths {
        // `bundle norms/*` also matches norms/README.md: say so and go on.
        if !p.is_dir() && p.extension().is_none_or(|x| x != "json") {
            errln!("overgeslagen: {} (geen normpakket)", p.display());
            continue;
        }
        packages.push(files::load_package(p)?);
    }
    if let Some(archive) = archive {
        for p in &packages {
            let dir = crate::archive::store(archive, p, &file_text(p), &compiled(p)?)?;
            errln!("gearchiveerd: {}", dir.display());
        }
    }
    let Some(dir) = out else {
        let mut out = out::stdout(Format::Json);
        for p in &packages {
            let text = file_text(p);
            write!(out, "{text}")?;
            errln!("gebundeld: {} ({}, integrity {})", p.id, p.fingerprint, integrity(text.as_bytes()));
        }
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(dir).map_err(|e| Failure::Io(format!("kan {} niet maken: {e}", dir.display())))?;
    for p in &packages {
        let file = dir.join(format!("{}.json", p.id));
        let text = file_text(p);
        write(&file, &text)?;
        errln!("gebundeld: {} ({}, integrity {})", file.display(), p.fingerprint, integrity(text.as_bytes()));
        let file = dir.join(format!("{}.{}", p.id, compiled::EXTENSION));
        let bytes = compiled(p)?;
        write_bytes(&file, &bytes)?;
        errln!("gecompileerd: {} ({} bytes, integrity {})", file.display(), bytes.len(), integrity(&bytes));
    }
    // The index covers every bundle in the directory, also earlier ones.
    let mut entries = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Failure::Io(format!("kan {} niet lezen: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.file_name().is_some_and(|n| n != "index.json"))
        .collect();
    names.sort();
    let mut loaded = Vec::new();
    for file in names {
        let text = files::read(&file)?;
        let package = Package::load(&text)?;
        loaded.push((file, package, integrity(text.as_bytes())));
    }
    for (file, package, sri) in &loaded {
        // The compiled bundle beside it, when it is there and belongs to this document.
        let uwb = file.with_extension(compiled::EXTENSION);
        let compiled_entry = std::fs::read(&uwb)
            .ok()
            .filter(|b| compiled::header(b).is_ok_and(|h| h.fingerprint == package.fingerprint))
            .map(|b| {
                json!({
                    "file": uwb.file_name().map(|n| n.to_string_lossy().into_owned()),
                    "format": compiled::FORMAT_VERSION,
                    "integrity": integrity(&b),
                })
            });
        let info = describe::info(package);
        // A package that another bundled package keeps for earlier clients
        // (transition rule) is not an entry point for new residents.
        let superseded_by: Vec<&str> = loaded
            .iter()
            .filter(|(_, other, _)| other.linked.iter().any(|l| l.id == package.id))
            .map(|(_, other, _)| other.id.as_str())
            .collect();
        entries.push(json!({
            "id": package.id,
            "title": package.title,
            "file": file.file_name().map(|n| n.to_string_lossy().into_owned()),
            "fingerprint": package.fingerprint,
            "integrity": sri,
            "compiled": compiled_entry,
            "superseded_by": superseded_by,
            "municipalities": info.municipalities,
            "versions": info.versions,
            // The site's texts beside a result (resident title, not counted, how to apply):
            // looked up here, so the site downloads no package document.
            "resident": rules_core::resident_texts::resident_texts(&package.document),
        }));
    }
    let index = json!({ "format": "urenwijzer-index/1", "packages": entries });
    write(&dir.join("index.json"), &format!("{}\n", serde_json::to_string_pretty(&index).unwrap_or_default()))?;
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    write_bytes(path, text.as_bytes())
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| Failure::Io(format!("kan {} niet schrijven: {e}", path.display())))
}
