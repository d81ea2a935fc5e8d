//! Documented limits on what the core accepts (`docs/package-format.md`,
//! "Limits"). Each is far beyond any real package; they exist so that a
//! hostile or broken file gets a coded error (`limit`, naming the limit)
//! quickly instead of freezing a browser tab or filling memory.

use serde_json::Value;

use crate::error::Error;

/// One limit: its stable name (in the error), its maximum and what it counts (Dutch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub name: &'static str,
    pub max: usize,
    pub what: &'static str,
}

impl Limit {
    /// The `limit` error at `path` (in `file`, when known).
    pub fn error(&self, file: Option<&str>, path: String) -> Error {
        Error::Limit { name: self.name, max: self.max, what: self.what, file: file.map(str::to_owned), path }
    }

    /// Refuses `count` above the maximum at `path`.
    pub fn check(&self, count: usize, path: &str) -> Result<(), Error> {
        if count > self.max {
            return Err(self.error(None, path.to_owned()));
        }
        Ok(())
    }

    /// Refuses a whole document (`file`) whose `count` is above the maximum.
    pub fn check_file(&self, count: usize, file: &str) -> Result<(), Error> {
        if count > self.max {
            return Err(self.error(Some(file), "(document)".into()));
        }
        Ok(())
    }
}

/// Bytes of one document (package, overlay, bundle, case).
pub const DOCUMENT_BYTES: Limit = Limit { name: "document_bytes", max: 4 << 20, what: "bytes in één document" };
/// Bytes of an answers document.
pub const ANSWERS_BYTES: Limit = Limit { name: "answers_bytes", max: 256 << 10, what: "bytes aan antwoorden" };
/// Keys in an answers object.
pub const ANSWER_KEYS: Limit = Limit { name: "answer_keys", max: 1_000, what: "antwoorden" };
/// Bytes of one string (a description, an id, an answer).
pub const STRING_BYTES: Limit = Limit { name: "string_bytes", max: 20_000, what: "bytes in één tekst" };
/// Nesting of arrays and objects in a document.
pub const JSON_DEPTH: Limit = Limit { name: "json_depth", max: 64, what: "niveaus van geneste lijsten en objecten" };
/// Questions in a package.
pub const QUESTIONS: Limit = Limit { name: "questions", max: 500, what: "vragen" };
/// Rules in one version (all areas together).
pub const RULES: Limit = Limit { name: "rules", max: 2_000, what: "regels in één versie" };
/// Rows in one table.
pub const TABLE_ROWS: Limit = Limit { name: "table_rows", max: 1_000, what: "rijen in één tabel" };
/// Files handed to the assembly at once (the checking page).
pub const FILES: Limit = Limit { name: "files", max: 2_000, what: "bestanden" };

/// How deep linked packages are followed (a linked package may link another):
/// the one depth, used by the assembly and by loading.
pub const LINK_DEPTH: usize = 4;

/// Every limit, in documentation order (expression depth is the parser's own, `MAX_DEPTH`).
pub const ALL: &[Limit] =
    &[DOCUMENT_BYTES, ANSWERS_BYTES, ANSWER_KEYS, STRING_BYTES, JSON_DEPTH, QUESTIONS, RULES, TABLE_ROWS, FILES];

/// At most 40 characters of a value for a message, with "…" when cut.
pub fn shorten(s: &str) -> String {
    const KEEP: usize = 40;
    match s.char_indices().nth(KEEP) {
        None => s.to_owned(),
        Some((i, _)) => format!("{}…", &s[..i]),
    }
}

/// Checks the counts of a package document (and the overlays and linked
/// packages it carries) before anything is built from it.
pub fn check_package(doc: &Value, path: &str) -> Result<(), Error> {
    let at = |p: &str| if path.is_empty() { p.to_owned() } else { format!("{path}.{p}") };
    if let Some(q) = doc.get("questions").and_then(Value::as_array) {
        QUESTIONS.check(q.len(), &at("questions"))?;
    }
    for (i, version) in doc.get("versions").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let rules: usize = version
            .get("areas")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| a.get("rules").and_then(Value::as_array).map(Vec::len))
            .sum();
        RULES.check(rules, &at(&format!("versions[{i}].areas")))?;
        for (name, table) in version.get("tables").and_then(Value::as_object).into_iter().flatten() {
            if let Some(rows) = table.get("rows").and_then(Value::as_object) {
                TABLE_ROWS.check(rows.len(), &at(&format!("versions[{i}].tables.{}.rows", shorten(name))))?;
            }
        }
    }
    for key in ["overlays", "linked"] {
        for (name, inner) in doc.get(key).and_then(Value::as_object).into_iter().flatten() {
            check_package(inner, &at(&format!("{key}.{}", shorten(name))))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_keeps_40_characters() {
        assert_eq!(shorten("kort"), "kort");
        let long = "é".repeat(50);
        assert_eq!(shorten(&long).chars().count(), 41);
        assert!(shorten(&long).ends_with('…'));
    }

    #[test]
    fn counts_are_checked_in_overlays_too() {
        let rows: serde_json::Map<String, Value> =
            (0..=TABLE_ROWS.max).map(|i| (i.to_string(), Value::Array(vec![]))).collect();
        let doc = serde_json::json!({"overlays": {"x": {"versions": [{"tables": {"t": {"rows": rows}}}]}}});
        let e = check_package(&doc, "").unwrap_err();
        assert_eq!(e.code(), "limit");
        assert_eq!(e.path(), Some("overlays.x.versions[0].tables.t.rows"));
    }
}
