//! Compiled bundles give the same bytes as documents: every package under
//! norms/ (overlays and linked packages assembled as `urenwijzer bundle`
//! does) and every fixture in tests/conformance/fixtures/, every case, with
//! and without trace, and the form state: `urenwijzer conformance` from the
//! document equals `urenwijzer conformance --compiled` byte for byte.

use std::path::PathBuf;
use std::process::Command;

fn package_dirs() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs: Vec<PathBuf> = ["norms", "tests/conformance/fixtures"]
        .iter()
        .flat_map(|parent| std::fs::read_dir(root.join(parent)).expect("directory exists"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("package.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn conformance(dir: &PathBuf, flags: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer")).arg("conformance").arg(dir).args(flags).output().unwrap();
    assert!(out.status.success(), "{}: {}", dir.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

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
            cases += document.lines().count();
        }
    }
    assert!(cases >= 300, "only {cases} outputs compared");
}
