//! The norm package document as written by policy staff (JSON). These types
//! only describe the shape; `compile` checks meaning. Unknown fields are
//! refused so a typo never silently drops a rule. New optional fields may be
//! added in later format revisions without breaking existing packages.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "urenwijzer-package/1";
pub const OVERLAY_FORMAT: &str = "urenwijzer-overlay/1";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PackageDoc {
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `urenwijzer-package/1`.
    pub format: String,
    pub id: String,
    /// The official title (shown in the consultant's part only).
    pub title: String,
    /// Title for residents in plain Dutch, e.g. "Regels van de gemeente Delft".
    #[serde(default)]
    pub resident_title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// Municipalities that use this package.
    pub municipalities: Vec<MunicipalityDoc>,
    /// The public documents the numbers come from.
    pub sources: Vec<SourceDoc>,
    /// Topics group questions on screen (in this order).
    pub topics: Vec<TopicDoc>,
    pub questions: Vec<QuestionDoc>,
    /// Versions in time; exactly one applies on a given date.
    pub versions: Vec<VersionDoc>,
    /// What a municipal overlay may change: `tariff`, `contribution`,
    /// `procedure`, `calendar`, or the name of a value.
    #[serde(default)]
    pub municipal_choices: Vec<String>,
    /// Deadlines of omgekeerd toewijzen, a dated list (the entry with the
    /// latest `valid_from` on or before the decision date applies). Without
    /// it the council motion's defaults apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedure: Vec<ProcedureEntryDoc>,
    /// Days that are not working days besides the Algemene termijnenwet days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarDoc>,
    /// Tariffs, a dated list: the entry with the latest `valid_from` on or
    /// before the evaluation date applies. A version's own `tariff` takes precedence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tariffs: Vec<TariffDoc>,
    /// The resident's contribution per calendar year: each entry's
    /// `valid_from` is 1 January. A version's own `contribution` takes precedence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributions: Vec<ContributionDoc>,
    /// Municipal overlays by municipality id (bundles carry them inline).
    #[serde(default)]
    pub overlays: BTreeMap<String, OverlayDoc>,
    /// Earlier packages named by transition rules, by id (bundles carry them inline).
    #[serde(default)]
    pub linked: BTreeMap<String, serde_json::Value>,
    /// Set on a resolved package: the overlay it was resolved with.
    #[serde(default)]
    pub overlay: Option<ResolvedOverlayDoc>,
    /// Present in bundled documents only; never part of the fingerprinted content.
    #[serde(default)]
    pub fingerprint: Option<String>,
}

/// Local choices of one municipality on top of a shared base package.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OverlayDoc {
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `urenwijzer-overlay/1`.
    pub format: String,
    /// Id of the base package.
    pub base: String,
    pub municipality: String,
    #[serde(default)]
    pub how_to_apply: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// How residents reach the municipality; replaces the base entry's contact.
    #[serde(default)]
    pub contact: Option<ContactDoc>,
    /// Extra source documents for the overlay's numbers.
    #[serde(default)]
    pub sources: Vec<SourceDoc>,
    #[serde(default)]
    pub tariff: Option<TariffDoc>,
    #[serde(default)]
    pub contribution: Option<ContributionDoc>,
    /// Replacement values; only names listed in the base's `municipal_choices`.
    #[serde(default)]
    pub values: BTreeMap<String, ValueDoc>,
    /// Choices for one base version only (tariffs change by year), by the
    /// base's version name; they take precedence over the ones above.
    #[serde(default)]
    pub versions: BTreeMap<String, OverlayVersionDoc>,
    /// Replaces the base's `procedure` list (needs `procedure` in `municipal_choices`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<Vec<ProcedureEntryDoc>>,
    /// Replaces the base's `calendar` (needs `calendar` in `municipal_choices`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarDoc>,
    /// Replaces the base's dated `tariffs` list (needs `tariff` in `municipal_choices`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tariffs: Option<Vec<TariffDoc>>,
    /// Replaces the base's dated `contributions` list (needs `contribution` in `municipal_choices`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributions: Option<Vec<ContributionDoc>>,
}

/// How a procedure period counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnitDoc {
    /// Monday to Friday without the termijnenwet days and the closed days.
    WorkingDays,
    /// Calendar days; a result on a non-working day moves to the next working day.
    Days,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PeriodDoc {
    /// Whole number, 0 to 366.
    pub amount: i64,
    pub unit: PeriodUnitDoc,
}

/// One dated entry of the omgekeerd-toewijzen procedure.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProcedureEntryDoc {
    /// `YYYY-MM-DD`: the entry applies from this date until the next entry's.
    pub valid_from: String,
    /// From the decision (whether help is needed) to the conversation about how much.
    pub conversation_within: PeriodDoc,
    /// From the conversation to the start of the help.
    pub start_within: PeriodDoc,
    /// First day of the evaluation window, counted from the start.
    pub evaluation_from: PeriodDoc,
    /// Last day of the evaluation window, counted from the start.
    pub evaluation_until: PeriodDoc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRefDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisional: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarDoc {
    /// Closing days of the municipality or the providers (e.g. Good Friday).
    #[serde(default)]
    pub closed_days: Vec<ClosedDayDoc>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClosedDayDoc {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRefDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisional: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OverlayVersionDoc {
    #[serde(default)]
    pub tariff: Option<TariffDoc>,
    #[serde(default)]
    pub contribution: Option<ContributionDoc>,
    #[serde(default)]
    pub values: BTreeMap<String, ValueDoc>,
}

/// Written into a resolved package so its output names base and overlay.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResolvedOverlayDoc {
    pub municipality: String,
    pub base_fingerprint: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TariffKind {
    /// Price per hour of indicated time (`cents`).
    PerHour,
    /// One price per client per four-week period (`cents`, result-based funding).
    PerPeriod,
    /// A Resultatenmatrix: a price per four-week period per class (`classes`).
    PerClass,
}

/// A tariff. In the dated `tariffs` list each entry has its own `valid_from`;
/// a version's (or an overlay's) single `tariff` has none. Order of the
/// parts: the class tariff (or `cents`), then `basis_points`, then `floor`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TariffDoc {
    /// `YYYY-MM-DD`; required in the `tariffs` list, absent on a version's `tariff`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    pub kind: TariffKind,
    /// Whole euro cents (per hour or per four weeks); not for `per_class`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cents: Option<i64>,
    /// `per_class` only: classes by bands of the indication's displayed
    /// minutes per week, edges inclusive, from 0 to unbounded, no gaps or overlaps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<TariffClassDoc>,
    /// A discount (negative) or surcharge in basis points (−100 = −1 %), −10000..10000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_points: Option<i64>,
    /// Period tariffs only: the least a period may pay, per indicated hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<FloorDoc>,
    pub label: String,
    #[serde(default)]
    pub source: Option<SourceRefDoc>,
    #[serde(default)]
    pub provisional: Option<String>,
}

/// One class of a Resultatenmatrix (its numbers share the tariff's provenance).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TariffClassDoc {
    pub id: String,
    pub label: String,
    /// Lowest displayed minutes per week in the class (inclusive).
    pub from_minutes_per_week: i64,
    /// Highest (inclusive); absent for the open top class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_minutes_per_week: Option<i64>,
    /// Whole euro cents per four-week period.
    pub cents: i64,
}

/// What happens when a period tariff falls below the floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FloorAction {
    /// The result warns, naming both amounts.
    Warn,
    /// The period tariff is raised to the floor.
    Raise,
}

/// `cents_per_hour × indicated hours per period` (exact) is the least a
/// period tariff may pay (Haarlem's experiment: a delivered hour never earns
/// less than the basic hourly rate).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FloorDoc {
    /// Whole euro cents per hour.
    pub cents_per_hour: i64,
    pub below: FloorAction,
    pub label: String,
    #[serde(default)]
    pub source: Option<SourceRefDoc>,
    #[serde(default)]
    pub provisional: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContributionPer {
    Month,
    Period,
    Year,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContributionDoc {
    /// `YYYY-01-01`: the calendar year the amount holds from; required in
    /// the `contributions` list, absent on a version's `contribution`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// Whole euro cents.
    pub cents: i64,
    pub per: ContributionPer,
    pub label: String,
    #[serde(default)]
    pub source: Option<SourceRefDoc>,
    #[serde(default)]
    pub provisional: Option<String>,
    /// When one applies, the household pays no contribution.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<ExemptionDoc>,
}

/// A household that pays no contribution (e.g. a minimum-income scheme).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExemptionDoc {
    pub id: String,
    /// Expression over the package's questions (usually `optional` ones).
    pub when: String,
    /// B1 text for the resident: who is exempted.
    pub label: String,
    #[serde(default)]
    pub source: Option<SourceRefDoc>,
    #[serde(default)]
    pub provisional: Option<String>,
}

/// Clients whose indication started before a date keep an earlier package.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TransitionDoc {
    pub started_before: String,
    /// The `date` question whose answer is compared with `started_before`
    /// (default `indicatie_startdatum`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Id of the earlier package.
    pub package: String,
    /// Plain Dutch: why these clients keep the earlier norm.
    pub reason: String,
    #[serde(default)]
    pub source: Option<SourceRefDoc>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MunicipalityDoc {
    pub id: String,
    pub name: String,
    /// How and where a resident applies (plain Dutch), when known.
    #[serde(default)]
    pub how_to_apply: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// How residents reach the municipality, each detail from a cited source.
    #[serde(default)]
    pub contact: Option<ContactDoc>,
}

/// A municipality's contact details for residents. Never invented: `source`
/// names where they were found. `url`s are https; phone numbers hold digits,
/// spaces and `+` only (municipal numbers such as "14 015" are fine).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactDoc {
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Plain Dutch, e.g. "maandag tot en met vrijdag van 9.00 tot 17.00 uur".
    #[serde(default)]
    pub opening_hours: Option<String>,
    /// Free independent client support (onafhankelijke cliëntondersteuning).
    #[serde(default)]
    pub client_support: Option<ClientSupportDoc>,
    /// Where these details come from (an entry of `sources` and a locator).
    pub source: SourceRefDoc,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClientSupportDoc {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Case law identifier, when the source is a judgment.
    #[serde(default)]
    pub ecli: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TopicDoc {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuestionDoc {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    pub topic: String,
    pub label: String,
    #[serde(default)]
    pub help: Option<String>,
    /// Expression; the question is asked only when it is true.
    #[serde(default)]
    pub ask_if: Option<String>,
    /// Choice questions only.
    #[serde(default)]
    pub options: Vec<OptionDoc>,
    /// Number questions only (inclusive bounds).
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    /// The resident may skip it: only a contribution's `exemptions` may use
    /// it, and an unanswered one is "not given", never a missing answer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    YesNo,
    Choice,
    Number,
    Date,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OptionDoc {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Concept,
    Vastgesteld,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Concept => "concept",
            Status::Vastgesteld => "vastgesteld",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VersionDoc {
    pub version: String,
    pub valid_from: String,
    /// Where `valid_from` comes from (a decision's date of entry into force).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from_source: Option<SourceRefDoc>,
    /// Why `valid_from` has no public source yet (instead of `valid_from_source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from_provisional: Option<String>,
    /// Inclusive last day; absent means "until further notice".
    #[serde(default)]
    pub valid_until: Option<String>,
    pub status: Status,
    /// Set when the version as a whole is provisional (e.g. its numbers are
    /// invented examples): the reason, shown as a warning on every result.
    /// Such a version cannot be `vastgesteld`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisional: Option<String>,
    /// Rules of the source that this version does not encode (every result warns).
    #[serde(default)]
    pub not_encoded: Vec<NotEncodedDoc>,
    /// Result areas that exist in practice but this version does not cover.
    #[serde(default)]
    pub not_covered: Vec<NotCoveredDoc>,
    /// Named numbers, each with its unit and provenance.
    #[serde(default)]
    pub values: BTreeMap<String, ValueDoc>,
    /// Lookup tables as in the norm document.
    #[serde(default)]
    pub tables: BTreeMap<String, TableDoc>,
    pub areas: Vec<AreaDoc>,
    /// Price of the help (usually set by a municipal overlay).
    #[serde(default)]
    pub tariff: Option<TariffDoc>,
    /// Personal contribution (usually set by a municipal overlay).
    #[serde(default)]
    pub contribution: Option<ContributionDoc>,
    /// Overgangsrecht: some clients keep an earlier package.
    #[serde(default)]
    pub transition: Option<TransitionDoc>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NotEncodedDoc {
    pub id: String,
    pub title: String,
    /// For officials: why the rule is not encoded.
    pub reason: String,
    /// For residents (B1): what is not counted and what to ask the consultant.
    #[serde(default)]
    pub resident_text: Option<String>,
    #[serde(default)]
    pub source: Option<SourceRefDoc>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NotCoveredDoc {
    pub id: String,
    pub title: String,
    /// For officials: why the area is not covered.
    pub reason: String,
    /// For residents (B1): what is not counted and what to ask the consultant.
    #[serde(default)]
    pub resident_text: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceRefDoc {
    /// Id of an entry in the package's `sources`.
    pub document: String,
    /// Section, page or table within the document.
    pub locator: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    MinutesPerWeek,
    HoursPerYear,
    MinutesPerYear,
    /// A dimensionless count or threshold.
    Number,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValueDoc {
    pub amount: i64,
    pub unit: Unit,
    pub label: String,
    /// Exactly one of `source` or `provisional`.
    #[serde(default)]
    pub source: Option<SourceRefDoc>,
    #[serde(default)]
    pub provisional: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TableDoc {
    pub title: String,
    pub unit: Unit,
    /// What the rows stand for and what the columns stand for (for readers).
    pub row_label: String,
    pub column_label: String,
    pub columns: Vec<String>,
    /// Row key → one number per column.
    pub rows: BTreeMap<String, Vec<i64>>,
    /// Exactly one of `source` or `provisional`.
    #[serde(default)]
    pub source: Option<SourceRefDoc>,
    #[serde(default)]
    pub provisional: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaDoc {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Never let the area's total go below zero (default true).
    #[serde(default = "yes")]
    pub floor_at_zero: bool,
    /// Name of a value that caps the area's total.
    #[serde(default)]
    pub maximum: Option<String>,
    pub rules: Vec<RuleDoc>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    Base,
    Surcharge,
    Reduction,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    pub id: String,
    pub kind: RuleKind,
    /// Short label, as in the norm document.
    pub label: String,
    /// One plain-Dutch sentence (B1) saying why this rule applies.
    #[serde(default)]
    pub explanation: Option<String>,
    /// Condition expression; absent means always.
    #[serde(default)]
    pub when: Option<String>,
    /// Time expression (uses values or tables); for reductions the amount taken off.
    pub amount: String,
    /// Optional count expression: the amount applies this many times.
    #[serde(default)]
    pub per: Option<String>,
    /// Set when the rule's logic itself (not a number) is an assumption
    /// without a public source: the reason. Results it fires in warn.
    #[serde(default)]
    pub provisional: Option<String>,
}

/// JSON Schemas of the package and overlay documents, generated from these
/// types, so editors can validate a package while it is written.
#[cfg(feature = "schema")]
pub mod schema {
    pub fn package() -> serde_json::Value {
        let mut s = serde_json::to_value(schemars::schema_for!(super::PackageDoc)).unwrap_or_default();
        s["$id"] = "https://urenwijzer.nl/schema/package.schema.json".into();
        s
    }

    pub fn overlay() -> serde_json::Value {
        let mut s = serde_json::to_value(schemars::schema_for!(super::OverlayDoc)).unwrap_or_default();
        s["$id"] = "https://urenwijzer.nl/schema/overlay.schema.json".into();
        s
    }
}
