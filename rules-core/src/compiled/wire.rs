//! The body of a compiled bundle: mirror types of the compiled `Package`,
//! encoded with `postcard`; `read.rs` reads the same bytes straight into
//! the model (no `wire` values and no serde `Deserialize` in the browser). They are the frozen format, kept apart from the
//! in-memory model on purpose: the model may change freely, this file may
//! not without raising `FORMAT_VERSION` (`compiled/mod.rs`).
//!
//! Rules of the format:
//! - field and variant order is the encoding (postcard writes no names), so
//!   never reorder, insert or remove; a change is a new format version;
//! - enums of the document (`QuestionKind`, `Unit`, …) are `u8` codes mapped
//!   in `encode`/`decode`, so renaming a document enum changes nothing here;
//! - `read.rs` follows these declarations field by field and variant by
//!   variant (a new variant: add it there and to its test,
//!   `every_enum_variant_reads_back`, which fails to compile until then);
//!   its tests hold it to postcard's decoder, for which `Deserialize` is
//!   derived in tests only;
//! - no recursion: nested packages are indices into `Bundle::packages` and
//!   an expression is a flat list of nodes, so a crafted bundle cannot make
//!   the decoder recurse (and overflow the stack) before anything is checked;
//! - of what `load` prepares from the model, the texts are stored as made
//!   (format 3): each version's warning texts (`Pkg::texts`) and the bundled
//!   package's metadata and questions as JSON text (`Bundle::info`,
//!   `Bundle::questions`), so the browser's modules carry none of the code
//!   that writes them (issue 11). The pre-rendered JSON parts are not stored
//!   (they repeat the model and would double a bundle): the widget's and
//!   tools modules render them at load, the site module at evaluation
//!   (`compiled::load_compiled`). The source document is not stored.

use serde::Serialize;

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Bundle {
    /// `packages[0]` is the bundled package; each package's overlays and
    /// linked packages are indices of later entries, each used exactly once.
    pub packages: Vec<Pkg>,
    /// `describe::info` of `packages[0]`, as JSON text.
    pub info: String,
    /// `describe::questions` of `packages[0]`, as JSON text.
    pub questions: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Pkg {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub municipalities: Vec<Municipality>,
    pub sources: Vec<Source>,
    pub topics: Vec<(String, String)>,
    pub questions: Vec<Question>,
    pub versions: Vec<Version>,
    pub municipal_choices: Vec<String>,
    pub overlays: Vec<u32>,
    pub linked: Vec<u32>,
    /// (municipality, base fingerprint)
    pub overlay: Option<(String, String)>,
    pub procedure: Vec<ProcedureEntry>,
    /// (days since 1970-01-01, label), sorted, one per date
    pub closed_days: Vec<(i32, String)>,
    /// Dated tariffs and contributions of the package (or overlay), ascending.
    pub tariffs: Vec<Tariff>,
    pub contributions: Vec<Contribution>,
    pub fingerprint: String,
    pub applied_fingerprint: String,
    /// Each version's warning texts (`model::WarningTexts`), in the order
    /// of `versions`: (concept, provisional_version, not_encoded, not_covered).
    pub texts: Vec<(String, String, Vec<String>, String)>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Municipality {
    pub id: String,
    pub name: String,
    pub how_to_apply: Option<String>,
    pub url: Option<String>,
    pub contact: Option<Contact>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Contact {
    pub phone: Option<String>,
    pub url: Option<String>,
    pub opening_hours: Option<String>,
    /// (name, phone, url)
    pub client_support: Option<(Option<String>, Option<String>, Option<String>)>,
    /// (document id, locator)
    pub source: (String, String),
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub ecli: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Question {
    pub id: String,
    pub kind: u8,
    pub topic: String,
    pub label: String,
    pub help: Option<String>,
    pub ask_if: Option<Condition>,
    /// (id, label)
    pub options: Vec<(String, String)>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub optional: bool,
}

/// An expression as written and compiled: `nodes` in post-order, children
/// before their parent, the root last.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Condition {
    pub text: String,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Version {
    pub version: String,
    pub valid_from: i32,
    pub valid_until: Option<i32>,
    pub status: u8,
    pub valid_from_provenance: Option<Provenance>,
    pub provisional: Option<String>,
    pub not_encoded: Vec<NotEncoded>,
    pub not_covered: Vec<(String, String, String)>,
    pub values: Vec<NamedValue>,
    pub tables: Vec<Table>,
    pub areas: Vec<Area>,
    pub tariff: Option<Tariff>,
    pub contribution: Option<Contribution>,
    pub transition: Option<Transition>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct NotEncoded {
    pub id: String,
    pub title: String,
    pub reason: String,
    pub source: Option<(u32, String)>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct NamedValue {
    pub name: String,
    pub label: String,
    pub written: i64,
    pub unit: u8,
    pub internal: i64,
    pub provenance: Provenance,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Table {
    pub name: String,
    pub title: String,
    pub unit: u8,
    pub row_label: String,
    pub column_label: String,
    pub columns: Vec<String>,
    pub rows: Vec<String>,
    pub cells: Vec<i64>,
    pub provenance: Provenance,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Tariff {
    pub valid_from: Option<i32>,
    pub kind: u8,
    pub cents: i64,
    pub classes: Vec<TariffClass>,
    pub basis_points: i64,
    pub floor: Option<Floor>,
    pub label: String,
    pub provenance: Provenance,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct TariffClass {
    pub id: String,
    pub label: String,
    pub from_minutes_per_week: i64,
    pub to_minutes_per_week: Option<i64>,
    pub cents: i64,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Floor {
    pub cents_per_hour: i64,
    pub below: u8,
    pub label: String,
    pub provenance: Provenance,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Contribution {
    pub valid_from: Option<i32>,
    pub cents: i64,
    pub per: u8,
    pub label: String,
    pub provenance: Provenance,
    pub exemptions: Vec<Exemption>,
}

/// `when` may name every question, no values or tables.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Exemption {
    pub id: String,
    pub when: Condition,
    pub label: String,
    pub provenance: Provenance,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Transition {
    pub question: String,
    pub started_before: i32,
    pub package: String,
    pub reason: String,
    pub source: Option<(u32, String)>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Area {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub floor_at_zero: bool,
    pub maximum: Option<u16>,
    pub rules: Vec<Rule>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Rule {
    pub id: String,
    pub kind: u8,
    pub label: String,
    pub explanation: Option<String>,
    pub when: Option<Condition>,
    pub provisional: Option<String>,
    pub amount: Condition,
    pub per: Option<Condition>,
    pub questions: Vec<u16>,
    pub values: Vec<u16>,
    pub tables: Vec<u16>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct ProcedureEntry {
    pub valid_from: i32,
    /// conversation_within, start_within, evaluation_from, evaluation_until:
    /// (amount, unit code)
    pub periods: [(u32, u8); 4],
    pub citation: Citation,
}

/// One expression node; `u32` operands are indices of earlier nodes.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub enum Node {
    Const(i64),
    Answer(u16, bool),
    Value(u16, i64),
    Neg(u32),
    Add(u32, u32),
    Sub(u32, u32),
    Mul(u32, u32),
    Min(Vec<u32>),
    Max(Vec<u32>),
    /// (comparison code, absent-aware, left, right)
    Compare(u8, bool, u32, u32),
    InSet(u32, u64),
    And(u32, u32),
    Or(u32, u32),
    Not(u32),
    Lookup(u16, Key, Key),
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub enum Key {
    Fixed(u32),
    Answer { question: u16, offset: i64, map: Vec<u16> },
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub enum Provenance {
    /// (index into the package's `sources`, locator)
    Source(u32, String),
    Provisional(String),
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub enum Citation {
    Source { document: String, locator: String },
    Provisional(String),
}
