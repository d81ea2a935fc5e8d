//! Citations: where each number in a step comes from.

use crate::package::{Package, Provenance, Rule, Version};

use super::model::Citation;

fn unit_name(u: crate::document::Unit) -> &'static str {
    use crate::document::Unit::*;
    match u {
        MinutesPerWeek => "minutes_per_week",
        HoursPerYear => "hours_per_year",
        MinutesPerYear => "minutes_per_year",
        Number => "number",
    }
}

pub(super) fn cite<'a>(
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

pub(super) fn value_citation<'a>(pkg: &'a Package, v: &'a Version, i: u16) -> Citation<'a> {
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
pub(super) fn rule_sources<'a>(pkg: &'a Package, v: &'a Version, rule: &'a Rule) -> Vec<Citation<'a>> {
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
