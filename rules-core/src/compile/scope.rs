//! What expressions may name: the scope of a question's `ask_if` and of a
//! rule, and compiling one expression against a scope.

use crate::document::{QuestionKind, Unit};
use crate::error::Error;
use crate::expr::{self, Ty};
use crate::package::{Condition, NamedValue, Question, Table};

fn question_ty(index: usize, q: &Question) -> Ty {
    match q.kind {
        QuestionKind::YesNo => Ty::Bool,
        QuestionKind::Number => Ty::Int,
        QuestionKind::Choice => Ty::Choice(index as u16),
        QuestionKind::Date => Ty::Date,
    }
}

pub(super) fn condition(path: &str, text: &str, scope: &dyn expr::Scope, want: Ty) -> Result<Condition, Error> {
    let node = expr::parse(text).map_err(|e| Error::InvalidExpression {
        path: path.to_string(),
        column: e.column,
        message: e.message,
    })?;
    let (compiled, ty) = expr::check(&node, scope).map_err(|e| Error::InvalidExpression {
        path: path.to_string(),
        column: e.column,
        message: e.message,
    })?;
    if ty != want {
        return Err(Error::InvalidExpression {
            path: path.to_string(),
            column: 1,
            message: format!("hier hoort {}, maar de expressie geeft {}", want.describe(), ty.describe()),
        });
    }
    Ok(Condition { text: text.to_string(), expr: compiled })
}

/// `ask_if` may only use earlier questions, so answers are checked in one pass
/// and conditions can never be circular.
pub(super) struct QuestionScope<'a> {
    pub(super) questions: &'a [Question],
    /// Whether `optional` questions may be named: only by exemptions and by
    /// other optional questions' `ask_if`, so skipping one never changes minutes.
    pub(super) optional: bool,
}

impl QuestionScope<'_> {
    /// Why `name` is hidden here: an optional question where none may be used.
    fn optional_hidden(&self, name: &str) -> Option<String> {
        (!self.optional && self.questions.iter().any(|q| q.id == name && q.optional)).then(|| {
            format!("'{name}' is een vraag die mag worden overgeslagen (optional): alleen een vrijstelling van de eigen bijdrage of een andere overslaanbare vraag mag die gebruiken")
        })
    }
}

impl expr::Scope for QuestionScope<'_> {
    fn question(&self, name: &str) -> Option<(u16, Ty)> {
        self.questions
            .iter()
            .enumerate()
            .find(|(_, q)| q.id == name && (self.optional || !q.optional))
            .map(|(i, q)| (i as u16, question_ty(i, q)))
    }
    fn option(&self, q: u16, option: &str) -> Option<u16> {
        self.questions[q as usize].options.iter().position(|o| o.id == option).map(|i| i as u16)
    }
    fn options(&self, q: u16) -> Vec<String> {
        self.questions[q as usize].options.iter().map(|o| o.id.clone()).collect()
    }
    fn bounds(&self, q: u16) -> (i64, i64) {
        let q = &self.questions[q as usize];
        (q.min.unwrap_or(0), q.max.unwrap_or(0))
    }
    fn value(&self, _: &str) -> Option<(u16, i64, Ty)> {
        None
    }
    fn table(&self, _: &str) -> Option<(u16, Ty, Vec<String>, Vec<String>)> {
        None
    }
    fn hidden(&self, name: &str) -> Option<String> {
        self.optional_hidden(name).or_else(|| {
            Some(format!("'{name}' is hier niet bekend: een vraagvoorwaarde of vrijstelling mag alleen (eerdere) vragen gebruiken"))
        })
    }
}

/// Rules see every question plus the version's values and tables.
pub(super) struct RuleScope<'a> {
    pub(super) questions: QuestionScope<'a>,
    pub(super) values: &'a [NamedValue],
    pub(super) tables: &'a [Table],
}

impl expr::Scope for RuleScope<'_> {
    fn question(&self, name: &str) -> Option<(u16, Ty)> {
        self.questions.question(name)
    }
    fn option(&self, q: u16, option: &str) -> Option<u16> {
        self.questions.option(q, option)
    }
    fn options(&self, q: u16) -> Vec<String> {
        self.questions.options(q)
    }
    fn bounds(&self, q: u16) -> (i64, i64) {
        self.questions.bounds(q)
    }
    fn value(&self, name: &str) -> Option<(u16, i64, Ty)> {
        self.values
            .iter()
            .enumerate()
            .find(|(_, v)| v.name == name)
            .map(|(i, v)| (i as u16, v.internal, if v.unit == Unit::Number { Ty::Int } else { Ty::Time }))
    }
    fn table(&self, name: &str) -> Option<(u16, Ty, Vec<String>, Vec<String>)> {
        self.tables.iter().enumerate().find(|(_, t)| t.name == name).map(|(i, t)| {
            (i as u16, if t.unit == Unit::Number { Ty::Int } else { Ty::Time }, t.rows.clone(), t.columns.clone())
        })
    }
    fn hidden(&self, name: &str) -> Option<String> {
        self.questions.optional_hidden(name)
    }
}
