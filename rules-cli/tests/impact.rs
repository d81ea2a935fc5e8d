//! `urenwijzer impact`: the parallel CLI writes the same bytes as the core's
//! sequential `impact::run`; exit status; edge files; `--template`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rules_core::impact::{self, ImpactOptions};
use rules_core::{Date, Package};
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn doc(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("norms").join(path)).unwrap()).unwrap()
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("urenwijzer-impact-{}-{name}", std::process::id()))
}

fn impact(args: &[&str]) -> Output {
    let mut all = vec![
        "impact".to_string(),
        root().join("norms/haarlem-ciz").display().to_string(),
        root().join("norms/haarlem-2021").display().to_string(),
    ];
    all.extend(args.iter().map(|s| s.to_string()));
    Command::new(env!("CARGO_BIN_EXE_urenwijzer")).args(&all).output().unwrap()
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// The example repeated to 18,000 households: two parallel chunks.
fn big_caseload() -> PathBuf {
    let text = std::fs::read_to_string(root().join("examples/haarlem-clienten.csv")).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    let rows: Vec<&str> = lines.collect();
    for copy in 0..450 {
        for r in &rows {
            out.push_str(&r.replacen("hh", &format!("c{copy}-"), 1));
            out.push('\n');
        }
    }
    // One bad line in the middle.
    out = out.replacen("c225-000007;haarlem;", "c225-000007;nergens;", 1);
    let path = temp("big.csv");
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn the_cli_writes_the_same_bytes_as_the_core_in_one_thread() {
    let input = big_caseload();
    let out = temp("out");
    let o = impact(&[input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--date", "2025-01-01"]);
    assert_eq!(o.status.code(), Some(1), "one household is refused: {}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("unknown_municipality"), "{stderr}");

    let ciz = doc("haarlem-ciz/package.json");
    let mut new = doc("haarlem-2021/package.json");
    new["linked"] = json!({ "haarlem-ciz": ciz.clone() });
    let (ciz, new) = (Package::from_value(ciz).unwrap(), Package::from_value(new).unwrap());
    let options = ImpactOptions {
        date: Date::parse("2025-01-01").unwrap(),
        old_date: None,
        new_date: None,
        municipality: None,
        reassess_all: false,
        scale_to: None,
    };
    let files = impact::run(&ciz, &new, &std::fs::read(&input).unwrap(), options).unwrap();
    assert_eq!(read(&out, "summary.json"), files.summary_json);
    assert_eq!(read(&out, "households.csv"), files.households_csv);
    assert_eq!(read(&out, "report.html"), files.report_html);
    let summary: Value = serde_json::from_str(&files.summary_json).unwrap();
    assert_eq!(summary["households"], 18_000);
    assert_eq!(summary["refused"], 1);
    assert_eq!(summary["compared"], 17_999);
    assert_eq!(files.households_csv.lines().count(), 18_001);
}

#[test]
fn edge_files_stop_with_a_clear_message_and_write_nothing() {
    for (name, content, expected) in [
        ("empty.csv", "", "leeg"),
        ("header.csv", "id;heeft_indicatie\n", "geen huishoudens"),
        ("unknown.csv", "id;kleur\nx;rood\n", "onbekende kolom 'kleur'"),
    ] {
        let input = temp(name);
        std::fs::write(&input, content).unwrap();
        let out = temp(&format!("out-{name}"));
        let o = impact(&[input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains("invalid_caseload") && stderr.contains(expected), "{name}: {stderr}");
        assert!(!out.join("summary.json").exists(), "{name}");
    }
}

#[test]
fn template_prints_the_header_of_both_packages() {
    let o = impact(&["--template"]);
    assert!(o.status.success());
    let header = String::from_utf8(o.stdout).unwrap();
    assert!(header.starts_with("id,date,municipality,provider,wijk,"));
    for q in ["heeft_indicatie", "indicatie_startdatum", "slaapkamers_in_gebruik", "kan_zelf_strijken"] {
        assert!(header.contains(q), "{header}");
    }
    assert_eq!(header.lines().count(), 1);
}
