//! Numbers: whole numbers only, within range, converted to minutes per year;
//! amounts of money.

use serde_json::Value;

use crate::document::{PackageDoc, SourceRefDoc, Unit};
use crate::error::Error;
use crate::package::Provenance;

use super::names::need_text;
use super::provenance::provenance;

/// Largest number a package may write (before unit conversion).
const MAX_NUMBER: i64 = 1_000_000_000;

/// Floats and integers beyond i64 are refused: all arithmetic is in whole minutes.
pub(super) fn reject_non_integers(value: &Value, path: &mut String) -> Result<(), Error> {
    match value {
        Value::Number(n) if n.as_i64().is_none() => Err(Error::package(
            if path.is_empty() { "(document)".to_string() } else { path.clone() },
            format!("{n} is geen heel getal (of is te groot); normpakketten rekenen in hele minuten"),
        )),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                reject_non_integers(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                reject_non_integers(v, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

pub(super) fn to_internal(path: &str, amount: i64, unit: Unit) -> Result<i64, Error> {
    if !(-MAX_NUMBER..=MAX_NUMBER).contains(&amount) {
        return Err(Error::package(path, format!("getal {amount} is groter dan {MAX_NUMBER}")));
    }
    let factor = match unit {
        Unit::MinutesPerWeek => 52,
        Unit::HoursPerYear => 60,
        Unit::MinutesPerYear | Unit::Number => 1,
    };
    Ok(amount * factor)
}

/// Checks an amount of money (tariff or contribution): whole cents in
/// range, a label, and its provenance like every other number.
pub(super) fn money(
    path: &str,
    doc: &PackageDoc,
    cents: i64,
    label: &str,
    source: &Option<SourceRefDoc>,
    provisional: &Option<String>,
) -> Result<Provenance, Error> {
    if !(0..=100_000_000).contains(&cents) {
        return Err(Error::package(format!("{path}.cents"), "bedrag in hele centen, tussen 0 en 100.000.000"));
    }
    need_text(&format!("{path}.label"), "omschrijving", label)?;
    provenance(path, doc, source, provisional)
}
