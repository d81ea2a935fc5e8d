//! Reading packages and cases from disk.

use std::path::{Path, PathBuf};

use rules_core::assemble::{self, InputFile};
use rules_core::input::json;
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

pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Io(format!("kan {} niet lezen: {e}", path.display())))
}

/// A JSON document read with the core's strict reader (duplicate keys, BOM,
/// invalid UTF-8 and limits refused with a coded error naming the file).
pub fn read_json(path: &Path, kind: json::Kind) -> Result<Value, Failure> {
    Ok(json::read(&read_bytes(path)?, &path.display().to_string(), kind)?)
}

/// Answers read with the core's strict reader, numbers as written (the
/// browser reads its answers text with the same code).
pub fn read_answers(path: &Path) -> Result<rules_core::AnswerValue, Failure> {
    Ok(json::read_answers(&read_bytes(path)?, &path.display().to_string())?)
}

pub fn load_package(path: &Path) -> Result<Package, Failure> {
    let document = assemble(path)?;
    Ok(Package::from_value(document)?)
}

/// The package document with what lives beside it in the source tree,
/// assembled by the core (`assemble`): this only reads the folder
/// (`package.json`, `overlays/*.json`) and, for each package a transition
/// rule names that is not read yet, the sibling folder of that id. A file
/// (a bundle) is read as it is.
pub fn assemble(path: &Path) -> Result<Value, Failure> {
    if !path.is_dir() {
        return read_json(path, json::Kind::Package);
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut read_dirs = vec![path.to_path_buf()];
    read_folder(path, &mut files)?;
    let root = package_file(path).display().to_string();
    loop {
        let inputs: Vec<InputFile<'_>> = files.iter().map(|(p, b)| InputFile { path: p, bytes: b }).collect();
        let (document, missing) = assemble::assemble_package(&inputs, &root)?;
        let mut added = false;
        for id in missing {
            let sibling = path.parent().map(|p| p.join(&id)).unwrap_or_else(|| PathBuf::from(&id));
            if !read_dirs.contains(&sibling) && sibling.join("package.json").is_file() {
                read_folder(&sibling, &mut files)?;
                read_dirs.push(sibling);
                added = true;
            }
        }
        if !added {
            return Ok(document);
        }
    }
}

/// `package.json` and `overlays/*.json` of a package folder.
fn read_folder(dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), Failure> {
    let file = package_file(dir);
    files.push((file.display().to_string(), read_bytes(&file)?));
    for f in json_files(&dir.join("overlays")) {
        files.push((f.display().to_string(), read_bytes(&f)?));
    }
    Ok(())
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
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
