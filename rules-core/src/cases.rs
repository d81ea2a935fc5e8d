//! Conformance cases: readable JSON files next to a package that state an
//! input and the expected outcome. Running them needs no I/O, so the CLI,
//! `cargo test` and the browser's checking page share this code.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

use crate::date::Date;
use crate::error::Error;
use crate::eval::{evaluate_with, figures, Options, StepKind};
use crate::explain::warnings;
use crate::input::answer_value::AnswerValue;
use crate::package::Package;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub description: String,
    /// The date the norm is applied on.
    pub date: String,
    #[serde(default)]
    pub municipality: Option<String>,
    /// The answers. Read from a file ([`Case::read`], the checking page's
    /// files) their numbers are as written, as in an answers file (a case's
    /// `1.00000000000000001` is `wrong_type`); from a document already read
    /// (JavaScript objects) as that document holds them.
    #[serde(deserialize_with = "answers_of_document")]
    pub answers: AnswerValue,
    #[serde(default)]
    pub expect: Option<Expect>,
    #[serde(default)]
    pub expect_error: Option<ExpectError>,
}

/// A case file's `answers`, numbers as written: the document reader (which
/// already checked these bytes: UTF-8, syntax, limits) gives doubles.
pub fn exact_answers(bytes: &[u8], file: &str) -> Option<AnswerValue> {
    let text = std::str::from_utf8(bytes).ok()?;
    let document = crate::input::json::read_exact_str(text, file, crate::input::json::Kind::Case).ok()?;
    document.get("answers").cloned()
}

fn answers_of_document<'de, D: Deserializer<'de>>(d: D) -> Result<AnswerValue, D::Error> {
    serde_json::Value::deserialize(d).map(|v| AnswerValue::from(&v))
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The package actually applied (differs after a transition rule).
    #[serde(default)]
    pub package: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    /// Cost per four-week period in cents, when a tariff applies.
    #[serde(default)]
    pub cents_per_period: Option<i64>,
    /// Tariff per year in cents (period × 13, or per hour from the exact minutes).
    #[serde(default)]
    pub cents_per_year: Option<i64>,
    /// Id of the tariff class (Resultatenmatrix); `""` for none.
    #[serde(default)]
    pub class: Option<String>,
    /// The resident's contribution per calendar year, in cents.
    #[serde(default)]
    pub contribution_cents_per_year: Option<i64>,
    #[serde(default)]
    pub total: Option<ExpectFigures>,
    /// Area id → figures.
    #[serde(default)]
    pub areas: BTreeMap<String, ExpectFigures>,
    /// Ids of the rules that fire, in trace order.
    #[serde(default)]
    pub rules: Option<Vec<String>>,
    /// Warning codes, in order.
    #[serde(default)]
    pub warnings: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExpectFigures {
    #[serde(default)]
    pub minutes_per_week: Option<i64>,
    #[serde(default)]
    pub minutes_per_period: Option<i64>,
    #[serde(default)]
    pub minutes_per_year: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectError {
    pub code: String,
    #[serde(default)]
    pub question: Option<String>,
}

impl Case {
    /// Reads a case document with the strict reader (`file` names it in errors).
    pub fn parse(text: &str) -> Result<Case, String> {
        Case::read(text.as_bytes(), "(testgeval)")
    }

    /// Reads a case from the bytes of a file with the strict reader.
    pub fn read(bytes: &[u8], file: &str) -> Result<Case, String> {
        let value = crate::input::json::read(bytes, file, crate::input::json::Kind::Case).map_err(|e| e.to_string())?;
        Case::from_document(value, exact_answers(bytes, file))
    }

    /// A case from its document, with its answers as written when the
    /// file's bytes were at hand ([`exact_answers`]).
    pub fn from_document(document: serde_json::Value, answers: Option<AnswerValue>) -> Result<Case, String> {
        let mut case: Case = serde_json::from_value(document).map_err(|e| format!("geen geldig testgeval: {e}"))?;
        if let Some(answers) = answers {
            case.answers = answers;
        }
        Ok(case)
    }

    pub fn options(&self) -> Result<Options, String> {
        let date = Date::parse(&self.date).ok_or_else(|| format!("datum '{}' is ongeldig", self.date))?;
        Ok(Options { date, municipality: self.municipality.clone() })
    }

    /// Runs the case; `Err` lists every mismatch in plain Dutch.
    pub fn run(&self, package: &Package) -> Result<(), Vec<String>> {
        let options = self.options().map_err(|e| vec![e])?;
        let outcome = evaluate_with(package, &self.answers, &options, |ind| Outcome::from(ind));
        match (&self.expect, &self.expect_error, outcome) {
            (Some(_), Some(_), _) | (None, None, _) => Err(vec!["geef precies één van expect of expect_error".into()]),
            (Some(expect), None, Ok(out)) => expect.compare(&out),
            (Some(_), None, Err(e)) => Err(vec![format!("verwachtte een uitkomst, kreeg fout {}: {e}", e.code())]),
            (None, Some(want), Err(e)) => compare_error(want, &e),
            (None, Some(want), Ok(out)) => {
                Err(vec![format!("verwachtte fout {}, maar kreeg {} minuten per week", want.code, out.total.0)])
            }
        }
    }
}

struct Outcome {
    package: String,
    cents_per_period: Option<i64>,
    cents_per_year: Option<i64>,
    class: String,
    contribution_cents_per_year: Option<i64>,
    version: String,
    total: (i64, i64, i64),
    areas: BTreeMap<String, (i64, i64, i64)>,
    rules: Vec<String>,
    warnings: Vec<String>,
}

impl From<&crate::eval::Indication<'_>> for Outcome {
    fn from(ind: &crate::eval::Indication<'_>) -> Outcome {
        let v = ind.version;
        let cost = crate::output::indication_cost(ind);
        Outcome {
            package: ind.package.id.clone(),
            cents_per_period: cost.cents_per_period,
            cents_per_year: cost.cents_per_year,
            class: cost.class.map(|c| c.id.clone()).unwrap_or_default(),
            contribution_cents_per_year: cost.contribution_cents_per_year,
            version: v.version.clone(),
            total: figures(ind.total),
            areas: v.areas.iter().zip(&ind.areas).map(|(a, &x)| (a.id.clone(), figures(x))).collect(),
            rules: ind
                .steps
                .iter()
                .filter_map(|s| match s.kind {
                    StepKind::Rule { rule } => Some(v.areas[s.area as usize].rules[rule as usize].id.clone()),
                    _ => None,
                })
                .collect(),
            warnings: warnings(ind).into_iter().map(|w| w.code.to_string()).collect(),
        }
    }
}

fn compare_figures(what: &str, want: &ExpectFigures, got: (i64, i64, i64), out: &mut Vec<String>) {
    for (name, w, g) in [
        ("minuten per week", want.minutes_per_week, got.0),
        ("minuten per vier weken", want.minutes_per_period, got.1),
        ("minuten per jaar", want.minutes_per_year, got.2),
    ] {
        if let Some(w) = w {
            if w != g {
                out.push(format!("{what}: verwacht {w} {name}, berekend {g}"));
            }
        }
    }
}

impl Expect {
    fn compare(&self, out: &Outcome) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        if let Some(p) = &self.package {
            if *p != out.package {
                problems.push(format!("verwacht pakket {p}, toegepast {}", out.package));
            }
        }
        if let Some(want) = self.cents_per_period {
            match out.cents_per_period {
                Some(got) if got == want => {}
                Some(got) => problems.push(format!("verwacht {want} cent per vier weken, berekend {got}")),
                None => problems.push(format!("verwacht {want} cent per vier weken, maar er geldt geen tarief (ontbreekt de aanvulling van de gemeente?)")),
            }
        }
        let money = [
            ("cent per jaar", self.cents_per_year, out.cents_per_year),
            ("cent eigen bijdrage per jaar", self.contribution_cents_per_year, out.contribution_cents_per_year),
        ];
        for (what, want, got) in money {
            if let Some(want) = want {
                if got != Some(want) {
                    problems.push(format!(
                        "verwacht {want} {what}, berekend {}",
                        got.map_or("niets (geen bedrag)".to_string(), |g| g.to_string())
                    ));
                }
            }
        }
        if let Some(c) = &self.class {
            if *c != out.class {
                problems.push(format!("verwacht klasse '{c}', berekend '{}'", out.class));
            }
        }
        if let Some(v) = &self.version {
            if *v != out.version {
                problems.push(format!("verwacht versie {v}, toegepast {}", out.version));
            }
        }
        if let Some(t) = &self.total {
            compare_figures("totaal", t, out.total, &mut problems);
        }
        for (id, want) in &self.areas {
            match out.areas.get(id) {
                Some(got) => compare_figures(id, want, *got, &mut problems),
                None => problems.push(format!("resultaatgebied '{id}' bestaat niet in de toegepaste versie")),
            }
        }
        if let Some(r) = &self.rules {
            if *r != out.rules {
                problems.push(format!("verwacht regels [{}], toegepast [{}]", r.join(", "), out.rules.join(", ")));
            }
        }
        if let Some(w) = &self.warnings {
            if *w != out.warnings {
                problems.push(format!(
                    "verwacht waarschuwingen [{}], kreeg [{}]",
                    w.join(", "),
                    out.warnings.join(", ")
                ));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

fn compare_error(want: &ExpectError, got: &Error) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    if want.code != got.code() {
        problems.push(format!("verwacht fout {}, kreeg {}: {got}", want.code, got.code()));
    }
    if let Some(q) = &want.question {
        if Some(q.as_str()) != got.question() {
            problems.push(format!(
                "verwacht fout bij vraag '{q}', kreeg fout {}",
                got.question().map_or_else(|| "zonder vraag".to_string(), |g| format!("bij vraag '{g}'"))
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::answer_value::Exactly;

    fn number(case: &Case, key: &str) -> (String, Exactly) {
        match case.answers.get(key) {
            Some(AnswerValue::Number(n)) => (n.literal().to_owned(), n.exactly()),
            other => panic!("{key}: {other:?}"),
        }
    }

    #[test]
    fn a_cases_answers_are_read_as_written_like_an_answers_file() {
        let text = r#"{"description": "d", "date": "2024-06-01",
            "answers": {"a": 1.00000000000000001, "b": 2.0, "c": 100000000000000000000, "d": 7},
            "expect_error": {"code": "wrong_type", "question": "a"}}"#;
        let case = Case::parse(text).unwrap();
        assert_eq!(number(&case, "a"), ("1.00000000000000001".to_owned(), Exactly::Fraction));
        assert_eq!(number(&case, "b"), ("2.0".to_owned(), Exactly::Whole(2)));
        assert_eq!(number(&case, "c"), ("100000000000000000000".to_owned(), Exactly::HugeWhole));
        assert_eq!(case.answers.get("d").and_then(AnswerValue::as_i64), Some(7));
    }

    #[test]
    fn a_case_without_answers_is_refused() {
        let e =
            Case::parse(r#"{"description": "d", "date": "2024-06-01", "expect_error": {"code": "x"}}"#).unwrap_err();
        assert!(e.contains("answers"), "{e}");
    }
}
