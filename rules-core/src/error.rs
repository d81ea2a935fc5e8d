//! Errors with stable codes. The codes are part of the public contract
//! (documented in `docs/errors.md`); the messages are Dutch and may improve.

use serde::Serialize;

/// Every way loading a package or evaluating answers can fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("ongeldig normpakket bij {path}: {message}")]
    InvalidPackage { path: String, message: String },

    #[error("ongeldige expressie bij {path}, kolom {column}: {message}")]
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
    OutOfRange { question: String, value: i64, min: i64, max: i64 },

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

    #[error("{}{message}", .line.map(|l| format!("regel {l}: ")).unwrap_or_default())]
    InvalidCaseload { line: Option<usize>, message: String },

    #[error("regel {line}: huishouden '{id}' staat ook al op regel {first_line}")]
    DuplicateId { id: String, line: usize, first_line: usize },

    #[error("normpakket '{package}' heeft alleen per gemeente een tarief; geef de gemeente van dit huishouden op")]
    MunicipalityRequired { package: String },
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
            Error::InvalidCaseload { .. } => "invalid_caseload",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::MunicipalityRequired { .. } => "municipality_required",
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
            Error::InvalidPackage { path, .. } | Error::InvalidExpression { path, .. } | Error::Overflow { path } => {
                Some(path)
            }
            _ => None,
        }
    }

    /// The JSON form `{code, message, question?, path?}`.
    pub fn to_object(&self) -> ErrorObject {
        ErrorObject {
            code: self.code(),
            message: self.to_string(),
            question: self.question().map(str::to_owned),
            path: self.path().map(str::to_owned),
        }
    }

    pub(crate) fn package(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidPackage { path: path.into(), message: message.into() }
    }
}

/// Serialisable error, key order `code, message, question, path`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorObject {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl ErrorObject {
    /// Canonical compact JSON of the error.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"code\":\"internal\"}"))
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
    "invalid_caseload",
    "duplicate_id",
    "municipality_required",
];
