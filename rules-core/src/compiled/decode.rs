//! Test oracle: the wire types (`wire.rs`, as postcard's decoder reads
//! them) back into a `Package`, checking every index, count, code and date
//! before anything uses it. This was the loader's second step until `read`
//! read the bytes straight into the model (issue 11); it stays, test-only,
//! as the independent two-step reading the one-pass reader must agree with
//! (same package, or both refuse).
//!
//! What is checked is what evaluation, explanation, output, `describe`,
//! form state and `plan` index or recurse over: sources, questions, values,
//! tables (and their keys), options, expression trees (shape, depth, what
//! they name), nested packages (tree, depth), dates and procedure periods.
//! Everything else (texts) is shown as it is, as from a document.

use super::codes::Code;
use super::wire;
use crate::date::{Date, FIRST_YEAR, LAST_YEAR};
use crate::document::{ClientSupportDoc, ContactDoc, QuestionKind, SourceRefDoc, TariffKind};
use crate::error::Error;
use crate::expr::{Expr, Key, SAFE_MAX};
use crate::input::limits;
use crate::package::{self as model, Package};
use crate::workdays::procedure::{Citation, Period, ProcedureEntry, MAX_PERIOD_AMOUNT};
use crate::workdays::{Calendar, ClosedDay};

use super::read::{MAX_EXPR_DEPTH, MAX_PACKAGE_DEPTH};

fn bad(path: impl Into<String>, message: impl Into<String>) -> Error {
    Error::InvalidBundle { path: path.into(), message: message.into() }
}

fn code<T: Code>(path: &str, c: u8) -> Result<T, Error> {
    T::from_code(c).ok_or_else(|| bad(path, format!("{} (code {c})", T::UNKNOWN)))
}

fn date(path: &str, days: i32) -> Result<Date, Error> {
    let first = Date::from_ymd(FIRST_YEAR, 1, 1).map_or(0, Date::days);
    let last = Date::from_ymd(LAST_YEAR, 12, 31).map_or(0, Date::days);
    if (first..=last).contains(&days) {
        Ok(Date::from_days(days))
    } else {
        Err(bad(path, format!("datum buiten {FIRST_YEAR}..{LAST_YEAR}")))
    }
}

fn number(path: &str, v: i64) -> Result<i64, Error> {
    if (-SAFE_MAX..=SAFE_MAX).contains(&v) {
        Ok(v)
    } else {
        Err(bad(path, "getal buiten ±2^53"))
    }
}

fn index(path: &str, i: usize, len: usize, what: &str) -> Result<usize, Error> {
    if i < len {
        Ok(i)
    } else {
        Err(bad(path, format!("{what} {i} bestaat niet (er zijn er {len})")))
    }
}

fn at_most(path: &str, n: usize, limit: &limits::Limit) -> Result<(), Error> {
    if n <= limit.max {
        Ok(())
    } else {
        Err(Error::Limit { name: limit.name, max: limit.max, what: limit.what, file: None, path: path.to_string() })
    }
}

/// Rebuilds the package tree of a decoded bundle.
pub fn bundle(b: wire::Bundle) -> Result<Package, Error> {
    let n = b.packages.len();
    if n == 0 {
        return Err(bad("packages", "geen normpakket"));
    }
    at_most("packages", n, &limits::FILES)?;
    // Children have larger indices than their parent and belong to exactly
    // one parent, so building from the last package down needs no recursion.
    let mut depth = vec![0usize; n];
    let mut parent = vec![false; n];
    for (i, p) in b.packages.iter().enumerate() {
        for &c in p.overlays.iter().chain(&p.linked) {
            let c = c as usize;
            let path = format!("packages[{i}]");
            if c <= i || c >= n {
                return Err(bad(path, format!("verwijst naar pakket {c}, dat er niet na staat")));
            }
            if std::mem::replace(&mut parent[c], true) {
                return Err(bad(path, format!("pakket {c} hoort al bij een ander pakket")));
            }
            depth[c] = depth[i] + 1;
            if depth[c] > MAX_PACKAGE_DEPTH {
                return Err(bad(path, "pakketten te diep in elkaar"));
            }
        }
    }
    if let Some(orphan) = (1..n).find(|&i| !parent[i]) {
        return Err(bad(format!("packages[{orphan}]"), "hoort bij geen enkel pakket"));
    }
    let mut built: Vec<Option<Package>> = (0..n).map(|_| None).collect();
    for (i, p) in b.packages.into_iter().enumerate().rev() {
        let path = format!("packages[{i}]");
        let take = |built: &mut Vec<Option<Package>>, list: &[u32]| -> Result<Vec<Package>, Error> {
            list.iter()
                .map(|&c| built[c as usize].take().ok_or_else(|| bad(&path, format!("pakket {c} ontbreekt"))))
                .collect()
        };
        let overlays = take(&mut built, &p.overlays)?;
        let linked = take(&mut built, &p.linked)?;
        let mut package = pkg(&path, p)?;
        package.overlays = overlays;
        package.linked = linked;
        check_transitions(&path, &package)?;
        built[i] = Some(package);
    }
    let mut root = built.into_iter().next().flatten().ok_or_else(|| bad("packages[0]", "ontbreekt"))?;
    root.described = model::Described { info: b.info.into_boxed_str(), questions: b.questions.into_boxed_str() };
    Ok(root)
}

/// A transition rule must name a linked package (evaluation looks it up).
fn check_transitions(path: &str, p: &Package) -> Result<(), Error> {
    for (vi, v) in p.versions.iter().enumerate() {
        if let Some(t) = &v.transition {
            if t.package == p.id || p.linked_package(&t.package).is_none() {
                return Err(bad(format!("{path}.versions[{vi}].transition.package"), "geen meegeleverd pakket"));
            }
        }
    }
    Ok(())
}

fn pkg(path: &str, p: wire::Pkg) -> Result<Package, Error> {
    at_most(&format!("{path}.questions"), p.questions.len(), &limits::QUESTIONS)?;
    let sources = p.sources.len();
    let mut questions = Vec::with_capacity(p.questions.len());
    for (qi, q) in p.questions.into_iter().enumerate() {
        let qp = format!("{path}.questions[{qi}]");
        if !p.topics.iter().any(|(id, _)| *id == q.topic) {
            return Err(bad(format!("{qp}.topic"), "onderwerp staat niet in topics"));
        }
        let kind: QuestionKind = code(&format!("{qp}.kind"), q.kind)?;
        // A choice is held as its option index and tested in a 64-bit set.
        if q.options.len() > 64 || (kind == QuestionKind::Choice && q.options.is_empty()) {
            return Err(bad(format!("{qp}.options"), "een keuzevraag heeft 1 tot 64 keuzes"));
        }
        let ask_if = q.ask_if.map(|c| condition(&format!("{qp}.ask_if"), c, &Names::ask_if(qi))).transpose()?;
        questions.push(model::Question {
            id: q.id,
            kind,
            topic: q.topic,
            label: q.label,
            help: q.help,
            ask_if,
            options: q.options.into_iter().map(|(id, label)| model::AnswerOption { id, label }).collect(),
            min: q.min.map(|v| number(&format!("{qp}.min"), v)).transpose()?,
            max: q.max.map(|v| number(&format!("{qp}.max"), v)).transpose()?,
            optional: q.optional,
        });
    }
    let mut versions = Vec::with_capacity(p.versions.len());
    for (vi, v) in p.versions.into_iter().enumerate() {
        versions.push(version(&format!("{path}.versions[{vi}]"), v, &questions, sources)?);
    }
    let mut procedure = Vec::with_capacity(p.procedure.len());
    for (ei, e) in p.procedure.into_iter().enumerate() {
        let ep = format!("{path}.procedure[{ei}]");
        let mut periods = [Period::days(0); 4];
        for (slot, (amount, unit)) in periods.iter_mut().zip(e.periods) {
            if amount > MAX_PERIOD_AMOUNT {
                return Err(bad(&ep, format!("termijn langer dan {MAX_PERIOD_AMOUNT}")));
            }
            *slot = Period { amount, unit: code(&ep, unit)? };
        }
        let [conversation_within, start_within, evaluation_from, evaluation_until] = periods;
        procedure.push(ProcedureEntry {
            valid_from: date(&format!("{ep}.valid_from"), e.valid_from)?,
            conversation_within,
            start_within,
            evaluation_from,
            evaluation_until,
            citation: match e.citation {
                wire::Citation::Source { document, locator } => Citation::Source { document, locator },
                wire::Citation::Provisional(provisional) => Citation::Provisional { provisional },
            },
        });
    }
    let mut tariffs = Vec::with_capacity(p.tariffs.len());
    for (i, t) in p.tariffs.into_iter().enumerate() {
        tariffs.push(tariff(&format!("{path}.tariffs[{i}]"), t, sources)?);
    }
    let mut contributions = Vec::with_capacity(p.contributions.len());
    for (i, c) in p.contributions.into_iter().enumerate() {
        contributions.push(contribution(&format!("{path}.contributions[{i}]"), c, sources, questions.len())?);
    }
    // `Package::tariff_on` / `contribution_on` take the last entry on or before a date: the lists must be dated and ascending.
    let ascending =
        |dates: Vec<Option<Date>>| dates.windows(2).all(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if a < b));
    if !ascending(tariffs.iter().map(|t| t.valid_from).collect()) || tariffs.iter().any(|t| t.valid_from.is_none()) {
        return Err(bad(format!("{path}.tariffs"), "niet elk tarief heeft een datum, oplopend"));
    }
    if !ascending(contributions.iter().map(|c| c.valid_from).collect())
        || contributions.iter().any(|c| c.valid_from.is_none())
    {
        return Err(bad(format!("{path}.contributions"), "niet elke eigen bijdrage heeft een datum, oplopend"));
    }
    let mut closed = Vec::with_capacity(p.closed_days.len());
    for (ci, (days, label)) in p.closed_days.into_iter().enumerate() {
        closed.push(ClosedDay { date: date(&format!("{path}.calendar[{ci}]"), days)?, label });
    }
    let mut package = Package {
        id: p.id,
        title: p.title,
        description: p.description,
        municipalities: p.municipalities.into_iter().map(municipality).collect(),
        sources: p
            .sources
            .into_iter()
            .map(|s| model::Source {
                id: s.id,
                title: s.title,
                publisher: s.publisher,
                date: s.date,
                url: s.url,
                ecli: s.ecli,
            })
            .collect(),
        topics: p.topics.into_iter().map(|(id, title)| model::Topic { id, title }).collect(),
        questions,
        versions,
        municipal_choices: p.municipal_choices,
        overlays: Vec::new(),
        linked: Vec::new(),
        overlay: p
            .overlay
            .map(|(municipality, base_fingerprint)| model::OverlayInfo { municipality, base_fingerprint }),
        procedure,
        calendar: Calendar::with_closed_days(closed),
        tariffs,
        contributions,
        fingerprint: p.fingerprint,
        applied_fingerprint: p.applied_fingerprint,
        // A compiled bundle carries no source document.
        document: serde_json::Value::Null,
        described: model::Described::default(),
    };
    if p.texts.len() != package.versions.len() {
        return Err(bad(format!("{path}.texts"), "waarschuwingsteksten passen niet bij de versies"));
    }
    for (vi, (v, t)) in package.versions.iter_mut().zip(p.texts).enumerate() {
        let (concept, provisional_version, not_encoded, not_covered) = t;
        if not_encoded.len() != v.not_encoded.len() {
            return Err(bad(format!("{path}.texts[{vi}]"), "waarschuwingsteksten passen niet bij de versie"));
        }
        v.texts = model::WarningTexts { concept, provisional_version, not_encoded, not_covered };
    }
    Ok(package)
}

fn municipality(m: wire::Municipality) -> model::Municipality {
    model::Municipality {
        id: m.id,
        name: m.name,
        how_to_apply: m.how_to_apply,
        url: m.url,
        contact: m.contact.map(|c| ContactDoc {
            phone: c.phone,
            url: c.url,
            opening_hours: c.opening_hours,
            client_support: c.client_support.map(|(name, phone, url)| ClientSupportDoc { name, phone, url }),
            source: SourceRefDoc { document: c.source.0, locator: c.source.1 },
        }),
    }
}

fn provenance(path: &str, p: wire::Provenance, sources: usize) -> Result<model::Provenance, Error> {
    Ok(match p {
        wire::Provenance::Source(document, locator) => model::Provenance::Source {
            document: index(&format!("{path}.source"), document as usize, sources, "bron")?,
            locator,
        },
        wire::Provenance::Provisional(reason) => model::Provenance::Provisional { reason },
    })
}

fn source_ref(path: &str, s: Option<(u32, String)>, sources: usize) -> Result<Option<(usize, String)>, Error> {
    s.map(|(i, l)| Ok((index(path, i as usize, sources, "bron")?, l))).transpose()
}

fn version(
    path: &str,
    v: wire::Version,
    questions: &[model::Question],
    sources: usize,
) -> Result<model::Version, Error> {
    let rules: usize = v.areas.iter().map(|a| a.rules.len()).sum();
    at_most(&format!("{path}.areas"), rules, &limits::RULES)?;
    let mut values = Vec::with_capacity(v.values.len());
    for (i, n) in v.values.into_iter().enumerate() {
        let p = format!("{path}.values[{i}]");
        values.push(model::NamedValue {
            name: n.name,
            label: n.label,
            written: number(&p, n.written)?,
            unit: code(&p, n.unit)?,
            internal: number(&p, n.internal)?,
            provenance: provenance(&p, n.provenance, sources)?,
        });
    }
    let mut tables = Vec::with_capacity(v.tables.len());
    for (i, t) in v.tables.into_iter().enumerate() {
        let p = format!("{path}.tables[{i}]");
        at_most(&p, t.rows.len(), &limits::TABLE_ROWS)?;
        if t.rows.len().checked_mul(t.columns.len()) != Some(t.cells.len()) {
            return Err(bad(&p, "aantal cellen is niet rijen × kolommen"));
        }
        for &c in &t.cells {
            number(&p, c)?;
        }
        tables.push(model::Table {
            name: t.name,
            title: t.title,
            unit: code(&p, t.unit)?,
            row_label: t.row_label,
            column_label: t.column_label,
            columns: t.columns,
            rows: t.rows,
            cells: t.cells,
            provenance: provenance(&p, t.provenance, sources)?,
        });
    }
    let names = Names { questions: questions.len(), ask_if: None, values: &values, tables: &tables };
    let mut areas = Vec::with_capacity(v.areas.len());
    for (ai, a) in v.areas.into_iter().enumerate() {
        let ap = format!("{path}.areas[{ai}]");
        let maximum = a
            .maximum
            .map(|m| index(&format!("{ap}.maximum"), m as usize, values.len(), "waarde").map(|_| m))
            .transpose()?;
        let mut rules = Vec::with_capacity(a.rules.len());
        for (ri, r) in a.rules.into_iter().enumerate() {
            rules.push(rule(&format!("{ap}.rules[{ri}]"), r, &names)?);
        }
        areas.push(model::Area {
            id: a.id,
            title: a.title,
            description: a.description,
            floor_at_zero: a.floor_at_zero,
            maximum,
            rules,
        });
    }
    let mut not_encoded = Vec::with_capacity(v.not_encoded.len());
    for (i, n) in v.not_encoded.into_iter().enumerate() {
        not_encoded.push(model::NotEncoded {
            id: n.id,
            title: n.title,
            reason: n.reason,
            source: source_ref(&format!("{path}.not_encoded[{i}].source"), n.source, sources)?,
        });
    }
    let tariff = v.tariff.map(|t| tariff(&format!("{path}.tariff"), t, sources)).transpose()?;
    let contribution = v
        .contribution
        .map(|c| contribution(&format!("{path}.contribution"), c, sources, questions.len()))
        .transpose()?;
    let transition = match v.transition {
        None => None,
        // The default key may be an extra answer; any other must be a date question (as `compile/version.rs`).
        Some(t)
            if t.question != model::START_DATE_KEY
                && !questions.iter().any(|q| q.id == t.question && q.kind == QuestionKind::Date) =>
        {
            return Err(bad(format!("{path}.transition.question"), "geen datumvraag van dit pakket"))
        }
        Some(t) => Some(model::Transition {
            question: t.question,
            started_before: date(&format!("{path}.transition"), t.started_before)?,
            package: t.package,
            reason: t.reason,
            source: source_ref(&format!("{path}.transition.source"), t.source, sources)?,
        }),
    };
    let valid_from = date(&format!("{path}.valid_from"), v.valid_from)?;
    let valid_until = v.valid_until.map(|d| date(&format!("{path}.valid_until"), d)).transpose()?;
    Ok(model::Version {
        version: v.version,
        valid_from,
        valid_until,
        status: code(&format!("{path}.status"), v.status)?,
        valid_from_provenance: v
            .valid_from_provenance
            .map(|p| provenance(&format!("{path}.valid_from_provenance"), p, sources))
            .transpose()?,
        provisional: v.provisional,
        not_encoded,
        not_covered: v
            .not_covered
            .into_iter()
            .map(|(id, title, reason)| model::NotCovered { id, title, reason })
            .collect(),
        values,
        tables,
        areas,
        tariff,
        contribution,
        transition,
        texts: model::WarningTexts::default(),
        json: model::JsonCache::default(),
    })
}

/// Money: amounts within the package limits, classes as bands from 0 to
/// unbounded without gaps or overlaps (as `compile/money.rs` refuses at load).
fn tariff(path: &str, t: wire::Tariff, sources: usize) -> Result<model::Tariff, Error> {
    let kind: TariffKind = code(path, t.kind)?;
    let amount = |p: &str, c: i64| {
        if (0..=100_000_000).contains(&c) {
            Ok(c)
        } else {
            Err(bad(p, "bedrag buiten 0..100.000.000 cent"))
        }
    };
    amount(path, t.cents)?;
    if (kind == TariffKind::PerClass) == t.classes.is_empty() {
        return Err(bad(format!("{path}.classes"), "alleen een tarief per klasse heeft klassen, en dan minstens één"));
    }
    let mut classes = Vec::with_capacity(t.classes.len());
    for (i, c) in t.classes.into_iter().enumerate() {
        amount(&format!("{path}.classes[{i}]"), c.cents)?;
        classes.push(model::TariffClass {
            id: c.id,
            label: c.label,
            from_minutes_per_week: c.from_minutes_per_week,
            to_minutes_per_week: c.to_minutes_per_week,
            cents: c.cents,
        });
    }
    model::check_bands(&classes).map_err(|(i, message)| bad(format!("{path}.classes[{i}]"), message))?;
    if !(-10_000..=10_000).contains(&t.basis_points) {
        return Err(bad(format!("{path}.basis_points"), "buiten −10000..10000"));
    }
    let floor = match t.floor {
        None => None,
        Some(_) if kind == TariffKind::PerHour => {
            return Err(bad(format!("{path}.floor"), "ondergrens bij een uurtarief"))
        }
        Some(f) => Some(model::Floor {
            cents_per_hour: amount(&format!("{path}.floor"), f.cents_per_hour)?,
            below: code(&format!("{path}.floor"), f.below)?,
            label: f.label,
            provenance: provenance(&format!("{path}.floor"), f.provenance, sources)?,
        }),
    };
    Ok(model::Tariff {
        valid_from: t.valid_from.map(|d| date(&format!("{path}.valid_from"), d)).transpose()?,
        kind,
        cents: t.cents,
        classes,
        basis_points: t.basis_points,
        floor,
        label: t.label,
        provenance: provenance(path, t.provenance, sources)?,
    })
}

fn contribution(
    path: &str,
    c: wire::Contribution,
    sources: usize,
    questions: usize,
) -> Result<model::Contribution, Error> {
    if !(0..=100_000_000).contains(&c.cents) {
        return Err(bad(path, "bedrag buiten 0..100.000.000 cent"));
    }
    let mut exemptions = Vec::with_capacity(c.exemptions.len());
    for (i, e) in c.exemptions.into_iter().enumerate() {
        let epath = format!("{path}.exemptions[{i}]");
        // Questions only, as `compile` allows: the same names as an `ask_if` after the last question.
        let when = condition(&format!("{epath}.when"), e.when, &Names::ask_if(questions))?;
        exemptions.push(model::Exemption {
            id: e.id,
            when,
            label: e.label,
            provenance: provenance(&epath, e.provenance, sources)?,
        });
    }
    Ok(model::Contribution {
        valid_from: c.valid_from.map(|d| date(&format!("{path}.valid_from"), d)).transpose()?,
        cents: c.cents,
        per: code(path, c.per)?,
        label: c.label,
        provenance: provenance(path, c.provenance, sources)?,
        exemptions,
    })
}

fn rule(path: &str, r: wire::Rule, names: &Names) -> Result<model::Rule, Error> {
    for &q in &r.questions {
        index(&format!("{path}.questions"), q as usize, names.questions, "vraag")?;
    }
    for &v in &r.values {
        index(&format!("{path}.values"), v as usize, names.values.len(), "waarde")?;
    }
    for &t in &r.tables {
        index(&format!("{path}.tables"), t as usize, names.tables.len(), "tabel")?;
    }
    Ok(model::Rule {
        id: r.id,
        kind: code(&format!("{path}.kind"), r.kind)?,
        label: r.label,
        explanation: r.explanation,
        when: r.when.map(|c| condition(&format!("{path}.when"), c, names)).transpose()?,
        provisional: r.provisional,
        amount: condition(&format!("{path}.amount"), r.amount, names)?,
        per: r.per.map(|c| condition(&format!("{path}.per"), c, names)).transpose()?,
        questions: r.questions,
        values: r.values,
        tables: r.tables,
    })
}

/// What an expression may name.
struct Names<'a> {
    questions: usize,
    /// In a question's `ask_if`: only earlier questions, no values or tables.
    ask_if: Option<usize>,
    values: &'a [model::NamedValue],
    tables: &'a [model::Table],
}

impl Names<'static> {
    fn ask_if(question: usize) -> Names<'static> {
        Names { questions: question, ask_if: Some(question), values: &[], tables: &[] }
    }
}

fn condition(path: &str, c: wire::Condition, names: &Names) -> Result<model::Condition, Error> {
    Ok(model::Condition { expr: expr(path, c.nodes, names)?, text: c.text })
}

/// The tree from its post-order nodes: every operand an earlier node, used
/// once; one root (the last node); depth at most `MAX_EXPR_DEPTH`. Built in
/// one loop, without recursion.
fn expr(path: &str, nodes: Vec<wire::Node>, names: &Names) -> Result<Expr, Error> {
    let count = nodes.len();
    let mut built: Vec<Option<(Expr, usize)>> = Vec::with_capacity(count);
    for (i, node) in nodes.into_iter().enumerate() {
        let mut take = |c: u32| -> Result<(Box<Expr>, usize), Error> {
            match built.get_mut(c as usize).and_then(Option::take) {
                Some((e, d)) => Ok((Box::new(e), d)),
                None => Err(bad(path, format!("knoop {i} gebruikt knoop {c}, die er niet (meer) is"))),
            }
        };
        let (e, depth) = match node {
            wire::Node::Const(v) => (Expr::Const(v), 0),
            wire::Node::Answer(q, keep) => {
                index(path, q as usize, names.questions, "vraag")?;
                (Expr::Answer(q, keep), 0)
            }
            wire::Node::Value(v, amount) => {
                let value = names.values.get(v as usize).filter(|_| names.ask_if.is_none());
                match value {
                    Some(value) if value.internal == amount => (Expr::Value(v, amount), 0),
                    _ => return Err(bad(path, format!("waarde {v} bestaat hier niet of heeft een ander bedrag"))),
                }
            }
            wire::Node::Neg(a) => one(take(a)?, Expr::Neg),
            wire::Node::Not(a) => one(take(a)?, Expr::Not),
            wire::Node::InSet(a, mask) => one(take(a)?, |a| Expr::InSet(a, mask)),
            wire::Node::Add(a, b) => two(take(a)?, take(b)?, Expr::Add),
            wire::Node::Sub(a, b) => two(take(a)?, take(b)?, Expr::Sub),
            wire::Node::Mul(a, b) => two(take(a)?, take(b)?, Expr::Mul),
            wire::Node::And(a, b) => two(take(a)?, take(b)?, Expr::And),
            wire::Node::Or(a, b) => two(take(a)?, take(b)?, Expr::Or),
            wire::Node::Compare(op, aware, a, b) => {
                let op = code(path, op)?;
                two(take(a)?, take(b)?, |a, b| Expr::Compare(op, aware, a, b))
            }
            wire::Node::Min(items) => many(items, &mut take, Expr::Min)?,
            wire::Node::Max(items) => many(items, &mut take, Expr::Max)?,
            wire::Node::Lookup(t, row, col) => {
                let table = names
                    .tables
                    .get(t as usize)
                    .filter(|_| names.ask_if.is_none())
                    .ok_or_else(|| bad(path, format!("tabel {t} bestaat hier niet")))?;
                let row = key(path, row, table.rows.len(), names)?;
                let col = key(path, col, table.columns.len(), names)?;
                (Expr::Lookup(t, row, col), 0)
            }
        };
        if depth >= MAX_EXPR_DEPTH {
            return Err(bad(path, format!("expressie dieper dan {MAX_EXPR_DEPTH}")));
        }
        built.push(Some((e, depth)));
    }
    let root = built.pop().flatten();
    if built.iter().any(Option::is_some) {
        return Err(bad(path, "een knoop hoort bij geen expressie"));
    }
    root.map(|(e, _)| e).ok_or_else(|| bad(path, "lege expressie"))
}

fn one(a: (Box<Expr>, usize), f: impl FnOnce(Box<Expr>) -> Expr) -> (Expr, usize) {
    (f(a.0), a.1 + 1)
}

fn two(a: (Box<Expr>, usize), b: (Box<Expr>, usize), f: impl FnOnce(Box<Expr>, Box<Expr>) -> Expr) -> (Expr, usize) {
    (f(a.0, b.0), a.1.max(b.1) + 1)
}

fn many(
    items: Vec<u32>,
    take: &mut impl FnMut(u32) -> Result<(Box<Expr>, usize), Error>,
    f: fn(Vec<Expr>) -> Expr,
) -> Result<(Expr, usize), Error> {
    let mut depth = 0;
    let mut list = Vec::with_capacity(items.len());
    for c in items {
        let (e, d) = take(c)?;
        depth = depth.max(d);
        list.push(*e);
    }
    Ok((f(list), depth + 1))
}

/// A table key: a fixed row/column, or a map from answer to row/column.
fn key(path: &str, k: wire::Key, len: usize, names: &Names) -> Result<Key, Error> {
    Ok(match k {
        wire::Key::Fixed(i) => Key::Fixed(index(path, i as usize, len, "rij of kolom")?),
        wire::Key::Answer { question, offset, map } => {
            index(path, question as usize, names.questions, "vraag")?;
            for &m in &map {
                index(path, m as usize, len, "rij of kolom")?;
            }
            Key::Answer { question, offset, map }
        }
    })
}
