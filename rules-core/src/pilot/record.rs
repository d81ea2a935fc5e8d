//! The provider's record of one omgekeerd-toewijzen trajectory, as the widget
//! saves it: format 2 (decision date, pseudonymous dossier reference,
//! provider, district or postcode) and format 1 (intake only), migrated on
//! reading: format 1's intake is taken as the conversation, and it has no
//! decision date.

use crate::input::answer_value::{AnswerMap, AnswerValue};

use crate::date::Date;
use crate::error::Error;

pub const RECORD_FORMAT_V1: &str = "urenwijzer-omgekeerd-toewijzen/1";
pub const RECORD_FORMAT_V2: &str = "urenwijzer-omgekeerd-toewijzen/2";

/// Longest free text the pilot reads from a record (names, references, reasons).
const MAX_TEXT: usize = 500;

/// One indication stored in a record (first estimate or after evaluation).
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub date: Option<Date>,
    pub answers: AnswerValue,
    /// `indication.total.minutes_per_week` as stored.
    pub minutes_per_week: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub question: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 1 or 2.
    pub format: u8,
    pub dossier: Option<String>,
    pub provider: Option<String>,
    pub agb: Option<String>,
    pub district: Option<String>,
    pub postcode: Option<String>,
    pub package_id: String,
    pub package_title: Option<String>,
    pub fingerprint: Option<String>,
    pub municipality: Option<String>,
    pub decision: Option<Date>,
    pub conversation: Option<Date>,
    pub start: Option<Date>,
    pub evaluation: Option<Date>,
    pub initial: Option<Part>,
    pub final_: Option<Part>,
    pub changes: Vec<Change>,
    pub complete: bool,
}

fn invalid(field: &str, message: impl Into<String>) -> Error {
    Error::InvalidRecord { field: field.into(), message: message.into() }
}

/// Refuses a dossier reference holding an 8- or 9-digit number that passes
/// the BSN *elfproef* (9×d1 + 8×d2 + … + 2×d8 − d9 divisible by 11; an
/// 8-digit number is read with a leading 0). The reference is pseudonymous:
/// never a BSN.
pub fn check_dossier_reference(reference: &str) -> Result<(), Error> {
    let bytes = reference.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let run = &bytes[run_start..i];
        if (run.len() == 8 || run.len() == 9) && passes_elfproef(run) {
            return Err(Error::BsnInReference);
        }
    }
    Ok(())
}

fn passes_elfproef(digits: &[u8]) -> bool {
    let pad = 9 - digits.len();
    let sum: i64 = digits
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let weight = (9 - (i + pad)) as i64;
            let d = i64::from(c - b'0');
            if weight == 1 {
                -d
            } else {
                weight * d
            }
        })
        .sum();
    sum.rem_euclid(11) == 0
}

fn text(obj: &AnswerMap, key: &str, field: &str) -> Result<Option<String>, Error> {
    match obj.get(key) {
        None | Some(AnswerValue::Null) => Ok(None),
        Some(AnswerValue::String(s)) if s.trim().is_empty() => Ok(None),
        Some(AnswerValue::String(s)) if s.chars().count() > MAX_TEXT => {
            Err(invalid(field, format!("de tekst is langer dan {MAX_TEXT} tekens")))
        }
        Some(AnswerValue::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(invalid(field, "moet tekst zijn")),
    }
}

fn date(obj: &AnswerMap, key: &str, field: &str) -> Result<Option<Date>, Error> {
    match text(obj, key, field)? {
        None => Ok(None),
        Some(t) => Date::parse(&t).map(Some).ok_or_else(|| invalid(field, "moet een datum zijn (JJJJ-MM-DD)")),
    }
}

fn object<'a>(v: &'a AnswerValue, field: &str) -> Result<&'a AnswerMap, Error> {
    v.as_object().ok_or_else(|| invalid(field, "moet een JSON-object zijn"))
}

fn part(root: &AnswerMap, key: &str) -> Result<Option<Part>, Error> {
    let v = match root.get(key) {
        None | Some(AnswerValue::Null) => return Ok(None),
        Some(v) => object(v, key)?,
    };
    let answers = match v.get("answers") {
        None | Some(AnswerValue::Null) => AnswerValue::Object(AnswerMap::new()),
        Some(a @ AnswerValue::Object(_)) => a.clone(),
        Some(_) => return Err(invalid(&format!("{key}.answers"), "moet een JSON-object zijn")),
    };
    let minutes_per_week = match v.get("indication") {
        None | Some(AnswerValue::Null) => None,
        Some(ind) => Some(
            ind.get("total")
                .and_then(|t| t.get("minutes_per_week"))
                .and_then(AnswerValue::as_i64)
                .filter(|m| (0..=10_080).contains(m))
                .ok_or_else(|| invalid(&format!("{key}.indication"), "heeft geen geldig aantal minuten per week"))?,
        ),
    };
    Ok(Some(Part { date: date(v, "date", &format!("{key}.date"))?, answers, minutes_per_week }))
}

/// A record file as JSON, read by the strict reader every document goes
/// through (duplicate names and the limits refused with their own codes);
/// not serde_json, whose deserializer would be the only one in the resident
/// wasm module.
fn read_json(text: &str) -> Result<AnswerValue, Error> {
    crate::input::json::read_exact_str(text, "(bestand)", crate::input::json::Kind::Package).map_err(|e| match e {
        Error::InvalidJson { line, column, message, .. } => {
            invalid("(bestand)", format!("geen geldige JSON (regel {line}, kolom {column}: {message})"))
        }
        other => other,
    })
}

/// Reads one record (format 1 or 2). Errors name the field.
pub fn parse_record(bytes: &[u8]) -> Result<Record, Error> {
    record_of(&read_bytes(bytes)?)
}

fn read_bytes(bytes: &[u8]) -> Result<AnswerValue, Error> {
    read_json(std::str::from_utf8(bytes).map_err(|_| invalid("(bestand)", "is geen UTF-8-tekst"))?)
}

/// A record from its JSON (see [`parse_record`]).
fn record_of(value: &AnswerValue) -> Result<Record, Error> {
    let root = object(value, "(bestand)")?;
    let format = match root.get("format").and_then(AnswerValue::as_str) {
        Some(RECORD_FORMAT_V1) => 1,
        Some(RECORD_FORMAT_V2) => 2,
        _ => {
            return Err(invalid(
                "format",
                format!("onbekend formaat (verwacht {RECORD_FORMAT_V2} of {RECORD_FORMAT_V1})"),
            ))
        }
    };
    let package = object(root.get("package").unwrap_or(&AnswerValue::Null), "package")?;
    let package_id = text(package, "id", "package.id")?.ok_or_else(|| invalid("package.id", "ontbreekt"))?;
    let dossier = text(root, "dossier", "dossier")?;
    if let Some(d) = &dossier {
        check_dossier_reference(d)?;
    }
    let (provider, agb) = match root.get("provider") {
        None | Some(AnswerValue::Null) => (None, None),
        Some(p) => {
            let p = object(p, "provider")?;
            (text(p, "name", "provider.name")?, text(p, "agb", "provider.agb")?)
        }
    };
    if let Some(a) = &agb {
        if a.len() != 8 || !a.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("provider.agb", "een AGB-code heeft 8 cijfers"));
        }
    }
    let postcode = text(root, "postcode", "postcode")?;
    if let Some(p) = &postcode {
        if p.len() != 4 || !p.bytes().all(|b| b.is_ascii_digit()) || p.starts_with('0') {
            return Err(invalid("postcode", "alleen de vier cijfers van de postcode (bijvoorbeeld 2031)"));
        }
    }
    let (decision, conversation) = if format == 1 {
        (None, date(root, "intake", "intake")?)
    } else {
        (date(root, "decision", "decision")?, date(root, "conversation", "conversation")?)
    };
    let changes = match root.get("changes") {
        None | Some(AnswerValue::Null) => Vec::new(),
        Some(AnswerValue::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let field = format!("changes[{i}]");
                let c = object(c, &field)?;
                let question =
                    text(c, "question", &field)?.ok_or_else(|| invalid(&format!("{field}.question"), "ontbreekt"))?;
                Ok(Change { question, reason: text(c, "reason", &format!("{field}.reason"))? })
            })
            .collect::<Result<_, Error>>()?,
        Some(_) => return Err(invalid("changes", "moet een lijst zijn")),
    };
    Ok(Record {
        format,
        dossier,
        provider,
        agb,
        district: text(root, "district", "district")?,
        postcode,
        package_title: text(package, "title", "package.title")?,
        fingerprint: text(package, "fingerprint", "package.fingerprint")?,
        municipality: text(package, "municipality", "package.municipality")?,
        package_id,
        decision,
        conversation,
        start: date(root, "start", "start")?,
        evaluation: date(root, "evaluation", "evaluation")?,
        initial: part(root, "initial")?,
        final_: part(root, "final")?,
        changes,
        complete: root.get("complete").and_then(AnswerValue::as_bool).unwrap_or(false),
    })
}

/// A record as the widget opens it again: checked by [`parse_record`] (so a
/// bad field or a BSN-like reference is refused with its code) and, when it is
/// in format 1, rewritten to format 2: the intake becomes the conversation,
/// the decision date is unknown (null) and the old intake plan is dropped (the
/// widget plans again). Returns the record and the format it was read in.
pub fn migrate_record(bytes: &[u8]) -> Result<(AnswerValue, u8), Error> {
    let mut value = read_bytes(bytes)?;
    let parsed = record_of(&value)?;
    let root = value.as_object_mut().ok_or_else(|| invalid("(bestand)", "moet een JSON-object zijn"))?;
    if parsed.format == 1 {
        // The map is rebuilt without "intake" rather than removed from: the
        // resident module then needs no BTreeMap removal (≈ 4 KB of it).
        let mut intake = AnswerValue::Null;
        for (key, field) in std::mem::take(&mut *root) {
            if key == "intake" {
                intake = field;
            } else {
                root.insert(key, field);
            }
        }
        root.insert("format".into(), AnswerValue::String(RECORD_FORMAT_V2.into()));
        root.insert("decision".into(), AnswerValue::Null);
        root.insert("conversation".into(), intake);
        root.insert("plan".into(), AnswerValue::Null);
    }
    Ok((value, parsed.format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elfproef_refuses_bsn_like_numbers_only() {
        // 111222333: 9+8+7+12+10+8+9+6-3 = 66, divisible by 11.
        assert_eq!(check_dossier_reference("dossier 111222333"), Err(Error::BsnInReference));
        assert_eq!(check_dossier_reference("111222333").unwrap_err().code(), "bsn_in_reference");
        // 9×1 + 8×2 + 7×3 + 6×4 + 5×5 + 4×6 + 3×7 + 2×8 − 2 = 154 = 14 × 11.
        assert!(passes_elfproef(b"123456782"));
        // Eight digits read with a leading 0: 8×1 + 7×2 + … + 2×7 − 2 = 110.
        assert!(check_dossier_reference("ref 12345672").is_err());
        assert!(check_dossier_reference("ref 12345673").is_ok());
        assert!(check_dossier_reference("WT-123456782").is_err());
        assert!(check_dossier_reference("123456789").is_ok()); // fails the elfproef
        assert!(check_dossier_reference("HH-2026-0042").is_ok());
        assert!(check_dossier_reference("1112223330").is_ok()); // ten digits: not a BSN
        assert!(!Error::BsnInReference.to_string().contains("111222333"));
    }

    #[test]
    fn migrates_format_1() {
        let r = parse_record(
            br#"{"format":"urenwijzer-omgekeerd-toewijzen/1","package":{"id":"h4","fingerprint":"sha256:x"},
                "intake":"2026-11-02","start":"2026-11-04","initial":{"date":"2026-11-02","answers":{},"indication":{"total":{"minutes_per_week":120}}}}"#,
        )
        .unwrap();
        assert_eq!((r.format, r.decision, r.conversation.map(|d| d.to_string())), (1, None, Some("2026-11-02".into())));
        assert_eq!(r.initial.unwrap().minutes_per_week, Some(120));
        assert!(!r.complete);
    }

    #[test]
    fn migrate_rewrites_format_1_and_keeps_format_2() {
        let (v, from) = migrate_record(
            br#"{"format":"urenwijzer-omgekeerd-toewijzen/1","package":{"id":"h4"},"intake":"2026-11-02","start":"2026-11-04","plan":{"intake":"2026-11-02"},"initial":{"answers":{"a":1}}}"#,
        )
        .unwrap();
        assert_eq!(from, 1);
        assert_eq!(v.get("format").and_then(AnswerValue::as_str), Some(RECORD_FORMAT_V2));
        assert_eq!(
            (
                v.get("decision").map(AnswerValue::is_null),
                v.get("conversation").and_then(AnswerValue::as_str),
                v.get("intake")
            ),
            (Some(true), Some("2026-11-02"), None)
        );
        assert!(v.get("plan").is_some_and(AnswerValue::is_null));
        assert_eq!(
            v.get("initial").and_then(|i| i.get("answers")).and_then(|a| a.get("a")).and_then(AnswerValue::as_i64),
            Some(1)
        );
        let text = br#"{"format":"urenwijzer-omgekeerd-toewijzen/2","package":{"id":"h4"},"decision":"2026-11-02"}"#;
        let (v, from) = migrate_record(text).unwrap();
        assert_eq!(
            (from, v),
            (
                2,
                crate::input::json::read_exact_str(
                    std::str::from_utf8(text).unwrap(),
                    "x",
                    crate::input::json::Kind::Package
                )
                .unwrap()
            )
        );
        // A record's numbers are written back as written.
        let odd = br#"{"format":"urenwijzer-omgekeerd-toewijzen/2","package":{"id":"h4"},"initial":{"answers":{"a":1e400,"b":2.0}}}"#;
        let (v, _) = migrate_record(odd).unwrap();
        assert!(crate::json_out::to_string(&v).contains(r#"{"a":1e400,"b":2.0}"#));
        let bsn = br#"{"format":"urenwijzer-omgekeerd-toewijzen/2","package":{"id":"h4"},"dossier":"111222333"}"#;
        assert_eq!(migrate_record(bsn).unwrap_err().code(), "bsn_in_reference");
    }

    #[test]
    fn names_the_bad_field() {
        let err = |t: &str| parse_record(t.as_bytes()).unwrap_err();
        assert_eq!(err("{").code(), "invalid_record");
        let e = err(r#"{"format":"urenwijzer-omgekeerd-toewijzen/2","package":{"id":"h4"},"decision":"2026-13-01"}"#);
        assert!(matches!(e, Error::InvalidRecord { ref field, .. } if field == "decision"), "{e:?}");
        let e = err(r#"{"format":"urenwijzer-omgekeerd-toewijzen/2","package":{"id":"h4"},"postcode":"2031AB"}"#);
        assert!(matches!(e, Error::InvalidRecord { ref field, .. } if field == "postcode"));
        let e = err(r#"{"format":"urenwijzer-omgekeerd-toewijzen/2","package":{"id":"h4"},"dossier":"111222333"}"#);
        assert_eq!(e.code(), "bsn_in_reference");
    }
}
