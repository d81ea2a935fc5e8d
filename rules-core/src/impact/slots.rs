//! CSV cells straight into answer slots (the fast path of `Comparison::side`).
//!
//! The general path builds a `serde_json::Map` per household and side, hands
//! it to `eval::select`, `Selection::answers_for` (which clones it after a
//! transition) and `Answers::from_json`, which finds each key by a scan of
//! the question ids. Here every column is resolved to its question index once
//! per package (from the header), and the cells are converted into slots
//! directly, with the same checks in the same order.
//!
//! Only the successful case is handled: at the first problem this returns
//! `None` and the caller takes the general path, which then reports exactly
//! the error it always did. So the outcome of a household never depends on
//! which path ran (the impact tests hold the bytes equal).

use crate::answers::Answers;
use crate::date::Date;
use crate::document::QuestionKind;
use crate::eval::{AppliedTransition, Options};
use crate::expr::{Tables, ABSENT};
use crate::input::limits;
use crate::package::{Package, Question, START_DATE_KEY};

/// One non-empty CSV cell as the JSON value `cell_value` would make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell<'a> {
    Bool(bool),
    Int(i64),
    Text(&'a str),
}

/// The cell for a question kind, or `None` where `cell_value` refuses it.
pub(crate) fn typed<'a>(kind: QuestionKind, text: &'a str) -> Option<Cell<'a>> {
    match kind {
        QuestionKind::YesNo => {
            if text.eq_ignore_ascii_case("ja") || text.eq_ignore_ascii_case("true") {
                Some(Cell::Bool(true))
            } else if text.eq_ignore_ascii_case("nee") || text.eq_ignore_ascii_case("false") {
                Some(Cell::Bool(false))
            } else {
                None
            }
        }
        QuestionKind::Number => text.parse::<i64>().ok().map(Cell::Int),
        QuestionKind::Choice | QuestionKind::Date => Some(Cell::Text(text)),
    }
}

/// The slot `answers::slot_for` gives the JSON value of this cell, or `None`
/// where it refuses it.
fn slot(q: &Question, cell: Cell<'_>) -> Option<i64> {
    match (q.kind, cell) {
        (QuestionKind::YesNo, Cell::Bool(b)) => Some(i64::from(b)),
        (QuestionKind::Number, Cell::Int(n)) => (q.min.unwrap_or(0)..=q.max.unwrap_or(0)).contains(&n).then_some(n),
        (QuestionKind::Choice, Cell::Text(s)) => q.options.iter().position(|o| o.id == s).map(|i| i as i64),
        (QuestionKind::Date, Cell::Text(s)) => Date::parse(s).map(|d| i64::from(d.days())),
        _ => None,
    }
}

/// Answer conditions cannot use tables (as in `answers`).
struct NoTables;
impl Tables for NoTables {
    fn cell(&self, _: u16, _: usize, _: usize) -> i64 {
        0
    }
}

/// One package's view of the caseload's question columns.
#[derive(Debug, Clone)]
struct PackageColumns {
    /// The package's address: packages live as long as the comparison.
    package: usize,
    /// Question index of each column (`None`: not a question of this package).
    question_of: Vec<Option<usize>>,
    /// Column of each question.
    column_of: Vec<Option<usize>>,
    /// Index of the question named `START_DATE_KEY`, if the package has one
    /// (found once here instead of an id compare per question and household).
    start_question: Option<usize>,
    /// Per version (same order as `Package::versions`): the index of its
    /// transition question, found once per package instead of per household.
    transition_question: Vec<Option<usize>>,
}

/// Column ↔ question indices for every package a household can meet: the
/// two roots, their overlays and linked packages (and theirs).
#[derive(Debug, Clone, Default)]
pub(crate) struct ColumnMaps {
    packages: Vec<PackageColumns>,
    /// Column of `START_DATE_KEY`, when the file has it.
    start_date: Option<usize>,
}

fn address(p: &Package) -> usize {
    p as *const Package as usize
}

impl ColumnMaps {
    pub(crate) fn new(roots: [&Package; 2], names: &[String]) -> ColumnMaps {
        let mut maps = ColumnMaps { packages: Vec::new(), start_date: names.iter().position(|n| n == START_DATE_KEY) };
        let mut todo: Vec<&Package> = roots.to_vec();
        while let Some(p) = todo.pop() {
            if maps.packages.iter().any(|m| m.package == address(p)) {
                continue;
            }
            let question_of: Vec<Option<usize>> = names.iter().map(|n| p.question_index(n)).collect();
            let mut column_of = vec![None; p.questions.len()];
            for (c, q) in question_of.iter().enumerate() {
                if let Some(q) = q {
                    column_of[*q] = Some(c);
                }
            }
            let start_question = p.questions.iter().position(|q| q.id == START_DATE_KEY);
            let transition_question =
                p.versions.iter().map(|v| v.transition.as_ref().and_then(|t| p.question_index(&t.question))).collect();
            maps.packages.push(PackageColumns {
                package: address(p),
                question_of,
                column_of,
                start_question,
                transition_question,
            });
            todo.extend(p.overlays.iter().chain(p.linked.iter()));
        }
        maps
    }

    fn of(&self, p: &Package) -> Option<&PackageColumns> {
        self.packages.iter().find(|m| m.package == address(p))
    }

    /// Whether question `index` of `package` is asked, counting an invalid
    /// answer as not given (as `Answers::asked`).
    fn asked(&self, package: &Package, cells: &[Option<Cell<'_>>], index: usize) -> Option<bool> {
        let map = self.of(package)?;
        // Without a condition the question is asked whatever came before:
        // no slots to fill (the common case, and no allocation).
        if package.questions.get(index)?.ask_if.is_none() {
            return Some(true);
        }
        let mut slots = vec![ABSENT; package.questions.len()];
        for (i, q) in package.questions.iter().enumerate() {
            let is_asked = q.ask_if.as_ref().is_none_or(|c| c.expr.is_true(&slots, &NoTables).unwrap_or(true));
            if i == index {
                return Some(is_asked);
            }
            if is_asked {
                if let Some(s) = map.column_of[i].and_then(|c| cells[c]).and_then(|cell| slot(q, cell)) {
                    slots[i] = s;
                }
            }
        }
        None
    }

    /// `eval::select` on typed cells; `None` wherever it would fail.
    pub(crate) fn select<'p>(
        &self,
        root: &'p Package,
        cells: &[Option<Cell<'_>>],
        options: &Options,
    ) -> Option<(&'p Package, Option<AppliedTransition<'p>>)> {
        let for_municipality = |p: &'p Package| match options.municipality.as_deref() {
            None => Some(p),
            Some(m) => p.for_municipality(m),
        };
        let package = for_municipality(root)?;
        let version = package.version_for(options.date)?;
        let Some(rule) = &version.transition else { return Some((package, None)) };
        let key = rule.question.as_str();
        let map = self.of(package)?;
        let v = package.versions.iter().position(|x| std::ptr::eq(x, version))?;
        let question = *map.transition_question.get(v)?;
        let asked = match question {
            Some(i) => self.asked(package, cells, i)?,
            None => true,
        };
        let column = match map.column_of.get(question.unwrap_or(usize::MAX)) {
            Some(c) => *c,
            None if key == START_DATE_KEY => self.start_date,
            // A key that is neither a question nor the reserved start date:
            // rare enough for the general path.
            None => return None,
        };
        let started = column.and_then(|c| cells[c]).and_then(|cell| match cell {
            Cell::Text(s) => Date::parse(s),
            _ => None,
        });
        match started.filter(|_| asked) {
            Some(started) if started < rule.started_before => {
                let earlier = package.linked_package(&rule.package).unwrap_or(package);
                let transition = AppliedTransition { from: package, from_version: version, rule, started };
                Some((for_municipality(earlier)?, Some(transition)))
            }
            _ => Some((package, None)),
        }
    }

    /// `Selection::answers_for` and `Answers::from_json` on typed cells;
    /// `None` at the first problem either would report.
    pub(crate) fn answers(
        &self,
        package: &Package,
        from: Option<&Package>,
        names: &[String],
        cells: &[Option<Cell<'_>>],
        mut slots: Vec<i64>,
    ) -> Option<Answers> {
        let map = self.of(package)?;
        let from = match from {
            Some(f) => Some((f, self.of(f)?)),
            None => None,
        };
        let given = cells.iter().filter(|c| c.is_some()).count();
        if given > limits::ANSWER_KEYS.max {
            return None;
        }
        let mut start_date = None;
        for (c, cell) in cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            if map.question_of[c].is_some() {
                continue;
            }
            // After a transition, answers only the referring package asks are
            // checked there and left out.
            if let Some((f, fmap)) = from {
                if let Some(q) = fmap.question_of[c] {
                    slot(&f.questions[q], *cell)?;
                    continue;
                }
            }
            if names[c] != START_DATE_KEY {
                return None;
            }
            match cell {
                Cell::Text(s) => start_date = Some(Date::parse(s)?),
                _ => return None,
            }
        }
        // A reused buffer: the same as a fresh `vec![ABSENT; n]`.
        slots.clear();
        slots.resize(package.questions.len(), ABSENT);
        for (i, q) in package.questions.iter().enumerate() {
            let asked = q.ask_if.as_ref().is_none_or(|c| c.expr.is_true(&slots, &NoTables).unwrap_or(true));
            let given = map.column_of[i].and_then(|c| cells[c]);
            match (asked, given) {
                // An optional question may be skipped (as in `answers::check`).
                (true, None) if q.optional => {}
                (false, None) => {}
                (true, Some(cell)) => slots[i] = slot(q, cell)?,
                _ => return None,
            }
            if map.start_question == Some(i) && slots[i] != ABSENT {
                start_date = Some(Date::from_days(slots[i] as i32));
            }
        }
        Some(Answers { slots, start_date })
    }
}
