//! Figures only, column-wise: the total exact minutes per year of a whole
//! chunk of households at once. Each rule's condition, count and amount is
//! evaluated over the chunk's answer columns (one tree walk per chunk, not
//! per household), with the same checked arithmetic as `eval::evaluate` and
//! `engine::minutes_per_year`, and with the same outcome per household: a
//! value that overflows only counts where the household-by-household
//! evaluation would have computed it (`and`/`or` short-circuit, a rule whose
//! condition is false). Tests hold it equal to `engine::minutes_per_year`;
//! `benches/impact_engine.rs` measures it.

use crate::answers::Answers;
use crate::document::RuleKind;
use crate::error::Error;
use crate::expr::{Expr, Key, Tables, ABSENT, SAFE_MAX};
use crate::package::Version;

/// The checked answers of a chunk of households, one slot column per question.
#[derive(Debug, Clone, Default)]
pub struct AnswerColumns {
    households: usize,
    columns: Vec<Vec<i64>>,
}

impl AnswerColumns {
    /// Columns for `questions` questions (the package's question count).
    pub fn new(questions: usize) -> AnswerColumns {
        AnswerColumns { households: 0, columns: vec![Vec::new(); questions] }
    }

    /// Adds one household's checked answers (of the same package).
    pub fn push(&mut self, answers: &Answers) {
        for (column, slot) in self.columns.iter_mut().zip(&answers.slots) {
            column.push(*slot);
        }
        self.households += 1;
    }

    pub fn len(&self) -> usize {
        self.households
    }

    pub fn is_empty(&self) -> bool {
        self.households == 0
    }

    pub fn clear(&mut self) {
        self.columns.iter_mut().for_each(Vec::clear);
        self.households = 0;
    }
}

/// One expression over the chunk: a value per household, and whether
/// evaluating it for that household overflowed.
struct Column {
    values: Vec<i64>,
    bad: Vec<bool>,
}

fn safe(v: Option<i64>) -> Option<i64> {
    v.filter(|v| (-SAFE_MAX..=SAFE_MAX).contains(v))
}

fn answer_index(key: &Key, slot: i64) -> Option<usize> {
    match key {
        Key::Fixed(i) => Some(*i),
        Key::Answer { offset, map, .. } => {
            if slot == ABSENT {
                return None;
            }
            let i = usize::try_from(slot.checked_sub(*offset)?).ok()?;
            map.get(i).map(|v| *v as usize)
        }
    }
}

fn key_column<'a>(key: &Key, answers: &'a AnswerColumns) -> Option<&'a [i64]> {
    match key {
        Key::Fixed(_) => None,
        Key::Answer { question, .. } => Some(&answers.columns[*question as usize]),
    }
}

fn binary(a: Column, b: Column, f: impl Fn(i64, i64) -> Option<i64>) -> Column {
    let mut out = a;
    for i in 0..out.values.len() {
        let v = f(out.values[i], b.values[i]);
        out.bad[i] |= b.bad[i] || v.is_none();
        out.values[i] = v.unwrap_or(0);
    }
    out
}

fn eval(e: &Expr, answers: &AnswerColumns, tables: &dyn Tables) -> Column {
    let n = answers.households;
    let constant = |v: i64| Column { values: vec![v; n], bad: vec![false; n] };
    match e {
        Expr::Const(v) | Expr::Value(_, v) => constant(*v),
        Expr::Answer(q, keep_absent) => {
            let column = &answers.columns[*q as usize];
            let values = if *keep_absent {
                column.clone()
            } else {
                column.iter().map(|v| if *v == ABSENT { 0 } else { *v }).collect()
            };
            Column { values, bad: vec![false; n] }
        }
        Expr::Neg(x) => {
            let mut c = eval(x, answers, tables);
            for i in 0..n {
                let v = safe(c.values[i].checked_neg());
                c.bad[i] |= v.is_none();
                c.values[i] = v.unwrap_or(0);
            }
            c
        }
        Expr::Add(a, b) => binary(eval(a, answers, tables), eval(b, answers, tables), |x, y| safe(x.checked_add(y))),
        Expr::Sub(a, b) => binary(eval(a, answers, tables), eval(b, answers, tables), |x, y| safe(x.checked_sub(y))),
        Expr::Mul(a, b) => binary(eval(a, answers, tables), eval(b, answers, tables), |x, y| safe(x.checked_mul(y))),
        Expr::Min(items) | Expr::Max(items) => {
            let min = matches!(e, Expr::Min(_));
            let mut items = items.iter();
            let Some(first) = items.next() else { return constant(0) };
            let mut acc = eval(first, answers, tables);
            for item in items {
                let c = eval(item, answers, tables);
                acc = binary(acc, c, |x, y| Some(if min { x.min(y) } else { x.max(y) }));
            }
            acc
        }
        Expr::Compare(op, absent_aware, a, b) => {
            binary(eval(a, answers, tables), eval(b, answers, tables), |x, y| Some(op.compare(*absent_aware, x, y)))
        }
        Expr::InSet(x, mask) => {
            let mut c = eval(x, answers, tables);
            for v in &mut c.values {
                *v = i64::from((0..64).contains(v) && mask & (1u64 << *v) != 0);
            }
            c
        }
        // Short-circuit: the right side only counts (and only can overflow)
        // where the left side does not decide.
        Expr::And(a, b) | Expr::Or(a, b) => {
            let and = matches!(e, Expr::And(..));
            let (mut x, y) = (eval(a, answers, tables), eval(b, answers, tables));
            for i in 0..n {
                let left = x.values[i] != 0;
                if left == and {
                    x.bad[i] |= y.bad[i];
                    x.values[i] = i64::from(y.values[i] != 0);
                } else {
                    x.values[i] = i64::from(left);
                }
            }
            x
        }
        Expr::Not(x) => {
            let mut c = eval(x, answers, tables);
            for v in &mut c.values {
                *v = i64::from(*v == 0);
            }
            c
        }
        Expr::Lookup(t, row, col) => {
            let (rows, cols) = (key_column(row, answers), key_column(col, answers));
            let values = (0..n)
                .map(|i| {
                    let r = answer_index(row, rows.map_or(0, |c| c[i]));
                    let c = answer_index(col, cols.map_or(0, |c| c[i]));
                    match (r, c) {
                        (Some(r), Some(c)) => tables.cell(*t, r, c),
                        _ => 0,
                    }
                })
                .collect();
            Column { values, bad: vec![false; n] }
        }
    }
}

/// Total exact minutes per year of every household in `answers` under
/// `version`, in `out` (cleared first), in chunk order. The error is the one
/// `engine::minutes_per_year` gives the first household that has one.
pub fn minutes_per_year_columns(version: &Version, answers: &AnswerColumns, out: &mut Vec<i64>) -> Result<(), Error> {
    let n = answers.households;
    out.clear();
    out.resize(n, 0);
    // The first area in which each household failed.
    let mut failed: Vec<Option<usize>> = vec![None; n];
    let mut total = vec![0i64; n];
    for (ai, area) in version.areas.iter().enumerate() {
        total.iter_mut().for_each(|t| *t = 0);
        for rule in &area.rules {
            let when = rule.when.as_ref().map(|c| eval(&c.expr, answers, version));
            let per = rule.per.as_ref().map(|c| eval(&c.expr, answers, version));
            let amount = eval(&rule.amount.expr, answers, version);
            for i in 0..n {
                if failed[i].is_some() {
                    continue;
                }
                if let Some(w) = &when {
                    if w.bad[i] {
                        failed[i] = Some(ai);
                        continue;
                    }
                    if w.values[i] == 0 {
                        continue;
                    }
                }
                let count = match &per {
                    Some(p) => {
                        if p.bad[i] {
                            failed[i] = Some(ai);
                            continue;
                        }
                        if p.values[i] < 1 {
                            continue;
                        }
                        p.values[i]
                    }
                    None => 1,
                };
                if amount.bad[i] {
                    failed[i] = Some(ai);
                    continue;
                }
                let Some(change) = safe(amount.values[i].checked_mul(count)) else {
                    failed[i] = Some(ai);
                    continue;
                };
                let change = if rule.kind == RuleKind::Reduction { -change } else { change };
                match safe(total[i].checked_add(change)) {
                    Some(t) => total[i] = t,
                    None => failed[i] = Some(ai),
                }
            }
        }
        for i in 0..n {
            if failed[i].is_some() {
                continue;
            }
            let mut t = total[i];
            if area.floor_at_zero && t < 0 {
                t = 0;
            }
            if let Some(m) = area.maximum {
                t = t.min(version.values[m as usize].internal);
            }
            match safe(out[i].checked_add(t)) {
                Some(g) => out[i] = g,
                None => failed[i] = Some(ai),
            }
        }
    }
    if let Some(ai) = failed.iter().find_map(|f| *f) {
        return Err(Error::Overflow { path: version.areas[ai].id.clone() });
    }
    Ok(())
}
