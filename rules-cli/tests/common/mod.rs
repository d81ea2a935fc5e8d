//! What several CLI test files share: the packages every conformance-style
//! test runs over, and a run of `urenwijzer conformance`.
#![allow(dead_code)] // each test binary uses its own part

use std::path::{Path, PathBuf};
use std::process::Command;

/// Every package under norms/ and the synthetic ones in tests/conformance/fixtures/, sorted.
pub fn package_dirs() -> Vec<PathBuf> {
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

/// The output of `urenwijzer conformance DIR FLAGS…`, which must succeed.
pub fn conformance(dir: &Path, flags: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer")).arg("conformance").arg(dir).args(flags).output().unwrap();
    assert!(out.status.success(), "{}: {}", dir.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
