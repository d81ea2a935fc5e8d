//! Households from a JSON Lines file, read as bytes and streamed: one
//! [`Row`] per non-blank line, in file order, with the file's real line
//! number. `batch` and `compare` share this reader (and a caseload `impact`
//! can: it holds only the ids seen so far, never the whole input).
//!
//! A line is either the answers object itself or
//! `{"id"?, "answers", "date"?, "municipality"?}`. Every line gets a row:
//! - its id is its own `id` (a non-empty string, or an integer as its
//!   digits), else its line number;
//! - a line that is not UTF-8, not JSON, or has a bad field is refused on
//!   its own, naming its line, and reading goes on;
//! - an id seen before (own or line number) is refused as `duplicate_id`,
//!   naming both lines;
//! - blank lines are skipped, but still counted.

use std::collections::HashMap;
use std::io::BufRead;

use rules_core::{Date, Error, ErrorObject};
use serde_json::Value;

use crate::Failure;

/// Code of a refused line whose id came earlier in the input.
pub const DUPLICATE_ID: &str = "duplicate_id";

/// One household to evaluate.
pub struct Household {
    pub line: usize,
    pub id: String,
    pub answers: Value,
    pub date: Option<Date>,
    pub municipality: Option<String>,
}

/// A line refused before evaluation.
pub struct Refused {
    pub line: usize,
    pub id: String,
    pub error: ErrorObject,
}

pub type Row = Result<Household, Refused>;

/// Fields of the wrapped form.
const FIELDS: [&str; 4] = ["id", "answers", "date", "municipality"];

pub struct Reader<R: BufRead> {
    input: R,
    name: String,
    line: usize,
    bytes: u64,
    buf: Vec<u8>,
    /// Every id so far, with the line it was first on.
    seen: HashMap<String, usize>,
}

impl<R: BufRead> Reader<R> {
    /// `name` is the file name used in read errors.
    pub fn new(input: R, name: String) -> Self {
        Reader { input, name, line: 0, bytes: 0, buf: Vec::new(), seen: HashMap::new() }
    }

    /// Bytes consumed so far (for a progress bar over the file size).
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// The next row, `None` at the end; `Err` only when the file itself cannot be read.
    pub fn next_row(&mut self) -> Result<Option<Row>, Failure> {
        loop {
            self.buf.clear();
            let n = self
                .input
                .read_until(b'\n', &mut self.buf)
                .map_err(|e| Failure::Io(format!("kan {} niet lezen na regel {}: {e}", self.name, self.line)))?;
            if n == 0 {
                return Ok(None);
            }
            self.bytes += n as u64;
            self.line += 1;
            let bytes = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = self.line;
            let row = parse(bytes, line);
            return Ok(Some(self.check_id(row)));
        }
    }

    /// Refuses a row whose id an earlier row already had.
    fn check_id(&mut self, row: Row) -> Row {
        let id = match &row {
            Ok(h) => &h.id,
            Err(r) => &r.id,
        };
        match self.seen.get(id) {
            Some(&first) => {
                let id = id.clone();
                let message = format!("regel {}: id '{id}' staat ook op regel {first}", self.line);
                Err(Refused { line: self.line, id, error: coded(DUPLICATE_ID, message) })
            }
            None => {
                self.seen.insert(id.clone(), self.line);
                row
            }
        }
    }
}

fn coded(code: &'static str, message: String) -> ErrorObject {
    ErrorObject { code, message, question: None, path: None, line: None, column: None, detail: None }
}

/// One non-blank line (without its line ending) into a household.
fn parse(bytes: &[u8], line: usize) -> Row {
    let invalid = Error::InvalidAnswers { message: String::new() }.code();
    let refuse =
        |id: String, message: String| Refused { line, id, error: coded(invalid, format!("regel {line}: {message}")) };
    let text = std::str::from_utf8(bytes)
        .map_err(|e| refuse(line.to_string(), format!("geen geldige UTF-8 (byte {})", e.valid_up_to() + 1)))?;
    let value = parse_json(text).map_err(|e| refuse(line.to_string(), format!("geen geldige JSON: {e}")))?;
    let Some(object) = value.as_object().filter(|o| o.contains_key("answers")) else {
        return Ok(Household { line, id: line.to_string(), answers: value, date: None, municipality: None });
    };
    let id = match object.get("id") {
        None => line.to_string(),
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
        Some(_) => return Err(refuse(line.to_string(), "'id' moet een tekst of een heel getal zijn".into())),
    };
    if let Some(key) = object.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(refuse(id, format!("onbekend veld '{key}' (mogelijk: {})", FIELDS.join(", "))));
    }
    let date = match object.get("date") {
        None => None,
        Some(Value::String(d)) => match Date::parse(d) {
            Some(date) => Some(date),
            None => {
                let mut error = Error::InvalidDate { question: None, value: d.clone() }.to_object();
                error.message = format!("regel {line}: {}", error.message);
                return Err(Refused { line, id, error });
            }
        },
        Some(_) => return Err(refuse(id, "'date' moet een datum als tekst zijn (JJJJ-MM-DD)".into())),
    };
    let municipality = match object.get("municipality") {
        None => None,
        Some(Value::String(m)) => Some(m.clone()),
        Some(_) => return Err(refuse(id, "'municipality' moet een tekst zijn".into())),
    };
    let answers = object.get("answers").cloned().unwrap_or(Value::Null);
    Ok(Household { line, id, answers, date, municipality })
}

/// The one place a line's JSON text is parsed.
fn parse_json(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(input: &[u8]) -> Vec<Row> {
        let mut reader = Reader::new(input, "test".into());
        let mut out = Vec::new();
        while let Ok(Some(row)) = reader.next_row() {
            out.push(row);
        }
        out
    }

    fn summary(row: &Row) -> (usize, String, &'static str) {
        match row {
            Ok(h) => (h.line, h.id.clone(), "ok"),
            Err(r) => (r.line, r.id.clone(), r.error.code),
        }
    }

    #[test]
    fn every_line_gets_a_row_with_its_real_line_number() {
        let input =
            b"{\"id\":\"a\",\"answers\":{}}\n\n  \r\n{not json\n{\"x\":1}\r\n\xff\xfe\n{\"id\":7,\"answers\":{}}";
        let got: Vec<_> = rows(input).iter().map(summary).collect();
        assert_eq!(
            got,
            [
                (1, "a".into(), "ok"),
                (4, "4".into(), "invalid_answers"),
                (5, "5".into(), "ok"),
                (6, "6".into(), "invalid_answers"),
                (7, "7".into(), "ok"),
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_refused_naming_both_lines() {
        let input = b"{\"id\":\"a\",\"answers\":{}}\n{\"id\":\"a\",\"answers\":{}}\n{}\n{\"id\":3,\"answers\":{}}\n";
        let got = rows(input);
        let Err(r) = &got[1] else { panic!("refused") };
        assert_eq!((r.error.code, r.error.message.as_str()), (DUPLICATE_ID, "regel 2: id 'a' staat ook op regel 1"));
        // Line 4's own id 3 is the id of line 3, which has none of its own.
        assert_eq!(summary(&got[2]), (3, "3".into(), "ok"));
        assert_eq!(summary(&got[3]), (4, "3".into(), DUPLICATE_ID));
    }

    #[test]
    fn bad_fields_are_refused_not_ignored() {
        let input = b"{\"id\":true,\"answers\":{}}\n{\"id\":\"b\",\"answers\":{},\"date\":20240101}\n{\"id\":\"c\",\"answers\":{},\"date\":\"2024-02-30\"}\n{\"id\":\"d\",\"answers\":{},\"municipality\":1}\n{\"id\":\"e\",\"answers\":{},\"gemeente\":\"delft\"}\n";
        let got: Vec<_> = rows(input).iter().map(summary).collect();
        assert_eq!(
            got,
            [
                (1, "1".into(), "invalid_answers"),
                (2, "b".into(), "invalid_answers"),
                (3, "c".into(), "invalid_date"),
                (4, "d".into(), "invalid_answers"),
                (5, "e".into(), "invalid_answers"),
            ]
        );
    }
}
