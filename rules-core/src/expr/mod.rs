//! The small expression language used for conditions (`when`, `ask_if`),
//! amounts and counts. Parsed and type-checked once when a package loads;
//! evaluation works on plain `i64` slots and never allocates.

mod check;
mod parse;

pub use check::{check, CheckError, Scope};
pub use parse::{parse, ParseError};

/// Static type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Bool,
    /// A whole number without unit (a count, an age, a threshold).
    Int,
    /// Time, held internally as exact minutes per year.
    Time,
    /// The answer to choice question `n`, held as the option index.
    Choice(u16),
    /// A date, held as days since 1970-01-01.
    Date,
}

impl Ty {
    pub fn describe(self) -> &'static str {
        match self {
            Ty::Bool => "ja/nee",
            Ty::Int => "een getal",
            Ty::Time => "een tijd",
            Ty::Choice(_) => "een keuze",
            Ty::Date => "een datum",
        }
    }
}

/// Value of an answer slot for a question that was not asked. In expressions an
/// unasked yes/no or number question counts as `false` / `0`; an unasked choice
/// or date satisfies no comparison, and a table lookup keyed by it gives 0.
pub const ABSENT: i64 = i64::MIN;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    /// The comparison of two evaluated values, `1` or `0`: the one place both the
    /// household evaluator and the column-wise one (`impact::engine_columns`) compare.
    pub fn compare(self, absent_aware: bool, x: i64, y: i64) -> i64 {
        if absent_aware && (x == ABSENT || y == ABSENT) {
            return 0;
        }
        i64::from(match self {
            Cmp::Eq => x == y,
            Cmp::Ne => x != y,
            Cmp::Lt => x < y,
            Cmp::Le => x <= y,
            Cmp::Gt => x > y,
            Cmp::Ge => x >= y,
        })
    }
}

/// A table key resolved at load time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Fixed(usize),
    /// Row/column index = `map[answer - offset]`.
    Answer {
        question: u16,
        offset: i64,
        map: Vec<u16>,
    },
}

/// A compiled expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Const(i64),
    /// Answer slot; the flag keeps `ABSENT` visible (choice and date answers).
    Answer(u16, bool),
    /// Named value: index (for provenance) and amount in internal units.
    Value(u16, i64),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Min(Vec<Expr>),
    Max(Vec<Expr>),
    /// Comparison; when the flag is set an absent operand makes it false.
    Compare(Cmp, bool, Box<Expr>, Box<Expr>),
    InSet(Box<Expr>, u64),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Lookup(u16, Key, Key),
}

/// Arithmetic left the safe range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

/// Largest magnitude any intermediate result may have: JavaScript numbers
/// hold integers exactly up to 2^53, and every target must print the same.
pub const SAFE_MAX: i64 = (1 << 53) - 1;

fn safe(v: Option<i64>) -> Result<i64, Overflow> {
    match v {
        Some(v) if (-SAFE_MAX..=SAFE_MAX).contains(&v) => Ok(v),
        _ => Err(Overflow),
    }
}

/// Cell values of the package's tables, in internal units.
pub trait Tables {
    fn cell(&self, table: u16, row: usize, column: usize) -> i64;
}

impl Expr {
    pub fn eval(&self, answers: &[i64], tables: &dyn Tables) -> Result<i64, Overflow> {
        Ok(match self {
            Expr::Const(v) | Expr::Value(_, v) => *v,
            Expr::Answer(q, keep_absent) => match answers[*q as usize] {
                ABSENT if !keep_absent => 0,
                v => v,
            },
            Expr::Neg(e) => safe(e.eval(answers, tables)?.checked_neg())?,
            Expr::Add(a, b) => safe(a.eval(answers, tables)?.checked_add(b.eval(answers, tables)?))?,
            Expr::Sub(a, b) => safe(a.eval(answers, tables)?.checked_sub(b.eval(answers, tables)?))?,
            Expr::Mul(a, b) => safe(a.eval(answers, tables)?.checked_mul(b.eval(answers, tables)?))?,
            Expr::Min(items) => fold(items, answers, tables, i64::min)?,
            Expr::Max(items) => fold(items, answers, tables, i64::max)?,
            Expr::Compare(op, absent_aware, a, b) => {
                op.compare(*absent_aware, a.eval(answers, tables)?, b.eval(answers, tables)?)
            }
            Expr::InSet(e, mask) => {
                let v = e.eval(answers, tables)?;
                i64::from((0..64).contains(&v) && mask & (1u64 << v) != 0)
            }
            Expr::And(a, b) => i64::from(a.eval(answers, tables)? != 0 && b.eval(answers, tables)? != 0),
            Expr::Or(a, b) => i64::from(a.eval(answers, tables)? != 0 || b.eval(answers, tables)? != 0),
            Expr::Not(e) => i64::from(e.eval(answers, tables)? == 0),
            Expr::Lookup(t, row, col) => match (resolve(row, answers), resolve(col, answers)) {
                (Some(r), Some(c)) => tables.cell(*t, r, c),
                // A key question that was not asked selects nothing.
                _ => 0,
            },
        })
    }

    pub fn is_true(&self, answers: &[i64], tables: &dyn Tables) -> Result<bool, Overflow> {
        Ok(self.eval(answers, tables)? != 0)
    }

    /// Calls `f` for every question, value and table this expression refers to.
    pub fn visit(&self, f: &mut dyn FnMut(Ref)) {
        match self {
            Expr::Const(_) => {}
            Expr::Answer(q, _) => f(Ref::Question(*q)),
            Expr::Value(v, _) => f(Ref::Value(*v)),
            Expr::Neg(e) | Expr::Not(e) | Expr::InSet(e, _) => e.visit(f),
            Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::And(a, b) | Expr::Or(a, b) => {
                a.visit(f);
                b.visit(f);
            }
            Expr::Compare(_, _, a, b) => {
                a.visit(f);
                b.visit(f);
            }
            Expr::Min(items) | Expr::Max(items) => items.iter().for_each(|e| e.visit(f)),
            Expr::Lookup(t, row, col) => {
                f(Ref::Table(*t));
                for k in [row, col] {
                    if let Key::Answer { question, .. } = k {
                        f(Ref::Question(*question));
                    }
                }
            }
        }
    }
}

/// Something an expression depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref {
    Question(u16),
    Value(u16),
    Table(u16),
}

fn fold(items: &[Expr], answers: &[i64], tables: &dyn Tables, f: fn(i64, i64) -> i64) -> Result<i64, Overflow> {
    let mut acc: Option<i64> = None;
    for e in items {
        let v = e.eval(answers, tables)?;
        acc = Some(acc.map_or(v, |a| f(a, v)));
    }
    Ok(acc.unwrap_or(0))
}

fn resolve(key: &Key, answers: &[i64]) -> Option<usize> {
    match key {
        Key::Fixed(i) => Some(*i),
        Key::Answer { question, offset, map } => {
            let v = answers[*question as usize];
            if v == ABSENT {
                return None;
            }
            let i = v.checked_sub(*offset)?;
            usize::try_from(i).ok().and_then(|i| map.get(i)).map(|&x| x as usize)
        }
    }
}
