//! `urenwijzer batch` (many households, one package) and `urenwijzer compare`
//! (many households, old norm against new norm: what does a new norm do to
//! existing clients?). Input is JSON Lines, read by [`crate::lines`]: every
//! line gets a row naming its line, and any refusal makes the status 1.

use std::io::BufReader;
use std::path::Path;
use std::process::ExitCode;

use rules_core::eval::figures;
use rules_core::{output, ErrorObject, Options, Package};
use serde_json::{json, Value};

use crate::lines::{Household, Reader, Row};
use crate::out::{self, errln};
use crate::safe_text::one_line;
use crate::{files, progress, Failure, Format};

/// Streams the rows of `input`, calling `each` with every row.
fn each_row(input: &Path, mut each: impl FnMut(Row) -> Result<(), Failure>) -> Result<(), Failure> {
    let file =
        std::fs::File::open(input).map_err(|e| Failure::Io(format!("kan {} niet lezen: {e}", input.display())))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress::bar(size);
    let mut reader = Reader::new(BufReader::new(file), input.display().to_string());
    while let Some(row) = reader.next_row()? {
        each(row)?;
        bar.set_position(reader.bytes_read());
    }
    bar.finish_and_clear();
    Ok(())
}

/// A household's own date and municipality, else the command's.
fn options(h: &Household, default: &Options) -> Options {
    Options {
        date: h.date.unwrap_or(default.date),
        municipality: h.municipality.clone().or_else(|| default.municipality.clone()),
    }
}

fn id_json(id: &str) -> String {
    Value::String(id.to_owned()).to_string()
}

pub fn batch(package: &Path, input: &Path, default: Options) -> Result<ExitCode, Failure> {
    let package = files::load_package(package)?;
    let (mut ok, mut refused, mut minutes_per_week) = (0usize, 0usize, 0i64);
    let mut out = out::stdout(Format::Json);
    each_row(input, |row| {
        let (id, line, outcome) = match row {
            Err(r) => (r.id, r.line, Err(r.error)),
            Ok(h) => {
                let done = rules_core::evaluate_with(&package, &h.answers, &options(&h, &default), |ind| {
                    (output::to_json(ind, false), figures(ind.total).0)
                });
                (h.id, h.line, done.map_err(|e| e.to_object()))
            }
        };
        let body = match outcome {
            Ok((result, week)) => {
                ok += 1;
                minutes_per_week = minutes_per_week.saturating_add(week);
                format!("\"result\":{result}")
            }
            Err(error) => {
                refused += 1;
                format!("\"error\":{}", error.to_json())
            }
        };
        writeln!(out, "{{\"id\":{},\"line\":{line},{body}}}", id_json(&id))
    })?;
    out.finish()?;
    errln!("{ok} berekend, {refused} geweigerd; samen {minutes_per_week} minuten per week");
    Ok(if refused == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The answers one package needs: keys that are questions only of the other
/// package are left out, so a household answered for both can be compared.
// Not form logic: what is asked is decided by the core in strict mode (`evaluate_with`,
// which `form_state` with `Mode::Strict` runs too), as for `batch` and `eval`.
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

/// Minutes per week of one household under one package.
fn week(package: &Package, other: &Package, h: &Household, opts: &Options) -> Result<i64, ErrorObject> {
    rules_core::evaluate_with(package, &answers_for(package, other, &h.answers), opts, |ind| figures(ind.total).0)
        .map_err(|e| e.to_object())
}

pub fn compare(old: &Path, new: &Path, input: &Path, default: Options, format: Format) -> Result<ExitCode, Failure> {
    let (old, new) = (files::load_package(old)?, files::load_package(new)?);
    let (mut higher, mut lower, mut equal, mut refused) = (0usize, 0usize, 0usize, 0usize);
    let (mut old_total, mut new_total) = (0i64, 0i64);
    let mut rows = Vec::new();
    each_row(input, |row| {
        let h = match row {
            Ok(h) => h,
            Err(r) => {
                refused += 1;
                rows.push(json!({"id": r.id, "line": r.line, "error": r.error}));
                return Ok(());
            }
        };
        let opts = options(&h, &default);
        match (week(&old, &new, &h, &opts), week(&new, &old, &h, &opts)) {
            (Ok(wa), Ok(wb)) => {
                old_total = old_total.saturating_add(wa);
                new_total = new_total.saturating_add(wb);
                match wb.cmp(&wa) {
                    std::cmp::Ordering::Greater => higher += 1,
                    std::cmp::Ordering::Less => lower += 1,
                    std::cmp::Ordering::Equal => equal += 1,
                }
                rows.push(json!({"id": h.id, "line": h.line, "old_minutes_per_week": wa, "new_minutes_per_week": wb, "difference": wb - wa}));
            }
            (a, b) => {
                refused += 1;
                rows.push(json!({"id": h.id, "line": h.line, "old_error": a.err(), "new_error": b.err()}));
            }
        }
        Ok(())
    })?;
    let compared = higher + lower + equal;
    let mut out = out::stdout(format);
    if format == Format::Json {
        let summary = json!({
            "old": {"id": old.id, "fingerprint": old.fingerprint},
            "new": {"id": new.id, "fingerprint": new.fingerprint},
            "date": default.date.to_string(),
            "households": compared + refused, "compared": compared, "refused": refused,
            "higher": higher, "lower": lower, "equal": equal,
            "old_minutes_per_week": old_total, "new_minutes_per_week": new_total,
            "rows": rows,
        });
        writeln!(out, "{summary}")?;
    } else {
        writeln!(out, "Vergelijking {} → {} op {}", old.id, new.id, default.date)?;
        writeln!(out, "  huishoudens: {} (vergeleken: {compared}, geweigerd: {refused})", compared + refused)?;
        writeln!(out, "  meer tijd: {higher}, minder tijd: {lower}, gelijk: {equal}")?;
        writeln!(out, "  samen per week: {old_total} → {new_total} minuten ({:+})", new_total - old_total)?;
        let shown = |r: &&Value| r["difference"].as_i64().is_some_and(|d| d != 0);
        for r in rows.iter().filter(shown).take(20) {
            let id = one_line(r["id"].as_str().unwrap_or(""));
            let (a, b) = (&r["old_minutes_per_week"], &r["new_minutes_per_week"]);
            writeln!(out, "  {id} (regel {}): {a} → {b} minuten per week", r["line"])?;
        }
        for r in rows.iter().filter(|r| r["difference"].is_null()).take(20) {
            let id = one_line(r["id"].as_str().unwrap_or(""));
            for (side, key) in [("", "error"), ("oud: ", "old_error"), ("nieuw: ", "new_error")] {
                if let Some(e) = r[key].as_object() {
                    let (code, message) = (e["code"].as_str().unwrap_or(""), e["message"].as_str().unwrap_or(""));
                    writeln!(out, "  geweigerd {id} (regel {}): {side}[{code}] {}", r["line"], one_line(message))?;
                }
            }
        }
        if refused > 20 {
            writeln!(out, "  … en nog {} geweigerd (zie --format json)", refused - 20)?;
        }
    }
    out.finish()?;
    Ok(if refused == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
