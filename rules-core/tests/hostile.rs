//! Hostile and careless inputs (tests/fixtures/hostile/expect.json): the
//! verdict of the core, which the CLI and the browser build share.

use std::path::{Path, PathBuf};

use rules_core::assemble::{assemble_package, check_files, InputFile};
use rules_core::input::json::{self, Kind};
use rules_core::{Date, Error, Options, Package};
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/fixtures/hostile").join(name)).unwrap()
}

fn kpmg() -> Package {
    let bytes = std::fs::read(repo().join("norms/kpmg-2019/package.json")).unwrap();
    Package::from_value(json::read(&bytes, "package.json", Kind::Package).unwrap()).unwrap()
}

fn options() -> Options {
    Options { date: Date::parse("2024-01-01").unwrap(), municipality: None }
}

fn evaluate(package: &Package, bytes: &[u8]) -> Result<String, Error> {
    let answers = json::read_answers(bytes, "antwoorden.json")?;
    rules_core::evaluate_to_json(package, &answers, &options(), true)
}

/// The error a fixture gets, read as the manifest says.
fn verdict(case: &Value, package: &Package) -> Result<String, Error> {
    let name = case["file"].as_str().unwrap();
    let bytes = fixture(name);
    match case["as"].as_str().unwrap() {
        "package" => {
            let doc = json::read(&bytes, name, Kind::Package)?;
            Package::from_value(doc).map(|p| p.fingerprint)
        }
        "overlay" => {
            let base = std::fs::read(repo().join("norms/h4/package.json")).unwrap();
            let files = [
                InputFile { path: "h4/package.json", bytes: &base },
                InputFile { path: "h4/overlays/delft.json", bytes: &bytes },
            ];
            let (doc, _) = assemble_package(&files, "h4/package.json")?;
            Package::from_value(doc).map(|p| p.fingerprint)
        }
        "case" => json::read(&bytes, name, Kind::Case).map(|v| v.to_string()),
        "answers" => evaluate(package, &bytes),
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn every_hostile_fixture_gets_its_verdict() {
    let manifest: Value = serde_json::from_slice(&fixture("expect.json")).unwrap();
    let package = kpmg();
    for case in manifest["cases"].as_array().unwrap() {
        let name = case["file"].as_str().unwrap();
        let got = verdict(case, &package);
        if let Some(same) = case["same_as"].as_str() {
            assert_eq!(got.unwrap(), evaluate(&package, &fixture(same)).unwrap(), "{name}");
            continue;
        }
        let e = got.expect_err(name).to_object();
        assert_eq!(e.code, case["code"].as_str().unwrap(), "{name}: {}", e.message);
        for key in ["question", "path"] {
            if let Some(want) = case[key].as_str() {
                let have = if key == "question" { e.question.as_deref() } else { e.path.as_deref() };
                assert_eq!(have, Some(want), "{name}: {key}");
            }
        }
        if let Some(line) = case["line"].as_u64() {
            assert_eq!(e.line, Some(line as usize), "{name}: line ({})", e.message);
            assert_eq!(e.column, case["column"].as_u64().map(|c| c as usize), "{name}: column ({})", e.message);
        }
        assert!(e.message.len() < 400, "{name}: long message");
    }
}

#[test]
fn a_million_answer_keys_get_the_limit_code_before_anything_is_built() {
    let package = kpmg();
    let mut text = String::from("{");
    for i in 0..1_000_000 {
        text.push_str(&format!("\"k{i}\":0,"));
    }
    text.pop();
    text.push('}');
    let e = evaluate(&package, text.as_bytes()).unwrap_err();
    assert_eq!((e.code(), e.to_object().limit), ("limit", Some("answers_bytes")));
    // Answers built some other way (the Rust API): the key count is checked first.
    let map: serde_json::Map<String, Value> = (0..1_000_000).map(|i| (format!("k{i}"), Value::from(0))).collect();
    let e =
        rules_core::evaluate_to_json(&package, &rules_core::AnswerValue::from(&Value::Object(map)), &options(), false)
            .unwrap_err();
    assert_eq!((e.code(), e.to_object().limit), ("limit", Some("answer_keys")));
    assert!(e.to_string().len() < 200, "{e}");
}

#[test]
fn a_50_mb_description_is_refused_by_the_size_limit() {
    let bytes = std::fs::read(repo().join("norms/kpmg-2019/package.json")).unwrap();
    let mut doc: Value = serde_json::from_slice(&bytes).unwrap();
    doc["description"] = Value::String("x".repeat(50 << 20));
    let text = serde_json::to_vec(&doc).unwrap();
    let e = json::read(&text, "groot.json", Kind::Package).unwrap_err();
    assert_eq!((e.code(), e.to_object().limit), ("limit", Some("document_bytes")));
    assert!(e.to_string().len() < 200, "the message does not repeat the value: {e}");
    // Also when the package is assembled from files, as the CLI and the checking page do.
    let report = check_files(&[InputFile { path: "groot/package.json", bytes: &text }]).unwrap();
    assert_eq!(report.files[0].error.as_ref().map(|e| e.code), Some("limit"));
}

#[test]
fn long_bad_values_are_quoted_by_a_short_prefix() {
    let package = kpmg();
    let long = "ä".repeat(5_000);
    let answers = serde_json::json!({"eigen_mogelijkheden": false, "beperkingen": long, "samenstelling_huishouden": false,
        "extra_kamers_in_gebruik": 0, "extra_kamers_niet_in_gebruik": 0});
    let e = rules_core::evaluate_to_json(&package, &rules_core::AnswerValue::from(&answers), &options(), false)
        .unwrap_err();
    assert_eq!(e.code(), "not_an_option");
    assert!(e.to_string().contains(&format!("{}…", "ä".repeat(40))), "{e}");
    assert!(e.to_string().chars().count() < 300, "{e}");
}

#[test]
fn the_cli_s_package_folders_assemble_as_before() {
    // Every package in norms/ read as the CLI reads it: its folder, then linked siblings.
    for entry in std::fs::read_dir(repo().join("norms")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("package.json").is_file() {
            continue;
        }
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let add = |d: &Path, files: &mut Vec<(String, Vec<u8>)>| {
            files.push((d.join("package.json").display().to_string(), std::fs::read(d.join("package.json")).unwrap()));
            if let Ok(list) = std::fs::read_dir(d.join("overlays")) {
                for f in list {
                    let p = f.unwrap().path();
                    files.push((p.display().to_string(), std::fs::read(&p).unwrap()));
                }
            }
        };
        add(&dir, &mut files);
        let root = dir.join("package.json").display().to_string();
        for _ in 0..5 {
            let inputs: Vec<InputFile> = files.iter().map(|(p, b)| InputFile { path: p, bytes: b }).collect();
            let (_, missing) = assemble_package(&inputs, &root).unwrap();
            if missing.is_empty() {
                break;
            }
            for id in missing {
                add(&dir.parent().unwrap().join(id), &mut files);
            }
        }
        let inputs: Vec<InputFile> = files.iter().map(|(p, b)| InputFile { path: p, bytes: b }).collect();
        let (doc, missing) = assemble_package(&inputs, &root).unwrap();
        assert!(missing.is_empty(), "{}", dir.display());
        Package::from_value(doc).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
}

#[test]
fn a_case_file_reads_its_answers_as_written_in_the_cli_and_on_the_checking_page() {
    // 1.00000000000000001 is a double's 1; read as written it is a fraction.
    let package = std::fs::read(repo().join("norms/kpmg-2019/package.json")).unwrap();
    let case = br#"{"description": "afgerond", "date": "2024-01-01",
        "answers": {"eigen_mogelijkheden": false, "beperkingen": "geen", "samenstelling_huishouden": false,
            "extra_kamers_in_gebruik": 1.00000000000000001, "extra_kamers_niet_in_gebruik": 0},
        "expect_error": {"code": "wrong_type", "question": "extra_kamers_in_gebruik"}}"#;
    // The CLI (`urenwijzer test`).
    let read = rules_core::cases::Case::read(case, "cases/afgerond.json").unwrap();
    assert_eq!(read.run(&kpmg()), Ok(()));
    // Read as the document holds it (doubles), the same answers pass as 1: what a case did before.
    let doubles = json::read(case, "cases/afgerond.json", Kind::Case).unwrap();
    assert!(rules_core::cases::Case::from_document(doubles, None).unwrap().run(&kpmg()).is_err());
    // The checking page (a chosen folder).
    let report = check_files(&[
        InputFile { path: "kpmg/package.json", bytes: &package },
        InputFile { path: "kpmg/cases/afgerond.json", bytes: case },
    ])
    .unwrap();
    let check = serde_json::to_value(&report.reports[0]).unwrap();
    assert_eq!(check["check"]["cases"][0]["ok"], true, "{check}");
}
