//! `urenwijzer batch` and `urenwijzer compare` over JSON Lines.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn households() -> PathBuf {
    let path = std::env::temp_dir().join(format!("urenwijzer-batch-{}.jsonl", std::process::id()));
    let mut lines = Vec::new();
    for (i, b) in ["geen", "enig", "veel"].iter().enumerate() {
        lines.push(format!(r#"{{"id": "h{i}", "answers": {{"eigen_mogelijkheden": false, "beperkingen": "{b}", "samenstelling_huishouden": false, "extra_kamers_in_gebruik": {i}, "extra_kamers_niet_in_gebruik": 0}}}}"#));
    }
    lines.push(r#"{"id": "fout", "answers": {"beperkingen": "veel"}}"#.to_string());
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

#[test]
fn batch_writes_one_line_per_household_and_refuses_bad_ones() {
    let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer"))
        .args([
            "batch",
            root().join("norms/kpmg-2019").to_str().unwrap(),
            households().to_str().unwrap(),
            "--date",
            "2024-01-01",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one household is refused");
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    // geen, 0 rooms: 108 h/yr → 125 min/week; enig + 1 room: 150 h → 174; veel + 2 rooms: 192 h → 222.
    let weeks: Vec<i64> =
        lines[..3].iter().map(|l| l["result"]["total"]["minutes_per_week"].as_i64().unwrap()).collect();
    assert_eq!(weeks, [125, 174, 222]);
    assert_eq!(lines[3]["id"], "fout");
    assert_eq!(lines[3]["line"], 4);
    assert_eq!(lines[3]["error"]["code"], "missing_answer");
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 berekend, 1 geweigerd"));
}

#[test]
fn compare_counts_who_gets_more_and_less() {
    let kpmg = root().join("norms/kpmg-2019");
    let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer"))
        .args([
            "compare",
            kpmg.to_str().unwrap(),
            kpmg.to_str().unwrap(),
            households().to_str().unwrap(),
            "--date",
            "2024-01-01",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one household is refused");
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts = ["households", "compared", "equal", "refused"].map(|k| s[k].as_i64().unwrap());
    assert_eq!(counts, [4, 3, 3, 1], "households = compared + refused");
    assert_eq!(s["rows"][3]["line"], 4);
    assert_eq!(s["old_minutes_per_week"], s["new_minutes_per_week"]);
}
