//! The JSON contract of an indication (documented in `docs/json-contract.md`)
//! and the text form a consultant pastes into a decision. Key order is the
//! field order of these structs; the canonical form is compact JSON.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::document::RuleKind;
use crate::document::{ContributionPer, TariffKind};
use crate::eval::{figures, AppliedTransition, Indication, StepKind};
use crate::explain::{self, amount_in, duration, rule_unit, Warning};
use crate::package::{JsonCache, Package, Provenance, Rule, RuleJson, Version};

pub const ENGINE_NAME: &str = "urenwijzer";
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Either JSON pre-rendered at load time, spliced in verbatim, or a value
/// serialised now. Both give the same bytes; the first is just faster.
pub enum Fragment<'a, T> {
    Raw(&'a RawValue),
    Value(T),
}

impl<T: Serialize> Serialize for Fragment<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fragment::Raw(raw) => raw.serialize(s),
            Fragment::Value(v) => v.serialize(s),
        }
    }
}

#[derive(Serialize)]
pub struct IndicationJson<'a> {
    pub package: Fragment<'a, PackageRef<'a>>,
    pub date: String,
    pub engine: EngineRef,
    pub transition: Option<TransitionJson<'a>>,
    pub total: Figures,
    pub areas: Vec<AreaJson<'a>>,
    pub cost: Option<CostJson<'a>>,
    pub trace: Vec<StepJson<'a>>,
    pub explanation: Vec<String>,
    pub warnings: Vec<Fragment<'a, Warning<'a>>>,
}

#[derive(Serialize)]
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

#[derive(Serialize)]
pub struct TransitionJson<'a> {
    /// The package whose transition rule sent the client to `package`.
    pub from: PackageVersionJson<'a>,
    pub started: String,
    pub started_before: String,
    pub reason: &'a str,
}

#[derive(Serialize)]
pub struct PackageVersionJson<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub fingerprint: &'a str,
}

#[derive(Serialize)]
pub struct CostJson<'a> {
    pub tariff: Option<MoneyJson<'a>>,
    /// Cost per four-week period in whole cents (per-hour tariffs: minutes
    /// per period × tariff / 60, rounded half up).
    pub cents_per_period: Option<i64>,
    pub contribution: Option<MoneyJson<'a>>,
}

#[derive(Serialize)]
pub struct MoneyJson<'a> {
    /// `per_hour` / `per_period` for tariffs, `month` / `period` for contributions.
    pub per: &'static str,
    pub cents: i64,
    pub label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<&'a str>,
}

#[derive(Serialize)]
pub struct EngineRef {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Serialize)]
pub struct Figures {
    pub minutes_per_week: i64,
    pub minutes_per_period: i64,
    pub minutes_per_year: i64,
}

impl Figures {
    fn of(exact: i64) -> Figures {
        let (w, p, y) = figures(exact);
        Figures { minutes_per_week: w, minutes_per_period: p, minutes_per_year: y }
    }
}

#[derive(Serialize)]
pub struct AreaJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub minutes_per_week: i64,
    pub minutes_per_period: i64,
    pub minutes_per_year: i64,
}

#[derive(Serialize)]
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
}

/// The answers a rule read, in question order.
pub struct UsedAnswers<'a>(Vec<(&'a str, crate::answers::Answer<'a>)>);

impl Serialize for UsedAnswers<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
pub struct Citation<'a> {
    /// Name of the value or table.
    pub name: &'a str,
    pub label: &'a str,
    /// The number as written in the package, and its unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    pub unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<&'a str>,
}

fn unit_name(u: crate::document::Unit) -> &'static str {
    use crate::document::Unit::*;
    match u {
        MinutesPerWeek => "minutes_per_week",
        HoursPerYear => "hours_per_year",
        MinutesPerYear => "minutes_per_year",
        Number => "number",
    }
}

fn kind_name(k: RuleKind) -> &'static str {
    match k {
        RuleKind::Base => "base",
        RuleKind::Surcharge => "surcharge",
        RuleKind::Reduction => "reduction",
    }
}

fn cite<'a>(
    package: &'a Package,
    p: &'a Provenance,
) -> (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>) {
    match p {
        Provenance::Source { document, locator } => {
            let d = &package.sources[*document];
            (Some(d.id.as_str()), Some(d.title.as_str()), Some(locator.as_str()), None)
        }
        Provenance::Provisional { reason } => (None, None, None, Some(reason.as_str())),
    }
}

/// Builds the JSON form. With `trace == false` the trace and explanation
/// are left empty (bulk use); everything else is identical.
pub fn to_json_model<'a>(ind: &'a Indication<'a>, trace: bool) -> IndicationJson<'a> {
    let v = ind.version;
    let pkg = ind.package;
    let areas = v
        .areas
        .iter()
        .zip(&ind.areas)
        .map(|(a, &exact)| {
            let f = Figures::of(exact);
            AreaJson {
                id: &a.id,
                title: &a.title,
                minutes_per_week: f.minutes_per_week,
                minutes_per_period: f.minutes_per_period,
                minutes_per_year: f.minutes_per_year,
            }
        })
        .collect();
    let mut steps = Vec::new();
    if trace {
        steps.reserve(ind.steps.len() + 1);
        if let Some(t) = &ind.transition {
            steps.push(transition_step(ind, t));
        }
        steps.extend(ind.steps.iter().map(|s| step_json(ind, s)));
    }
    IndicationJson {
        package: match v.json.package.get(ind.municipality.map_or(0, |m| m + 1)) {
            Some(raw) => Fragment::Raw(raw),
            None => Fragment::Value(package_ref(pkg, v, ind.municipality)),
        },
        date: ind.date.to_string(),
        engine: EngineRef { name: ENGINE_NAME, version: ENGINE_VERSION },
        transition: ind.transition.as_ref().map(|t| TransitionJson {
            from: PackageVersionJson {
                id: &t.from.id,
                version: &t.from_version.version,
                fingerprint: &t.from.fingerprint,
            },
            started: t.started.to_string(),
            started_before: t.rule.started_before.to_string(),
            reason: &t.rule.reason,
        }),
        total: Figures::of(ind.total),
        areas,
        cost: cost_json(ind),
        trace: steps,
        explanation: if trace { explain::sentences(ind) } else { Vec::new() },
        warnings: warnings_json(ind),
    }
}

fn package_ref<'a>(pkg: &'a Package, v: &'a Version, municipality: Option<usize>) -> PackageRef<'a> {
    PackageRef {
        id: &pkg.id,
        title: &pkg.title,
        version: &v.version,
        status: v.status.as_str(),
        municipality: municipality.map(|m| pkg.municipalities[m].id.as_str()),
        overlay: pkg.overlay.as_ref().map(|o| o.municipality.as_str()),
        fingerprint: &pkg.fingerprint,
        base_fingerprint: pkg.overlay.as_ref().map(|o| o.base_fingerprint.as_str()),
    }
}

/// The warnings, with the version-only ones taken pre-rendered.
fn warnings_json<'a>(ind: &Indication<'a>) -> Vec<Fragment<'a, Warning<'a>>> {
    let cache = &ind.version.json;
    let mut not_encoded = cache.not_encoded.iter();
    explain::warnings(ind)
        .into_iter()
        .map(|w| {
            let raw = match w.code {
                "concept" => cache.concept.as_deref(),
                "not_encoded" => not_encoded.next().map(|b| &**b),
                "not_covered" => cache.not_covered.as_deref(),
                _ => None,
            };
            raw.map_or(Fragment::Value(w), Fragment::Raw)
        })
        .collect()
}

fn raw<T: Serialize + ?Sized>(value: &T) -> Box<RawValue> {
    // Serialising these plain values cannot fail; `null` is a safe stand-in.
    serde_json::value::to_raw_value(value).unwrap_or_else(|_| RawValue::from_string("null".into()).unwrap_or_default())
}

/// Fills every version's `JsonCache` (called once when a package loads).
pub(crate) fn prerender(pkg: &mut Package) {
    let caches: Vec<JsonCache> = pkg
        .versions
        .iter()
        .map(|v| {
            let package = std::iter::once(None)
                .chain((0..pkg.municipalities.len()).map(Some))
                .map(|m| raw(&package_ref(pkg, v, m)))
                .collect();
            let rules = v
                .areas
                .iter()
                .map(|area| {
                    area.rules
                        .iter()
                        .map(|rule| RuleJson {
                            label: raw(&rule.label),
                            condition: raw(&rule.when.as_ref().map(|c| c.text.as_str())),
                            sources: raw(&rule_sources(pkg, v, rule)),
                        })
                        .collect()
                })
                .collect();
            JsonCache {
                package,
                rules,
                concept: explain::concept_warning(v).map(|w| raw(&w)),
                not_encoded: explain::not_encoded_warnings(v).map(|w| raw(&w)).collect(),
                not_covered: explain::not_covered_warning(v).map(|w| raw(&w)),
            }
        })
        .collect();
    for (v, cache) in pkg.versions.iter_mut().zip(caches) {
        v.json = cache;
    }
}

fn provisional_reason(p: &Provenance) -> Option<&str> {
    match p {
        Provenance::Provisional { reason } => Some(reason),
        Provenance::Source { .. } => None,
    }
}

fn cost_json<'a>(ind: &'a Indication<'a>) -> Option<CostJson<'a>> {
    let v = ind.version;
    if v.tariff.is_none() && v.contribution.is_none() {
        return None;
    }
    Some(CostJson {
        tariff: v.tariff.as_ref().map(|t| MoneyJson {
            per: match t.kind {
                TariffKind::PerHour => "per_hour",
                TariffKind::PerPeriod => "per_period",
            },
            cents: t.cents,
            label: &t.label,
            provisional: provisional_reason(&t.provenance),
        }),
        cents_per_period: v.tariff.as_ref().and_then(|t| cents_per_period(t, figures(ind.total).1)),
        contribution: v.contribution.as_ref().map(|c| MoneyJson {
            per: match c.per {
                ContributionPer::Month => "month",
                ContributionPer::Period => "period",
            },
            cents: c.cents,
            label: &c.label,
            provisional: provisional_reason(&c.provenance),
        }),
    })
}

/// Cost per four-week period in whole cents; `None` only on overflow.
pub fn cents_per_period(tariff: &crate::package::Tariff, minutes_per_period: i64) -> Option<i64> {
    match tariff.kind {
        TariffKind::PerPeriod => Some(tariff.cents),
        // Half up: (m × t + 30) / 60 for non-negative m and t.
        TariffKind::PerHour => minutes_per_period.max(0).checked_mul(tariff.cents)?.checked_add(30).map(|x| x / 60),
    }
}

fn transition_step<'a>(ind: &'a Indication<'a>, t: &AppliedTransition<'a>) -> StepJson<'a> {
    let sources = t
        .rule
        .source
        .as_ref()
        .map(|(doc, locator)| {
            let d = &t.from.sources[*doc];
            Citation {
                name: "overgangsrecht",
                label: &t.rule.reason,
                amount: None,
                unit: "number",
                document: Some(&d.id),
                title: Some(&d.title),
                locator: Some(locator),
                provisional: None,
            }
        })
        .into_iter()
        .collect();
    StepJson {
        area: None,
        rule: None,
        kind: "transition",
        label: Fragment::Value(format!("Overgangsrecht: {} ({}) blijft gelden", ind.package.title, ind.package.id)),
        condition: Fragment::Value(None),
        answers: UsedAnswers(vec![(crate::START_DATE_KEY, crate::answers::Answer::Date(t.started))]),
        count: None,
        unit_amount: 0,
        change: 0,
        total: 0,
        sources: Fragment::Value(sources),
    }
}

fn value_citation<'a>(pkg: &'a Package, v: &'a Version, i: u16) -> Citation<'a> {
    let val = &v.values[i as usize];
    let (document, title, locator, provisional) = cite(pkg, &val.provenance);
    Citation {
        name: &val.name,
        label: &val.label,
        amount: Some(val.written),
        unit: unit_name(val.unit),
        document,
        title,
        locator,
        provisional,
    }
}

/// A rule's citations: its values, its own provisional reason, its tables.
fn rule_sources<'a>(pkg: &'a Package, v: &'a Version, rule: &'a Rule) -> Vec<Citation<'a>> {
    let mut sources: Vec<Citation> = rule.values.iter().map(|&i| value_citation(pkg, v, i)).collect();
    if let Some(reason) = &rule.provisional {
        // The rule's logic itself is an assumption: cite that too.
        sources.push(Citation {
            name: &rule.id,
            label: &rule.label,
            amount: None,
            unit: "number",
            document: None,
            title: None,
            locator: None,
            provisional: Some(reason),
        });
    }
    for &t in &rule.tables {
        let table = &v.tables[t as usize];
        let (document, title, locator, provisional) = cite(pkg, &table.provenance);
        sources.push(Citation {
            name: &table.name,
            label: &table.title,
            amount: None,
            unit: unit_name(table.unit),
            document,
            title,
            locator,
            provisional,
        });
    }
    sources
}

fn step_json<'a>(ind: &'a Indication<'a>, s: &crate::eval::Step) -> StepJson<'a> {
    let v = ind.version;
    let pkg = ind.package;
    let area = &v.areas[s.area as usize];
    match s.kind {
        StepKind::Rule { rule: ri } => {
            let rule = &area.rules[ri as usize];
            let answers = rule
                .questions
                .iter()
                .filter_map(|&q| {
                    let question = &pkg.questions[q as usize];
                    ind.answers.answer(question, q as usize).map(|val| (question.id.as_str(), val))
                })
                .collect();
            let cached = v.json.rules.get(s.area as usize).and_then(|r| r.get(ri as usize));
            StepJson {
                area: Some(&area.id),
                rule: Some(&rule.id),
                kind: kind_name(rule.kind),
                label: cached.map_or_else(|| Fragment::Value(rule.label.clone()), |c| Fragment::Raw(&c.label)),
                condition: cached.map_or_else(
                    || Fragment::Value(rule.when.as_ref().map(|c| c.text.as_str())),
                    |c| Fragment::Raw(&c.condition),
                ),
                answers: UsedAnswers(answers),
                count: s.count,
                unit_amount: s.unit_amount,
                change: s.change,
                total: s.total,
                sources: cached
                    .map_or_else(|| Fragment::Value(rule_sources(pkg, v, rule)), |c| Fragment::Raw(&c.sources)),
            }
        }
        // Floor and maximum are not rules: no condition, no answers, no count.
        StepKind::Floor | StepKind::Maximum => {
            let (kind, label, sources) = if s.kind == StepKind::Floor {
                ("floor", "Niet minder dan nul", Vec::new())
            } else {
                ("maximum", "Maximum", area.maximum.map(|m| value_citation(pkg, v, m)).into_iter().collect())
            };
            StepJson {
                area: Some(&area.id),
                rule: None,
                kind,
                label: Fragment::Value(label.to_string()),
                condition: Fragment::Value(None),
                answers: UsedAnswers(Vec::new()),
                count: None,
                unit_amount: s.unit_amount,
                change: s.change,
                total: s.total,
                sources: Fragment::Value(sources),
            }
        }
    }
}

/// Canonical compact JSON of an indication.
pub fn to_json(ind: &Indication, trace: bool) -> String {
    let mut buf = Vec::with_capacity(if trace { 8192 } else { 2048 });
    // Serialising these plain structs cannot fail, and serde_json writes UTF-8.
    if serde_json::to_writer(&mut buf, &to_json_model(ind, trace)).is_err() {
        return String::new();
    }
    String::from_utf8(buf).unwrap_or_default()
}

/// The explanation a consultant pastes into a decision (Dutch, plain text).
pub fn to_text(ind: &Indication) -> String {
    use std::fmt::Write;
    let v = ind.version;
    let pkg = ind.package;
    let mut t = String::new();
    let _ = writeln!(t, "Indicatie hulp bij het huishouden");
    let _ = writeln!(t, "Normpakket:   {} ({}), versie {}, {}", pkg.title, pkg.id, v.version, v.status.as_str());
    if let Some(m) = ind.municipality {
        let _ = writeln!(t, "Gemeente:     {}", pkg.municipalities[m].name);
    }
    if let Some(tr) = &ind.transition {
        let _ = writeln!(
            t,
            "Overgangsrecht: indicatie gestart op {} (vóór {}), daarom {} in plaats van {} ({} versie {}). {}",
            tr.started,
            tr.rule.started_before,
            pkg.id,
            tr.from.id,
            tr.from.title,
            tr.from_version.version,
            tr.rule.reason
        );
    }
    let _ = writeln!(t, "Peildatum:    {}", ind.date);
    let _ = writeln!(t, "Vingerafdruk: {}", pkg.fingerprint);
    let _ = writeln!(t, "Rekenkern:    {ENGINE_NAME} {ENGINE_VERSION}");
    let _ = writeln!(t);
    let _ = writeln!(t, "Uitkomst (afgerond naar boven, nooit naar beneden)");
    for (a, &exact) in v.areas.iter().zip(&ind.areas) {
        let (w, p, y) = figures(exact);
        let _ = writeln!(
            t,
            "  {}: {w} minuten per week ({}), {p} minuten per vier weken, {y} minuten per jaar",
            a.title,
            duration(w)
        );
    }
    let (w, p, y) = figures(ind.total);
    let _ = writeln!(
        t,
        "  Totaal: {w} minuten per week ({}), {p} minuten per vier weken, {y} minuten per jaar",
        duration(w)
    );
    if let Some(c) = cost_json(ind) {
        if let (Some(tar), Some(cents)) = (&c.tariff, c.cents_per_period) {
            let _ = writeln!(
                t,
                "  Kosten per vier weken: {} ({}: {} {})",
                euro(cents),
                tar.label,
                euro(tar.cents),
                if tar.per == "per_hour" { "per uur" } else { "per vier weken" }
            );
        }
        if let Some(con) = &c.contribution {
            let _ = writeln!(
                t,
                "  Eigen bijdrage: {} {} ({})",
                euro(con.cents),
                if con.per == "month" { "per maand" } else { "per vier weken" },
                con.label
            );
        }
    }
    let _ = writeln!(t);
    let _ = writeln!(t, "Berekening");
    for (i, s) in ind.steps.iter().enumerate() {
        let area = &v.areas[s.area as usize];
        let sign = if s.change < 0 { "-" } else { "+" };
        match s.kind {
            StepKind::Rule { rule } => {
                let rule = &area.rules[rule as usize];
                let unit = rule_unit(ind, rule);
                let amount = match s.count {
                    Some(n) => format!("{n} × {}", amount_in(s.unit_amount, unit)),
                    None => amount_in(s.change.abs(), unit),
                };
                let _ = writeln!(
                    t,
                    "  {}. {} [{}]: {sign}{amount}; subtotaal {} minuten per jaar",
                    i + 1,
                    rule.label,
                    rule.id,
                    s.total
                );
                if let Some(c) = &rule.when {
                    let _ = writeln!(t, "     Voorwaarde: {}", c.text);
                }
                for &vi in &rule.values {
                    let val = &v.values[vi as usize];
                    let _ = writeln!(t, "     {}", citation_line(pkg, &val.label, &val.provenance));
                }
                for &ti in &rule.tables {
                    let tab = &v.tables[ti as usize];
                    let _ = writeln!(t, "     {}", citation_line(pkg, &tab.title, &tab.provenance));
                }
            }
            StepKind::Floor => {
                let _ = writeln!(
                    t,
                    "  {}. Ondergrens nul ({}): {sign}{} minuten per jaar; subtotaal 0",
                    i + 1,
                    area.title,
                    s.change.abs()
                );
            }
            StepKind::Maximum => {
                let _ = writeln!(
                    t,
                    "  {}. Maximum ({}): {sign}{} minuten per jaar; subtotaal {}",
                    i + 1,
                    area.title,
                    s.change.abs(),
                    s.total
                );
            }
        }
    }
    let _ = writeln!(t);
    let _ = writeln!(t, "Toelichting");
    for s in explain::sentences(ind) {
        let _ = writeln!(t, "  {s}");
    }
    let warnings = explain::warnings(ind);
    if !warnings.is_empty() {
        let _ = writeln!(t);
        let _ = writeln!(t, "Let op");
        for w in warnings {
            let items = if w.items.is_empty() { String::new() } else { format!(" ({})", w.items.join(", ")) };
            let _ = writeln!(t, "  - {}{items}", w.message);
        }
    }
    t
}

/// "€ 1.234,56" (Dutch notation).
pub fn euro(cents: i64) -> String {
    let (e, c) = (cents / 100, (cents % 100).abs());
    let digits = e.abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    format!("€ {}{grouped},{c:02}", if cents < 0 { "-" } else { "" })
}

fn citation_line(pkg: &Package, label: &str, p: &Provenance) -> String {
    match p {
        Provenance::Source { document, locator } => {
            let d = &pkg.sources[*document];
            let extra = d.ecli.as_deref().map(|e| format!(", {e}")).unwrap_or_default();
            format!("Bron ({label}): {}{extra}, {locator}", d.title)
        }
        Provenance::Provisional { reason } => format!("VOORLOPIG ({label}): {reason}"),
    }
}
