//! `urenwijzer batch` (many households, one package) and `urenwijzer compare`
//! (many households, old norm against new norm: what does a new norm do to
//! existing clients?). Input is JSON Lines, read by [`crate::lines`]: every
//! line gets a row naming its line, and any refusal makes the status 1.

use std::io::BufReader;
use std::path::Path;
use std::process::ExitCode;

use rules_core::eval::figures;
use rules_core::impact::{self, Comparison, ImpactOptions, RawAnswers, Totals};
use rules_core::{output, Answers, Error, ErrorObject, Options};
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
                let done = rules_core::evaluate_with(&package, &(&h.answers).into(), &options(&h, &default), |ind| {
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

/// One household of `compare`: its minutes per week under both norms, or why not.
struct Compared {
    id: String,
    line: usize,
    outcome: Result<(i64, i64), Refusal>,
}

enum Refusal {
    /// The line itself was refused (not JSON, bad field, duplicate id).
    Line(ErrorObject),
    /// One side or both refused the household.
    Sides(Option<ErrorObject>, Option<ErrorObject>),
}

impl Compared {
    fn json(&self) -> Value {
        match &self.outcome {
            Ok((a, b)) => {
                json!({"id": self.id, "line": self.line, "old_minutes_per_week": a, "new_minutes_per_week": b, "difference": b - a})
            }
            Err(Refusal::Line(e)) => json!({"id": self.id, "line": self.line, "error": e}),
            Err(Refusal::Sides(a, b)) => json!({"id": self.id, "line": self.line, "old_error": a, "new_error": b}),
        }
    }
}

/// `compare` takes the caseload impact path of the core (`impact::Comparison`,
/// `impact::Totals`): the same selection, transition and answers filtering as
/// `urenwijzer impact`, with a terminal summary (or one JSON object) instead
/// of the three files. The rows stay typed until they are written.
pub fn compare(old: &Path, new: &Path, input: &Path, default: Options, format: Format) -> Result<ExitCode, Failure> {
    let (old, new) = (files::load_package(old)?, files::load_package(new)?);
    let options = ImpactOptions {
        date: default.date,
        old_date: None,
        new_date: None,
        municipality: default.municipality.clone(),
        reassess_all: false,
        scale_to: None,
    };
    let cmp = Comparison::new(&old, &new, options)?;
    let columns = cmp.columns(&[]);
    let mut totals = Totals::default();
    let (mut unread, mut old_total, mut new_total) = (0u64, 0i64, 0i64);
    let mut rows: Vec<Compared> = Vec::new();
    each_row(input, |row| {
        let h = match row {
            Ok(h) => h,
            Err(r) => {
                unread += 1;
                rows.push(Compared { id: r.id, line: r.line, outcome: Err(Refusal::Line(r.error)) });
                return Ok(());
            }
        };
        let (id, line) = (h.id.clone(), h.line);
        let answers = match h.answers {
            Value::Object(map) => RawAnswers::Json(map),
            other => {
                // Not an answers object: the core's own refusal of it, for both sides.
                let e = Answers::from_json(&old, &(&other).into()).err().map(|e| e.to_object());
                unread += 1;
                rows.push(Compared { id, line, outcome: Err(Refusal::Sides(e.clone(), e)) });
                return Ok(());
            }
        };
        let household = impact::Household {
            line,
            id: h.id,
            date: h.date,
            municipality: h.municipality,
            provider: None,
            wijk: None,
            answers,
        };
        let r = cmp.household(&columns, Ok(household));
        totals.add(&r);
        let outcome = match &r.outcome {
            impact::Outcome::Evaluated { old: Ok(a), new: Ok(b) } => {
                old_total = old_total.saturating_add(a.minutes_per_week);
                new_total = new_total.saturating_add(b.minutes_per_week);
                Ok((a.minutes_per_week, b.minutes_per_week))
            }
            impact::Outcome::Evaluated { old: a, new: b } => {
                Err(Refusal::Sides(a.as_ref().err().map(Error::to_object), b.as_ref().err().map(Error::to_object)))
            }
            impact::Outcome::Unread(e) => Err(Refusal::Line(e.to_object())),
        };
        rows.push(Compared { id, line, outcome });
        Ok(())
    })?;
    let (compared, refused) = (totals.compared, totals.refused + unread);
    let (higher, lower, equal) = (totals.higher, totals.lower, totals.equal);
    let mut out = out::stdout(format);
    if format == Format::Json {
        let rows: Vec<Value> = rows.iter().map(Compared::json).collect();
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
        let differing = rows.iter().filter_map(|r| match r.outcome {
            Ok((a, b)) if a != b => Some((r, a, b)),
            _ => None,
        });
        for (r, a, b) in differing.take(20) {
            writeln!(out, "  {} (regel {}): {a} → {b} minuten per week", one_line(&r.id), r.line)?;
        }
        let mut shown = 0;
        for r in &rows {
            let errors = match &r.outcome {
                Ok(_) => continue,
                Err(Refusal::Line(e)) => vec![("", Some(e))],
                Err(Refusal::Sides(a, b)) => vec![("oud: ", a.as_ref()), ("nieuw: ", b.as_ref())],
            };
            shown += 1;
            if shown > 20 {
                break;
            }
            for (side, e) in errors.into_iter().filter_map(|(s, e)| e.map(|e| (s, e))) {
                writeln!(
                    out,
                    "  geweigerd {} (regel {}): {side}[{}] {}",
                    one_line(&r.id),
                    r.line,
                    e.code,
                    one_line(&e.message)
                )?;
            }
        }
        if refused > 20 {
            writeln!(out, "  … en nog {} geweigerd (zie --format json)", refused - 20)?;
        }
    }
    out.finish()?;
    Ok(if refused == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
