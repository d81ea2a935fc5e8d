//! Canonical JSON (RFC 8785, JCS) and the package fingerprint.
//!
//! Package documents hold only integers (floats are refused on load), so the
//! number part of JCS reduces to plain decimal integers; strings follow the
//! ECMAScript `JSON.stringify` escaping that JCS prescribes; object members
//! are ordered by their UTF-16 code units.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// Writes `value` as JCS text.
pub fn to_jcs(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(Vec<u16>, &String, &Value)> =
                map.iter().map(|(k, v)| (k.encode_utf16().collect(), k, v)).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            out.push('{');
            for (i, (_, k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_value(v, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `sha256:` + lowercase hex SHA-256 of the JCS form of `document` without a
/// top-level `fingerprint` member.
pub fn fingerprint(document: &Value) -> String {
    let text = match document {
        Value::Object(map) if map.contains_key("fingerprint") => {
            let mut copy = map.clone();
            copy.remove("fingerprint");
            to_jcs(&Value::Object(copy))
        }
        other => to_jcs(other),
    };
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in digest {
        hex.push(char::from(b"0123456789abcdef"[(byte >> 4) as usize]));
        hex.push(char::from(b"0123456789abcdef"[(byte & 15) as usize]));
    }
    hex
}

/// The fingerprint of what a package's results depend on: the document
/// without any `overlays` member (at the top and in every `linked` package),
/// so no municipality's overlay moves another municipality's fingerprint. A
/// resolved overlay package carries its own choices applied in the document
/// and names its base by `overlay.base_fingerprint`. `whole` is
/// `fingerprint(document)`, returned as is when there is nothing to leave out.
pub fn applied_fingerprint(document: &Value, whole: &str) -> String {
    fn has_overlays(v: &Value) -> bool {
        v.get("overlays").is_some()
            || v.get("linked").and_then(Value::as_object).is_some_and(|l| l.values().any(has_overlays))
    }
    fn strip(v: &mut Value) {
        if let Value::Object(map) = v {
            map.remove("overlays");
            if let Some(Value::Object(linked)) = map.get_mut("linked") {
                linked.values_mut().for_each(strip);
            }
        }
    }
    if !has_overlays(document) {
        return whole.to_string();
    }
    let mut copy = document.clone();
    strip(&mut copy);
    fingerprint(&copy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_by_utf16_and_escapes_like_ecmascript() {
        // RFC 8785 §3.2.3 ordering example (subset without floats).
        let v = json!({"\u{20ac}": "Euro", "\r": "cr", "1": "one", "\u{1f600}": "smiley", "\u{80}": "ctl", "\u{fb33}": "hebrew", "\u{f6}": "o"});
        assert_eq!(
            to_jcs(&v),
            "{\"\\r\":\"cr\",\"1\":\"one\",\"\u{80}\":\"ctl\",\"\u{f6}\":\"o\",\"\u{20ac}\":\"Euro\",\"\u{1f600}\":\"smiley\",\"\u{fb33}\":\"hebrew\"}"
        );
        assert_eq!(to_jcs(&json!("a\u{1}\u{7f}/é")), "\"a\\u0001\u{7f}/é\"");
        assert_eq!(to_jcs(&json!([1, -2, true, null, {}])), "[1,-2,true,null,{}]");
    }

    #[test]
    fn fingerprint_ignores_fingerprint_member_only() {
        let a = fingerprint(&json!({"id": "x", "n": 1}));
        assert_eq!(a, fingerprint(&json!({"n": 1, "id": "x", "fingerprint": "sha256:old"})));
        assert_ne!(a, fingerprint(&json!({"id": "x", "n": 2})));
        assert_eq!(a.len(), 71);
        // SHA-256 of "{}".
        assert_eq!(fingerprint(&json!({})), "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }
}
