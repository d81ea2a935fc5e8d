//! A loaded `Package` into the wire types (`wire.rs`). The input is trusted:
//! it passed `Package::load`.

use super::codes::Code;
use super::wire;
use crate::expr::{Expr, Key};
use crate::package::{self as model, Package};
use crate::workdays::procedure::{Citation, Period};

/// The package and, after it, every package it carries (depth first).
pub fn bundle(package: &Package) -> wire::Bundle {
    let mut packages = Vec::new();
    push(package, &mut packages);
    wire::Bundle {
        packages,
        info: package.described.info.to_string(),
        questions: package.described.questions.to_string(),
    }
}

/// Appends `p` and its children; returns `p`'s index.
fn push(p: &Package, out: &mut Vec<wire::Pkg>) -> u32 {
    let at = out.len();
    out.push(pkg(p));
    let overlays = p.overlays.iter().map(|o| push(o, out)).collect();
    let linked = p.linked.iter().map(|l| push(l, out)).collect();
    out[at].overlays = overlays;
    out[at].linked = linked;
    at as u32
}

fn pkg(p: &Package) -> wire::Pkg {
    wire::Pkg {
        id: p.id.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        municipalities: p.municipalities.iter().map(municipality).collect(),
        sources: p
            .sources
            .iter()
            .map(|s| wire::Source {
                id: s.id.clone(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date.clone(),
                url: s.url.clone(),
                ecli: s.ecli.clone(),
            })
            .collect(),
        topics: p.topics.iter().map(|t| (t.id.clone(), t.title.clone())).collect(),
        questions: p.questions.iter().map(question).collect(),
        versions: p.versions.iter().map(version).collect(),
        municipal_choices: p.municipal_choices.clone(),
        overlays: Vec::new(),
        linked: Vec::new(),
        overlay: p.overlay.as_ref().map(|o| (o.municipality.clone(), o.base_fingerprint.clone())),
        tariffs: p.tariffs.iter().map(tariff).collect(),
        contributions: p.contributions.iter().map(contribution).collect(),
        procedure: p
            .procedure
            .iter()
            .map(|e| wire::ProcedureEntry {
                valid_from: e.valid_from.days(),
                periods: [e.conversation_within, e.start_within, e.evaluation_from, e.evaluation_until].map(period),
                citation: match &e.citation {
                    Citation::Source { document, locator } => {
                        wire::Citation::Source { document: document.clone(), locator: locator.clone() }
                    }
                    Citation::Provisional { provisional } => wire::Citation::Provisional(provisional.clone()),
                },
            })
            .collect(),
        closed_days: p.calendar.closed_days().iter().map(|c| (c.date.days(), c.label.clone())).collect(),
        fingerprint: p.fingerprint.clone(),
        applied_fingerprint: p.applied_fingerprint.clone(),
        texts: p
            .versions
            .iter()
            .map(|v| {
                let t = &v.texts;
                (t.concept.clone(), t.provisional_version.clone(), t.not_encoded.clone(), t.not_covered.clone())
            })
            .collect(),
    }
}

fn period(p: Period) -> (u32, u8) {
    (p.amount, p.unit.code())
}

fn municipality(m: &model::Municipality) -> wire::Municipality {
    wire::Municipality {
        id: m.id.clone(),
        name: m.name.clone(),
        how_to_apply: m.how_to_apply.clone(),
        url: m.url.clone(),
        contact: m.contact.as_ref().map(|c| wire::Contact {
            phone: c.phone.clone(),
            url: c.url.clone(),
            opening_hours: c.opening_hours.clone(),
            client_support: c.client_support.as_ref().map(|s| (s.name.clone(), s.phone.clone(), s.url.clone())),
            source: (c.source.document.clone(), c.source.locator.clone()),
        }),
    }
}

fn question(q: &model::Question) -> wire::Question {
    wire::Question {
        id: q.id.clone(),
        kind: q.kind.code(),
        topic: q.topic.clone(),
        label: q.label.clone(),
        help: q.help.clone(),
        ask_if: q.ask_if.as_ref().map(condition),
        options: q.options.iter().map(|o| (o.id.clone(), o.label.clone())).collect(),
        min: q.min,
        max: q.max,
        optional: q.optional,
    }
}

fn condition(c: &model::Condition) -> wire::Condition {
    let mut nodes = Vec::new();
    flatten(&c.expr, &mut nodes);
    wire::Condition { text: c.text.clone(), nodes }
}

/// Post-order: children first, then the node; returns the node's index.
/// Recursion is bounded by the parser's depth limits (trusted input).
fn flatten(e: &Expr, out: &mut Vec<wire::Node>) -> u32 {
    let node = match e {
        Expr::Const(v) => wire::Node::Const(*v),
        Expr::Answer(q, keep) => wire::Node::Answer(*q, *keep),
        Expr::Value(v, amount) => wire::Node::Value(*v, *amount),
        Expr::Neg(a) => wire::Node::Neg(flatten(a, out)),
        Expr::Not(a) => wire::Node::Not(flatten(a, out)),
        Expr::InSet(a, mask) => wire::Node::InSet(flatten(a, out), *mask),
        Expr::Add(a, b) => wire::Node::Add(flatten(a, out), flatten(b, out)),
        Expr::Sub(a, b) => wire::Node::Sub(flatten(a, out), flatten(b, out)),
        Expr::Mul(a, b) => wire::Node::Mul(flatten(a, out), flatten(b, out)),
        Expr::And(a, b) => wire::Node::And(flatten(a, out), flatten(b, out)),
        Expr::Or(a, b) => wire::Node::Or(flatten(a, out), flatten(b, out)),
        Expr::Compare(op, aware, a, b) => wire::Node::Compare(op.code(), *aware, flatten(a, out), flatten(b, out)),
        Expr::Min(items) => wire::Node::Min(items.iter().map(|i| flatten(i, out)).collect()),
        Expr::Max(items) => wire::Node::Max(items.iter().map(|i| flatten(i, out)).collect()),
        Expr::Lookup(t, row, col) => wire::Node::Lookup(*t, key(row), key(col)),
    };
    out.push(node);
    (out.len() - 1) as u32
}

fn key(k: &Key) -> wire::Key {
    match k {
        Key::Fixed(i) => wire::Key::Fixed(*i as u32),
        Key::Answer { question, offset, map } => {
            wire::Key::Answer { question: *question, offset: *offset, map: map.clone() }
        }
    }
}

fn provenance(p: &model::Provenance) -> wire::Provenance {
    match p {
        model::Provenance::Source { document, locator } => wire::Provenance::Source(*document as u32, locator.clone()),
        model::Provenance::Provisional { reason } => wire::Provenance::Provisional(reason.clone()),
    }
}

fn source_ref(s: &Option<(usize, String)>) -> Option<(u32, String)> {
    s.as_ref().map(|(i, l)| (*i as u32, l.clone()))
}

fn version(v: &model::Version) -> wire::Version {
    wire::Version {
        version: v.version.clone(),
        valid_from: v.valid_from.days(),
        valid_until: v.valid_until.map(|d| d.days()),
        status: v.status.code(),
        valid_from_provenance: v.valid_from_provenance.as_ref().map(provenance),
        provisional: v.provisional.clone(),
        not_encoded: v
            .not_encoded
            .iter()
            .map(|n| wire::NotEncoded {
                id: n.id.clone(),
                title: n.title.clone(),
                reason: n.reason.clone(),
                source: source_ref(&n.source),
            })
            .collect(),
        not_covered: v.not_covered.iter().map(|n| (n.id.clone(), n.title.clone(), n.reason.clone())).collect(),
        values: v
            .values
            .iter()
            .map(|n| wire::NamedValue {
                name: n.name.clone(),
                label: n.label.clone(),
                written: n.written,
                unit: n.unit.code(),
                internal: n.internal,
                provenance: provenance(&n.provenance),
            })
            .collect(),
        tables: v
            .tables
            .iter()
            .map(|t| wire::Table {
                name: t.name.clone(),
                title: t.title.clone(),
                unit: t.unit.code(),
                row_label: t.row_label.clone(),
                column_label: t.column_label.clone(),
                columns: t.columns.clone(),
                rows: t.rows.clone(),
                cells: t.cells.clone(),
                provenance: provenance(&t.provenance),
            })
            .collect(),
        areas: v
            .areas
            .iter()
            .map(|a| wire::Area {
                id: a.id.clone(),
                title: a.title.clone(),
                description: a.description.clone(),
                floor_at_zero: a.floor_at_zero,
                maximum: a.maximum,
                rules: a.rules.iter().map(rule).collect(),
            })
            .collect(),
        tariff: v.tariff.as_ref().map(tariff),
        contribution: v.contribution.as_ref().map(contribution),
        transition: v.transition.as_ref().map(|t| wire::Transition {
            question: t.question.clone(),
            started_before: t.started_before.days(),
            package: t.package.clone(),
            reason: t.reason.clone(),
            source: source_ref(&t.source),
        }),
    }
}

fn tariff(t: &model::Tariff) -> wire::Tariff {
    wire::Tariff {
        valid_from: t.valid_from.map(|d| d.days()),
        kind: t.kind.code(),
        cents: t.cents,
        classes: t
            .classes
            .iter()
            .map(|c| wire::TariffClass {
                id: c.id.clone(),
                label: c.label.clone(),
                from_minutes_per_week: c.from_minutes_per_week,
                to_minutes_per_week: c.to_minutes_per_week,
                cents: c.cents,
            })
            .collect(),
        basis_points: t.basis_points,
        floor: t.floor.as_ref().map(|f| wire::Floor {
            cents_per_hour: f.cents_per_hour,
            below: f.below.code(),
            label: f.label.clone(),
            provenance: provenance(&f.provenance),
        }),
        label: t.label.clone(),
        provenance: provenance(&t.provenance),
    }
}

fn contribution(c: &model::Contribution) -> wire::Contribution {
    wire::Contribution {
        valid_from: c.valid_from.map(|d| d.days()),
        cents: c.cents,
        per: c.per.code(),
        label: c.label.clone(),
        provenance: provenance(&c.provenance),
        exemptions: c
            .exemptions
            .iter()
            .map(|e| wire::Exemption {
                id: e.id.clone(),
                when: condition(&e.when),
                label: e.label.clone(),
                provenance: provenance(&e.provenance),
            })
            .collect(),
    }
}

fn rule(r: &model::Rule) -> wire::Rule {
    wire::Rule {
        id: r.id.clone(),
        kind: r.kind.code(),
        label: r.label.clone(),
        explanation: r.explanation.clone(),
        when: r.when.as_ref().map(condition),
        provisional: r.provisional.clone(),
        amount: condition(&r.amount),
        per: r.per.as_ref().map(condition),
        questions: r.questions.clone(),
        values: r.values.clone(),
        tables: r.tables.clone(),
    }
}
