//! `cargo test` runs every package's conformance cases through the real
//! `urenwijzer check` and `urenwijzer test` (which assemble overlays and
//! linked packages from the source tree exactly as the bundle does).

use std::path::PathBuf;
use std::process::Command;

mod common;
use common::package_dirs;

#[test]
fn every_package_checks_and_passes_its_cases() {
    let dirs = package_dirs();
    assert!(!dirs.is_empty());
    let mut failures = Vec::new();
    let mut cases = 0;
    for dir in dirs {
        for cmd in ["check", "test"] {
            let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer")).arg(cmd).arg(&dir).output().unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            if cmd == "test" {
                cases += stdout.lines().filter(|l| l.starts_with("ok ")).count();
            }
            if !out.status.success() {
                failures.push(format!(
                    "urenwijzer {cmd} {}:\n{stdout}{}",
                    dir.display(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(cases >= 20, "only {cases} cases ran");
}

#[test]
fn eval_refuses_bad_answers_with_the_question_named() {
    let dir = std::env::temp_dir().join(format!("urenwijzer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let answers = dir.join("a.json");
    std::fs::write(&answers, r#"{"eigen_mogelijkheden": true, "beperkingen": "weinig", "samenstelling_huishouden": false, "extra_kamers_in_gebruik": 0, "extra_kamers_niet_in_gebruik": 0}"#).unwrap();
    let pkg = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../norms/kpmg-2019");
    let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer"))
        .args(["eval", pkg.to_str().unwrap(), answers.to_str().unwrap(), "--date", "2024-01-01", "--format", "json"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["code"], "not_an_option");
    assert_eq!(err["question"], "beperkingen");
    let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer"))
        .args(["eval", pkg.to_str().unwrap(), answers.to_str().unwrap(), "--date", "2024-01-01"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(msg.contains("beperkingen") && msg.contains("weinig") && msg.contains("geen, enig, veel"), "{msg}");
}

#[test]
fn eval_applies_overlays_and_transition_rules_like_test_does() {
    // Every case with a municipality or a transition must give the same total through `eval`.
    let dir = std::env::temp_dir().join(format!("urenwijzer-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut checked = 0;
    for pkg in package_dirs() {
        for entry in std::fs::read_dir(pkg.join("cases")).unwrap() {
            let path = entry.unwrap().path();
            let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let Some(week) = case["expect"]["total"]["minutes_per_week"].as_i64() else { continue };
            let answers = dir.join("answers.json");
            std::fs::write(&answers, case["answers"].to_string()).unwrap();
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_urenwijzer"));
            cmd.args([
                "eval",
                pkg.to_str().unwrap(),
                answers.to_str().unwrap(),
                "--date",
                case["date"].as_str().unwrap(),
                "--format",
                "json",
            ]);
            if let Some(m) = case["municipality"].as_str() {
                cmd.args(["--municipality", m]);
            }
            let out = cmd.output().unwrap();
            assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stdout));
            let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(result["total"]["minutes_per_week"].as_i64(), Some(week), "{}", path.display());
            if let Some(p) = case["expect"]["package"].as_str() {
                assert_eq!(result["package"]["id"], p, "{}", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked >= 20);
}
