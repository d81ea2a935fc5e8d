//! Reading packages and cases from disk.

use std::path::{Path, PathBuf};

use rules_core::Package;

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
    let text = read(&package_file(path))?;
    Ok(Package::load(&text)?)
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
