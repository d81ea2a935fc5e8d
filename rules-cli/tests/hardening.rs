//! Hostile and careless input to the CLI: terminal escapes in every text it
//! prints, a reader that closes the pipe, JSON Lines with broken lines,
//! invalid UTF-8 and duplicate ids, `plan` errors as JSON, and links that
//! are not `https://`.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

const ESC_TITLE: &str = "KPMG \u{1b}]0;gekaapt\u{7}\u{1b}[2J\u{202e}ffo\u{9b}";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn kpmg() -> PathBuf {
    root().join("norms/kpmg-2019")
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("urenwijzer-hardening-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urenwijzer")).args(args).output().unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// No byte a terminal would act on: C0 other than \n and \t, DEL, C1, bidi controls.
fn assert_terminal_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c < ' ' && c != '\n' && c != '\t')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect();
    assert!(bad.is_empty(), "{what} prints raw control characters {bad:?}:\n{text}");
}

fn kpmg_answers() -> Value {
    json!({"eigen_mogelijkheden": false, "beperkingen": "geen", "samenstelling_huishouden": false,
           "extra_kamers_in_gebruik": 0, "extra_kamers_niet_in_gebruik": 0})
}

/// The KPMG package with a hostile title and one hostile case file.
fn hostile_package(dir: &Path) -> PathBuf {
    let pkg = dir.join("pakket");
    std::fs::create_dir_all(pkg.join("cases")).unwrap();
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(kpmg().join("package.json")).unwrap()).unwrap();
    doc["title"] = json!(ESC_TITLE);
    std::fs::write(pkg.join("package.json"), doc.to_string()).unwrap();
    let mut answers = kpmg_answers();
    answers["sleutel\u{1b}[31m"] = json!(1);
    let case = json!({"description": "Vijandige sleutel.", "date": "2024-01-01", "answers": answers, "expect": {"total": {"minutes_per_week": 125}}});
    std::fs::write(pkg.join("cases").join("geval-\u{1b}]0;titel\u{7}.json"), case.to_string()).unwrap();
    pkg
}

#[test]
fn package_title_answer_key_and_case_file_name_are_printed_escaped() {
    let dir = scratch("titles");
    let pkg = hostile_package(&dir);
    let answers = dir.join("antwoorden.json");
    std::fs::write(&answers, kpmg_answers().to_string()).unwrap();

    let check = run(&["check", s(&pkg)]);
    assert!(check.status.success());
    assert_terminal_safe(&check.stdout, "check");
    let text = String::from_utf8(check.stdout).unwrap();
    assert!(text.contains("KPMG \\u{1b}]0;gekaapt\\u{7}\\u{1b}[2J\\u{202e}ffo\\u{9b} (kpmg-2019)"), "{text}");

    let eval = run(&["eval", s(&pkg), s(&answers), "--date", "2024-01-01", "--format", "text"]);
    assert!(eval.status.success());
    assert_terminal_safe(&eval.stdout, "eval --format text");
    assert!(String::from_utf8_lossy(&eval.stdout).contains("\\u{1b}]0;gekaapt"));

    // JSON stays as serde writes it: C0 escaped by JSON itself, the rest as UTF-8.
    let eval_json = run(&["eval", s(&pkg), s(&answers), "--date", "2024-01-01", "--format", "json"]);
    let v: Value = serde_json::from_slice(&eval_json.stdout).unwrap();
    assert_eq!(v["package"]["title"], ESC_TITLE);
    assert!(String::from_utf8_lossy(&eval_json.stdout).contains("\\u001b]0;gekaapt"));

    let test = run(&["test", s(&pkg)]);
    assert_eq!(test.status.code(), Some(1), "the hostile case fails on its unknown key");
    assert_terminal_safe(&test.stdout, "test");
    let text = String::from_utf8(test.stdout).unwrap();
    assert!(text.contains("FOUT  geval-\\u{1b}]0;titel\\u{7}.json"), "{text}");
    assert!(text.contains("sleutel\\u{1b}[31m"), "{text}");
}

#[test]
fn command_line_values_and_answer_keys_in_errors_are_escaped() {
    let dir = scratch("errors");
    let answers = dir.join("antwoorden.json");
    let mut a = kpmg_answers();
    a["x\u{1b}]0;t\u{7}"] = json!(1);
    std::fs::write(&answers, a.to_string()).unwrap();
    let cases: [&[&str]; 3] = [
        &["--date", "2024-01-01"],
        &["--date", "2024\u{1b}[2J"],
        &["--date", "2024-01-01", "--municipality", "delft\u{1b}]0;x\u{7}\u{2066}"],
    ];
    let pkg = kpmg();
    for extra in cases {
        let mut args = vec!["eval", s(&pkg), s(&answers)];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2));
        assert_terminal_safe(&out.stderr, "an error message");
        assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}"), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let out = run(&["check", s(&kpmg()), "--format", "x\u{1b}[2J"]);
    assert_eq!(out.status.code(), Some(2));
    assert_terminal_safe(&out.stderr, "a usage error");
}

#[test]
fn household_ids_are_escaped_in_compare_text() {
    let dir = scratch("ids");
    let input = dir.join("huishoudens.jsonl");
    let lines = [
        json!({"id": "h\u{1b}]0;t\u{7}\u{202e}", "answers": kpmg_answers()}).to_string(),
        json!({"id": "fout\u{1b}[2J", "answers": {"beperkingen": "veel"}}).to_string(),
    ];
    std::fs::write(&input, lines.join("\n")).unwrap();
    // Another package on the new side, so the first household differs.
    let haarlem = root().join("norms/h4");
    for (old, new) in [(kpmg(), kpmg()), (kpmg(), haarlem)] {
        let out = run(&["compare", s(&old), s(&new), s(&input), "--date", "2024-01-01"]);
        assert_eq!(out.status.code(), Some(1));
        assert_terminal_safe(&out.stdout, "compare");
        assert_terminal_safe(&out.stderr, "compare (stderr)");
        assert!(String::from_utf8_lossy(&out.stdout).contains("fout\\u{1b}[2J (regel 2)"));
    }
}

/// Spawns the command, reads one line, closes the pipe and waits.
fn read_one_line_then_close(args: &[&str]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_urenwijzer"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    // The reader is dropped here: the pipe is closed.
    let out = child.wait_with_output().unwrap();
    (out.status.code(), first, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_141() {
    let dir = scratch("pipe");
    let input = dir.join("veel.jsonl");
    // Far more output than a pipe buffers (about 1 kB per row), so the write must fail.
    let line = kpmg_answers().to_string();
    std::fs::write(&input, vec![line.as_str(); 2000].join("\n")).unwrap();
    let (status, first, stderr) = read_one_line_then_close(&["batch", s(&kpmg()), s(&input), "--date", "2024-01-01"]);
    assert!(first.starts_with("{\"id\":\"1\",\"line\":1,\"result\":"), "{first}");
    assert_eq!(status, Some(141), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");

    // Short output may fit in the pipe before it closes: then 0, never a panic.
    for args in [
        vec!["test", s(&root().join("norms/h4"))].as_slice(),
        &["questions", s(&kpmg())],
        &["compare", s(&kpmg()), s(&kpmg()), s(&input), "--date", "2024-01-01", "--format", "json"],
        &["schema"],
    ] {
        let (status, first, stderr) = read_one_line_then_close(args);
        assert!(!first.is_empty());
        assert!(matches!(status, Some(0 | 141)), "{args:?}: {status:?} {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// A JSON Lines file of `n` lines: households, with the given lines replaced.
fn jsonl(path: &Path, n: usize, replace: &[(usize, &[u8])]) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 1..=n {
        match replace.iter().find(|(l, _)| *l == i) {
            Some((_, bytes)) => file.write_all(bytes).unwrap(),
            None => {
                let mut a = kpmg_answers();
                a["extra_kamers_in_gebruik"] = json!(i % 3);
                write!(file, "{}", json!({"id": format!("c{i}"), "answers": a})).unwrap();
            }
        }
        file.write_all(b"\n").unwrap();
    }
}

#[test]
fn every_line_gets_a_row_naming_its_line() {
    let dir = scratch("lines");
    let input = dir.join("huishoudens.jsonl");
    jsonl(
        &input,
        12,
        &[
            (3, b""),
            (4, b"   \r"),
            (5, b"{\"id\": \"c5\", \"answers\": "),
            (7, b"{\"id\": \"c2\", \"answers\": {}}"),
            (9, b"{\"id\": \"x\", \"answers\": {\"beperkingen\": \"caf\xe9\"}}"),
            (10, b"{\"eigen_mogelijkheden\": true, \"beperkingen\": \"enig\", \"samenstelling_huishouden\": false, \"extra_kamers_in_gebruik\": 0, \"extra_kamers_niet_in_gebruik\": 0}"),
        ],
    );
    let out = run(&["batch", s(&kpmg()), s(&input), "--date", "2024-01-01"]);
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let got: Vec<(String, i64, &str)> = rows
        .iter()
        .map(|r| {
            let code = r["error"]["code"].as_str().unwrap_or("ok");
            (r["id"].as_str().unwrap().to_owned(), r["line"].as_i64().unwrap(), code)
        })
        .collect();
    let want = [
        ("c1", 1, "ok"),
        ("c2", 2, "ok"),
        ("5", 5, "invalid_answers"),
        ("c6", 6, "ok"),
        ("c2", 7, "duplicate_id"),
        ("c8", 8, "ok"),
        ("9", 9, "invalid_answers"),
        ("10", 10, "ok"),
        ("c11", 11, "ok"),
        ("c12", 12, "ok"),
    ];
    let want: Vec<(String, i64, &str)> = want.iter().map(|(i, l, c)| (i.to_string(), *l, *c)).collect();
    assert_eq!(got, want);
    assert_eq!(rows[4]["error"]["message"], "regel 7: id 'c2' staat ook op regel 2");
    assert!(rows[6]["error"]["message"].as_str().unwrap().starts_with("regel 9: geen geldige UTF-8"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("7 berekend, 3 geweigerd"));

    let out = run(&["compare", s(&kpmg()), s(&kpmg()), s(&input), "--date", "2024-01-01", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "a refusal makes the status non-zero");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["households"].as_i64(), v["compared"].as_i64(), v["refused"].as_i64()), (Some(10), Some(7), Some(3)));
    let lines: Vec<i64> = v["rows"].as_array().unwrap().iter().map(|r| r["line"].as_i64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
}

#[test]
fn an_invalid_utf8_line_deep_in_a_long_file_is_refused_alone() {
    let dir = scratch("long");
    let input = dir.join("lang.jsonl");
    let n = 80_123;
    jsonl(&input, n, &[(40_000, b"{not json"), (80_000, b"{\"id\": \"\xc3\x28\", \"answers\": {}}"), (80_001, b"")]);
    let out = run(&["compare", s(&kpmg()), s(&kpmg()), s(&input), "--date", "2024-01-01", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["households"].as_u64(), Some(n as u64 - 1));
    assert_eq!(v["refused"].as_i64(), Some(2));
    let refused: Vec<(&str, i64)> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["error"].is_object())
        .map(|r| (r["id"].as_str().unwrap(), r["line"].as_i64().unwrap()))
        .collect();
    assert_eq!(refused, [("40000", 40_000), ("80000", 80_000)]);
    let last = v["rows"].as_array().unwrap().last().unwrap();
    assert_eq!((last["id"].as_str(), last["line"].as_i64()), (Some("c80123"), Some(80_123)));
}

#[test]
fn plan_errors_are_coded_and_json_with_format_json() {
    let cases = [
        (
            vec!["--decision", "2026-11-02", "--conversation", "2026-11-03", "--start", "2026-11-02"],
            "start_before_conversation",
        ),
        (
            vec![
                "--decision",
                "2026-11-02",
                "--conversation",
                "2026-11-02",
                "--start",
                "2026-11-03",
                "--evaluation",
                "2026-11-02",
            ],
            "evaluation_before_start",
        ),
        (vec!["--decision", "2999-12-30"], "date_out_of_range"),
        (vec!["--decision", "2026-02-30"], "invalid_date"),
    ];
    for (args, code) in cases {
        let mut json_args = vec!["plan", "--format", "json"];
        json_args.extend(&args);
        let out = run(&json_args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let e: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(e["code"], code, "{args:?}");
        assert!(out.stderr.is_empty());
        let mut text_args = vec!["plan"];
        text_args.extend(&args);
        let out = run(&text_args);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).starts_with(&format!("fout [{code}]: ")));
    }
    // The last year a plan counts in (2997, so every deadline stays within the dates the core knows) plans.
    let out = run(&[
        "plan",
        "--decision",
        "2997-11-01",
        "--conversation",
        "2997-11-02",
        "--start",
        "2997-11-04",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
}

#[test]
fn check_refuses_a_link_that_is_not_https() {
    let dir = scratch("links");
    for (field, url) in [
        ("municipalities", "javascript:alert(document.domain)"),
        ("sources", "http://example.nl"),
        ("sources", "data:,x"),
    ] {
        let pkg = dir.join(format!("{field}-{}", url.len()));
        std::fs::create_dir_all(&pkg).unwrap();
        let mut doc: Value =
            serde_json::from_str(&std::fs::read_to_string(kpmg().join("package.json")).unwrap()).unwrap();
        let first = doc[field][0].as_object_mut().unwrap();
        first.insert("url".into(), json!(url));
        let id = first["id"].as_str().unwrap().to_owned();
        std::fs::write(pkg.join("package.json"), doc.to_string()).unwrap();
        let out = run(&["check", s(&pkg), "--format", "json"]);
        assert_eq!(out.status.code(), Some(2), "{url}");
        let e: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(e["code"], "invalid_package");
        assert_eq!(e["path"], format!("{field}[{id}].url"));
    }
}

#[test]
fn check_refuses_a_javascript_link_in_an_overlay() {
    let dir = scratch("overlay-link");
    let bundled = run(&["bundle", s(&root().join("norms/h4"))]);
    assert!(bundled.status.success());
    let mut doc: Value = serde_json::from_slice(&bundled.stdout).unwrap();
    doc.as_object_mut().unwrap().remove("fingerprint");
    let overlays = doc["overlays"].as_object_mut().unwrap();
    let (name, overlay) = overlays.iter_mut().next().unwrap();
    let name = name.clone();
    overlay["url"] = json!("javascript:alert(1)");
    let file = dir.join("h4.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let out = run(&["check", s(&file), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["code"], "invalid_package");
    assert_eq!(e["path"], format!("overlays[{name}] (toegepast).municipalities[{name}].url"));
}
