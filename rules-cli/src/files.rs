//! Reading packages and cases from disk.

use std::path::{Path, PathBuf};

use rules_core::Package;
use serde_json::Value;

use crate::Failure;

pub fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::Io(format!("kan {} niet lezen: {e}", path.display())))
}

/// A package is a directory with `package.json`, or a JSON file.
pub fn package_file(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join("package.json")
    } else {
        path.to_path_buf()
    }
}

pub fn load_package(path: &Path) -> Result<Package, Failure> {
    let document = assemble(path, 0)?;
    Ok(Package::from_value(document)?)
}

/// The package document with what lives beside it in the source tree:
/// `overlays/*.json` go into `overlays`, and packages named by transition
/// rules (sibling directories under norms/) go into `linked`. A bundle
/// carries all of it inline.
pub fn assemble(path: &Path, depth: usize) -> Result<Value, Failure> {
    let file = package_file(path);
    let text = read(&file)?;
    let mut doc: Value = serde_json::from_str(&text).map_err(|e| {
        Failure::Core(
            rules_core::Error::InvalidPackage {
                path: "(document)".into(),
                message: format!("{}: geen geldige JSON: {e}", file.display()),
            },
            crate::Format::Text,
        )
    })?;
    if !path.is_dir() || !doc.is_object() {
        return Ok(doc);
    }
    let overlay_dir = path.join("overlays");
    if let Ok(entries) = std::fs::read_dir(&overlay_dir) {
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        let mut overlays = serde_json::Map::new();
        for f in files {
            let overlay: Value = serde_json::from_str(&read(&f)?)
                .map_err(|e| Failure::Io(format!("{}: geen geldige JSON: {e}", f.display())))?;
            let key = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            overlays.insert(key, overlay);
        }
        if !overlays.is_empty() {
            doc["overlays"] = Value::Object(overlays);
        }
    }
    let mut linked = serde_json::Map::new();
    let targets: Vec<String> = doc["versions"]
        .as_array()
        .map(|vs| vs.iter().filter_map(|v| v["transition"]["package"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    for id in targets {
        if linked.contains_key(&id) || depth >= 4 {
            continue;
        }
        let sibling = path.parent().map(|p| p.join(&id)).unwrap_or_else(|| PathBuf::from(&id));
        if sibling.join("package.json").is_file() {
            linked.insert(id, assemble(&sibling, depth + 1)?);
        }
    }
    if !linked.is_empty() {
        doc["linked"] = Value::Object(linked);
    }
    Ok(doc)
}

/// `cases/*.json` of a package directory, sorted by name.
pub fn case_files(path: &Path) -> Result<Vec<PathBuf>, Failure> {
    let dir = if path.is_dir() { path.join("cases") } else { path.with_file_name("cases") };
    let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(Vec::new()) };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}
