//! A small compact-JSON writer, byte-identical to what `serde_json` writes
//! (same string escaping, integers in decimal, numbers of a `Value` through
//! `Number`'s `Display`, which is serde_json's own formatting). The resident
//! browser module writes every JSON text with it, so serde's serializer is
//! not linked in (`docs/performance.md`, "Serde-free JSON writer").
//!
//! Commas are the writer's job: a value or key after another one in the same
//! object or array gets one. Keys are written in the order the caller writes
//! them, which is the contract's key order.

use serde_json::Value;

/// Writes compact JSON into one `String`.
pub struct JsonOut {
    buf: String,
    /// No comma before the next key or value (just after `{`, `[` or a key).
    first: bool,
    /// Non-ASCII characters in strings as `\u` escapes (the browser's
    /// packed form: see `escape`).
    ascii: bool,
}

impl Default for JsonOut {
    fn default() -> Self {
        JsonOut::with_capacity(0)
    }
}

impl JsonOut {
    pub fn with_capacity(capacity: usize) -> JsonOut {
        JsonOut { buf: String::with_capacity(capacity), first: true, ascii: false }
    }

    /// A writer of JSON in ASCII (non-ASCII characters as `\u` escapes), pre-rendered
    /// parts written out: the rare values of the browser's packed form (`output::to_packed`).
    pub fn ascii(capacity: usize) -> JsonOut {
        JsonOut { ascii: true, ..JsonOut::with_capacity(capacity) }
    }

    pub fn finish(self) -> String {
        self.buf
    }

    fn sep(&mut self) {
        if !self.first {
            self.buf.push(',');
        }
        self.first = false;
    }

    pub fn begin_object(&mut self) {
        self.sep();
        self.buf.push('{');
        self.first = true;
    }

    pub fn end_object(&mut self) {
        self.buf.push('}');
        self.first = false;
    }

    pub fn begin_array(&mut self) {
        self.sep();
        self.buf.push('[');
        self.first = true;
    }

    pub fn end_array(&mut self) {
        self.buf.push(']');
        self.first = false;
    }

    /// An object key; the next call writes its value.
    pub fn key(&mut self, key: &str) {
        self.sep();
        self.escape(key);
        self.buf.push(':');
        self.first = true;
    }

    pub fn str(&mut self, s: &str) {
        self.sep();
        self.escape(s);
    }

    /// `s` as a JSON string: as serde_json writes it, or in the packed form
    /// with non-ASCII characters as `\u` escapes (see `escape_ascii_into`).
    fn escape(&mut self, s: &str) {
        escape(&mut self.buf, s, self.ascii);
    }

    pub fn int(&mut self, n: i64) {
        self.sep();
        push_int(&mut self.buf, n);
    }

    pub fn uint(&mut self, n: u64) {
        self.sep();
        push_uint(&mut self.buf, n);
    }

    pub fn bool(&mut self, b: bool) {
        self.sep();
        self.buf.push_str(if b { "true" } else { "false" });
    }

    pub fn null(&mut self) {
        self.sep();
        self.buf.push_str("null");
    }

    /// JSON text written earlier (pre-rendered), spliced in as one value.
    pub fn raw(&mut self, json: &str) {
        self.sep();
        self.buf.push_str(json);
    }

    /// One JSON string: the pre-rendered JSON string `head` (quotes and
    /// all) followed by `tail`, the same bytes as `str` of the two joined
    /// (escaping goes character by character).
    pub fn str_after(&mut self, head: &str, tail: &str) {
        self.sep();
        let open = head.strip_suffix('"').unwrap_or(head);
        self.buf.push_str(open);
        let at = self.buf.len();
        self.escape(tail);
        // Drop the opening quote escape_into wrote for the tail.
        self.buf.remove(at);
    }

    /// Text made by `Display` (a date), as a JSON string.
    pub fn display(&mut self, value: &impl std::fmt::Display) {
        use std::fmt::Write;
        self.sep();
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = write!(text, "{value}");
        self.escape(&text);
    }

    /// Any value that knows how to write itself.
    pub fn value<T: WriteJson + ?Sized>(&mut self, value: &T) {
        value.write_json(self);
    }

    /// `key` and its value.
    pub fn field<T: WriteJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write_json(self);
    }

    /// `key` and its value, left out when the value is `None`
    /// (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn field_some<T: WriteJson>(&mut self, key: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.field(key, v);
        }
    }

    /// An array of `items`, each written by `write`.
    pub fn array<I, F>(&mut self, items: I, mut write: F)
    where
        I: IntoIterator,
        F: FnMut(&mut JsonOut, I::Item),
    {
        self.begin_array();
        for item in items {
            write(self, item);
        }
        self.end_array();
    }
}

/// A value the writer can write (the serde-free counterpart of `Serialize`).
pub trait WriteJson {
    fn write_json(&self, out: &mut JsonOut);
}

impl WriteJson for str {
    fn write_json(&self, out: &mut JsonOut) {
        out.str(self);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut JsonOut) {
        out.str(self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut JsonOut) {
        out.bool(*self);
    }
}

impl WriteJson for i64 {
    fn write_json(&self, out: &mut JsonOut) {
        out.int(*self);
    }
}

impl WriteJson for u32 {
    fn write_json(&self, out: &mut JsonOut) {
        out.uint(u64::from(*self));
    }
}

impl WriteJson for usize {
    fn write_json(&self, out: &mut JsonOut) {
        out.uint(*self as u64);
    }
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    fn write_json(&self, out: &mut JsonOut) {
        (**self).write_json(out);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut JsonOut) {
        match self {
            Some(v) => v.write_json(out),
            None => out.null(),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut JsonOut) {
        out.array(self, |out, v| v.write_json(out));
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut JsonOut) {
        self.as_slice().write_json(out);
    }
}

/// A `serde_json::Value` as serde_json writes it (object keys in the map's
/// order, which is sorted: the core never enables `preserve_order`).
impl WriteJson for Value {
    fn write_json(&self, out: &mut JsonOut) {
        match self {
            Value::Null => out.null(),
            Value::Bool(b) => out.bool(*b),
            // `Number`'s Display is serde_json's own number formatting
            // (itoa for integers, the same shortest float form as its writer).
            Value::Number(n) => out.display_raw(n),
            Value::String(s) => out.str(s),
            Value::Array(items) => items.as_slice().write_json(out),
            Value::Object(map) => {
                out.begin_object();
                for (k, v) in map {
                    out.field(k, v);
                }
                out.end_object();
            }
        }
    }
}

impl JsonOut {
    /// Text made by `Display`, written as is (a number).
    fn display_raw(&mut self, value: &impl std::fmt::Display) {
        use std::fmt::Write;
        self.sep();
        // Writing into a String cannot fail.
        let _ = write!(self.buf, "{value}");
    }
}

/// One value as compact JSON text.
pub fn to_string<T: WriteJson + ?Sized>(value: &T) -> String {
    let mut out = JsonOut::with_capacity(64);
    value.write_json(&mut out);
    out.finish()
}

fn push_uint(buf: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        buf.push(char::from(d));
    }
}

fn push_int(buf: &mut String, n: i64) {
    if n < 0 {
        buf.push('-');
    }
    // unsigned_abs covers i64::MIN.
    push_uint(buf, n.unsigned_abs());
}

/// `s` as a JSON string, escaped as serde_json does: `"` and `\`, the short
/// forms `\b \f \n \r \t`, other control characters as `\u00xx` (lowercase
/// hex); everything else (DEL and all non-ASCII included) as is. Runs of
/// plain bytes are copied at once (the texts are long and rarely escaped).
pub fn escape_into(buf: &mut String, s: &str) {
    escape(buf, s, false);
}

/// `escape_into` with every non-ASCII character as a `\u` escape (see `escape`).
pub(crate) fn escape_ascii_into(buf: &mut String, s: &str) {
    escape(buf, s, true);
}

/// `escape_into`, and with `ascii` every non-ASCII character as `\uxxxx` (a
/// surrogate pair above U+FFFF). The browser's packed form is written so: not the
/// canonical form, but `JSON.parse` gives the same strings, and Node's
/// `TextDecoder` reads an ASCII text from the module's memory about ten times
/// faster than one with `€` or `ë` in it (docs/performance.md, "evaluate and
/// figures speed (w17)").
fn escape(buf: &mut String, s: &str, ascii: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let high = if ascii { 0x8080_8080_8080_8080 } else { 0 };
    buf.reserve(s.len() + 2);
    buf.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight plain bytes at a time (the wasm build has no SIMD here).
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let word = u64::from_le_bytes(word);
            if !needs_escape(word) && word & high == 0 {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' && (b < 0x80 || !ascii) {
            continue;
        }
        let at = i - 1;
        // `at` starts a character: an escaped byte is ASCII or a lead byte.
        buf.push_str(s.get(start..at).unwrap_or_default());
        match b {
            b'"' => buf.push_str("\\\""),
            b'\\' => buf.push_str("\\\\"),
            0x08 => buf.push_str("\\b"),
            0x0c => buf.push_str("\\f"),
            b'\n' => buf.push_str("\\n"),
            b'\r' => buf.push_str("\\r"),
            b'\t' => buf.push_str("\\t"),
            _ => {
                // A control character (one byte), or with `ascii` a whole non-ASCII character.
                let c = s.get(at..).and_then(|rest| rest.chars().next()).unwrap_or(char::REPLACEMENT_CHARACTER);
                i = at + c.len_utf8();
                let mut units = [0u16; 2];
                for &u in c.encode_utf16(&mut units).iter() {
                    buf.push_str("\\u");
                    for shift in [12, 8, 4, 0] {
                        buf.push(char::from(HEX[usize::from((u >> shift) & 0xf)]));
                    }
                }
            }
        }
        start = i;
    }
    buf.push_str(s.get(start..).unwrap_or_default());
    buf.push('"');
}

/// Whether any of the eight bytes is below 0x20, `"` or `\\` (the classic
/// "has zero byte" test: exact for the word as a whole).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    // Bytes below 0x20: (v - 0x20…) & !v & 0x80…, exact for thresholds up to 0x80.
    word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0
        || has_zero(word ^ (ONES * u64::from(b'"')))
        || has_zero(word ^ (ONES * u64::from(b'\\')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_strings_read_back_the_same() {
        for s in ["", "plain", "€ 28,50", "é\u{0}ü\u{1f}\"\\", "😀 \\u0041", "line\nnext\t\u{7f}\u{2028}"] {
            let mut out = JsonOut::ascii(16);
            out.str(s);
            let text = out.finish();
            assert!(text.is_ascii(), "{text}");
            assert_eq!(serde_json::from_str::<String>(&text).unwrap(), s);
        }
        let mut out = JsonOut::ascii(16);
        out.str("€");
        assert_eq!(out.finish(), "\"\\u20ac\"");
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        for c in (0u32..=0x7f).chain([0x80, 0xa0, 0xe9, 0x2028, 0x2029, 0xfeff, 0x1f600]) {
            let c = char::from_u32(c).unwrap();
            let s = format!("a{c}b{c}");
            assert_eq!(to_string(s.as_str()), serde_json::to_string(&s).unwrap(), "U+{:04X}", c as u32);
        }
        for s in ["", "\"\\\"", "é\u{0}ü\u{1f}", "line\nnext\r\n\ttab", "\u{7f}\u{8}\u{c}", "😀 \\u0041"] {
            assert_eq!(to_string(s), serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn long_strings_escape_at_every_position() {
        let base: Vec<char> = "Wij rekenen één uur per week ~ bij 'extra' kamers".chars().collect();
        for c in (0u32..=0x7f).chain([0xe9, 0x20ac]) {
            let c = char::from_u32(c).unwrap();
            for at in 0..20 {
                let mut chars = base.clone();
                chars.insert(at, c);
                let s: String = chars.into_iter().collect();
                assert_eq!(to_string(s.as_str()), serde_json::to_string(&s).unwrap(), "U+{:04X} at {at}", c as u32);
            }
        }
    }

    #[test]
    fn integers_as_serde_json() {
        for n in [0, 1, -1, 9, 10, -10, 1 << 53, -(1 << 53), i64::MAX, i64::MIN, i64::MIN + 1] {
            assert_eq!(to_string(&n), serde_json::to_string(&n).unwrap());
        }
        for n in [0usize, 7, usize::MAX] {
            assert_eq!(to_string(&n), serde_json::to_string(&n).unwrap());
        }
        assert_eq!(to_string(&u32::MAX), serde_json::to_string(&u32::MAX).unwrap());
    }

    #[test]
    fn values_as_serde_json() {
        let text = r#"{"z":[1,-2,1.5,-0.0,1e300,2.5e-8,123456789012345678901234567890,null,true,false,"x\u0001"],
            "a":{"b":{},"c":[]},"é":"ü","":0.1}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(to_string(&value), serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn commas_between_keys_values_and_nested_containers() {
        let mut out = JsonOut::default();
        out.begin_object();
        out.field("a", &1i64);
        out.key("b");
        out.begin_array();
        out.begin_object();
        out.end_object();
        out.raw("[1,2]");
        out.null();
        out.end_array();
        out.field_some("skip", &None::<i64>);
        out.field("c", &Some("x"));
        out.end_object();
        assert_eq!(out.finish(), r#"{"a":1,"b":[{},[1,2],null],"c":"x"}"#);
    }
}
