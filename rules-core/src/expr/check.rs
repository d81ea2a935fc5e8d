//! Type checking: turns a syntax tree into a compiled expression whose names
//! are resolved to question, value or table indices. Every type error is
//! found here, when the package loads, never during an evaluation.

use super::parse::{BinOp, Node, Syntax};
use super::{Expr, Key, Ty};
use crate::date::Date;

/// What the checker may refer to.
pub trait Scope {
    /// A question visible here: its index and type.
    fn question(&self, name: &str) -> Option<(u16, Ty)>;
    /// Option index of `option` in choice question `q`.
    fn option(&self, q: u16, option: &str) -> Option<u16>;
    fn options(&self, q: u16) -> Vec<String>;
    /// Inclusive bounds of a number question.
    fn bounds(&self, q: u16) -> (i64, i64);
    /// A named value: index, its amount already in internal units, its type.
    fn value(&self, name: &str) -> Option<(u16, i64, Ty)>;
    /// A table: index, type of its cells, row keys, column keys.
    fn table(&self, name: &str) -> Option<(u16, Ty, Vec<String>, Vec<String>)>;
    /// Explains why a known name is not usable here (e.g. a later question).
    fn hidden(&self, name: &str) -> Option<String>;
}

pub struct CheckError {
    pub column: usize,
    pub message: String,
}

fn err<T>(node: &Node, message: impl Into<String>) -> Result<T, CheckError> {
    Err(CheckError { column: node.column, message: message.into() })
}

pub fn check(node: &Node, scope: &dyn Scope) -> Result<(Expr, Ty), CheckError> {
    match &node.syntax {
        Syntax::Int(n) => Ok((Expr::Const(*n), Ty::Int)),
        Syntax::Bool(b) => Ok((Expr::Const(i64::from(*b)), Ty::Bool)),
        Syntax::Text(s) => {
            err(node, format!("tekst '{s}' kan alleen vergeleken worden met een keuzevraag of een datum"))
        }
        Syntax::Name(name) => {
            if let Some((q, ty)) = scope.question(name) {
                return Ok((Expr::Answer(q, matches!(ty, Ty::Choice(_) | Ty::Date)), ty));
            }
            if let Some((v, amount, ty)) = scope.value(name) {
                return Ok((Expr::Value(v, amount), ty));
            }
            if scope.table(name).is_some() {
                return err(node, format!("'{name}' is een tabel; gebruik lookup({name}, rij, kolom)"));
            }
            if let Some(why) = scope.hidden(name) {
                return err(node, why);
            }
            err(node, format!("onbekende naam '{name}': geen vraag, waarde of tabel van dit pakket"))
        }
        Syntax::Neg(inner) => {
            let (e, ty) = check(inner, scope)?;
            match ty {
                Ty::Int | Ty::Time => Ok((Expr::Neg(Box::new(e)), ty)),
                _ => err(node, format!("min-teken kan niet bij {}", ty.describe())),
            }
        }
        Syntax::Not(inner) => {
            let (e, ty) = check(inner, scope)?;
            if ty != Ty::Bool {
                return err(inner, format!("'not' verwacht ja/nee, maar dit is {}", ty.describe()));
            }
            Ok((Expr::Not(Box::new(e)), Ty::Bool))
        }
        Syntax::In(inner, items) => {
            let (e, ty) = check(inner, scope)?;
            let Ty::Choice(q) = ty else {
                return err(inner, format!("'in' werkt alleen bij een keuzevraag, maar dit is {}", ty.describe()));
            };
            let mut mask = 0u64;
            for (item, col) in items {
                let Some(i) = scope.option(q, item) else {
                    return Err(CheckError {
                        column: *col,
                        message: format!("'{item}' is geen keuze; mogelijk: {}", scope.options(q).join(", ")),
                    });
                };
                mask |= 1 << i;
            }
            Ok((Expr::InSet(Box::new(e), mask), Ty::Bool))
        }
        Syntax::Binary(op, l, r) => binary(node, *op, l, r, scope),
        Syntax::Call(name, args) => call(node, name, args, scope),
    }
}

fn binary(node: &Node, op: BinOp, l: &Node, r: &Node, scope: &dyn Scope) -> Result<(Expr, Ty), CheckError> {
    if matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) {
        return compare(node, op, l, r, scope);
    }
    let (le, lt) = check(l, scope)?;
    let (re, rt) = check(r, scope)?;
    let (lb, rb) = (Box::new(le), Box::new(re));
    match op {
        BinOp::And | BinOp::Or => {
            for (n, t) in [(l, lt), (r, rt)] {
                if t != Ty::Bool {
                    return err(
                        n,
                        format!("'{}' verwacht ja/nee aan beide kanten, maar dit is {}", op.symbol(), t.describe()),
                    );
                }
            }
            Ok((if op == BinOp::And { Expr::And(lb, rb) } else { Expr::Or(lb, rb) }, Ty::Bool))
        }
        BinOp::Add | BinOp::Sub => match (lt, rt) {
            (Ty::Int, Ty::Int) | (Ty::Time, Ty::Time) => {
                Ok((if op == BinOp::Add { Expr::Add(lb, rb) } else { Expr::Sub(lb, rb) }, lt))
            }
            _ => err(
                node,
                format!(
                    "'{}' kan niet met {} en {}; tijd en aantallen niet mengen",
                    op.symbol(),
                    lt.describe(),
                    rt.describe()
                ),
            ),
        },
        BinOp::Mul => match (lt, rt) {
            (Ty::Int, Ty::Int) => Ok((Expr::Mul(lb, rb), Ty::Int)),
            (Ty::Time, Ty::Int) | (Ty::Int, Ty::Time) => Ok((Expr::Mul(lb, rb), Ty::Time)),
            _ => err(node, format!("'*' kan niet met {} en {}", lt.describe(), rt.describe())),
        },
        _ => unreachable_op(node),
    }
}

fn unreachable_op<T>(node: &Node) -> Result<T, CheckError> {
    err(node, "interne fout: onbekende bewerking")
}

fn compare(node: &Node, op: BinOp, l: &Node, r: &Node, scope: &dyn Scope) -> Result<(Expr, Ty), CheckError> {
    let ordering = matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge);
    // A text literal takes its meaning from the other side (an option or a date).
    let (le, lt, re, rt) = match (&l.syntax, &r.syntax) {
        (Syntax::Text(_), Syntax::Text(_)) => return err(node, "twee teksten vergelijken heeft geen zin"),
        (_, Syntax::Text(s)) => {
            let (le, lt) = check(l, scope)?;
            let re = literal_for(r, s, lt, scope)?;
            (le, lt, re, lt)
        }
        (Syntax::Text(s), _) => {
            let (re, rt) = check(r, scope)?;
            let le = literal_for(l, s, rt, scope)?;
            (le, rt, re, rt)
        }
        _ => {
            let (le, lt) = check(l, scope)?;
            let (re, rt) = check(r, scope)?;
            (le, lt, re, rt)
        }
    };
    if lt != rt {
        return err(node, format!("'{}' vergelijkt {} met {}", op.symbol(), lt.describe(), rt.describe()));
    }
    if ordering && !matches!(lt, Ty::Int | Ty::Time | Ty::Date) {
        return err(node, format!("'{}' kan niet bij {}", op.symbol(), lt.describe()));
    }
    let cmp = match op {
        BinOp::Eq => super::Cmp::Eq,
        BinOp::Ne => super::Cmp::Ne,
        BinOp::Lt => super::Cmp::Lt,
        BinOp::Le => super::Cmp::Le,
        BinOp::Gt => super::Cmp::Gt,
        BinOp::Ge => super::Cmp::Ge,
        _ => return unreachable_op(node),
    };
    // Dates and choices of unasked questions are absent; comparing them is false.
    let absent_aware = matches!(lt, Ty::Date | Ty::Choice(_));
    Ok((Expr::Compare(cmp, absent_aware, Box::new(le), Box::new(re)), Ty::Bool))
}

fn literal_for(node: &Node, text: &str, other: Ty, scope: &dyn Scope) -> Result<Expr, CheckError> {
    match other {
        Ty::Choice(q) => match scope.option(q, text) {
            Some(i) => Ok(Expr::Const(i64::from(i))),
            None => err(node, format!("'{text}' is geen keuze; mogelijk: {}", scope.options(q).join(", "))),
        },
        Ty::Date => match Date::parse(text) {
            Some(d) => Ok(Expr::Const(i64::from(d.days()))),
            None => err(node, format!("'{text}' is geen geldige datum (JJJJ-MM-DD)")),
        },
        other => err(node, format!("tekst '{text}' kan niet vergeleken worden met {}", other.describe())),
    }
}

fn call(node: &Node, name: &str, args: &[Node], scope: &dyn Scope) -> Result<(Expr, Ty), CheckError> {
    match name {
        "min" | "max" => {
            if args.len() < 2 {
                return err(node, format!("{name}() heeft minstens twee waarden nodig"));
            }
            let mut items = Vec::with_capacity(args.len());
            let mut ty = None;
            for a in args {
                let (e, t) = check(a, scope)?;
                if !matches!(t, Ty::Int | Ty::Time) || ty.is_some_and(|x| x != t) {
                    return err(
                        a,
                        format!("{name}() verwacht overal getallen of overal tijd, maar dit is {}", t.describe()),
                    );
                }
                ty = Some(t);
                items.push(e);
            }
            let ty = ty.unwrap_or(Ty::Int);
            Ok((if name == "min" { Expr::Min(items) } else { Expr::Max(items) }, ty))
        }
        "lookup" => lookup(node, args, scope),
        _ => err(node, format!("onbekende functie '{name}'; mogelijk: min, max, lookup")),
    }
}

fn lookup(node: &Node, args: &[Node], scope: &dyn Scope) -> Result<(Expr, Ty), CheckError> {
    let Some(first) = args.first() else { return err(node, "lookup() verwacht een tabel") };
    let Syntax::Name(tname) = &first.syntax else {
        return err(first, "lookup() verwacht eerst de naam van een tabel");
    };
    let Some((t, ty, rows, cols)) = scope.table(tname) else {
        return err(first, format!("'{tname}' is geen tabel van dit pakket"));
    };
    let (row, col) = match args.len() {
        2 if cols.len() == 1 => (key(&args[1], &rows, "rij", scope)?, Key::Fixed(0)),
        2 => return err(node, format!("tabel '{tname}' heeft {} kolommen; geef ook de kolom", cols.len())),
        3 => (key(&args[1], &rows, "rij", scope)?, key(&args[2], &cols, "kolom", scope)?),
        _ => return err(node, "lookup() verwacht: tabel, rij en (bij meer kolommen) kolom"),
    };
    Ok((Expr::Lookup(t, row, col), ty))
}

/// A table key is a literal or a direct reference to a choice or number
/// question; every possible answer must have its row or column, so a lookup
/// can never miss at evaluation time.
fn key(node: &Node, keys: &[String], what: &str, scope: &dyn Scope) -> Result<Key, CheckError> {
    let find = |k: &str| keys.iter().position(|x| x == k);
    match &node.syntax {
        Syntax::Text(s) => {
            find(s).map(Key::Fixed).map_or_else(|| err(node, format!("tabel heeft geen {what} '{s}'")), Ok)
        }
        Syntax::Int(n) => {
            find(&n.to_string()).map(Key::Fixed).map_or_else(|| err(node, format!("tabel heeft geen {what} '{n}'")), Ok)
        }
        Syntax::Name(name) => {
            let Some((q, ty)) = scope.question(name) else {
                return err(
                    node,
                    format!("{what} van een tabel moet een keuzevraag of getalvraag zijn; '{name}' is dat niet"),
                );
            };
            let (offset, answers): (i64, Vec<String>) = match ty {
                Ty::Choice(_) => (0, scope.options(q)),
                Ty::Int => {
                    let (lo, hi) = scope.bounds(q);
                    if hi - lo > 1_000 {
                        return err(node, format!("vraag '{name}' heeft te veel mogelijke antwoorden voor een tabel"));
                    }
                    (lo, (lo..=hi).map(|v| v.to_string()).collect())
                }
                other => return err(node, format!("{what} van een tabel kan geen {} zijn", other.describe())),
            };
            let mut map = Vec::with_capacity(answers.len());
            for a in &answers {
                match find(a) {
                    Some(i) => map.push(i as u16),
                    None => return err(node, format!("tabel mist een {what} voor antwoord '{a}' op vraag '{name}'")),
                }
            }
            Ok(Key::Answer { question: q, offset, map })
        }
        _ => err(node, format!("{what} van een tabel moet een vraag of een vaste tekst zijn")),
    }
}
