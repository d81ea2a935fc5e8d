//! Runs every conformance case of every package under norms/.

mod common;

use rules_core::{cases::Case, Package};

#[test]
fn every_case_of_every_package_passes() {
    let mut failures = Vec::new();
    let mut total = 0;
    for dir in common::package_dirs() {
        let package = Package::load(&common::read(&dir.join("package.json")))
            .unwrap_or_else(|e| panic!("{} does not load: {e}", dir.display()));
        let mut files: Vec<_> = std::fs::read_dir(dir.join("cases"))
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "json"));
        files.sort();
        assert!(!files.is_empty(), "{} has no cases", dir.display());
        for file in files {
            total += 1;
            let case = Case::parse(&common::read(&file)).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            if let Err(problems) = case.run(&package) {
                failures.push(format!("{}: {}", file.display(), problems.join("; ")));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {total} cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(total >= 20);
}
