//! Shared helpers for the integration tests: paths to the norm packages.
#![allow(dead_code)]

use std::path::PathBuf;

pub fn norms_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("norms")
}

pub fn package_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(norms_dir())
        .expect("norms/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("package.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

pub fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn kpmg() -> rules_core::Package {
    rules_core::Package::load(&read(&norms_dir().join("kpmg-2019/package.json"))).expect("KPMG package loads")
}
