//! The committed JSON Schemas are exactly what the Rust types generate, and
//! every package and overlay under norms/ validates against them.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_json(p: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).unwrap()
}

#[test]
fn committed_schemas_match_the_types() {
    let package = rules_core::document::schema::package();
    let overlay = rules_core::document::schema::overlay();
    assert_eq!(
        read_json(&root().join("docs/schema/package.schema.json")),
        package,
        "docs/schema/package.schema.json is stale: run `urenwijzer schema > docs/schema/package.schema.json`"
    );
    assert_eq!(
        read_json(&root().join("docs/schema/overlay.schema.json")),
        overlay,
        "docs/schema/overlay.schema.json is stale: run `urenwijzer schema --overlay > docs/schema/overlay.schema.json`"
    );
}

#[test]
fn every_package_and_overlay_validates_against_the_schema() {
    let package_schema = jsonschema::validator_for(&rules_core::document::schema::package()).unwrap();
    let overlay_schema = jsonschema::validator_for(&rules_core::document::schema::overlay()).unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("norms")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("package.json").is_file() {
            continue;
        }
        let doc = read_json(&dir.join("package.json"));
        let errors: Vec<String> =
            package_schema.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "{}: {}", dir.display(), errors.join("; "));
        checked += 1;
        if let Ok(overlays) = std::fs::read_dir(dir.join("overlays")) {
            for o in overlays {
                let path = o.unwrap().path();
                let doc = read_json(&path);
                let errors: Vec<String> =
                    overlay_schema.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path)).collect();
                assert!(errors.is_empty(), "{}: {}", path.display(), errors.join("; "));
            }
        }
    }
    assert!(checked > 0);
    // And the schema refuses what the loader refuses: an unknown field.
    let mut doc = read_json(&root().join("norms/kpmg-2019/package.json"));
    doc["versions"][0]["areas"][0]["rules"][0]["amout"] = serde_json::json!("x");
    assert!(!package_schema.is_valid(&doc));
}
