//! Assembly: a package document from its files, held in memory as
//! `(path, bytes)`. The one place that knows the layout of a package folder,
//! used by the CLI (which only reads the folder) and the checking page
//! (through the browser build, with whatever files were dropped):
//!
//! - `X/package.json` is a package (also any JSON object with `format`
//!   `urenwijzer-package/…`, or `versions`/`questions` and no `format`);
//! - an overlay goes to the package named by its `base`, else to the package of
//!   its folder (`X/overlays/`), else to the only package; it is filed under its
//!   file name, which must equal its `municipality` field (`overlay_name`);
//! - a package named by a transition rule is linked from among the files by
//!   its id, at most [`LINK_DEPTH`] deep;
//! - cases (`X/cases/*.json`) belong to the package of their folder, else to
//!   the only package checked;
//! - a file in `X/overlays/` that does not read is the error of package X; one
//!   in `X/cases/` is a failed case of X.
//!
//! Every file is read with the strict reader ([`crate::input::json`]).

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::check;
use crate::error::{Error, ErrorObject};
use crate::input::json::{self, Kind};
use crate::input::limits;

pub use crate::input::limits::LINK_DEPTH;

/// One file as read: its path within what was chosen (folders kept, `/`
/// separated) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Package,
    Overlay,
    Case,
    /// Not readable JSON (see `error`).
    Invalid,
    /// JSON, but none of the above.
    Unknown,
    /// Not a `.json` file; not read.
    Skipped,
}

/// A classified file, as the checking page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct FileInfo {
    pub path: String,
    pub name: String,
    pub kind: FileKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A package's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// A bundle (carries a fingerprint, overlays and linked packages inline).
    pub bundled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorObject>,
    #[serde(skip)]
    doc: Option<Value>,
    #[serde(skip)]
    read_error: Option<Error>,
    /// A case's answers, numbers as written (`cases::exact_answers`).
    #[serde(skip)]
    case_answers: Option<crate::AnswerValue>,
}

/// The folder part of a path ("" for none).
fn dirname(p: &str) -> &str {
    p.rfind('/').map_or("", |i| &p[..i])
}

fn basename(p: &str) -> &str {
    p.rfind('/').map_or(p, |i| &p[i + 1..])
}

/// The folder of the package a file belongs to: the folder above `cases/`
/// and `overlays/`, else its own.
fn owner_dir(p: &str) -> &str {
    let dir = dirname(p);
    match basename(dir) {
        "cases" | "overlays" => dirname(dir),
        _ => dir,
    }
}

fn sub_dir(p: &str) -> &str {
    basename(dirname(p))
}

fn stem(name: &str) -> &str {
    name.strip_suffix(".json").or_else(|| name.strip_suffix(".JSON")).unwrap_or(name)
}

/// Reads and classifies one file.
pub fn classify(file: InputFile<'_>) -> FileInfo {
    let name = basename(file.path).to_owned();
    let mut info = FileInfo {
        path: file.path.to_owned(),
        name,
        kind: FileKind::Skipped,
        id: None,
        title: None,
        base: None,
        municipality: None,
        bundled: false,
        error: None,
        doc: None,
        read_error: None,
        case_answers: None,
    };
    if !info.name.to_ascii_lowercase().ends_with(".json") {
        return info;
    }
    let kind = if sub_dir(file.path) == "cases" { Kind::Case } else { Kind::Package };
    let doc = match json::read(file.bytes, file.path, kind) {
        Ok(doc) => doc,
        Err(e) => {
            info.kind = FileKind::Invalid;
            info.error = Some(e.to_object());
            info.read_error = Some(e);
            return info;
        }
    };
    let text = |k: &str| doc.get(k).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
    info.kind = match doc.as_object() {
        None => FileKind::Unknown,
        Some(map) => {
            let format = map.get("format").and_then(Value::as_str);
            let has = |k: &str| map.get(k).is_some_and(Value::is_array);
            if format.is_some_and(|f| f.starts_with("urenwijzer-overlay"))
                || (format.is_none() && text("base").is_some() && text("municipality").is_some())
            {
                FileKind::Overlay
            } else if format.is_some_and(|f| f.starts_with("urenwijzer-package"))
                || (format.is_none() && (has("versions") || has("questions") || info.name == "package.json"))
            {
                FileKind::Package
            } else if format.is_some() {
                FileKind::Unknown
            } else if ["answers", "expect", "expect_error", "description", "date"].iter().any(|k| map.contains_key(*k))
            {
                FileKind::Case
            } else {
                FileKind::Unknown
            }
        }
    };
    match info.kind {
        FileKind::Package => {
            info.id = text("id");
            info.title = text("title");
            info.bundled = doc.get("fingerprint").is_some_and(Value::is_string);
        }
        FileKind::Overlay => {
            info.base = text("base");
            info.municipality = text("municipality");
        }
        _ => {}
    }
    if info.kind == FileKind::Case {
        info.case_answers = crate::cases::exact_answers(file.bytes, file.path);
    }
    info.doc = Some(doc);
    info
}

/// A package document put together from the files, and what went into it.
#[derive(Debug, Clone)]
pub struct Built {
    pub document: Result<Value, Error>,
    /// Indices (into the files) of the overlays used.
    pub overlays: Vec<usize>,
    /// Overlays chosen with a bundle, which carries its own.
    pub ignored_overlays: Vec<usize>,
    /// Indices of the linked packages used (also the ones they link).
    pub linked: Vec<usize>,
    /// Package ids named by transition rules but not among the files.
    pub missing: Vec<String>,
}

/// The files classified and placed: which overlays and cases belong to which package.
pub struct Assembly {
    pub files: Vec<FileInfo>,
    /// Indices of the packages (first of each id).
    pub packages: Vec<usize>,
    /// Package files with an id an earlier one already has (not used).
    pub duplicates: Vec<usize>,
    /// Packages no other chosen package links to.
    roots: Vec<usize>,
    by_id: HashMap<String, usize>,
    overlays_of: HashMap<usize, Vec<usize>>,
    cases_of: HashMap<usize, Vec<usize>>,
    /// Files that belong to no package, with the reason (Dutch).
    pub unplaced: Vec<(usize, String)>,
}

fn transition_targets(doc: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in doc.get("versions").and_then(Value::as_array).into_iter().flatten() {
        if let Some(id) = v.pointer("/transition/package").and_then(Value::as_str) {
            if !out.iter().any(|o| o == id) {
                out.push(id.to_owned());
            }
        }
    }
    out
}

fn single(list: &[usize]) -> Option<usize> {
    match list {
        [one] => Some(*one),
        _ => None,
    }
}

impl Assembly {
    /// Classifies the files and places overlays and cases.
    pub fn new(files: &[InputFile<'_>]) -> Result<Assembly, Error> {
        limits::FILES.check(files.len(), "(bestanden)")?;
        let files: Vec<FileInfo> = files.iter().map(|f| classify(*f)).collect();
        let mut packages = Vec::new();
        let mut duplicates = Vec::new();
        let mut by_id = HashMap::new();
        for (i, f) in files.iter().enumerate() {
            if f.kind != FileKind::Package {
                continue;
            }
            if let Some(id) = &f.id {
                if by_id.contains_key(id) {
                    duplicates.push(i);
                    continue;
                }
                by_id.insert(id.clone(), i);
            }
            packages.push(i);
        }
        let doc = |i: usize| files[i].doc.as_ref().unwrap_or(&Value::Null);
        let mut linked_ids = Vec::new();
        for &p in &packages {
            for id in transition_targets(doc(p)) {
                if Some(&id) != files[p].id.as_ref() && by_id.contains_key(&id) {
                    linked_ids.push(id);
                }
            }
        }
        let roots: Vec<usize> = packages
            .iter()
            .copied()
            .filter(|&p| files[p].id.as_ref().is_none_or(|id| !linked_ids.contains(id)))
            .collect();
        let in_dir = |dir: &str| -> Vec<usize> {
            packages.iter().copied().filter(|&p| dirname(&files[p].path) == dir).collect()
        };
        let mut unplaced = Vec::new();
        let mut overlays_of: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut cases_of: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, f) in files.iter().enumerate() {
            match f.kind {
                FileKind::Overlay => {
                    let owner = f
                        .base
                        .as_ref()
                        .and_then(|b| by_id.get(b).copied())
                        .or_else(|| single(&in_dir(owner_dir(&f.path))))
                        .or_else(|| single(if packages.len() == 1 { &packages } else { &roots }));
                    match owner {
                        Some(o) => overlays_of.entry(o).or_default().push(i),
                        None => unplaced.push((
                            i,
                            match &f.base {
                                Some(b) => format!("Er is geen pakket '{}' gekozen.", limits::shorten(b)),
                                None => "Het is niet duidelijk bij welk pakket deze aanvulling hoort.".into(),
                            },
                        )),
                    }
                }
                FileKind::Case => {
                    let here = in_dir(owner_dir(&f.path));
                    let here_roots: Vec<usize> = here.iter().copied().filter(|p| roots.contains(p)).collect();
                    let owner = single(&here).or_else(|| single(&here_roots)).or_else(|| {
                        if here.is_empty() {
                            single(&roots)
                        } else {
                            None
                        }
                    });
                    match owner {
                        Some(o) => cases_of.entry(o).or_default().push(i),
                        None => unplaced.push((
                            i,
                            if packages.is_empty() {
                                "Er is geen pakket gekozen.".into()
                            } else {
                                "Het is niet duidelijk bij welk pakket dit testgeval hoort. Kies de testgevallen samen met één pakket, of kies hele mappen.".into()
                            },
                        )),
                    }
                }
                _ => {}
            }
        }
        for list in overlays_of.values_mut().chain(cases_of.values_mut()) {
            list.sort_by(|&a, &b| files[a].path.cmp(&files[b].path));
        }
        Ok(Assembly { files, packages, duplicates, roots, by_id, overlays_of, cases_of, unplaced })
    }

    /// The package file at `path`, if it is one.
    pub fn package_at(&self, path: &str) -> Option<usize> {
        self.packages.iter().copied().find(|&p| self.files[p].path == path)
    }

    /// The package document of package `p` with its overlays and linked packages.
    pub fn build(&self, p: usize) -> Built {
        let mut seen = vec![p];
        self.build_at(p, 0, &mut seen)
    }

    fn build_at(&self, p: usize, depth: usize, seen: &mut Vec<usize>) -> Built {
        let file = &self.files[p];
        let overlays = self.overlays_of.get(&p).cloned().unwrap_or_default();
        let mut built = Built {
            document: Ok(Value::Null),
            overlays: Vec::new(),
            ignored_overlays: Vec::new(),
            linked: Vec::new(),
            missing: Vec::new(),
        };
        let Some(Value::Object(base)) = &file.doc else {
            built.document = Ok(file.doc.clone().unwrap_or(Value::Null));
            return built;
        };
        if file.bundled {
            // A bundle holds its overlays and linked packages (its fingerprint covers them).
            built.ignored_overlays = overlays;
            built.document = Ok(Value::Object(base.clone()));
            return built;
        }
        // A file in the package's own overlays folder that does not read breaks the package.
        let dir = dirname(&file.path);
        if let Some(bad) = self
            .files
            .iter()
            .find(|f| f.kind == FileKind::Invalid && sub_dir(&f.path) == "overlays" && owner_dir(&f.path) == dir)
        {
            built.document = Err(bad.read_error.clone().unwrap_or(Error::package("overlays", "onleesbaar")));
            return built;
        }
        let mut doc = base.clone();
        if !overlays.is_empty() {
            let mut map = match base.get("overlays") {
                Some(Value::Object(m)) => m.clone(),
                _ => Map::new(),
            };
            for &o in &overlays {
                let f = &self.files[o];
                let key = stem(&f.name);
                if let Some(m) = f.municipality.as_deref().filter(|m| *m != key) {
                    built.document = Err(Error::OverlayName { file: f.path.clone(), municipality: limits::shorten(m) });
                    return built;
                }
                map.insert(key.to_owned(), f.doc.clone().unwrap_or(Value::Null));
            }
            doc.insert("overlays".into(), Value::Object(map));
        }
        built.overlays = overlays;
        let mut linked = match base.get("linked") {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        for id in transition_targets(&Value::Object(base.clone())) {
            if Some(&id) == file.id.as_ref() || linked.contains_key(&id) {
                continue;
            }
            let Some(&target) = self.by_id.get(&id) else {
                built.missing.push(id);
                continue;
            };
            if depth >= LINK_DEPTH || seen.contains(&target) {
                continue;
            }
            seen.push(target);
            let inner = self.build_at(target, depth + 1, seen);
            seen.pop();
            match inner.document {
                Ok(d) => {
                    linked.insert(id, d);
                }
                Err(e) => {
                    built.document = Err(e);
                    return built;
                }
            }
            built.linked.push(target);
            built.linked.extend(inner.linked);
            built.missing.extend(inner.missing);
        }
        if !linked.is_empty() {
            doc.insert("linked".into(), Value::Object(linked));
        }
        built.document = Ok(Value::Object(doc));
        built
    }
}

/// The package at `root` (a `package.json` path among `files`) assembled
/// into one document, and the ids of packages it links that are not among
/// the files (the CLI adds their folders and asks again).
pub fn assemble_package(files: &[InputFile<'_>], root: &str) -> Result<(Value, Vec<String>), Error> {
    let assembly = Assembly::new(files)?;
    if let Some(i) = assembly.files.iter().position(|f| f.path == root) {
        if let Some(e) = &assembly.files[i].read_error {
            return Err(e.clone());
        }
    }
    let Some(p) = assembly.package_at(root) else {
        // Not recognisable as a package: let loading say what is wrong with it.
        let doc = files.iter().find(|f| f.path == root).map(|f| json::read(f.bytes, f.path, Kind::Package));
        return Ok((doc.unwrap_or(Ok(Value::Null))?, Vec::new()));
    };
    let built = assembly.build(p);
    Ok((built.document?, built.missing))
}

/// The whole check of a set of files, as the checking page shows it.
#[derive(Serialize)]
pub struct FilesReport {
    pub files: Vec<FileInfo>,
    pub reports: Vec<PackageReport>,
    pub unplaced: Vec<Unplaced>,
    /// Paths of package files not used: another has the same id.
    pub duplicates: Vec<String>,
}

#[derive(Serialize)]
pub struct Unplaced {
    pub path: String,
    pub reason: String,
}

/// One package checked: the files that went into it and `check::report`.
#[derive(Serialize)]
pub struct PackageReport {
    pub id: Option<String>,
    pub path: String,
    pub bundled: bool,
    pub overlays: Vec<String>,
    pub ignored_overlays: Vec<String>,
    pub linked: Vec<String>,
    pub missing: Vec<String>,
    pub case_files: Vec<String>,
    /// Municipalities with an overlay in the assembled document.
    pub overlay_municipalities: Vec<String>,
    /// Ids of the packages linked in the assembled document.
    pub linked_ids: Vec<String>,
    /// The base lists `municipal_choices`.
    pub has_municipal_choices: bool,
    /// Load error, lints and case results.
    pub check: Value,
}

/// Checks every package among the files that no other links to, and every
/// package with cases of its own, in order of id (or path).
pub fn check_files(files: &[InputFile<'_>]) -> Result<FilesReport, Error> {
    let assembly = Assembly::new(files)?;
    let a = &assembly;
    let paths = |list: &[usize]| list.iter().map(|&i| a.files[i].path.clone()).collect::<Vec<_>>();
    let mut reports = Vec::new();
    for &p in &a.packages {
        let cases = a.cases_of.get(&p).cloned().unwrap_or_default();
        if !a.roots.contains(&p) && cases.is_empty() {
            continue;
        }
        let file = &a.files[p];
        let built = a.build(p);
        let keys = |k: &str| match &built.document {
            Ok(d) => d.get(k).and_then(Value::as_object).map(|m| m.keys().cloned().collect()).unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        let (overlay_municipalities, linked_ids) = (keys("overlays"), keys("linked"));
        // Unreadable files in the package's cases folder are failed cases.
        let dir = dirname(&file.path);
        let mut case_files: Vec<usize> = cases.clone();
        case_files.extend(a.files.iter().enumerate().filter_map(|(i, f)| {
            (f.kind == FileKind::Invalid && sub_dir(&f.path) == "cases" && owner_dir(&f.path) == dir).then_some(i)
        }));
        case_files.sort_by(|&x, &y| a.files[x].path.cmp(&a.files[y].path));
        let case_docs: Vec<(String, Result<crate::cases::Case, String>)> = case_files
            .iter()
            .map(|&i| {
                let f = &a.files[i];
                let doc = match (&f.doc, &f.read_error) {
                    (_, Some(e)) => Err(e.to_string()),
                    (Some(d), None) => crate::cases::Case::from_document(d.clone(), f.case_answers.clone()),
                    (None, None) => Err("leeg".into()),
                };
                (f.name.clone(), doc)
            })
            .collect();
        let loaded = built.document.clone().map_err(|e| e.to_object()).and_then(check::load);
        let report = check::report_parsed(loaded.as_ref().map_err(Clone::clone), &case_docs);
        let check = serde_json::to_value(&report).unwrap_or(Value::Null);
        reports.push(PackageReport {
            id: file.id.clone(),
            path: file.path.clone(),
            bundled: file.bundled,
            overlays: paths(&built.overlays),
            ignored_overlays: paths(&built.ignored_overlays),
            linked: paths(&built.linked),
            missing: built.missing.clone(),
            case_files: paths(&case_files),
            overlay_municipalities,
            linked_ids,
            has_municipal_choices: file
                .doc
                .as_ref()
                .and_then(|d| d.get("municipal_choices"))
                .and_then(Value::as_array)
                .is_some_and(|l| !l.is_empty()),
            check,
        });
    }
    reports.sort_by(|x, y| {
        let key = |r: &PackageReport| r.id.clone().unwrap_or_else(|| r.path.clone());
        key(x).cmp(&key(y))
    });
    let unplaced = a
        .unplaced
        .iter()
        .map(|(i, reason)| Unplaced { path: a.files[*i].path.clone(), reason: reason.clone() })
        .collect();
    let duplicates = paths(&a.duplicates);
    Ok(FilesReport { files: assembly.files, reports, unplaced, duplicates })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f<'a>(path: &'a str, text: &'a str) -> InputFile<'a> {
        InputFile { path, bytes: text.as_bytes() }
    }

    const BASE: &str =
        r#"{"format": "urenwijzer-package/1", "id": "a", "versions": [{"transition": {"package": "b"}}]}"#;

    #[test]
    fn overlays_are_filed_under_their_file_name_which_must_be_the_municipality() {
        let overlay = r#"{"format": "urenwijzer-overlay/1", "base": "a", "municipality": "delft"}"#;
        let files = [f("n/a/package.json", BASE), f("n/a/overlays/delft.json", overlay)];
        let (doc, missing) = assemble_package(&files, "n/a/package.json").unwrap();
        assert!(doc["overlays"]["delft"].is_object());
        assert_eq!(missing, vec!["b".to_string()]);
        let files = [f("n/a/package.json", BASE), f("n/a/overlays/westland.json", overlay)];
        let e = assemble_package(&files, "n/a/package.json").unwrap_err();
        assert_eq!((e.code(), e.file()), ("overlay_name", Some("n/a/overlays/westland.json")));
    }

    #[test]
    fn linked_packages_come_from_among_the_files() {
        let b = r#"{"format": "urenwijzer-package/1", "id": "b", "versions": []}"#;
        let files = [f("n/a/package.json", BASE), f("n/b/package.json", b)];
        let (doc, missing) = assemble_package(&files, "n/a/package.json").unwrap();
        assert_eq!(doc["linked"]["b"]["id"], "b");
        assert!(missing.is_empty());
    }

    #[test]
    fn unreadable_overlay_breaks_its_package() {
        let files = [f("n/a/package.json", BASE), f("n/a/overlays/delft.json", "{\"a\":1,\"a\":2}")];
        let e = assemble_package(&files, "n/a/package.json").unwrap_err();
        assert_eq!(e.code(), "duplicate_key");
        let report = check_files(&files).unwrap();
        assert_eq!(report.reports[0].check["error"]["code"], "duplicate_key");
        assert_eq!(report.reports[0].check["error"]["file"], "n/a/overlays/delft.json");
    }
}
