//! Errors with stable codes. The codes are part of the public contract
//! (documented in `docs/errors.md`); the messages are Dutch and may improve.
//!
//! The messages of the errors that only document loading (`compile`,
//! `assemble`, `bundled`), the plan of omgekeerd toewijzen (`workdays`,
//! `plan`), records (`pilot`) and caseloads (`impact`) make are behind the
//! feature `all-error-messages` (on by default; the CLI and the widget's and
//! tools' browser modules turn it on). The self-check site's module is built
//! without it: it has none of that code, so it can never make one of these
//! errors, and their message texts and formatting (≈ 0.5 KB gzipped) stay out
//! of it. Without the feature such an error's message is its code.

use serde::Serialize;

/// Every way loading a package or evaluating answers can fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[cfg_attr(feature = "all-error-messages", error("ongeldig normpakket bij {path}: {message}"))]
    #[cfg_attr(not(feature = "all-error-messages"), error("invalid_package"))]
    InvalidPackage { path: String, message: String },

    #[cfg_attr(feature = "all-error-messages", error("ongeldige expressie bij {path}, kolom {column}: {message}"))]
    #[cfg_attr(not(feature = "all-error-messages"), error("invalid_expression"))]
    InvalidExpression { path: String, column: usize, message: String },

    #[error("de antwoorden moeten een JSON-object zijn met per vraag een antwoord: {message}")]
    InvalidAnswers { message: String },

    #[error("vraag '{question}' is niet beantwoord")]
    MissingAnswer { question: String },

    #[error("'{question}' is geen vraag van dit normpakket")]
    UnknownQuestion { question: String },

    #[error("vraag '{question}' wordt in deze situatie niet gesteld, maar is wel beantwoord")]
    NotAsked { question: String },

    #[error("het antwoord op vraag '{question}' moet {expected} zijn")]
    WrongType { question: String, expected: String },

    #[error("het antwoord op vraag '{question}' moet tussen {min} en {max} liggen (gegeven: {value})")]
    OutOfRange { question: String, value: String, min: i64, max: i64 },

    #[error("'{value}' is geen keuze bij vraag '{question}'; kies uit: {options}")]
    NotAnOption { question: String, value: String, options: String },

    #[error("'{value}' is geen geldige datum (gebruik JJJJ-MM-DD){}", .question.as_ref().map(|q| format!(" bij vraag '{q}'")).unwrap_or_default())]
    InvalidDate { question: Option<String>, value: String },

    #[error("normpakket '{package}' heeft geen versie die geldt op {date}")]
    NoVersionForDate { package: String, date: String },

    #[error("gemeente '{municipality}' hoort niet bij normpakket '{package}'")]
    UnknownMunicipality { package: String, municipality: String },

    #[error("de berekening bij {path} wordt te groot")]
    Overflow { path: String },

    #[error("{file}: geen geldige JSON (regel {line}, kolom {column}): {message}")]
    InvalidJson { file: String, line: usize, column: usize, message: String },

    #[error("{file}: de naam '{key}' staat twee keer in hetzelfde object bij {path} (regel {line}, kolom {column}); laat er één staan")]
    DuplicateKey { file: String, path: String, key: String, line: usize, column: usize },

    #[error("{}te groot bij {path}: ten hoogste {max} {what} (grens {name})", .file.as_ref().map(|f| format!("{f}: ")).unwrap_or_default())]
    Limit { name: &'static str, max: usize, what: &'static str, file: Option<String>, path: String },

    #[cfg_attr(feature = "all-error-messages", error(
        "aanvulling {file}: de bestandsnaam moet gelijk zijn aan de gemeente van de aanvulling ('{municipality}.json')"
    ))]
    #[cfg_attr(not(feature = "all-error-messages"), error("overlay_name"))]
    OverlayName { file: String, municipality: String },
    #[cfg_attr(
        feature = "all-error-messages",
        error(
            "dit normpakket heeft geen vingerafdruk (fingerprint) en is dus geen bundel van `urenwijzer bundle`; \
             de website en de widget laden alleen bundels"
        )
    )]
    #[cfg_attr(not(feature = "all-error-messages"), error("missing_fingerprint"))]
    MissingFingerprint,

    #[cfg_attr(feature = "all-error-messages", error("{}{message}", .line.map(|l| format!("regel {l}: ")).unwrap_or_default()))]
    #[cfg_attr(not(feature = "all-error-messages"), error("invalid_caseload"))]
    InvalidCaseload { line: Option<usize>, message: String },

    #[cfg_attr(
        feature = "all-error-messages",
        error("regel {line}: huishouden '{id}' staat ook al op regel {first_line}")
    )]
    #[cfg_attr(not(feature = "all-error-messages"), error("duplicate_id"))]
    DuplicateId { id: String, line: usize, first_line: usize },

    #[cfg_attr(
        feature = "all-error-messages",
        error("normpakket '{package}' heeft alleen per gemeente een tarief; geef de gemeente van dit huishouden op")
    )]
    #[cfg_attr(not(feature = "all-error-messages"), error("municipality_required"))]
    MunicipalityRequired { package: String },

    // Dates of the omgekeerd-toewijzen plan (`workdays::procedure`).
    #[cfg_attr(
        feature = "all-error-messages",
        error("de datum van het gesprek ({conversation}) ligt vóór het besluit ({decision})")
    )]
    #[cfg_attr(not(feature = "all-error-messages"), error("conversation_before_decision"))]
    ConversationBeforeDecision { decision: String, conversation: String },

    #[cfg_attr(
        feature = "all-error-messages",
        error("de startdatum ({start}) ligt vóór het gesprek ({conversation})")
    )]
    #[cfg_attr(not(feature = "all-error-messages"), error("start_before_conversation"))]
    StartBeforeConversation { conversation: String, start: String },

    #[cfg_attr(feature = "all-error-messages", error("de evaluatiedatum ({evaluation}) ligt vóór de start ({start})"))]
    #[cfg_attr(not(feature = "all-error-messages"), error("evaluation_before_start"))]
    EvaluationBeforeStart { start: String, evaluation: String },

    #[cfg_attr(feature = "all-error-messages", error("voor {date} is ook de datum van {needs} nodig"))]
    #[cfg_attr(not(feature = "all-error-messages"), error("missing_plan_date"))]
    MissingPlanDate { date: &'static str, needs: &'static str },

    #[cfg_attr(
        feature = "all-error-messages",
        error("de datum {value} ligt buiten de jaren waarmee gerekend kan worden ({min} tot en met {max})")
    )]
    #[cfg_attr(not(feature = "all-error-messages"), error("date_out_of_range"))]
    DateOutOfRange { value: String, min: String, max: String },

    #[cfg_attr(
        feature = "all-error-messages",
        error("normpakket '{package}' heeft geen werkwijze (procedure) die geldt op {date}")
    )]
    #[cfg_attr(not(feature = "all-error-messages"), error("no_procedure_for_date"))]
    NoProcedureForDate { package: String, date: String },

    // The provider's record of one trajectory (`pilot::record`).
    #[cfg_attr(feature = "all-error-messages", error("ongeldig dossier bij '{field}': {message}"))]
    #[cfg_attr(not(feature = "all-error-messages"), error("invalid_record"))]
    InvalidRecord { field: String, message: String },

    #[cfg_attr(feature = "all-error-messages", error("het kenmerk van het dossier bevat een nummer van 8 of 9 cijfers dat een burgerservicenummer (BSN) kan zijn: het klopt met de elfproef. Gebruik nooit een BSN, maar een eigen kenmerk met een voorvoegsel en een korter nummer, bijvoorbeeld HH-2026-0042"))]
    #[cfg_attr(not(feature = "all-error-messages"), error("bsn_in_reference"))]
    BsnInReference,

    // A compiled bundle (`compiled`): `urenwijzer bundle`'s `.uwb` file.
    #[error("deze gecompileerde bundel heeft formaat {found}, maar deze versie van Urenwijzer leest alleen formaat {supported}; bundel het normpakket opnieuw met `urenwijzer bundle` of gebruik de bundel uit het archief die bij deze versie hoort")]
    BundleVersion { found: u16, supported: u16 },

    #[error("de controlesom (sha256) van de gecompileerde bundel klopt niet: het bestand is beschadigd of gewijzigd")]
    BundleHash,

    #[error("ongeldige gecompileerde bundel bij {path}: {message}")]
    InvalidBundle { path: String, message: String },
    #[cfg_attr(feature = "all-error-messages", error("ongeldige tariefklassen bij {path}: {message}"))]
    #[cfg_attr(not(feature = "all-error-messages"), error("invalid_tariff_classes"))]
    InvalidTariffClasses { path: String, message: String },
    #[cfg_attr(
        feature = "all-error-messages",
        error("ongeldige vrijstelling van de eigen bijdrage bij {path}: {message}")
    )]
    #[cfg_attr(not(feature = "all-error-messages"), error("invalid_exemption"))]
    InvalidExemption { path: String, message: String },
}

impl Error {
    /// The stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidPackage { .. } => "invalid_package",
            Error::InvalidExpression { .. } => "invalid_expression",
            Error::InvalidAnswers { .. } => "invalid_answers",
            Error::MissingAnswer { .. } => "missing_answer",
            Error::UnknownQuestion { .. } => "unknown_question",
            Error::NotAsked { .. } => "not_asked",
            Error::WrongType { .. } => "wrong_type",
            Error::OutOfRange { .. } => "out_of_range",
            Error::NotAnOption { .. } => "not_an_option",
            Error::InvalidDate { .. } => "invalid_date",
            Error::NoVersionForDate { .. } => "no_version_for_date",
            Error::UnknownMunicipality { .. } => "unknown_municipality",
            Error::Overflow { .. } => "overflow",
            Error::InvalidJson { .. } => "invalid_json",
            Error::DuplicateKey { .. } => "duplicate_key",
            Error::Limit { .. } => "limit",
            Error::OverlayName { .. } => "overlay_name",
            Error::MissingFingerprint => "missing_fingerprint",
            Error::InvalidCaseload { .. } => "invalid_caseload",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::MunicipalityRequired { .. } => "municipality_required",
            Error::ConversationBeforeDecision { .. } => "conversation_before_decision",
            Error::StartBeforeConversation { .. } => "start_before_conversation",
            Error::EvaluationBeforeStart { .. } => "evaluation_before_start",
            Error::MissingPlanDate { .. } => "missing_plan_date",
            Error::DateOutOfRange { .. } => "date_out_of_range",
            Error::NoProcedureForDate { .. } => "no_procedure_for_date",
            Error::InvalidRecord { .. } => "invalid_record",
            Error::BsnInReference => "bsn_in_reference",
            Error::BundleVersion { .. } => "bundle_version",
            Error::BundleHash => "bundle_hash",
            Error::InvalidBundle { .. } => "invalid_bundle",
            Error::InvalidTariffClasses { .. } => "invalid_tariff_classes",
            Error::InvalidExemption { .. } => "invalid_exemption",
        }
    }

    /// The question the error is about, when it is about one answer.
    pub fn question(&self) -> Option<&str> {
        match self {
            Error::MissingAnswer { question }
            | Error::UnknownQuestion { question }
            | Error::NotAsked { question }
            | Error::WrongType { question, .. }
            | Error::OutOfRange { question, .. }
            | Error::NotAnOption { question, .. } => Some(question),
            Error::InvalidDate { question, .. } => question.as_deref(),
            _ => None,
        }
    }

    /// The package element the error is about (a JSON-pointer-like path).
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::InvalidPackage { path, .. }
            | Error::InvalidTariffClasses { path, .. }
            | Error::InvalidExemption { path, .. }
            | Error::InvalidExpression { path, .. }
            | Error::Overflow { path }
            | Error::DuplicateKey { path, .. }
            | Error::Limit { path, .. }
            | Error::InvalidBundle { path, .. } => Some(path),
            Error::MissingFingerprint => Some("fingerprint"),
            _ => None,
        }
    }

    /// The file (or document name) the error is in, for errors found while reading one.
    pub fn file(&self) -> Option<&str> {
        match self {
            Error::InvalidJson { file, .. } | Error::DuplicateKey { file, .. } | Error::OverlayName { file, .. } => {
                Some(file)
            }
            Error::Limit { file, .. } => file.as_deref(),
            _ => None,
        }
    }

    /// 1-based line and column in the file, for errors found while reading one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Error::InvalidJson { line, column, .. } | Error::DuplicateKey { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }

    /// 1-based line of a position in a JSON text.
    pub fn line(&self) -> Option<usize> {
        self.position().map(|p| p.0)
    }

    /// 1-based column: in an expression (which is one line of text, so it has
    /// no line), or on `line` of a JSON text.
    pub fn column(&self) -> Option<usize> {
        match self {
            Error::InvalidExpression { column, .. } => Some(*column),
            _ => self.position().map(|p| p.1),
        }
    }

    /// A short machine-readable extra: the offending value as given, or what is wrong with a JSON text.
    pub fn detail(&self) -> Option<String> {
        match self {
            Error::OutOfRange { value, .. } | Error::NotAnOption { value, .. } | Error::InvalidDate { value, .. } => {
                Some(value.clone())
            }
            Error::InvalidJson { message, .. } => Some(message.clone()),
            Error::BundleVersion { found, .. } => Some(found.to_string()),
            _ => None,
        }
    }

    /// The JSON form `{code, message, question?, path?, line?, column?, detail?}`.
    pub fn to_object(&self) -> ErrorObject {
        ErrorObject {
            code: self.code(),
            message: self.to_string(),
            question: self.question().map(str::to_owned),
            path: self.path().map(str::to_owned),
            file: self.file().map(str::to_owned),
            line: self.line(),
            column: self.column(),
            limit: match self {
                Error::Limit { name, .. } => Some(name),
                _ => None,
            },
            detail: self.detail(),
        }
    }

    pub(crate) fn package(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidPackage { path: path.into(), message: message.into() }
    }
}

/// Serialisable error, key order `code, message, question, path, file, line, column, limit, detail`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ErrorObject {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The file the error is in (reading and assembling files).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The name of the limit (code `limit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<&'static str>,
    /// What is wrong, without the file and position (code `invalid_json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl ErrorObject {
    /// Canonical compact JSON of the error.
    pub fn to_json(&self) -> String {
        crate::json_out::to_string(self)
    }
}

/// The same JSON as the serde derive, written without serde (`crate::json_out`).
impl crate::json_out::WriteJson for ErrorObject {
    fn write_json(&self, out: &mut crate::json_out::JsonOut) {
        out.begin_object();
        out.field("code", self.code);
        out.field("message", &self.message);
        out.field_some("question", &self.question);
        out.field_some("path", &self.path);
        out.field_some("file", &self.file);
        out.field_some("line", &self.line);
        out.field_some("column", &self.column);
        out.field_some("limit", &self.limit);
        out.field_some("detail", &self.detail);
        out.end_object();
    }
}

/// All codes, in documentation order.
pub const ERROR_CODES: &[&str] = &[
    "invalid_package",
    "invalid_expression",
    "invalid_answers",
    "missing_answer",
    "unknown_question",
    "not_asked",
    "wrong_type",
    "out_of_range",
    "not_an_option",
    "invalid_date",
    "no_version_for_date",
    "unknown_municipality",
    "overflow",
    "invalid_json",
    "duplicate_key",
    "limit",
    "overlay_name",
    "missing_fingerprint",
    "invalid_caseload",
    "duplicate_id",
    "municipality_required",
    "conversation_before_decision",
    "start_before_conversation",
    "evaluation_before_start",
    "missing_plan_date",
    "date_out_of_range",
    "no_procedure_for_date",
    "invalid_record",
    "bsn_in_reference",
    "bundle_version",
    "bundle_hash",
    "invalid_bundle",
    "invalid_tariff_classes",
    "invalid_exemption",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// One example of every variant. The exhaustive `match` in `index` makes
    /// this fail to compile when a variant is added without an example here.
    fn examples() -> Vec<Error> {
        let q = || "q".to_string();
        vec![
            Error::package("p", "m"),
            Error::InvalidExpression { path: "p".into(), column: 3, message: "m".into() },
            Error::InvalidAnswers { message: "m".into() },
            Error::MissingAnswer { question: q() },
            Error::UnknownQuestion { question: q() },
            Error::NotAsked { question: q() },
            Error::WrongType { question: q(), expected: "ja of nee".into() },
            Error::OutOfRange { question: q(), value: "9".into(), min: 0, max: 5 },
            Error::NotAnOption { question: q(), value: "x".into(), options: "a, b".into() },
            Error::InvalidDate { question: None, value: "x".into() },
            Error::NoVersionForDate { package: "p".into(), date: "2020-01-01".into() },
            Error::UnknownMunicipality { package: "p".into(), municipality: "m".into() },
            Error::Overflow { path: "p".into() },
            Error::EvaluationBeforeStart { start: "2026-01-02".into(), evaluation: "2026-01-01".into() },
            Error::DateOutOfRange { value: "3000-01-01".into(), min: "1901-01-01".into(), max: "2997-12-31".into() },
            Error::InvalidJson { file: "f".into(), line: 1, column: 2, message: "m".into() },
            Error::DuplicateKey { file: "f".into(), path: "p".into(), key: "k".into(), line: 1, column: 2 },
            Error::Limit { name: "n", max: 1, what: "w", file: None, path: "p".into() },
            Error::OverlayName { file: "f".into(), municipality: "m".into() },
            Error::MissingFingerprint,
            Error::InvalidCaseload { line: Some(3), message: "m".into() },
            Error::DuplicateId { id: "h1".into(), line: 4, first_line: 2 },
            Error::MunicipalityRequired { package: "p".into() },
            Error::ConversationBeforeDecision { decision: "d".into(), conversation: "c".into() },
            Error::StartBeforeConversation { conversation: "c".into(), start: "s".into() },
            Error::MissingPlanDate { date: "d", needs: "n" },
            Error::NoProcedureForDate { package: "p".into(), date: "d".into() },
            Error::InvalidRecord { field: "f".into(), message: "m".into() },
            Error::BsnInReference,
            Error::BundleVersion { found: 2, supported: 1 },
            Error::BundleHash,
            Error::InvalidBundle { path: "p".into(), message: "m".into() },
            Error::InvalidTariffClasses { path: "tariffs[0].classes[1]".into(), message: "m".into() },
            Error::InvalidExemption { path: "contributions[0].exemptions[1]".into(), message: "m".into() },
        ]
    }

    fn index(e: &Error) -> usize {
        match e {
            Error::InvalidPackage { .. } => 0,
            Error::InvalidExpression { .. } => 1,
            Error::InvalidAnswers { .. } => 2,
            Error::MissingAnswer { .. } => 3,
            Error::UnknownQuestion { .. } => 4,
            Error::NotAsked { .. } => 5,
            Error::WrongType { .. } => 6,
            Error::OutOfRange { .. } => 7,
            Error::NotAnOption { .. } => 8,
            Error::InvalidDate { .. } => 9,
            Error::NoVersionForDate { .. } => 10,
            Error::UnknownMunicipality { .. } => 11,
            Error::Overflow { .. } => 12,
            Error::EvaluationBeforeStart { .. } => 14,
            Error::DateOutOfRange { .. } => 15,
            Error::InvalidJson { .. } => 16,
            Error::DuplicateKey { .. } => 17,
            Error::Limit { .. } => 18,
            Error::OverlayName { .. } => 19,
            Error::MissingFingerprint => 20,
            Error::InvalidCaseload { .. } => 21,
            Error::DuplicateId { .. } => 22,
            Error::MunicipalityRequired { .. } => 23,
            Error::ConversationBeforeDecision { .. } => 24,
            Error::StartBeforeConversation { .. } => 25,
            Error::MissingPlanDate { .. } => 26,
            Error::NoProcedureForDate { .. } => 27,
            Error::InvalidRecord { .. } => 28,
            Error::BsnInReference => 29,
            Error::BundleVersion { .. } => 30,
            Error::BundleHash => 31,
            Error::InvalidBundle { .. } => 32,
            Error::InvalidTariffClasses { .. } => 33,
            Error::InvalidExemption { .. } => 34,
        }
    }

    #[test]
    fn error_codes_lists_every_variant_once() {
        let examples = examples();
        let mut seen: Vec<usize> = examples.iter().map(index).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), examples.len(), "an example is missing or doubled");
        let mut codes: Vec<&str> = examples.iter().map(Error::code).collect();
        assert!(codes.iter().all(|c| ERROR_CODES.contains(c)), "a code is missing from ERROR_CODES");
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), examples.len(), "two variants share a code");
        assert_eq!(ERROR_CODES.len(), codes.len(), "ERROR_CODES lists a code no variant has");
    }

    #[test]
    fn error_objects_written_without_serde_as_serde_writes_them() {
        for e in examples() {
            let o = e.to_object();
            assert_eq!(o.to_json(), serde_json::to_string(&o).unwrap(), "{}", o.code);
        }
        let all = ErrorObject {
            code: "limit",
            message: "\"a\"\n\u{1}é".into(),
            question: Some("q".into()),
            path: Some("p[0]".into()),
            file: Some("f.json".into()),
            line: Some(usize::MAX),
            column: Some(0),
            limit: Some("l"),
            detail: Some("d\t".into()),
        };
        assert_eq!(all.to_json(), serde_json::to_string(&all).unwrap());
    }

    #[test]
    fn every_code_is_documented() {
        let docs = include_str!("../../docs/errors.md");
        for code in ERROR_CODES {
            assert!(docs.contains(&format!("| `{code}` |")), "code `{code}` is missing from docs/errors.md");
        }
    }

    #[test]
    fn error_objects_carry_position_and_detail() {
        let e = Error::InvalidExpression { path: "p".into(), column: 3, message: "m".into() };
        assert_eq!(
            e.to_object().to_json(),
            r#"{"code":"invalid_expression","message":"ongeldige expressie bij p, kolom 3: m","path":"p","column":3}"#
        );
        let e = Error::NotAnOption { question: "q".into(), value: "x".into(), options: "a".into() };
        assert!(e.to_object().to_json().ends_with(r#","question":"q","detail":"x"}"#));
    }
}
