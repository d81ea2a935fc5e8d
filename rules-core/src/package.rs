//! The validated, compiled package: what `evaluate` works on. Built only by
//! `Package::load`/`Package::from_value` (see `load.rs`), so every
//! instance has passed all load-time checks.

use crate::date::Date;
use crate::document::{ContributionPer, FloorAction, QuestionKind, RuleKind, Status, TariffKind, Unit};
use crate::expr::{Expr, Tables};

/// Answer key reserved for the start date of the client's current indication.
/// Here, in the model, because loading, answers and evaluation all need it.
pub const START_DATE_KEY: &str = "indicatie_startdatum";

#[derive(Debug, Clone)]
pub struct Package {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub municipalities: Vec<Municipality>,
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
    pub versions: Vec<Version>,
    /// What a municipal overlay may change (`tariff`, `contribution`, value names).
    pub municipal_choices: Vec<String>,
    /// Resolved packages, one per municipality with an overlay.
    pub overlays: Vec<Package>,
    /// Earlier packages that transition rules refer to.
    pub linked: Vec<Package>,
    /// Set when this package is a base resolved with a municipal overlay.
    pub overlay: Option<OverlayInfo>,
    /// The omgekeerd-toewijzen procedure: dated entries (empty: the motion's defaults).
    pub procedure: Vec<crate::workdays::procedure::ProcedureEntry>,
    /// Working days: the termijnenwet days plus the package's closed days.
    pub calendar: crate::workdays::Calendar,
    /// Dated tariffs, ascending by `valid_from` (empty: the versions' own, if any).
    pub tariffs: Vec<Tariff>,
    /// Contributions per calendar year, ascending by `valid_from`.
    pub contributions: Vec<Contribution>,
    /// `sha256:` fingerprint of the canonical document as loaded, every
    /// overlay included: what a bundle's `fingerprint` member must equal.
    pub fingerprint: String,
    /// What a result's `package.fingerprint` shows: the fingerprint of the
    /// document without other municipalities' overlays (base, this package's
    /// own overlay choices, linked packages; `canonical::applied_fingerprint`).
    /// Equal to `fingerprint` for a package without overlays.
    pub applied_fingerprint: String,
    /// The document as loaded, without a fingerprint member.
    pub document: serde_json::Value,
    /// The loaded package's metadata and questions as JSON text, made once
    /// at load (`load::prepare`) or read from a compiled bundle; empty for
    /// the overlays and linked packages it carries.
    pub described: Described,
}

/// `describe::info` and `describe::questions` of a loaded package as JSON
/// text: what the browser's `packageText` gives (`urenwijzer questions` prints the
/// same questions, pretty-printed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Described {
    pub info: Box<str>,
    pub questions: Box<str>,
}

#[derive(Debug, Clone)]
pub struct OverlayInfo {
    pub municipality: String,
    pub base_fingerprint: String,
}

/// A compiled tariff (see `crate::tariff` for how it is applied).
#[derive(Debug, Clone)]
pub struct Tariff {
    /// Set for entries of the package's dated `tariffs` list.
    pub valid_from: Option<Date>,
    pub kind: TariffKind,
    /// Cents per hour or per period; 0 for `per_class` (see `classes`).
    pub cents: i64,
    /// `per_class`: contiguous bands from 0 to unbounded, in order.
    pub classes: Vec<TariffClass>,
    /// Discount (negative) or surcharge in basis points; 0 for none.
    pub basis_points: i64,
    pub floor: Option<Floor>,
    pub label: String,
    pub provenance: Provenance,
}

#[derive(Debug, Clone)]
pub struct TariffClass {
    pub id: String,
    pub label: String,
    pub from_minutes_per_week: i64,
    pub to_minutes_per_week: Option<i64>,
    pub cents: i64,
}

impl TariffClass {
    pub fn holds(&self, minutes_per_week: i64) -> bool {
        self.from_minutes_per_week <= minutes_per_week && self.to_minutes_per_week.is_none_or(|t| minutes_per_week <= t)
    }
}

/// A week has 10,080 minutes: no class edge lies beyond it.
pub const MAX_MINUTES_PER_WEEK: i64 = 7 * 24 * 60;

/// Bands of displayed minutes per week: the first from 0, each next one
/// directly after the previous (edges inclusive), the last one open. On
/// failure: the index of the first class that breaks this, and why. One
/// check for the document (`compile/money.rs`) and the compiled bundle.
pub fn check_bands(classes: &[TariffClass]) -> Result<(), (usize, String)> {
    let mut next_from = 0;
    for (i, c) in classes.iter().enumerate() {
        if c.from_minutes_per_week != next_from {
            return Err((
                i,
                if c.from_minutes_per_week > next_from {
                    format!("gat: {next_from} tot {} minuten per week valt in geen klasse", c.from_minutes_per_week)
                } else {
                    format!("overlap: klasse '{}' begint bij {} minuten per week, maar {next_from} is de eerste vrije minuut", c.id, c.from_minutes_per_week)
                },
            ));
        }
        match c.to_minutes_per_week {
            Some(to) if to < c.from_minutes_per_week || to > MAX_MINUTES_PER_WEEK => {
                return Err((
                    i,
                    format!("bovengrens {to} ligt niet tussen {} en {MAX_MINUTES_PER_WEEK}", c.from_minutes_per_week),
                ))
            }
            Some(to) => next_from = to + 1,
            None if i + 1 != classes.len() => {
                return Err((i, "alleen de laatste klasse is naar boven open (zonder to_minutes_per_week)".into()))
            }
            None => {}
        }
    }
    if classes.last().is_some_and(|c| c.to_minutes_per_week.is_some()) {
        return Err((
            classes.len() - 1,
            "de laatste klasse moet naar boven open zijn (geen to_minutes_per_week)".into(),
        ));
    }
    Ok(())
}

#[derive(Debug, Clone)]
pub struct Floor {
    pub cents_per_hour: i64,
    pub below: FloorAction,
    pub label: String,
    pub provenance: Provenance,
}

#[derive(Debug, Clone)]
pub struct Contribution {
    /// Set for entries of the package's dated `contributions` list (1 January).
    pub valid_from: Option<Date>,
    pub cents: i64,
    pub per: ContributionPer,
    pub label: String,
    pub provenance: Provenance,
    /// In order; the first that applies makes the contribution 0.
    pub exemptions: Vec<Exemption>,
}

/// A household that pays no contribution: `when` is an expression over the
/// package's questions only (no values or tables).
#[derive(Debug, Clone)]
pub struct Exemption {
    pub id: String,
    pub when: Condition,
    pub label: String,
    pub provenance: Provenance,
}

#[derive(Debug, Clone)]
pub struct Transition {
    /// The date question compared with `started_before`.
    pub question: String,
    pub started_before: Date,
    pub package: String,
    pub reason: String,
    pub source: Option<(usize, String)>,
}

#[derive(Debug, Clone)]
pub struct Municipality {
    pub id: String,
    pub name: String,
    pub how_to_apply: Option<String>,
    pub url: Option<String>,
    /// Contact details for residents (checked in `compile::resident`).
    pub contact: Option<crate::document::ContactDoc>,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub ecli: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub topic: String,
    pub label: String,
    pub help: Option<String>,
    pub ask_if: Option<Condition>,
    pub options: Vec<AnswerOption>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// May be skipped: used only by contribution exemptions (see `crate::tariff`).
    pub optional: bool,
}

/// A compiled expression together with the text it was written as.
#[derive(Debug, Clone)]
pub struct Condition {
    pub text: String,
    pub expr: Expr,
}

#[derive(Debug, Clone)]
pub enum Provenance {
    Source { document: usize, locator: String },
    Provisional { reason: String },
}

impl Provenance {
    pub fn is_provisional(&self) -> bool {
        matches!(self, Provenance::Provisional { .. })
    }
}

#[derive(Debug, Clone)]
pub struct NamedValue {
    pub name: String,
    pub label: String,
    /// As written in the document, in `unit`.
    pub written: i64,
    pub unit: Unit,
    /// In internal units: exact minutes per year (or the plain number).
    pub internal: i64,
    pub provenance: Provenance,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub title: String,
    pub unit: Unit,
    pub row_label: String,
    pub column_label: String,
    pub columns: Vec<String>,
    pub rows: Vec<String>,
    /// Row-major cells in internal units.
    pub cells: Vec<i64>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone)]
pub struct NotEncoded {
    pub id: String,
    pub title: String,
    pub reason: String,
    pub source: Option<(usize, String)>,
}

#[derive(Debug, Clone)]
pub struct NotCovered {
    pub id: String,
    pub title: String,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct Version {
    pub version: String,
    pub valid_from: Date,
    pub valid_until: Option<Date>,
    pub status: Status,
    /// Where `valid_from` comes from (`None` when the package gives neither).
    pub valid_from_provenance: Option<Provenance>,
    /// Set when the whole version is provisional: the reason (warns on every result).
    pub provisional: Option<String>,
    pub not_encoded: Vec<NotEncoded>,
    pub not_covered: Vec<NotCovered>,
    pub values: Vec<NamedValue>,
    pub tables: Vec<Table>,
    pub areas: Vec<Area>,
    pub tariff: Option<Tariff>,
    pub contribution: Option<Contribution>,
    pub transition: Option<Transition>,
    /// Warning messages prepared at load time.
    pub texts: WarningTexts,
    /// JSON fragments that do not depend on the answers, escaped once at load.
    pub json: JsonCache,
}

/// Warning messages that depend only on the version, written once at load
/// (by `explain::warning_texts`).
#[derive(Debug, Clone, Default)]
pub struct WarningTexts {
    pub concept: String,
    /// Text of the `provisional_version` warning (empty when not provisional).
    pub provisional_version: String,
    pub not_encoded: Vec<String>,
    pub not_covered: String,
}

/// Pre-rendered JSON of the parts of an indication that depend only on the
/// package version (see `output::prerender`), spliced in verbatim. Each part
/// has an id, unique within the loaded package with its overlays and linked
/// packages: the browser's template (`output::template`) lists the parts by
/// id, and the packed form (`output::to_packed`) names a part by its id.
#[derive(Debug, Clone, Default)]
pub struct JsonCache {
    /// The ids of this version's parts (`first..end`, in the order made).
    pub ids: std::ops::Range<u32>,
    /// The `package` object: [no municipality, municipality 0, 1, …].
    pub package: Vec<Prerendered>,
    /// The `engine` object (the same for every version; here so that a
    /// version's template holds all its answer-independent parts).
    pub engine: Option<Prerendered>,
    /// Per area, per rule.
    pub rules: Vec<Vec<RuleJson>>,
    pub concept: Option<Prerendered>,
    pub provisional_version: Option<Prerendered>,
    pub not_encoded: Vec<Prerendered>,
    pub not_covered: Option<Prerendered>,
    /// The `tariff` object of `cost`: [the version's own, the package's dated 0, 1, …];
    /// `None` for a class tariff (its amount is the class's) and where there is none.
    pub tariffs: Vec<Option<Prerendered>>,
    /// A contribution's own fields (`output::cost::contribution_money`), in the same order.
    pub contributions: Vec<Option<Prerendered>>,
}

/// One answer-independent JSON value, rendered at load, with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prerendered {
    pub id: u32,
    pub json: Box<str>,
}

#[derive(Debug, Clone)]
pub struct RuleJson {
    pub label: Prerendered,
    pub condition: Prerendered,
    pub sources: Prerendered,
    /// The start of the rule step's explanation sentence (`explain::rule_sentence_head`).
    pub head: SentenceHead,
    /// The step's answer-independent fields as one array, `[area, rule, kind,
    /// label, condition, sources]` (the payload's step head, `output::StepJson::head`).
    pub step: Prerendered,
}

/// The answer-independent start of an explanation sentence, as text and as
/// a pre-rendered JSON string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceHead {
    pub text: Box<str>,
    pub part: Prerendered,
}

impl Version {
    pub fn applies_on(&self, date: Date) -> bool {
        self.valid_from <= date && self.valid_until.is_none_or(|u| date <= u)
    }

    /// Number of provisional time numbers (values and table cells): what
    /// keeps a version from being `vastgesteld` (money does not count).
    pub fn provisional_time_count(&self) -> usize {
        let values = self.values.iter().filter(|v| v.provenance.is_provisional()).count();
        let cells: usize = self.tables.iter().filter(|t| t.provenance.is_provisional()).map(|t| t.cells.len()).sum();
        values + cells
    }

    /// Number of provisional numbers (values and table cells) in this version.
    pub fn provisional_count(&self) -> usize {
        let values = self.values.iter().filter(|v| v.provenance.is_provisional()).count();
        let cells: usize = self.tables.iter().filter(|t| t.provenance.is_provisional()).map(|t| t.cells.len()).sum();
        let money = [self.tariff.as_ref().map(|t| &t.provenance), self.contribution.as_ref().map(|c| &c.provenance)]
            .into_iter()
            .flatten()
            .filter(|p| p.is_provisional())
            .count();
        values + cells + money
    }
}

impl Tables for Version {
    fn cell(&self, table: u16, row: usize, column: usize) -> i64 {
        let t = &self.tables[table as usize];
        t.cells[row * t.columns.len() + column]
    }
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub floor_at_zero: bool,
    /// Index of the value that caps this area.
    pub maximum: Option<u16>,
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: RuleKind,
    pub label: String,
    pub explanation: Option<String>,
    pub when: Option<Condition>,
    /// Reason when the rule's logic is an assumption without a public source.
    pub provisional: Option<String>,
    pub amount: Condition,
    pub per: Option<Condition>,
    /// Questions the rule reads, in package order.
    pub questions: Vec<u16>,
    /// Values and tables the amount uses (their provenance is the citation).
    pub values: Vec<u16>,
    pub tables: Vec<u16>,
}

impl Package {
    /// Drops every version's pre-rendered JSON (in the overlays and linked
    /// packages too): the package as a compiled bundle loads without the
    /// feature `prerender-compiled` (the self-check site's module), whose
    /// indications render those parts at each evaluation, the same bytes.
    /// For tests (`urenwijzer conformance --no-prerender`).
    pub fn forget_prerendered(&mut self) {
        for v in &mut self.versions {
            v.json = JsonCache::default();
        }
        for p in self.overlays.iter_mut().chain(self.linked.iter_mut()) {
            p.forget_prerendered();
        }
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The package to use for a municipality: its overlay when it has one.
    pub fn for_municipality(&self, municipality: &str) -> Option<&Package> {
        self.overlays
            .iter()
            .find(|o| o.overlay.as_ref().is_some_and(|i| i.municipality == municipality))
            .or_else(|| self.municipalities.iter().any(|m| m.id == municipality).then_some(self))
    }

    pub fn linked_package(&self, id: &str) -> Option<&Package> {
        self.linked.iter().find(|p| p.id == id)
    }

    /// The version that applies on `date`.
    pub fn version_for(&self, date: Date) -> Option<&Version> {
        self.versions.iter().find(|v| v.applies_on(date))
    }

    /// The dated tariff that applies on `date` (latest `valid_from` on or before it).
    pub fn tariff_on(&self, date: Date) -> Option<&Tariff> {
        self.tariffs.iter().rev().find(|t| t.valid_from.is_some_and(|f| f <= date))
    }

    /// The contribution for the calendar year of `date`.
    pub fn contribution_on(&self, date: Date) -> Option<&Contribution> {
        self.contributions.iter().rev().find(|c| c.valid_from.is_some_and(|f| f <= date))
    }
}
