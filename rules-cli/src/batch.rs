//! `urenwijzer batch` (many households, one package) and `urenwijzer compare`
//! (many households, old norm against new norm: what does a new norm do to
//! existing clients?). Input is JSON Lines: each line either the answers
//! object itself or `{"id", "answers", "date"?, "municipality"?}`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use rules_core::{Date, Options, Package};
use serde_json::{json, Value};

use crate::{files, Failure};

/// One household from the input.
struct Household {
    id: String,
    answers: Value,
    date: Option<Date>,
    municipality: Option<String>,
}

fn households(path: &Path) -> Result<Vec<Result<Household, String>>, Failure> {
    let file = std::fs::File::open(path).map_err(|e| Failure::Io(format!("kan {} niet lezen: {e}", path.display())))?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Failure::Io(format!("{}: {e}", path.display())))?;
        if line.trim().is_empty() {
            continue;
        }
        let line_no = n + 1;
        let parsed =
            serde_json::from_str::<Value>(&line).map_err(|e| format!("regel {line_no}: geen geldige JSON: {e}"));
        out.push(parsed.and_then(|v| {
            if v.get("answers").is_some() {
                let date = match v.get("date").and_then(Value::as_str) {
                    Some(d) => Some(Date::parse(d).ok_or_else(|| format!("regel {line_no}: ongeldige datum '{d}'"))?),
                    None => None,
                };
                Ok(Household {
                    id: v
                        .get("id")
                        .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                        .unwrap_or_else(|| line_no.to_string()),
                    answers: v["answers"].clone(),
                    date,
                    municipality: v.get("municipality").and_then(Value::as_str).map(str::to_owned),
                })
            } else {
                Ok(Household { id: line_no.to_string(), answers: v, date: None, municipality: None })
            }
        }));
    }
    Ok(out)
}

/// A progress bar on stderr for long runs (only when stderr is a terminal).
struct Progress {
    total: usize,
    shown: usize,
    on: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress { total, shown: usize::MAX, on: std::io::stderr().is_terminal() && total > 0 }
    }
    fn tick(&mut self, done: usize) {
        if !self.on {
            return;
        }
        let pct = done * 100 / self.total;
        if pct != self.shown {
            self.shown = pct;
            let bar = "#".repeat(pct / 4) + &" ".repeat(25 - pct / 4);
            eprint!("\r[{bar}] {pct:3}% {done}/{}", self.total);
            let _ = std::io::stderr().flush();
        }
    }
    fn finish(&self) {
        if self.on {
            eprintln!();
        }
    }
}

/// A household's own date and municipality, else the command's.
fn options(h: &Household, default: &Options) -> Options {
    Options {
        date: h.date.unwrap_or(default.date),
        municipality: h.municipality.clone().or_else(|| default.municipality.clone()),
    }
}

pub fn batch(package: &Path, input: &Path, default: Options) -> Result<ExitCode, Failure> {
    let package = files::load_package(package)?;
    let list = households(input)?;
    let mut progress = Progress::new(list.len());
    let (mut ok, mut refused, mut minutes_per_week) = (0usize, 0usize, 0i64);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (i, h) in list.iter().enumerate() {
        let line = match h {
            Err(e) => {
                refused += 1;
                json!({"id": (i + 1).to_string(), "error": {"code": "invalid_answers", "message": e}}).to_string()
            }
            Ok(h) => match rules_core::evaluate_to_json(&package, &h.answers, &options(h, &default), false) {
                Ok(result) => {
                    ok += 1;
                    let v: Value = serde_json::from_str(&result).unwrap_or(Value::Null);
                    minutes_per_week += v["total"]["minutes_per_week"].as_i64().unwrap_or(0);
                    format!("{{\"id\":{},\"result\":{result}}}", Value::String(h.id.clone()))
                }
                Err(e) => {
                    refused += 1;
                    format!("{{\"id\":{},\"error\":{}}}", Value::String(h.id.clone()), e.to_object().to_json())
                }
            },
        };
        let _ = writeln!(out, "{line}");
        progress.tick(i + 1);
    }
    let _ = out.flush();
    progress.finish();
    eprintln!("{ok} berekend, {refused} geweigerd; samen {minutes_per_week} minuten per week");
    Ok(if refused == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The answers one package needs: keys that are questions only of the other
/// package are left out, so a household answered for both can be compared.
fn answers_for(package: &Package, other: &Package, answers: &Value) -> Value {
    let knows =
        |p: &Package, k: &str| p.question_index(k).is_some() || p.linked.iter().any(|l| l.question_index(k).is_some());
    match answers.as_object() {
        Some(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| knows(package, k) || *k == rules_core::START_DATE_KEY || !knows(other, k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        None => answers.clone(),
    }
}

pub fn compare(old: &Path, new: &Path, input: &Path, default: Options, json_out: bool) -> Result<ExitCode, Failure> {
    let (old, new) = (files::load_package(old)?, files::load_package(new)?);
    let list = households(input)?;
    let mut progress = Progress::new(list.len());
    let (mut higher, mut lower, mut equal, mut refused) = (0usize, 0usize, 0usize, 0usize);
    let (mut old_total, mut new_total) = (0i64, 0i64);
    let mut rows = Vec::new();
    for (i, h) in list.iter().enumerate() {
        progress.tick(i + 1);
        let Ok(h) = h else {
            refused += 1;
            continue;
        };
        let opts = options(h, &default);
        let a = rules_core::evaluate_to_json(&old, &answers_for(&old, &new, &h.answers), &opts, false);
        let b = rules_core::evaluate_to_json(&new, &answers_for(&new, &old, &h.answers), &opts, false);
        match (a, b) {
            (Ok(a), Ok(b)) => {
                let (a, b): (Value, Value) =
                    (serde_json::from_str(&a).unwrap_or_default(), serde_json::from_str(&b).unwrap_or_default());
                let (wa, wb) = (
                    a["total"]["minutes_per_week"].as_i64().unwrap_or(0),
                    b["total"]["minutes_per_week"].as_i64().unwrap_or(0),
                );
                old_total += wa;
                new_total += wb;
                match wb.cmp(&wa) {
                    std::cmp::Ordering::Greater => higher += 1,
                    std::cmp::Ordering::Less => lower += 1,
                    std::cmp::Ordering::Equal => equal += 1,
                }
                rows.push(
                    json!({"id": h.id, "old_minutes_per_week": wa, "new_minutes_per_week": wb, "difference": wb - wa}),
                );
            }
            (a, b) => {
                refused += 1;
                let err = |r: Result<String, rules_core::Error>| {
                    r.err().map(|e| serde_json::to_value(e.to_object()).unwrap_or_default())
                };
                rows.push(json!({"id": h.id, "old_error": err(a), "new_error": err(b)}));
            }
        }
    }
    progress.finish();
    let compared = higher + lower + equal;
    if json_out {
        let summary = json!({
            "old": {"id": old.id, "fingerprint": old.fingerprint},
            "new": {"id": new.id, "fingerprint": new.fingerprint},
            "date": default.date.to_string(),
            "households": compared, "refused": refused, "higher": higher, "lower": lower, "equal": equal,
            "old_minutes_per_week": old_total, "new_minutes_per_week": new_total,
            "rows": rows,
        });
        println!("{summary}");
    } else {
        println!("Vergelijking {} → {} op {}", old.id, new.id, default.date);
        println!("  huishoudens vergeleken: {compared} (geweigerd: {refused})");
        println!("  meer tijd: {higher}, minder tijd: {lower}, gelijk: {equal}");
        println!("  samen per week: {old_total} → {new_total} minuten ({:+})", new_total - old_total);
        for r in rows.iter().filter(|r| r["difference"].as_i64().is_some_and(|d| d != 0)).take(20) {
            println!(
                "  {}: {} → {} minuten per week",
                r["id"].as_str().unwrap_or(""),
                r["old_minutes_per_week"],
                r["new_minutes_per_week"]
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
