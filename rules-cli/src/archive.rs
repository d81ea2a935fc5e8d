//! The bundle archive: every bundle `urenwijzer bundle --archive DIR` writes
//! is also kept as `DIR/sha256-<hex>/<id>.json` (the JSON bundle) and
//! `<id>.v<format>.uwb` (the compiled bundle), named by the resolved package
//! document's fingerprint, so a result made years ago can be recomputed byte
//! for byte: `urenwijzer eval --fingerprint sha256:… answers.json`. The
//! released packages' folders are kept in the repository (`archive/`).
//! An archived file never changes: writing other bytes under the same name
//! is refused.

use std::path::{Path, PathBuf};

use rules_core::{compiled, Package};

use crate::Failure;

/// `sha256-<hex>` for a `sha256:<64 lowercase hex>` fingerprint.
fn folder_name(fingerprint: &str) -> Option<String> {
    let hex = fingerprint.strip_prefix("sha256:")?;
    (hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| format!("sha256-{hex}"))
}

fn compiled_name(id: &str, version: u16) -> String {
    format!("{id}.v{version}.{}", compiled::EXTENSION)
}

/// Writes (or finds already there, byte for byte) both files of `package`.
pub fn store(root: &Path, package: &Package, json: &str, uwb: &[u8]) -> Result<PathBuf, Failure> {
    let name = folder_name(&package.fingerprint)
        .ok_or_else(|| Failure::Io(format!("vingerafdruk {} is geen sha256", package.fingerprint)))?;
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).map_err(|e| Failure::Io(format!("kan {} niet maken: {e}", dir.display())))?;
    keep(&dir.join(format!("{}.json", package.id)), json.as_bytes())?;
    keep(&dir.join(compiled_name(&package.id, compiled::FORMAT_VERSION)), uwb)?;
    Ok(dir)
}

fn keep(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    match std::fs::read(path) {
        Ok(old) if old == bytes => Ok(()),
        Ok(_) => Err(Failure::Io(format!(
            "{} staat al in het archief met andere inhoud; een gearchiveerde bundel verandert nooit",
            path.display()
        ))),
        Err(_) => {
            std::fs::write(path, bytes).map_err(|e| Failure::Io(format!("kan {} niet schrijven: {e}", path.display())))
        }
    }
}

/// The package with this fingerprint from the archive: its compiled bundle
/// in this build's format, else its JSON bundle (which any later build
/// reads); both give the same bytes.
pub fn find(root: &Path, fingerprint: &str) -> Result<Package, Failure> {
    let name = folder_name(fingerprint).ok_or_else(|| {
        Failure::Io(format!("'{fingerprint}' is geen vingerafdruk (sha256: gevolgd door 64 tekens 0-9, a-f)"))
    })?;
    let dir = root.join(name);
    if !dir.is_dir() {
        return by_applied_fingerprint(root, fingerprint);
    }
    let package = load_folder(&dir)?;
    if package.fingerprint != fingerprint {
        return Err(Failure::Io(format!("{} bevat een bundel met een andere vingerafdruk", dir.display())));
    }
    Ok(package)
}

/// A result for a municipality with an overlay shows the fingerprint of the
/// document applied for it (`applied_fingerprint`), not the bundle's: look
/// through the archive for the bundle that holds it.
fn by_applied_fingerprint(root: &Path, fingerprint: &str) -> Result<Package, Failure> {
    let missing =
        || Failure::Io(format!("het archief {} heeft geen bundel met vingerafdruk {fingerprint}", root.display()));
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(root).map_err(|_| missing())?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        let Ok(package) = load_folder(dir) else { continue };
        let holds = |p: &Package| p.applied_fingerprint == fingerprint;
        if holds(&package) || package.overlays.iter().any(holds) {
            return Ok(package);
        }
    }
    Err(missing())
}

fn load_folder(dir: &Path) -> Result<Package, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| Failure::Io(format!("kan {} niet lezen: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let suffix = format!(".v{}.{}", compiled::FORMAT_VERSION, compiled::EXTENSION);
    let uwb = files.iter().find(|f| f.to_string_lossy().ends_with(&suffix));
    let package = match uwb {
        Some(file) => Package::load_compiled(&crate::files::read_bytes(file)?)?,
        None => {
            let file = files
                .iter()
                .find(|f| f.extension().is_some_and(|x| x == "json"))
                .ok_or_else(|| Failure::Io(format!("{} bevat geen bundel", dir.display())))?;
            Package::load_bundle(&crate::files::read(file)?)?
        }
    };
    Ok(package)
}
