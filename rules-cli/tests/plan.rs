//! `urenwijzer plan` with the motion's steps: holiday and weekend edge cases
//! of 2025-2027 and 2031, the package's procedure, and coded refusals.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn plan(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_urenwijzer"))
        .current_dir(root())
        .arg("plan")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    (out.status.code(), serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn conversation_deadlines_around_the_holidays() {
    // (decision, conversation deadline = 3 working days later)
    let cases = [
        ("2025-04-25", "2025-04-30"), // Fri before Koningsdag on Saturday 26 April
        ("2031-04-25", "2031-04-30"), // the same in 2031
        ("2027-04-26", "2027-04-30"), // Mon before Koningsdag on Tuesday 27 April
        ("2025-04-17", "2025-04-23"), // Good Friday 18 April counts, Easter Monday 21 not
        ("2026-05-13", "2026-05-19"), // Ascension Thu 14 May 2026
        ("2027-05-04", "2027-05-11"), // 5 May and Ascension 6 May 2027 both off
        ("2025-06-06", "2025-06-12"), // Whit Monday 9 June 2025
        ("2026-12-23", "2026-12-29"), // Christmas on Fri/Sat
        ("2027-12-23", "2027-12-28"), // Christmas on Sat/Sun: no shift in the law
        ("2026-12-30", "2027-01-05"), // New Year on Friday
        ("2031-05-02", "2031-05-08"), // 5 May 2031 is a Monday
    ];
    for (decision, deadline) in cases {
        let (status, p) = plan(&["--decision", decision]);
        assert_eq!(status, Some(0));
        assert_eq!(p["conversation_deadline"], deadline, "{decision}");
    }
}

#[test]
fn start_and_window_and_refusals() {
    let (_, p) = plan(&[
        "--decision",
        "2026-11-02",
        "--conversation",
        "2026-11-06",
        "--start",
        "2026-11-10",
        "--evaluation",
        "2026-12-31",
    ]);
    let codes: Vec<_> = p["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["conversation_late", "start_late", "evaluation_outside_window"]);
    assert_eq!(p["steps"][0]["who"], "gemeente");
    assert_eq!(p["steps"][4]["id"], "final");
    for (args, code) in [
        (vec!["--decision", "2026-11-02", "--conversation", "2026-11-01"], "conversation_before_decision"),
        (vec!["--decision", "2026-11-02", "--start", "2026-11-03"], "missing_plan_date"),
        (vec!["--decision", "2026-02-30"], "invalid_date"),
        (vec!["--decision", "2999-12-31"], "date_out_of_range"),
        (vec!["--decision", "2026-11-02", "norms/kpmg-2019", "--municipality", "nergens"], "unknown_municipality"),
    ] {
        let (status, e) = plan(&args);
        assert_eq!((status, e["code"].as_str()), (Some(2), Some(code)), "{args:?}");
    }
}
