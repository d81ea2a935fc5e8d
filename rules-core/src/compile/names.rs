//! Names and texts: ids, slugs, reserved words, uniqueness, non-empty texts.

use std::collections::HashSet;

use crate::error::Error;

/// Keywords and function names that cannot be question, value or table names.
pub(super) const RESERVED: &[&str] = &["and", "or", "not", "in", "true", "false", "min", "max", "lookup"];

pub(super) fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && s.len() <= 64
}

pub(super) fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && s.len() <= 64
}

pub(super) fn need_text(path: &str, what: &str, text: &str) -> Result<(), Error> {
    if text.trim().is_empty() {
        return Err(Error::package(path, format!("{what} mag niet leeg zijn")));
    }
    Ok(())
}

pub(super) fn unique<'a>(path: &str, what: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(Error::package(path, format!("{what} '{id}' komt twee keer voor")));
        }
    }
    Ok(())
}

/// A value or table name: a valid, unreserved name that no question uses.
pub(super) fn check_name(path: &str, name: &str, question_names: &HashSet<&str>) -> Result<(), Error> {
    if !is_name(name) || RESERVED.contains(&name) {
        return Err(Error::package(path, format!("'{name}' is geen geldige naam (kleine letters, cijfers en _)")));
    }
    if question_names.contains(name) {
        return Err(Error::package(path, format!("'{name}' is al de naam van een vraag")));
    }
    Ok(())
}
