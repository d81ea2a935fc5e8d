//! The strict JSON reader: bytes → `serde_json::Value`, used for every
//! document that comes in (package, overlay, case, answers) by the CLI, the
//! browser build and the checking page alike, so all three give one verdict.
//!
//! What it refuses, each with line and column (1-based, columns counted in
//! characters): invalid UTF-8, a byte-order mark (refused, not skipped: a BOM
//! is invisible in most editors, and `JSON.parse` and serde both refuse it
//! too), anything that is not JSON, a name that occurs twice in one object
//! (`duplicate_key`, with the path of the object: `serde_json` would keep the
//! last one silently), and documents, strings or nesting beyond the limits of
//! [`super::limits`].
//!
//! One hand-written parser, two trees: documents (package, overlay, case)
//! become a `serde_json::Value` with numbers as doubles ([`read`],
//! [`read_str`]; a number beyond a double is refused as not JSON), answers,
//! records and plan dates an [`AnswerValue`] with every number kept as
//! written and classified exactly ([`read_answers`], [`read_exact_str`]), so
//! nothing a resident typed is rounded and the resident module links no
//! float code.

use serde_json::{Map, Number, Value};

use super::answer_value::{AnswerMap, AnswerNumber, AnswerValue};
use super::limits::{self, Limit};
use crate::error::Error;

/// What a document is for: sets its size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A package, overlay or bundle document.
    Package,
    /// A conformance case.
    Case,
    /// Answers (and plan dates).
    Answers,
}

impl Kind {
    fn size_limit(self) -> Limit {
        match self {
            Kind::Package | Kind::Case => limits::DOCUMENT_BYTES,
            Kind::Answers => limits::ANSWERS_BYTES,
        }
    }
}

/// Reads a JSON document from bytes. `file` names it in errors (a file path,
/// or e.g. `(document)`).
pub fn read(bytes: &[u8], file: &str, kind: Kind) -> Result<Value, Error> {
    read_str(utf8(bytes, file, kind)?, file, kind)
}

/// Reads a JSON document from text (see [`read`]).
pub fn read_str(text: &str, file: &str, kind: Kind) -> Result<Value, Error> {
    parse::<Doubles>(text, file, kind)
}

/// Reads answers from bytes, numbers as written (see [`AnswerValue`]).
pub fn read_answers(bytes: &[u8], file: &str) -> Result<AnswerValue, Error> {
    read_exact_str(utf8(bytes, file, Kind::Answers)?, file, Kind::Answers)
}

/// Reads a JSON text with numbers as written: answers, plan dates and
/// records (`kind` sets the size limit).
pub fn read_exact_str(text: &str, file: &str, kind: Kind) -> Result<AnswerValue, Error> {
    parse::<Exact>(text, file, kind)
}

fn utf8<'a>(bytes: &'a [u8], file: &str, kind: Kind) -> Result<&'a str, Error> {
    kind.size_limit().check_file(bytes.len(), file)?;
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            // Whatever precedes the bad byte is valid UTF-8.
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_column(valid, valid.len());
            return Err(Error::InvalidJson {
                file: file.to_owned(),
                line,
                column,
                message: "het bestand is geen UTF-8-tekst (sla het op als UTF-8)".into(),
            });
        }
    };
    Ok(text)
}

fn parse<T: Tree>(text: &str, file: &str, kind: Kind) -> Result<T::Value, Error> {
    kind.size_limit().check_file(text.len(), file)?;
    if text.starts_with('\u{feff}') {
        return Err(Error::InvalidJson {
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: "het bestand begint met een onzichtbaar teken (een BOM); sla het op als UTF-8 zonder BOM".into(),
        });
    }
    let mut p = Parser::<T> { text, bytes: text.as_bytes(), pos: 0, tree: std::marker::PhantomData };
    let result = p.skip_ws().and_then(|_| p.value(0)).and_then(|v| {
        p.skip_ws()?;
        if p.pos < p.bytes.len() {
            return Err(p.fail("na het einde van het document staat nog tekst"));
        }
        Ok(v)
    });
    result.map_err(|f| f.into_error(text, file))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// Why parsing stopped, where, and the path to it (built on the way out).
struct Failure {
    pos: usize,
    reason: Reason,
    /// Path segments, innermost first.
    path: Vec<String>,
}

enum Reason {
    Syntax(String),
    Duplicate(String),
    Limit(Limit),
}

impl Failure {
    fn into_error(self, text: &str, file: &str) -> Error {
        let (line, column) = line_column(text, self.pos);
        let path = self.path.iter().rev().fold(String::new(), |mut acc, seg| {
            if !seg.starts_with('[') && !acc.is_empty() {
                acc.push('.');
            }
            acc.push_str(seg);
            acc
        });
        match self.reason {
            Reason::Syntax(message) => Error::InvalidJson { file: file.to_owned(), line, column, message },
            Reason::Duplicate(key) => Error::DuplicateKey {
                file: file.to_owned(),
                path: if path.is_empty() { "(document)".into() } else { path },
                key: limits::shorten(&key),
                line,
                column,
            },
            Reason::Limit(limit) => limit.error(Some(file), if path.is_empty() { "(document)".into() } else { path }),
        }
    }
}

/// Sorts an object's members by name (stably: equal names stay in text
/// order) and returns the first repeated name in text order, with its
/// position: where a reader checking name by name would stop.
fn first_duplicate<V>(members: &mut [(String, usize, V)]) -> Option<(usize, String)> {
    members.sort_by(|a, b| a.0.cmp(&b.0));
    let repeat = members.windows(2).filter(|w| w[0].0 == w[1].0).min_by_key(|w| w[1].1)?;
    Some((repeat[1].1, repeat[1].0.clone()))
}

/// What the parser builds: a `serde_json::Value` or an [`AnswerValue`].
trait Tree {
    type Value;
    fn null() -> Self::Value;
    fn bool(b: bool) -> Self::Value;
    /// A number literal (JSON syntax checked), or why it is refused.
    fn number(literal: &str, integer: bool) -> Result<Self::Value, &'static str>;
    fn string(s: String) -> Self::Value;
    fn array(items: Vec<Self::Value>) -> Self::Value;
    /// An object from its members (name, its position, value), sorted by
    /// name, each name once.
    fn object(members: Vec<(String, usize, Self::Value)>) -> Self::Value;
}

/// Documents: numbers as doubles, as serde_json reads them.
struct Doubles;

impl Tree for Doubles {
    type Value = Value;
    fn null() -> Value {
        Value::Null
    }
    fn bool(b: bool) -> Value {
        Value::Bool(b)
    }
    fn number(literal: &str, integer: bool) -> Result<Value, &'static str> {
        if integer {
            if let Ok(i) = literal.parse::<i64>() {
                return Ok(Value::Number(i.into()));
            }
            if let Ok(u) = literal.parse::<u64>() {
                return Ok(Value::Number(u.into()));
            }
        }
        let f: f64 = literal.parse().map_err(|_| "ongeldig getal")?;
        Number::from_f64(f).map(Value::Number).ok_or("het getal is te groot")
    }
    fn string(s: String) -> Value {
        Value::String(s)
    }
    fn array(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
    fn object(members: Vec<(String, usize, Value)>) -> Value {
        Value::Object(members.into_iter().map(|(key, _, value)| (key, value)).collect::<Map<String, Value>>())
    }
}

/// Answers, records, plan dates: numbers as written.
struct Exact;

impl Tree for Exact {
    type Value = AnswerValue;
    fn null() -> AnswerValue {
        AnswerValue::Null
    }
    fn bool(b: bool) -> AnswerValue {
        AnswerValue::Bool(b)
    }
    fn number(literal: &str, _: bool) -> Result<AnswerValue, &'static str> {
        Ok(AnswerValue::Number(AnswerNumber::from_literal(literal)))
    }
    fn string(s: String) -> AnswerValue {
        AnswerValue::String(s)
    }
    fn array(items: Vec<AnswerValue>) -> AnswerValue {
        AnswerValue::Array(items)
    }
    fn object(members: Vec<(String, usize, AnswerValue)>) -> AnswerValue {
        let mut map = Vec::with_capacity(members.len());
        for (key, _, value) in members {
            map.push((key, value));
        }
        AnswerValue::Object(AnswerMap::from_sorted(map))
    }
}

struct Parser<'a, T> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    tree: std::marker::PhantomData<T>,
}

type Parsed<T> = Result<T, Failure>;

impl<T: Tree> Parser<'_, T> {
    fn fail(&self, message: &str) -> Failure {
        Failure { pos: self.pos, reason: Reason::Syntax(message.into()), path: Vec::new() }
    }

    fn unexpected(&self) -> Failure {
        match self.text[self.pos.min(self.text.len())..].chars().next() {
            None => self.fail("het document houdt te vroeg op (mist er een } of ] aan het eind?)"),
            Some('\'') => self.fail("gebruik dubbele aanhalingstekens (\") in plaats van enkele"),
            // An invisible character by its code point; not `escape_debug`,
            // whose Unicode tables would be the only ones in the resident module.
            Some(c) if c.is_control() || c.is_whitespace() => {
                self.fail(&format!("onverwacht teken U+{:04X}", u32::from(c)))
            }
            Some(c) => self.fail(&format!("onverwacht teken '{c}'")),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) -> Parsed<()> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
        Ok(())
    }

    fn expect(&mut self, b: u8, message: &str) -> Parsed<()> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else if self.peek().is_none() {
            Err(self.unexpected())
        } else {
            Err(self.fail(message))
        }
    }

    fn value(&mut self, depth: usize) -> Parsed<T::Value> {
        if depth > limits::JSON_DEPTH.max {
            return Err(Failure { pos: self.pos, reason: Reason::Limit(limits::JSON_DEPTH), path: Vec::new() });
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(T::string),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", T::bool(true)),
            Some(b'f') => self.word("false", T::bool(false)),
            Some(b'n') => self.word("null", T::null()),
            _ => Err(self.unexpected()),
        }
    }

    fn word(&mut self, word: &str, value: T::Value) -> Parsed<T::Value> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    /// An object. Duplicate names are looked for once, when the object
    /// ends or fails, by sorting its names: a look-up per member in a sorted
    /// list would be quadratic in a crafted object of many names (the answers
    /// map is a sorted `Vec`, `answer_map.rs`). The error is still the one a
    /// reader checking name by name would give: whichever comes first in the
    /// text, the first repeated name or the failure.
    fn object(&mut self, depth: usize) -> Parsed<T::Value> {
        self.pos += 1;
        let mut members = Vec::new();
        let read = self.members(depth, &mut members);
        let duplicate = first_duplicate(&mut members);
        match (read, duplicate) {
            (Err(f), d) if d.as_ref().is_none_or(|(pos, _)| f.pos < *pos) => Err(f),
            (_, Some((pos, key))) => Err(Failure { pos, reason: Reason::Duplicate(key), path: Vec::new() }),
            (_, None) => Ok(T::object(members)),
        }
    }

    /// An object's members up to its `}`, in text order, each with the
    /// position of its name. A name whose value fails is in the list too
    /// (with `null`), so that `object` sees every name read.
    fn members(&mut self, depth: usize, members: &mut Vec<(String, usize, T::Value)>) -> Parsed<()> {
        self.skip_ws()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws()?;
            if self.peek() != Some(b'"') {
                return Err(if self.peek() == Some(b'}') {
                    self.fail("na het laatste onderdeel staat een komma; haal die komma weg")
                } else {
                    self.fail("hier hoort een naam tussen dubbele aanhalingstekens")
                });
            }
            let key_pos = self.pos;
            let key = self.string()?;
            members.push((key, key_pos, T::null()));
            self.skip_ws()?;
            self.expect(b':', "na een naam hoort een dubbele punt (:)")?;
            self.skip_ws()?;
            match self.value(depth + 1) {
                Ok(value) => {
                    if let Some(last) = members.last_mut() {
                        last.2 = value;
                    }
                }
                Err(mut f) => {
                    if let Some((key, ..)) = members.last() {
                        f.path.push(limits::shorten(key));
                    }
                    return Err(f);
                }
            }
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                None => return Err(self.unexpected()),
                Some(_) => return Err(self.fail("mist hier een komma tussen twee onderdelen, of een }?")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<T::Value> {
        self.pos += 1;
        let mut list = Vec::new();
        self.skip_ws()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(T::array(list));
        }
        loop {
            self.skip_ws()?;
            if self.peek() == Some(b']') {
                return Err(self.fail("na het laatste onderdeel staat een komma; haal die komma weg"));
            }
            let index = list.len();
            let value = self.value(depth + 1).map_err(|mut f| {
                f.path.push(format!("[{index}]"));
                f
            })?;
            list.push(value);
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(T::array(list));
                }
                None => return Err(self.unexpected()),
                Some(_) => return Err(self.fail("mist hier een komma tussen twee onderdelen, of een ]?")),
            }
        }
    }

    fn string(&mut self) -> Parsed<String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the plain run at once.
            let run = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run..self.pos]);
            match self.peek() {
                None => {
                    self.pos = start;
                    return Err(self.fail("een tekst tussen aanhalingstekens wordt niet afgesloten"));
                }
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.fail("een tekst mag geen regeleinde of tab bevatten (schrijf \\n of \\t)")),
            }
        }
        if out.len() > limits::STRING_BYTES.max {
            return Err(Failure { pos: start, reason: Reason::Limit(limits::STRING_BYTES), path: Vec::new() });
        }
        Ok(out)
    }

    fn escape(&mut self) -> Parsed<char> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) {
                    if self.bytes[self.pos..].starts_with(b"\\u") {
                        self.pos += 2;
                        let second = self.hex4()?;
                        if (0xDC00..0xE000).contains(&second) {
                            let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                            return char::from_u32(code).ok_or_else(|| self.fail("ongeldige \\u-code"));
                        }
                    }
                    return Err(self.fail("ongeldige \\u-code (een losse surrogaat)"));
                }
                return char::from_u32(first).ok_or_else(|| self.fail("ongeldige \\u-code (een losse surrogaat)"));
            }
            _ => return Err(self.fail("ongeldige \\-code in een tekst")),
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let digits = self.text.get(self.pos..self.pos + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let value =
            digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| self.fail("ongeldige \\u-code"))?;
        self.pos += 4;
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Parsed<T::Value> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = self.digits();
        if n == 0 {
            return Err(self.fail("een getal zonder cijfers"));
        }
        if n > 1 && self.bytes[int_start] == b'0' {
            return Err(Failure { pos: int_start, ..self.fail("een getal mag niet met een 0 beginnen") });
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            integer = false;
            if self.digits() == 0 {
                return Err(self.fail("na de punt in een getal horen cijfers"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.fail("na de e in een getal horen cijfers"));
            }
        }
        T::number(&self.text[start..self.pos], integer).map_err(|message| Failure { pos: start, ..self.fail(message) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> Error {
        read(text.as_bytes(), "x.json", Kind::Package).unwrap_err()
    }

    #[test]
    fn reads_json_like_serde() {
        let text = r#"{"a": [1, -2, 2.5, 1e2, "t\u00e9\n\ud83d\ude00", true, null, {}], "b": 18446744073709551615}"#;
        let ours = read(text.as_bytes(), "x", Kind::Package).unwrap();
        let theirs: Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn duplicate_keys_are_refused_with_their_path() {
        let e = err("{\"versions\": [{\"values\": {\n  \"amount\": 1,\n  \"amount\": 2}}]}");
        assert_eq!(e.code(), "duplicate_key");
        match e {
            Error::DuplicateKey { path, key, line, column, .. } => {
                assert_eq!((path.as_str(), key.as_str(), line, column), ("versions[0].values", "amount", 3, 3));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(err(r#"{"a":1,"a":1}"#).path(), Some("(document)"));
    }

    /// Names are checked for repeats when an object ends or fails, not one
    /// by one; the error is still the first one in the text, as a reader
    /// checking each name would give it (both trees).
    #[test]
    fn the_first_error_in_the_text_wins_a_repeated_name_or_a_failure() {
        let first = |text: &str| {
            let exact = read_exact_str(text, "x.json", Kind::Answers).unwrap_err();
            let doubles = err(text);
            assert_eq!(exact.to_string(), doubles.to_string(), "{text}");
            (exact.code(), exact.path().map(str::to_owned), exact.to_string())
        };
        let repeated = |text: &str, path: &str, key: &str, column: usize| {
            let (code, at, message) = first(text);
            assert_eq!((code, at.as_deref()), ("duplicate_key", Some(path)), "{text}: {message}");
            assert!(
                message.contains(&format!("'{key}'")) && message.contains(&format!("kolom {column}")),
                "{text}: {message}"
            );
        };
        repeated(r#"{"a":1,"a":tru}"#, "(document)", "a", 8);
        repeated(r#"{"a":1,"a"}"#, "(document)", "a", 8);
        repeated(r#"{"a":1,"a":1"#, "(document)", "a", 8);
        repeated(r#"{"b":1,"a":1,"b":2,"a":3}"#, "(document)", "b", 14);
        repeated(r#"{"a":{"b":1,"b":2},"a":1}"#, "a", "b", 13);
        repeated(r#"{"a":1,"a":{"b":1,"b":2}}"#, "(document)", "a", 8);
        repeated(r#"{"x":[{"a":1,"a":2}],"x":1}"#, "x[0]", "a", 14);
        assert_eq!(first(r#"{"a":tru,"a":1}"#).0, "invalid_json");
        assert_eq!(first(r#"{"a":1,"b":[tru],"a":1}"#).0, "invalid_json");
        assert_eq!(first(r#"{"a":1 "a":1}"#).0, "invalid_json");
    }

    /// Many names in reverse order: read in one sort, in name order.
    #[test]
    fn a_large_object_in_reverse_order_reads_sorted() {
        let n = 40_000;
        let members: Vec<String> = (0..n).rev().map(|i| format!("\"k{i:05}\":{i}")).collect();
        let text = format!("{{{}}}", members.join(","));
        let value = read_exact_str(&text, "x", Kind::Case).unwrap();
        let map = value.as_object().unwrap();
        assert_eq!(map.len(), n);
        assert!(map.keys().zip(map.keys().skip(1)).all(|(a, b)| a < b));
        assert_eq!(map.get("k00007").and_then(AnswerValue::as_i64), Some(7));
        let repeat = format!("{{{},\"k00000\":1}}", members.join(","));
        assert_eq!(read_exact_str(&repeat, "x", Kind::Case).unwrap_err().code(), "duplicate_key");
    }

    #[test]
    fn bom_utf8_and_syntax_errors_have_line_and_column() {
        let bom = read(b"\xef\xbb\xbf{}", "x", Kind::Package).unwrap_err();
        assert_eq!((bom.code(), bom.to_object().line, bom.to_object().column), ("invalid_json", Some(1), Some(1)));
        let bad = read(b"{\n \"a\": \"\xff\"}", "x", Kind::Package).unwrap_err();
        assert_eq!((bad.code(), bad.to_object().line, bad.to_object().column), ("invalid_json", Some(2), Some(8)));
        let comma = err("{\"a\": 1,\n}");
        assert_eq!((comma.to_object().line, comma.to_object().column), (Some(2), Some(1)));
        assert!(comma.to_string().contains("komma"), "{comma}");
        let short = err("{\"a\": [1, 2");
        assert!(short.to_string().contains("te vroeg"), "{short}");
        assert!(err("{\"a\": \u{a0}1}").to_string().contains("onverwacht teken U+00A0"));
        assert!(err("{\"a\": \u{1}}").to_string().contains("onverwacht teken U+0001"));
        assert!(err("{\"a\": é}").to_string().contains("onverwacht teken 'é'"));
        for text in ["", "01", "1.", "-", "[1,]", "{'a':1}", "\"\t\"", "nul", "1 2", "\"\\ud800\""] {
            assert_eq!(err(text).code(), "invalid_json", "{text:?}");
        }
    }

    #[test]
    fn answers_keep_numbers_as_written_documents_refuse_beyond_a_double() {
        use crate::input::answer_value::Exactly;
        let a = read_answers(b"{\"n\": 1e400, \"m\": -0, \"f\": 1.00000000000000001, \"w\": 2.0}", "a").unwrap();
        let number = |key: &str| match a.get(key) {
            Some(AnswerValue::Number(n)) => (n.literal().to_owned(), n.exactly()),
            other => panic!("{other:?}"),
        };
        assert_eq!(number("n"), ("1e400".into(), Exactly::HugeWhole));
        assert_eq!(number("m"), ("-0".into(), Exactly::Whole(0)));
        assert_eq!(number("f"), ("1.00000000000000001".into(), Exactly::Fraction));
        assert_eq!(number("w"), ("2.0".into(), Exactly::Whole(2)));
        assert_eq!(err("{\"n\": 1e400}").code(), "invalid_json");
        // The same syntax rules and positions in both trees.
        for text in ["", "01", "1.", "-", "[1,]", "{'a':1}", "\"\t\"", "nul", "1 2", "{\"a\":1,\"a\":2}"] {
            let (ours, theirs) = (read_answers(text.as_bytes(), "a").unwrap_err(), err(text));
            assert_eq!(ours.to_object().code, theirs.to_object().code, "{text:?}");
            assert_eq!(ours.to_object().column, theirs.to_object().column, "{text:?}");
        }
    }

    #[test]
    fn a_literal_of_a_million_digits_is_refused_by_the_answers_limit_at_once() {
        let started = std::time::Instant::now();
        let text = format!("{{\"n\": 1{}}}", "0".repeat(1_000_000));
        let e = read_answers(text.as_bytes(), "a").unwrap_err();
        assert_eq!((e.code(), e.to_object().limit), ("limit", Some("answers_bytes")));
        // The largest literal the limit lets through is classified quickly.
        let text = format!("{{\"n\": 1{}e-250000}}", "0".repeat(250_000));
        assert_eq!(read_answers(text.as_bytes(), "a").unwrap().get("n").and_then(AnswerValue::as_i64), Some(1));
        assert!(started.elapsed().as_secs() < 2);
    }

    #[test]
    fn limits_are_coded() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(err(&deep).code(), "limit");
        let long = format!("{{\"d\": \"{}\"}}", "x".repeat(limits::STRING_BYTES.max + 1));
        let e = err(&long);
        assert_eq!(e.code(), "limit");
        assert!(e.to_string().len() < 300, "{e}");
    }
}
