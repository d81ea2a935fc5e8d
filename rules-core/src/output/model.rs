//! The JSON model of an indication: these structs' field order is the key
//! order of the canonical JSON.

use crate::eval::figures;
use crate::explain::{Sentence, Warning};

/// The contract version, the first key of every indication (`docs/json-contract.md`).
pub const CONTRACT_VERSION: u32 = 2;

pub use crate::eval::{display_minutes, DISPLAY_STEP_MINUTES};

/// Either JSON pre-rendered at load time, spliced in verbatim, or a value
/// serialised now. Both give the same bytes; the first is just faster. In
/// the browser's packed form (`to_packed`) a pre-rendered part is written as
/// its id instead, and the wrapper puts the part from the template there.
pub enum Fragment<'a, T> {
    Raw(&'a crate::package::Prerendered),
    Value(T),
}

pub struct IndicationJson<'a> {
    pub contract: u32,
    pub package: Fragment<'a, PackageRef<'a>>,
    pub date: String,
    pub engine: Fragment<'a, EngineRef>,
    pub transition: Option<TransitionJson<'a>>,
    pub total: Figures,
    pub areas: Vec<AreaJson<'a>>,
    pub cost: Option<CostJson<'a>>,
    pub trace: Vec<StepJson<'a>>,
    pub explanation: Vec<Sentence<'a>>,
    pub warnings: Vec<Fragment<'a, Warning<'a>>>,
}

pub struct PackageRef<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub version: &'a str,
    pub status: &'static str,
    pub municipality: Option<&'a str>,
    /// The municipality whose overlay was applied (null without overlay).
    pub overlay: Option<&'a str>,
    /// Fingerprint of the package as applied (resolved with its overlay).
    pub fingerprint: &'a str,
    /// Fingerprint of the shared base document, when an overlay was applied.
    pub base_fingerprint: Option<&'a str>,
}

pub struct TransitionJson<'a> {
    /// The package whose transition rule sent the client to `package`.
    pub from: PackageVersionJson<'a>,
    pub started: String,
    pub started_before: String,
    pub reason: &'a str,
}

pub struct PackageVersionJson<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub fingerprint: &'a str,
}

pub struct CostJson<'a> {
    /// The Resultatenmatrix class of the displayed minutes per week; null
    /// without a class tariff (or without help).
    pub class: Option<ClassJson<'a>>,
    /// Pre-rendered at load unless a class tariff (whose amount is the class's).
    pub tariff: Option<Fragment<'a, MoneyJson<'a>>>,
    /// Cost per four-week period in whole cents (per-hour tariffs: minutes
    /// per period × tariff / 60, rounded half up).
    pub cents_per_period: Option<i64>,
    /// Cost per year in whole cents: a per-period tariff × 13; a per-hour
    /// tariff from the exact minutes per year × tariff / 60, rounded half up once.
    pub cents_per_year: Option<i64>,
    pub contribution: Option<ContributionJson<'a>>,
}

/// A Resultatenmatrix class: the band of minutes per week it covers.
pub struct ClassJson<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub from_minutes_per_week: i64,
    /// Null for the open top class.
    pub to_minutes_per_week: Option<i64>,
}

/// The resident's contribution in its own unit, plus per year.
pub struct ContributionJson<'a> {
    pub money: MoneyJson<'a>,
    /// `money` pre-rendered at load: the packed form writes its id, then
    /// `cents_per_year` and the exemption, if any.
    pub part: Option<&'a crate::package::Prerendered>,
    /// A monthly contribution × 12, a four-weekly one × 13, a yearly one as is; 0 when an
    /// exemption applies; null on overflow.
    pub cents_per_year: Option<i64>,
    /// The exemption that applies, with its citation; absent when none does.
    pub exemption: Option<ExemptionJson<'a>>,
}

/// A contribution exemption that applies: its id, B1 label and citation
/// (`document`/`title`/`locator`, or `provisional`).
pub struct ExemptionJson<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub document: Option<&'a str>,
    pub title: Option<&'a str>,
    pub locator: Option<&'a str>,
    pub provisional: Option<&'a str>,
}

pub struct MoneyJson<'a> {
    /// `per_hour` / `per_period` for tariffs, `month` / `period` for contributions.
    pub per: &'static str,
    pub cents: i64,
    pub label: &'a str,
    /// Tariffs only: the discount (negative) or surcharge in basis points; absent for none.
    pub basis_points: Option<i64>,
    /// Period tariffs only: the floor per indicated hour; absent for none.
    pub floor_cents_per_hour: Option<i64>,
    pub provisional: Option<&'a str>,
}

pub struct EngineRef {
    pub name: &'static str,
    pub version: &'static str,
}

pub struct Figures {
    pub minutes_per_week: i64,
    pub minutes_per_period: i64,
    pub minutes_per_year: i64,
    /// What a resident is shown: minutes per week rounded up to the quarter hour.
    pub display_minutes_per_week: i64,
}

impl Figures {
    pub(super) fn of(exact: i64) -> Figures {
        let (w, p, y) = figures(exact);
        Figures {
            minutes_per_week: w,
            minutes_per_period: p,
            minutes_per_year: y,
            display_minutes_per_week: display_minutes(w),
        }
    }
}

pub struct AreaJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub minutes_per_week: i64,
    pub minutes_per_period: i64,
    pub minutes_per_year: i64,
    pub display_minutes_per_week: i64,
}

pub struct StepJson<'a> {
    /// Null for the step that records which norm applies (transition).
    pub area: Option<&'a str>,
    pub rule: Option<&'a str>,
    pub kind: &'static str,
    pub label: Fragment<'a, String>,
    pub condition: Fragment<'a, Option<&'a str>>,
    pub answers: UsedAnswers<'a>,
    pub count: Option<i64>,
    pub unit_amount: i64,
    pub change: i64,
    pub total: i64,
    pub sources: Fragment<'a, Vec<Citation<'a>>>,
    /// A rule step's answer-independent fields pre-rendered as one part,
    /// `[area, rule, kind, label, condition, sources]`: the packed form writes
    /// its id, then answers, count, unit_amount, change, total.
    pub head: Option<&'a crate::package::Prerendered>,
}

/// The answers a rule read, in question order.
pub struct UsedAnswers<'a>(pub(super) Vec<(&'a str, crate::answers::Answer<'a>)>);

pub struct Citation<'a> {
    /// Name of the value or table.
    pub name: &'a str,
    pub label: &'a str,
    /// The number as written in the package, and its unit.
    pub amount: Option<i64>,
    pub unit: &'static str,
    pub document: Option<&'a str>,
    pub title: Option<&'a str>,
    pub locator: Option<&'a str>,
    pub provisional: Option<&'a str>,
}
