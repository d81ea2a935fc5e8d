//! Compiled bundles give the same bytes as documents: every package under
//! norms/ (overlays and linked packages assembled as `urenwijzer bundle`
//! does) and every fixture in tests/conformance/fixtures/, every case, with
//! and without trace, and the form state: `urenwijzer conformance` from the
//! document equals `urenwijzer conformance --compiled` byte for byte, and
//! `--compiled --no-prerender` (as the self-check site's module loads a
//! bundle: the JSON parts rendered at each evaluation) too.

use std::path::PathBuf;
use std::process::Command;

mod common;
use common::{conformance, package_dirs};

#[test]
fn every_case_from_the_compiled_bundle_equals_the_document() {
    let dirs = package_dirs();
    assert!(dirs.len() >= 7, "norms and fixtures: {dirs:?}");
    let mut cases = 0;
    for dir in &dirs {
        for flags in [&[][..], &["--no-trace"], &["--state"]] {
            let document = conformance(dir, flags);
            let compiled = conformance(dir, &[flags, &["--compiled"]].concat());
            assert_eq!(document, compiled, "{} {flags:?}", dir.display());
            let site = conformance(dir, &[flags, &["--compiled", "--no-prerender"]].concat());
            assert_eq!(document, site, "{} {flags:?} --no-prerender", dir.display());
            cases += document.lines().count();
        }
    }
    assert!(cases >= 300, "only {cases} outputs compared");
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The archive's folders (`archive/sha256-<hex>/`).
fn archived() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("archive"))
        .expect("archive exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The format is frozen: every archived compiled bundle still loads, and
/// this build writes exactly its bytes again from the archived JSON bundle
/// (a change to the format without a new format version fails here).
#[test]
fn archived_bundles_load_and_are_written_again_byte_for_byte() {
    let dirs = archived();
    assert!(dirs.len() >= 4, "{dirs:?}");
    for dir in dirs {
        let files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        let json = files.iter().find(|f| f.extension().is_some_and(|x| x == "json")).expect("a JSON bundle");
        let package = rules_core::Package::load_bundle(&std::fs::read_to_string(json).unwrap()).unwrap();
        let name = format!("sha256-{}", package.fingerprint.trim_start_matches("sha256:"));
        assert_eq!(dir.file_name().unwrap().to_string_lossy(), name);
        let version = rules_core::compiled::FORMAT_VERSION;
        let uwb = dir.join(format!("{}.v{version}.uwb", package.id));
        let bytes = std::fs::read(&uwb).unwrap();
        assert_eq!(rules_core::Package::load_compiled(&bytes).unwrap().fingerprint, package.fingerprint);
        assert!(
            rules_core::compiled::to_bytes(&package).unwrap() == bytes,
            "{} is written differently now",
            uwb.display()
        );
    }
}

/// `eval --fingerprint` finds the bundle in the archive and gives the same
/// bytes as the package folder; also by the fingerprint a municipality's
/// result shows (the document applied for its overlay).
#[test]
fn eval_by_fingerprint_equals_eval_of_the_folder() {
    let dir = std::env::temp_dir().join(format!("urenwijzer-fp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer")).current_dir(root()).args(args).output().unwrap();
        (out.status.success(), String::from_utf8(out.stdout).unwrap())
    };
    for (package, case) in [("kpmg-2019", "01-basis.json"), ("h4", "20-delft-2023.json")] {
        let file = root().join(format!("norms/{package}/cases/{case}"));
        let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let answers = dir.join(format!("{package}.json"));
        std::fs::write(&answers, case["answers"].to_string()).unwrap();
        let a = answers.to_str().unwrap();
        let mut norm = vec!["--date", case["date"].as_str().unwrap(), "--format", "json"];
        if let Some(m) = case["municipality"].as_str() {
            norm.extend(["--municipality", m]);
        }
        let folder = format!("norms/{package}");
        let (ok, from_folder) = run(&[&["eval", &folder, a][..], &norm].concat());
        assert!(ok, "{from_folder}");
        let result: serde_json::Value = serde_json::from_str(&from_folder).unwrap();
        let fingerprint = result["package"]["fingerprint"].as_str().unwrap().to_string();
        let (ok, from_archive) = run(&[&["eval", "--fingerprint", &fingerprint, a][..], &norm].concat());
        assert!(ok, "{from_archive}");
        assert_eq!(from_folder, from_archive, "{package}");
    }
    let unknown = format!("sha256:{}", "0".repeat(64));
    let (ok, _) = run(&["eval", "--fingerprint", &unknown, "x.json", "--date", "2024-01-01"]);
    assert!(!ok);
}
