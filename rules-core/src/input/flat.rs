//! Answers read in one pass without a tree: the common answers object
//! (`{"key": scalar, …}`, no escapes, no nesting, a few dozen members) as
//! borrowed keys and values, so `evaluate` and `figures` allocate nothing per
//! key or number ([`ReadAnswers`], `docs/performance.md`, w19).
//!
//! The quick reader only ever says "yes, and here it is" or "not mine": it
//! accepts a strict subset of what [`super::json::read_exact_str`] accepts
//! and gives the same members. Anything else (an error of any kind, an
//! escape, a nested value, a long text, many members) goes to the strict
//! reader, which gives the verdict and the error as before. A test holds the
//! two equal on every case of every package and the hostile fixtures.

use std::borrow::Cow;

use super::answer_value::{AnswerValue, Exactly};
use super::json::{self, Kind};
use super::limits;
use crate::error::Error;

/// Members beyond this go to the strict reader (duplicate keys are found by
/// comparing each key with the earlier ones).
const MAX_MEMBERS: usize = 64;

/// One answer as written: the quick reader's only values. (`null` is no
/// right answer to any question, so it goes to the strict reader too.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar<'a> {
    Bool(bool),
    Number { literal: &'a str, exactly: Exactly },
    String(&'a str),
}

/// Answers as they came in: flat and borrowed when the quick reader took
/// them, else the strict reader's tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadAnswers<'a> {
    /// The members in the order written (no key twice), and the text.
    Flat {
        members: Vec<(&'a str, Scalar<'a>)>,
        text: &'a str,
    },
    Tree(AnswerValue),
}

/// What answers texts are called in errors (as the browser build names them).
const FILE: &str = "(antwoorden)";

impl<'a> ReadAnswers<'a> {
    /// Reads answers JSON text: the same verdict, errors and values as
    /// `json::read_exact_str(text, "(antwoorden)", Kind::Answers)`.
    pub fn read(text: &'a str) -> Result<ReadAnswers<'a>, Error> {
        match quick(text) {
            Some(members) => Ok(ReadAnswers::Flat { members, text }),
            None => json::read_exact_str(text, FILE, Kind::Answers).map(ReadAnswers::Tree),
        }
    }

    /// The strict reader's tree, for the paths that need one: flat answers
    /// are read again by it, so that what they get is exactly what it gives
    /// (an error only if the quick reader took a text it refuses).
    pub fn tree(&self) -> Result<Cow<'_, AnswerValue>, Error> {
        match self {
            ReadAnswers::Tree(v) => Ok(Cow::Borrowed(v)),
            ReadAnswers::Flat { text, .. } => json::read_exact_str(text, FILE, Kind::Answers).map(Cow::Owned),
        }
    }
}

/// The members of a flat answers object, or `None` for anything else.
fn quick(text: &str) -> Option<Vec<(&str, Scalar<'_>)>> {
    if text.len() > limits::ANSWERS_BYTES.max {
        return None;
    }
    let mut r = Quick { text, bytes: text.as_bytes(), pos: 0 };
    r.ws();
    r.eat(b'{')?;
    let mut members: Vec<(&str, Scalar<'_>)> = Vec::with_capacity(24);
    r.ws();
    if r.peek() == Some(b'}') {
        r.pos += 1;
    } else {
        loop {
            r.ws();
            let key = r.string()?;
            if members.len() == MAX_MEMBERS || members.iter().any(|&(k, _)| k == key) {
                return None;
            }
            r.ws();
            r.eat(b':')?;
            r.ws();
            let value = r.scalar()?;
            members.push((key, value));
            r.ws();
            match r.peek()? {
                b',' => r.pos += 1,
                b'}' => {
                    r.pos += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    r.ws();
    (r.pos == r.bytes.len()).then_some(members)
}

struct Quick<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Quick<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek() == Some(b)).then(|| self.pos += 1)
    }

    fn word(&mut self, word: &[u8], value: Scalar<'a>) -> Option<Scalar<'a>> {
        self.bytes[self.pos..].starts_with(word).then(|| {
            self.pos += word.len();
            value
        })
    }

    /// A string without escapes or control characters, within the limit.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' | 0..=0x1f => return None,
                _ => self.pos += 1,
            }
        }
        let s = self.text.get(start..self.pos)?;
        self.pos += 1;
        (s.len() <= limits::STRING_BYTES.max).then_some(s)
    }

    fn scalar(&mut self) -> Option<Scalar<'a>> {
        match self.peek()? {
            b'"' => self.string().map(Scalar::String),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.word(b"true", Scalar::Bool(true)),
            b'f' => self.word(b"false", Scalar::Bool(false)),
            _ => None,
        }
    }

    /// A whole number written plainly (`-?(0|[1-9][0-9]*)`, at most 18
    /// digits); a fraction, an exponent or a longer literal goes to the
    /// strict reader, which classifies it exactly.
    fn number(&mut self) -> Option<Scalar<'a>> {
        let start = self.pos;
        let negative = self.eat(b'-').is_some();
        let digits = self.pos;
        let mut value: i64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            // Wraps only beyond 18 digits, which are refused below.
            value = value.wrapping_mul(10).wrapping_add(i64::from(d - b'0'));
            self.pos += 1;
        }
        let n = self.pos - digits;
        if n == 0 || n > 18 || (n > 1 && self.bytes[digits] == b'0') || matches!(self.peek(), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        let literal = self.text.get(start..self.pos)?;
        Some(Scalar::Number { literal, exactly: Exactly::Whole(if negative { -value } else { value }) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(text: &str) {
        let strict = json::read_exact_str(text, FILE, Kind::Answers);
        let read = ReadAnswers::read(text);
        match (&strict, &read) {
            (Ok(tree), Ok(r)) => {
                assert_eq!(&*r.tree().unwrap(), tree, "{text:?}");
                if let ReadAnswers::Flat { members, .. } = r {
                    let map = tree.as_object().unwrap();
                    assert_eq!(members.len(), map.len(), "{text:?}");
                    for (k, v) in members {
                        match (v, map.get(k).unwrap()) {
                            (Scalar::Bool(a), AnswerValue::Bool(b)) => assert_eq!(a, b),
                            (Scalar::String(a), AnswerValue::String(b)) => assert_eq!(a, b),
                            (Scalar::Number { literal, exactly }, AnswerValue::Number(n)) => {
                                assert_eq!((n.literal(), n.exactly()), (*literal, *exactly), "{text:?}")
                            }
                            other => panic!("{text:?}: {other:?}"),
                        }
                    }
                }
            }
            (Err(a), Err(b)) => assert_eq!(a, b, "{text:?}"),
            _ => panic!("{text:?}: {strict:?} against {read:?}"),
        }
    }

    #[test]
    fn takes_the_common_object_and_gives_the_strict_readers_members() {
        let text = r#" { "a": true, "b": 12, "c": "x é", "e": -0, "f": -999999999999999999, "h": false } "#;
        let Ok(ReadAnswers::Flat { members, .. }) = ReadAnswers::read(text) else { panic!() };
        assert_eq!(members.len(), 6);
        assert_eq!(members[3].1, Scalar::Number { literal: "-0", exactly: Exactly::Whole(0) });
        same(text);
        same("{}");
        same("{\"n\": 999999999999999999, \"m\": -999999999999999999, \"k\": 9223372036854775808}");
    }

    #[test]
    fn leaves_everything_else_to_the_strict_reader() {
        let long = format!("{{\"d\": \"{}\"}}", "x".repeat(limits::STRING_BYTES.max + 1));
        let many = format!("{{{}}}", (0..70).map(|i| format!("\"k{i}\": {i}")).collect::<Vec<_>>().join(","));
        for text in [
            "",
            "[]",
            "1",
            "\"x\"",
            "null",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1}x",
            "{\"a\":1,\"a\":2}",
            "{\"a\":\"\\u00e9\"}",
            "{\"a\\n\":1}",
            "{\"a\":[1]}",
            "{\"a\":{}}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":-}",
            "{\"a\":1e}",
            "{\"a\":tru}",
            "{\"a\":\"\t\"}",
            "\u{feff}{}",
            "{'a':1}",
            "{\"a\":1.00000000000000001}",
            &long,
            &many,
        ] {
            same(text);
        }
        assert!(matches!(ReadAnswers::read("{\"a\":[1]}"), Ok(ReadAnswers::Tree(_))));
    }
}
