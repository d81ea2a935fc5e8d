//! Lints for package authors: things that load fine but are probably wrong.

use crate::document::QuestionKind;
use crate::expr::{Ref, ABSENT};
use crate::package::{Package, Rule, Version};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Lint {
    pub code: &'static str,
    pub path: String,
    pub message: String,
}

/// Largest number of answer combinations tried to prove a rule can apply.
const MAX_COMBINATIONS: u64 = 200_000;

pub fn lint(package: &Package) -> Vec<Lint> {
    let mut out = Vec::new();
    let mut used = vec![false; package.questions.len()];
    for q in &package.questions {
        if let Some(c) = &q.ask_if {
            c.expr.visit(&mut |r| {
                if let Ref::Question(i) = r {
                    used[i as usize] = true;
                }
            });
        }
    }
    // A transition rule reads its own date question, and the reserved start
    // date keeps its documented meaning (the current indication's start).
    for t in package.versions.iter().filter_map(|v| v.transition.as_ref()) {
        for key in [t.question.as_str(), crate::package::START_DATE_KEY] {
            if let Some(i) = package.question_index(key) {
                used[i] = true;
            }
        }
    }
    for v in &package.versions {
        let mut values = vec![false; v.values.len()];
        let mut tables = vec![false; v.tables.len()];
        for area in &v.areas {
            if let Some(m) = area.maximum {
                values[m as usize] = true;
            }
            for rule in &area.rules {
                rule.questions.iter().for_each(|&q| used[q as usize] = true);
                rule.values.iter().for_each(|&x| values[x as usize] = true);
                rule.tables.iter().for_each(|&x| tables[x as usize] = true);
                if !can_apply(package, v, rule) {
                    out.push(Lint {
                        code: "rule_never_applies",
                        path: format!("versions[{}].areas[{}].rules[{}]", v.version, area.id, rule.id),
                        message: format!("regel '{}' is bij geen enkel antwoord van toepassing", rule.id),
                    });
                }
            }
        }
        for (_, val) in v.values.iter().enumerate().filter(|(i, _)| !values[*i]) {
            out.push(Lint {
                code: "unused_value",
                path: format!("versions[{}].values.{}", v.version, val.name),
                message: format!("waarde '{}' wordt door geen regel gebruikt", val.name),
            });
        }
        for (_, t) in v.tables.iter().enumerate().filter(|(i, _)| !tables[*i]) {
            out.push(Lint {
                code: "unused_table",
                path: format!("versions[{}].tables.{}", v.version, t.name),
                message: format!("tabel '{}' wordt door geen regel gebruikt", t.name),
            });
        }
        let n =
            v.provisional_count() + v.areas.iter().flat_map(|a| &a.rules).filter(|r| r.provisional.is_some()).count();
        if n > 0 {
            out.push(Lint {
                code: "provisional_numbers",
                path: format!("versions[{}]", v.version),
                message: format!("{n} voorlopige getallen of regels (zonder openbare bron); elke uitkomst die ze gebruikt waarschuwt"),
            });
        }
    }
    for (_, q) in package.questions.iter().enumerate().filter(|(i, _)| !used[*i]) {
        out.push(Lint {
            code: "unused_question",
            path: format!("questions[{}]", q.id),
            message: format!("vraag '{}' wordt door geen regel en geen vraagvoorwaarde gebruikt", q.id),
        });
    }
    out.extend(no_contact(package));
    out
}

/// Municipalities without contact details (in their entry or their overlay):
/// residents then only read how to find the Wmo desk themselves.
fn no_contact(package: &Package) -> impl Iterator<Item = Lint> + '_ {
    package.municipalities.iter().filter_map(move |m| {
        let resolved = package.for_municipality(&m.id).and_then(|p| p.municipalities.iter().find(|x| x.id == m.id));
        resolved.unwrap_or(m).contact.is_none().then(|| Lint {
            code: "no_contact",
            path: format!("municipalities[{}].contact", m.id),
            message: format!(
                "gemeente '{}' heeft geen contactgegevens (telefoon, website); inwoners lezen alleen hoe ze het Wmo-loket zelf vinden",
                m.name
            ),
        })
    })
}

/// Tries every combination of the answers the rule reads (when that is a
/// manageable number); dates are not enumerated, so rules on dates pass.
fn can_apply(package: &Package, version: &Version, rule: &Rule) -> bool {
    let mut domains: Vec<(usize, Vec<i64>)> = Vec::new();
    let mut combos: u64 = 1;
    for &q in &rule.questions {
        let question = &package.questions[q as usize];
        let mut d: Vec<i64> = match question.kind {
            QuestionKind::YesNo => vec![0, 1],
            QuestionKind::Choice => (0..question.options.len() as i64).collect(),
            QuestionKind::Number => {
                let (lo, hi) = (question.min.unwrap_or(0), question.max.unwrap_or(0));
                if hi - lo > 10_000 {
                    return true;
                }
                (lo..=hi).collect()
            }
            QuestionKind::Date => return true,
        };
        if question.ask_if.is_some() {
            d.push(ABSENT);
        }
        combos = combos.saturating_mul(d.len() as u64);
        domains.push((q as usize, d));
    }
    if combos > MAX_COMBINATIONS {
        return true;
    }
    let mut slots = vec![ABSENT; package.questions.len()];
    let mut idx = vec![0usize; domains.len()];
    loop {
        for (k, (q, d)) in domains.iter().enumerate() {
            slots[*q] = d[idx[k]];
        }
        let fires = rule.when.as_ref().is_none_or(|c| c.expr.is_true(&slots, version).unwrap_or(true))
            && rule.per.as_ref().is_none_or(|c| c.expr.eval(&slots, version).map_or(true, |n| n >= 1));
        if fires {
            return true;
        }
        // Next combination (odometer).
        let mut k = 0;
        loop {
            if k == idx.len() {
                return false;
            }
            idx[k] += 1;
            if idx[k] < domains[k].1.len() {
                break;
            }
            idx[k] = 0;
            k += 1;
        }
    }
}
