//! The package's questions, in order; an `ask_if` may only use earlier ones.

use crate::document::{PackageDoc, QuestionKind};
use crate::error::Error;
use crate::expr::Ty;
use crate::package::{AnswerOption, Question, START_DATE_KEY};

use super::names::{is_name, need_text, unique, RESERVED};
use super::scope::{condition, QuestionScope};

/// Bounds of number questions stay within this magnitude.
const MAX_BOUND: i64 = 1_000_000;

pub(super) fn compile(doc: &PackageDoc) -> Result<Vec<Question>, Error> {
    if doc.questions.len() > 1_000 {
        return Err(Error::package("questions", "meer dan 1000 vragen"));
    }
    unique("questions", "vraag", doc.questions.iter().map(|q| q.id.as_str()))?;
    let mut out: Vec<Question> = Vec::with_capacity(doc.questions.len());
    for q in &doc.questions {
        let path = format!("questions[{}]", q.id);
        if !is_name(&q.id) || RESERVED.contains(&q.id.as_str()) {
            return Err(Error::package(
                &path,
                format!("'{}' is geen geldige vraag-id (kleine letters, cijfers en _, begint met een letter)", q.id),
            ));
        }
        if q.optional && q.id == START_DATE_KEY {
            return Err(Error::package(
                format!("{path}.optional"),
                format!("'{START_DATE_KEY}' bepaalt het overgangsrecht en mag niet overgeslagen worden"),
            ));
        }
        if q.id == START_DATE_KEY && q.kind != QuestionKind::Date {
            return Err(Error::package(&path, format!("'{START_DATE_KEY}' is gereserveerd voor een datum")));
        }
        if !doc.topics.iter().any(|t| t.id == q.topic) {
            return Err(Error::package(
                format!("{path}.topic"),
                format!("onderwerp '{}' staat niet in topics", q.topic),
            ));
        }
        need_text(&format!("{path}.label"), "vraagtekst", &q.label)?;
        match q.kind {
            QuestionKind::Choice => {
                if q.options.is_empty() || q.options.len() > 64 {
                    return Err(Error::package(format!("{path}.options"), "een keuzevraag heeft 1 tot 64 keuzes"));
                }
                unique(&format!("{path}.options"), "keuze", q.options.iter().map(|o| o.id.as_str()))?;
                for o in &q.options {
                    if !is_name(&o.id) {
                        return Err(Error::package(
                            format!("{path}.options[{}]", o.id),
                            "keuze-id: kleine letters, cijfers en _",
                        ));
                    }
                    need_text(&format!("{path}.options[{}].label", o.id), "keuzetekst", &o.label)?;
                }
            }
            _ if !q.options.is_empty() => {
                return Err(Error::package(format!("{path}.options"), "alleen een keuzevraag heeft keuzes"));
            }
            _ => {}
        }
        match (q.kind, q.min, q.max) {
            (QuestionKind::Number, Some(lo), Some(hi)) => {
                if lo > hi || lo < -MAX_BOUND || hi > MAX_BOUND {
                    return Err(Error::package(
                        &path,
                        format!("grenzen moeten min ≤ max zijn, tussen -{MAX_BOUND} en {MAX_BOUND}"),
                    ));
                }
            }
            (QuestionKind::Number, _, _) => {
                return Err(Error::package(&path, "een getalvraag heeft een min en een max"));
            }
            (_, None, None) => {}
            _ => return Err(Error::package(&path, "alleen een getalvraag heeft min en max")),
        }
        let ask_if = match &q.ask_if {
            None => None,
            Some(text) => {
                let scope = QuestionScope { questions: &out, optional: q.optional };
                Some(condition(&format!("{path}.ask_if"), text, &scope, Ty::Bool)?)
            }
        };
        out.push(Question {
            id: q.id.clone(),
            kind: q.kind,
            topic: q.topic.clone(),
            label: q.label.clone(),
            help: q.help.clone(),
            ask_if,
            options: q.options.iter().map(|o| AnswerOption { id: o.id.clone(), label: o.label.clone() }).collect(),
            min: q.min,
            max: q.max,
            optional: q.optional,
        });
    }
    Ok(out)
}
