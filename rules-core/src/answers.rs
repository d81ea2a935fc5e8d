//! Answers: a JSON object keyed by question id, checked against the package.
//! Checking is one pass in question order: a question's `ask_if` may only use
//! earlier questions, so whether it is asked is known when it is reached.

use crate::date::Date;
use crate::document::QuestionKind;
use crate::error::Error;
use crate::expr::{Tables, ABSENT};
use crate::input::answer_value::{AnswerMap, AnswerValue as Value, Exactly};
use crate::input::flat::Scalar;
use crate::input::limits::{self, shorten};
use crate::package::{Package, Question, START_DATE_KEY};

/// Checked answers: one slot per question (`ABSENT` when not asked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub(crate) slots: Vec<i64>,
    /// The reserved `indicatie_startdatum`, when given.
    pub start_date: Option<Date>,
}

/// One answer as it appears in a trace step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer<'a> {
    Bool(bool),
    Number(i64),
    Choice(&'a str),
    Date(Date),
}

/// Answer conditions cannot use tables; this stands in for them.
pub(crate) struct NoTables;
impl Tables for NoTables {
    fn cell(&self, _: u16, _: usize, _: usize) -> i64 {
        0
    }
}

impl Answers {
    /// Checks answers; the first problem is the error.
    pub fn from_json(package: &Package, answers: &Value) -> Result<Answers, Error> {
        let mut first = None;
        let result = check(package, answers, &mut |e| {
            first.get_or_insert(e);
            false
        });
        match first {
            Some(e) => Err(e),
            None => result,
        }
    }

    /// The checked answers from the quick reader's members when every
    /// answer is right, else `None`: then `from_json` on the tree gives the
    /// first problem. The checks are `check`'s, in its order, without the
    /// map: the members are matched to questions once, in one pass.
    pub fn from_flat(package: &Package, members: &[(&str, Scalar<'_>)]) -> Option<Answers> {
        let questions = &package.questions;
        // Per question: 1 + the index of its member, or 0 when not given.
        let mut given = vec![0u8; questions.len()];
        let mut start_date = None;
        for (m, &(key, value)) in members.iter().enumerate() {
            match questions.iter().position(|q| q.id == key) {
                // At most 64 members (the quick reader's limit).
                Some(i) => given[i] = m as u8 + 1,
                None if key == START_DATE_KEY => match value {
                    Scalar::String(s) => start_date = Some(Date::parse(s)?),
                    _ => return None,
                },
                None => return None,
            }
        }
        let mut slots = vec![ABSENT; questions.len()];
        for (i, q) in questions.iter().enumerate() {
            let asked = q.ask_if.as_ref().is_none_or(|c| c.expr.is_true(&slots, &NoTables).unwrap_or(true));
            let value = given[i].checked_sub(1).map(|m| members[usize::from(m)].1);
            match (asked, value) {
                (true, None) if q.optional => {}
                (false, None) => {}
                (true, Some(v)) => slots[i] = flat_slot(q, v)?,
                (true, None) | (false, Some(_)) => return None,
            }
            if q.id == START_DATE_KEY && slots[i] != ABSENT {
                start_date = Some(Date::from_days(slots[i] as i32));
            }
        }
        Some(Answers { slots, start_date })
    }

    /// Every problem with the answers, in a stable order: keys that are no
    /// question (sorted), then per question in package order.
    pub fn problems(package: &Package, answers: &Value) -> Vec<Error> {
        let mut all = Vec::new();
        let _ = check(package, answers, &mut |e| {
            all.push(e);
            true
        });
        all
    }

    /// For each question, whether it is asked given these (possibly partial or
    /// invalid) answers. Invalid answers count as not given.
    pub fn asked(package: &Package, answers: &Value) -> Vec<bool> {
        let empty = AnswerMap::new();
        let map = answers.as_object().unwrap_or(&empty);
        let mut slots = vec![ABSENT; package.questions.len()];
        let mut asked = Vec::with_capacity(slots.len());
        for (i, q) in package.questions.iter().enumerate() {
            let is_asked = q.ask_if.as_ref().is_none_or(|c| c.expr.is_true(&slots, &NoTables).unwrap_or(true));
            if is_asked {
                if let Some(s) = map.get(&q.id).and_then(|v| slot_for(q, v).ok()) {
                    slots[i] = s;
                }
            }
            asked.push(is_asked);
        }
        asked
    }

    /// Whether question `index` is asked given these answers (its `ask_if`
    /// only reads earlier questions). With `slot`: an asked optional
    /// question whose slot is `ABSENT` was skipped.
    pub fn is_asked(&self, package: &Package, index: usize) -> bool {
        package.questions[index].ask_if.as_ref().is_none_or(|c| c.expr.is_true(&self.slots, &NoTables).unwrap_or(true))
    }

    /// The slot value of question `index` (`ABSENT` when not asked).
    pub fn slot(&self, index: usize) -> i64 {
        self.slots[index]
    }

    /// The answer to question `index` for output, without allocating, or
    /// `None` when not asked.
    pub fn answer<'a>(&self, question: &'a Question, index: usize) -> Option<Answer<'a>> {
        let v = self.slots[index];
        if v == ABSENT {
            return None;
        }
        Some(match question.kind {
            QuestionKind::YesNo => Answer::Bool(v != 0),
            QuestionKind::Number => Answer::Number(v),
            QuestionKind::Choice => Answer::Choice(&question.options[v as usize].id),
            QuestionKind::Date => Answer::Date(Date::from_days(v as i32)),
        })
    }
}

/// Runs all checks, reporting each problem to `report`; stops early when
/// `report` returns false.
fn check(package: &Package, answers: &Value, report: &mut dyn FnMut(Error) -> bool) -> Result<Answers, Error> {
    // Each error below is made twice rather than cloned: `Error::clone` is
    // 2.6 KB of the resident module, and these were its only callers there.
    let Some(map) = answers.as_object() else {
        let e = || Error::InvalidAnswers { message: format!("gekregen: {}", answers.kind()) };
        report(e());
        return Err(e());
    };
    // Before anything is built: 10^6 keys must not cost seconds.
    if map.len() > limits::ANSWER_KEYS.max {
        let e = || limits::ANSWER_KEYS.error(None, "(antwoorden)".to_owned());
        report(e());
        return Err(e());
    }
    let placeholder = || Error::InvalidAnswers { message: String::new() };
    let mut start_date = None;
    for (key, value) in map {
        if key == START_DATE_KEY && package.question_index(key).is_none() {
            match value.as_str().and_then(Date::parse) {
                Some(d) => start_date = Some(d),
                None => {
                    let shown =
                        shorten(&value.as_str().map_or_else(|| crate::json_out::to_string(value), str::to_owned));
                    if !report(Error::InvalidDate { question: Some(key.clone()), value: shown }) {
                        return Err(placeholder());
                    }
                }
            }
        } else if package.question_index(key).is_none() && !report(Error::UnknownQuestion { question: shorten(key) }) {
            return Err(placeholder());
        }
    }
    let mut slots = vec![ABSENT; package.questions.len()];
    for (i, q) in package.questions.iter().enumerate() {
        let asked = match &q.ask_if {
            None => true,
            // Only overflow can fail here; treat it as asked so the problem surfaces.
            Some(c) => c.expr.is_true(&slots, &NoTables).unwrap_or(true),
        };
        let given = map.get(&q.id);
        match (asked, given) {
            // An optional question may be skipped: "not given", never a refusal.
            (true, None) if q.optional => {}
            (true, None) => {
                if !report(Error::MissingAnswer { question: q.id.clone() }) {
                    return Err(placeholder());
                }
            }
            (false, Some(_)) => {
                if !report(Error::NotAsked { question: q.id.clone() }) {
                    return Err(placeholder());
                }
            }
            (false, None) => {}
            (true, Some(v)) => match slot_for(q, v) {
                Ok(s) => slots[i] = s,
                Err(e) => {
                    if !report(e) {
                        return Err(placeholder());
                    }
                }
            },
        }
        if q.id == START_DATE_KEY && slots[i] != ABSENT {
            start_date = Some(Date::from_days(slots[i] as i32));
        }
    }
    Ok(Answers { slots, start_date })
}

/// Checks one answer against its question.
pub(crate) fn check_one(q: &Question, v: &Value) -> Result<(), Error> {
    slot_for(q, v).map(|_| ())
}

/// `slot_for` for a right answer; `None` where `slot_for` has an error.
fn flat_slot(q: &Question, v: Scalar<'_>) -> Option<i64> {
    match (q.kind, v) {
        (QuestionKind::YesNo, Scalar::Bool(b)) => Some(i64::from(b)),
        (QuestionKind::Number, Scalar::Number { exactly: Exactly::Whole(i), .. }) => {
            (q.min.unwrap_or(0)..=q.max.unwrap_or(0)).contains(&i).then_some(i)
        }
        (QuestionKind::Choice, Scalar::String(s)) => q.options.iter().position(|o| o.id == s).map(|i| i as i64),
        (QuestionKind::Date, Scalar::String(s)) => Date::parse(s).map(|d| i64::from(d.days())),
        _ => None,
    }
}

fn slot_for(q: &Question, v: &Value) -> Result<i64, Error> {
    let wrong = |expected: &str| Error::WrongType {
        question: q.id.clone(),
        expected: format!("{expected}, niet {}", v.kind()),
    };
    match q.kind {
        QuestionKind::YesNo => v.as_bool().map(i64::from).ok_or_else(|| wrong("ja of nee (true of false)")),
        QuestionKind::Number => {
            // Numbers are read as written and classified exactly: whole if
            // the exact value is whole (2.0, 2e0, -0 are 2 and 0, which
            // JavaScript cannot tell apart either), a fraction is refused
            // however close to whole, and an out-of-range number is quoted
            // as written.
            let whole = || Error::WrongType { question: q.id.clone(), expected: "een heel getal zonder komma".into() };
            let Value::Number(n) = v else { return Err(whole()) };
            let (min, max) = (q.min.unwrap_or(0), q.max.unwrap_or(0));
            match n.exactly() {
                Exactly::Whole(i) if (min..=max).contains(&i) => Ok(i),
                Exactly::Whole(_) | Exactly::HugeWhole => {
                    Err(Error::OutOfRange { question: q.id.clone(), value: shorten(n.literal()), min, max })
                }
                Exactly::Fraction => Err(whole()),
            }
        }
        QuestionKind::Choice => {
            let s = v.as_str().ok_or_else(|| wrong("een keuze (tekst)"))?;
            q.options.iter().position(|o| o.id == s).map(|i| i as i64).ok_or_else(|| Error::NotAnOption {
                question: q.id.clone(),
                value: shorten(s),
                options: q.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(", "),
            })
        }
        QuestionKind::Date => {
            let s = v.as_str().ok_or_else(|| wrong("een datum (tekst JJJJ-MM-DD)"))?;
            Date::parse(s)
                .map(|d| i64::from(d.days()))
                .ok_or_else(|| Error::InvalidDate { question: Some(q.id.clone()), value: shorten(s) })
        }
    }
}
