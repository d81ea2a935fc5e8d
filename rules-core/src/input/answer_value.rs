//! A JSON value for answers (and records and plan dates, which carry
//! answers' kind of data), with every number kept **as written**.
//!
//! `serde_json::Value` reads a number as a double, so it rounds what a
//! resident typed (`1.00000000000000001` became 1, `1e400` became null) and
//! any `Display` of its `Number` links float formatting. Here a number is its
//! literal plus an exact classification ([`Exactly`]): whole inside `i64`,
//! whole beyond it, or a fraction. Whole means the exact decimal value is
//! whole, so `2.0`, `2e0`, `20e-1` and `-0` are the whole numbers 2 and 0
//! (JavaScript cannot tell them apart from 2 and 0 either). Messages echo the
//! literal as written. No floats anywhere: the resident module links no
//! float parsing or formatting (`docs/performance.md`, w16).

use crate::json_out::{JsonOut, WriteJson};

pub use super::answer_map::AnswerMap;

/// A JSON value whose numbers are kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AnswerValue {
    #[default]
    Null,
    Bool(bool),
    Number(AnswerNumber),
    String(String),
    Array(Vec<AnswerValue>),
    Object(AnswerMap),
}

/// A number literal and what it is exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerNumber {
    literal: Box<str>,
    exactly: Exactly,
}

/// The exact value of a number literal, as far as answers need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exactly {
    /// A whole number inside `i64`.
    Whole(i64),
    /// A whole number outside `i64` (always outside every question's range).
    HugeWhole,
    /// Not whole.
    Fraction,
}

impl AnswerNumber {
    /// A whole number, written in decimal.
    pub fn from_i64(n: i64) -> AnswerNumber {
        AnswerNumber { literal: itoa::Buffer::new().format(n).into(), exactly: Exactly::Whole(n) }
    }

    /// Reads a JSON number literal (already checked to be one by the
    /// reader): linear in its length, whatever its exponent.
    pub fn from_literal(literal: &str) -> AnswerNumber {
        AnswerNumber { literal: literal.into(), exactly: classify(literal) }
    }

    /// The number as written.
    pub fn literal(&self) -> &str {
        &self.literal
    }

    pub fn exactly(&self) -> Exactly {
        self.exactly
    }

    /// The value when it is whole and inside `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self.exactly {
            Exactly::Whole(n) => Some(n),
            _ => None,
        }
    }
}

/// The exact classification of a JSON number literal
/// (`-? int (. frac)? ([eE] [+-]? exp)?`, as the strict reader accepts it).
fn classify(literal: &str) -> Exactly {
    let bytes = literal.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let body = if negative { &bytes[1..] } else { bytes };
    let (mantissa, exponent) = match body.iter().position(|b| matches!(b, b'e' | b'E')) {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, &b""[..]),
    };
    let (int, frac) = match mantissa.iter().position(|&b| b == b'.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, &b""[..]),
    };
    // The significant digits, without leading and trailing zeros.
    let digits: Vec<u8> = int.iter().chain(frac).copied().collect();
    let first = digits.iter().position(|&d| d != b'0');
    let Some(first) = first else { return Exactly::Whole(0) };
    let last = digits.iter().rposition(|&d| d != b'0').unwrap_or(first);
    let significant = &digits[first..=last];
    let trailing_zeros = digits.len() - 1 - last;
    // value = significant × 10^scale. The literal is at most a few hundred KB
    // (the answers limit), so a saturated exponent decides alike.
    let scale = exponent_of(exponent).saturating_sub(frac.len() as i64).saturating_add(trailing_zeros as i64);
    if scale < 0 {
        // `significant` ends in a non-zero digit: never whole.
        return Exactly::Fraction;
    }
    // Beyond 19 digits it is beyond i64 (≥ 10^19).
    if significant.len() as i64 + scale > 19 {
        return Exactly::HugeWhole;
    }
    let mut value: i64 = 0;
    for &d in significant {
        value = match value.checked_mul(10).and_then(|v| v.checked_sub(i64::from(d - b'0'))) {
            Some(v) => v,
            None => return Exactly::HugeWhole,
        };
    }
    for _ in 0..scale {
        value = match value.checked_mul(10) {
            Some(v) => v,
            None => return Exactly::HugeWhole,
        };
    }
    // Accumulated as a negative number, so that i64::MIN fits.
    if negative {
        Exactly::Whole(value)
    } else {
        value.checked_neg().map_or(Exactly::HugeWhole, Exactly::Whole)
    }
}

/// An exponent's value (`[+-]? digits`), saturated far beyond any literal's length.
fn exponent_of(exponent: &[u8]) -> i64 {
    const CAP: i64 = 1 << 40;
    let (negative, digits) = match exponent.first() {
        Some(b'-') => (true, &exponent[1..]),
        Some(b'+') => (false, &exponent[1..]),
        _ => (false, exponent),
    };
    let mut value: i64 = 0;
    for &d in digits {
        value = (value * 10 + i64::from(d - b'0')).min(CAP);
    }
    if negative {
        -value
    } else {
        value
    }
}

impl AnswerValue {
    pub fn as_object(&self) -> Option<&AnswerMap> {
        match self {
            AnswerValue::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut AnswerMap> {
        match self {
            AnswerValue::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            AnswerValue::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            AnswerValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A whole number inside `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            AnswerValue::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, AnswerValue::Null)
    }

    /// An object's member (`None` for a missing key or a non-object).
    pub fn get(&self, key: &str) -> Option<&AnswerValue> {
        self.as_object().and_then(|m| m.get(key))
    }

    /// Plain-language kind of a value, for "expected …, niet …" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            AnswerValue::Null => "null",
            AnswerValue::Bool(_) => "ja/nee (true/false)",
            AnswerValue::Number(_) => "een getal",
            AnswerValue::String(_) => "een tekst",
            AnswerValue::Array(_) => "een lijst",
            AnswerValue::Object(_) => "een object",
        }
    }
}

impl From<i64> for AnswerValue {
    fn from(n: i64) -> AnswerValue {
        AnswerValue::Number(AnswerNumber::from_i64(n))
    }
}

impl From<bool> for AnswerValue {
    fn from(b: bool) -> AnswerValue {
        AnswerValue::Bool(b)
    }
}

impl From<&str> for AnswerValue {
    fn from(s: &str) -> AnswerValue {
        AnswerValue::String(s.to_owned())
    }
}

impl From<String> for AnswerValue {
    fn from(s: String) -> AnswerValue {
        AnswerValue::String(s)
    }
}

impl From<AnswerMap> for AnswerValue {
    fn from(map: AnswerMap) -> AnswerValue {
        AnswerValue::Object(map)
    }
}

/// For answers the tools side already holds as `serde_json::Value` (cases
/// in a package folder, a caseload's JSON Lines, tests): a double becomes
/// the whole number it holds when it holds one exactly, written as that
/// integer, else its shortest form with its classification.
impl From<&serde_json::Value> for AnswerValue {
    fn from(value: &serde_json::Value) -> AnswerValue {
        use serde_json::Value;
        match value {
            Value::Null => AnswerValue::Null,
            Value::Bool(b) => AnswerValue::Bool(*b),
            Value::Number(n) => AnswerValue::Number(match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => AnswerNumber::from_i64(i),
                // Exactly representable and inside i64: the cast is exact.
                (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => AnswerNumber::from_i64(f as i64),
                (None, Some(f)) => AnswerNumber {
                    literal: n.to_string().into(),
                    exactly: if f.is_finite() && f.fract() == 0.0 { Exactly::HugeWhole } else { Exactly::Fraction },
                },
                (None, None) => AnswerNumber { literal: n.to_string().into(), exactly: Exactly::HugeWhole },
            }),
            Value::String(s) => AnswerValue::String(s.clone()),
            Value::Array(items) => AnswerValue::Array(items.iter().map(AnswerValue::from).collect()),
            Value::Object(map) => AnswerValue::Object(map.iter().map(|(k, v)| (k.clone(), v.into())).collect()),
        }
    }
}

impl From<serde_json::Value> for AnswerValue {
    fn from(value: serde_json::Value) -> AnswerValue {
        AnswerValue::from(&value)
    }
}

/// Written as compact JSON, numbers as written (they were read as JSON).
impl WriteJson for AnswerValue {
    fn write_json(&self, out: &mut JsonOut) {
        match self {
            AnswerValue::Null => out.null(),
            AnswerValue::Bool(b) => out.bool(*b),
            AnswerValue::Number(n) => out.raw(n.literal()),
            AnswerValue::String(s) => out.str(s),
            AnswerValue::Array(items) => items.as_slice().write_json(out),
            AnswerValue::Object(map) => map.write_json(out),
        }
    }
}

impl WriteJson for AnswerMap {
    fn write_json(&self, out: &mut JsonOut) {
        out.begin_object();
        for (k, v) in self {
            out.field(k, v);
        }
        out.end_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(literal: &str) -> Exactly {
        AnswerNumber::from_literal(literal).exactly()
    }

    #[test]
    fn whole_numbers_are_whole_however_written() {
        for literal in ["2", "2.0", "2e0", "20e-1", "0.2e1", "2.000e+0", "200e-2", "2E0"] {
            assert_eq!(class(literal), Exactly::Whole(2), "{literal}");
        }
        for literal in ["0", "-0", "0.0", "-0.0e5", "0e-99999999999999999999", "0.000"] {
            assert_eq!(class(literal), Exactly::Whole(0), "{literal}");
        }
        assert_eq!(class("-12"), Exactly::Whole(-12));
        assert_eq!(class("9223372036854775807"), Exactly::Whole(i64::MAX));
        assert_eq!(class("-9223372036854775808"), Exactly::Whole(i64::MIN));
        assert_eq!(class("1e18"), Exactly::Whole(1_000_000_000_000_000_000));
    }

    #[test]
    fn fractions_are_fractions_however_close_to_whole() {
        for literal in ["2.5", "1.00000000000000001", "-0.1", "25e-1", "1e-1", "1e-99999999999999999999", "0.5e0"] {
            assert_eq!(class(literal), Exactly::Fraction, "{literal}");
        }
    }

    #[test]
    fn huge_whole_numbers_are_huge_and_keep_their_literal() {
        for literal in [
            "9223372036854775808",
            "-9223372036854775809",
            "100000000000000000000",
            "1e19",
            "1e400",
            "-1e400",
            "1e99999999999999999999999",
            "12345678901234567890.0",
        ] {
            assert_eq!(class(literal), Exactly::HugeWhole, "{literal}");
        }
        assert_eq!(AnswerNumber::from_literal("1e400").literal(), "1e400");
    }

    #[test]
    fn a_million_digits_is_classified_in_linear_time() {
        let whole = format!("1{}", "0".repeat(1_000_000));
        let fraction = format!("0.{}1", "0".repeat(1_000_000));
        let small = format!("{}e-1000000", whole);
        let started = std::time::Instant::now();
        assert_eq!(class(&whole), Exactly::HugeWhole);
        assert_eq!(class(&fraction), Exactly::Fraction);
        assert_eq!(class(&small), Exactly::Whole(1));
        assert!(started.elapsed().as_secs() < 2);
    }

    #[test]
    fn serde_values_convert_as_their_doubles_hold_them() {
        let v: serde_json::Value = serde_json::json!({"a": 2.0, "b": 2.5, "c": [1, true, null, "x"], "d": 1e20});
        let a = AnswerValue::from(&v);
        assert_eq!(a.get("a").and_then(AnswerValue::as_i64), Some(2));
        assert_eq!(crate::json_out::to_string(&a), r#"{"a":2,"b":2.5,"c":[1,true,null,"x"],"d":1e+20}"#);
        match a.get("d") {
            Some(AnswerValue::Number(n)) => assert_eq!(n.exactly(), Exactly::HugeWhole),
            other => panic!("{other:?}"),
        }
    }
}
