//! The consultant's text: the indication in Dutch, to paste into a decision.

use crate::eval::{figures, Indication, StepKind};
use crate::explain::{self, amount_in, duration, rule_unit};
use crate::package::{Package, Provenance};

use super::cost::{cost_json, euro};
use super::{ENGINE_NAME, ENGINE_VERSION};

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
    let _ = writeln!(t, "Vingerafdruk: {}", pkg.applied_fingerprint);
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
    let cost = super::cost::indication_cost(ind);
    if let Some(c) = cost_json(&cost, ind.package, super::cost::money_source(ind)) {
        if let Some(class) = &c.class {
            let _ = writeln!(t, "  Klasse: {} ({})", class.id, class.label);
        }
        let tariff = cost.tariff.map(|t| super::cost::tariff_money(t, cost.class));
        if let (Some(tar), Some(cents)) = (tariff, c.cents_per_period) {
            let _ = writeln!(
                t,
                "  Kosten per vier weken: {} ({}: {} {})",
                euro(cents),
                tar.label,
                euro(tar.cents),
                if tar.per == "per_hour" { "per uur" } else { "per vier weken" }
            );
        }
        if let Some(e) = c.contribution.as_ref().and_then(|c| c.exemption.as_ref()) {
            let _ = writeln!(t, "  Eigen bijdrage: geen (vrijstelling {}: {})", e.id, e.label);
        } else if let Some(con) = c.contribution.as_ref().map(|c| &c.money) {
            let _ = writeln!(
                t,
                "  Eigen bijdrage: {} {} ({})",
                euro(con.cents),
                match con.per {
                    "month" => "per maand",
                    "year" => "per jaar",
                    _ => "per vier weken",
                },
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
        let _ = writeln!(t, "  {}", s.full_text());
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
