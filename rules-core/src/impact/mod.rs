//! Caseload impact: an old and a new norm over a whole caseload, in minutes
//! and euros per year, per household and in total (issue 9, `docs/impact.md`).
//!
//! Pure: the caller hands in the loaded packages and the caseload as bytes
//! and gets strings back. The pieces (`Comparison::household`, `Totals::add`,
//! `Totals::merge`, the renderers) let the CLI spread households over threads;
//! [`run`] is the sequential path (the browser). Both give the same bytes:
//! every sum is an integer sum and every group is sorted.

pub mod caseload;
pub mod engine;
pub mod engine_columns;
mod html;
pub mod money;
mod reason;
mod render;
mod slots;
pub mod totals;

use crate::input::answer_value::{AnswerMap, AnswerValue};

use crate::answers::Answers;
use crate::date::Date;
use crate::document::QuestionKind;
use crate::error::Error;
use crate::eval::{self, Options, Step};
use crate::package::START_DATE_KEY;
use crate::package::{Package, Version};

pub use caseload::{Caseload, Cells, Entry, Household, RawAnswers, Refused, FIXED_COLUMNS};
pub use render::{households_csv_line, push_households_csv_line, report_html, summary_json, HOUSEHOLDS_CSV_HEADER};
pub use totals::Totals;

/// How the comparison runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactOptions {
    /// Date for households without a `date` (the CLI passes today or `--date`).
    pub date: Date,
    /// Fixed date for the old norm (one package on two dates).
    pub old_date: Option<Date>,
    /// Fixed date for the new norm.
    pub new_date: Option<Date>,
    /// Municipality for households without one.
    pub municipality: Option<String>,
    /// Evaluate the new norm ignoring its transition rule ("what if all
    /// current clients were re-assessed").
    pub reassess_all: bool,
    /// Extrapolate the compared households to this caseload size.
    pub scale_to: Option<u64>,
}

/// Which norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    Old,
    New,
}

/// Two packages and the options: everything a household needs.
pub struct Comparison<'p> {
    pub old: &'p Package,
    pub new: &'p Package,
    pub options: ImpactOptions,
}

/// Per caseload column: the question kind for each side (`None`: that
/// package does not read the column).
#[derive(Debug, Clone, Default)]
pub struct Columns {
    pub names: Vec<String>,
    old: Vec<Option<QuestionKind>>,
    new: Vec<Option<QuestionKind>>,
    /// Column ↔ question indices per package, for the fast path (`slots`).
    maps: slots::ColumnMaps,
}

/// Buffers one thread reuses from household to household
/// ([`Comparison::household_in`]); empty between households.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The typed cells' buffer; its cells borrow a household, so it is kept
    /// empty, as a `'static` type, and re-typed per household (same layout,
    /// so the allocation is reused).
    typed: Vec<Option<slots::Cell<'static>>>,
    /// Answer slots of the previous side.
    slots: Vec<i64>,
}

impl Scratch {
    fn typed<'c>(&mut self) -> Vec<Option<slots::Cell<'c>>> {
        recycle(std::mem::take(&mut self.typed))
    }

    fn keep(&mut self, typed: Vec<Option<slots::Cell<'_>>>) {
        self.typed = recycle(typed);
    }
}

/// An emptied vector as one of another lifetime; collecting a `Vec`'s own
/// iterator into a same-sized type reuses its allocation.
fn recycle<'a, 'b>(mut v: Vec<Option<slots::Cell<'a>>>) -> Vec<Option<slots::Cell<'b>>> {
    v.clear();
    v.into_iter().map(|_| None).collect()
}

/// One side's figures for a household.
#[derive(Debug, Clone)]
pub struct Figures<'p> {
    /// The package that evaluated (an overlay or an earlier package).
    pub package: &'p Package,
    pub version: &'p Version,
    /// The package and version whose tariff and contribution apply: the
    /// referring one after a transition.
    pub money_package: &'p Package,
    pub money_version: &'p Version,
    pub minutes_per_year: i64,
    pub minutes_per_week: i64,
    /// Exact minutes per year per area, in the version's area order.
    pub areas: Vec<i64>,
    pub steps: Vec<Step>,
    pub transition: bool,
    pub cost: money::Cost<'p>,
    /// A contribution exemption applied (contribution 0).
    pub exempted: bool,
    /// The contribution has exemptions that could not be decided (a skipped
    /// optional question, e.g. a caseload without its column): the standard amount.
    pub standard_contribution: bool,
}

/// The outcome for one household.
#[derive(Debug, Clone)]
pub struct Row<'p> {
    pub line: usize,
    pub id: String,
    /// Municipality, provider and wijk as given (group keys).
    pub groups: [Option<String>; 3],
    pub outcome: Outcome<'p>,
}

// Nearly every row is `Evaluated`, so boxing it would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Outcome<'p> {
    /// The line was refused before a package saw it.
    Unread(Error),
    Evaluated {
        old: Result<Figures<'p>, Error>,
        new: Result<Figures<'p>, Error>,
    },
}

impl<'p> Row<'p> {
    /// Both figures when the household was compared.
    pub fn compared(&self) -> Option<(&Figures<'p>, &Figures<'p>)> {
        match &self.outcome {
            Outcome::Evaluated { old: Ok(a), new: Ok(b) } => Some((a, b)),
            _ => None,
        }
    }
}

fn kind_in(package: &Package, name: &str) -> Option<QuestionKind> {
    let own = |p: &Package| p.question_index(name).map(|i| p.questions[i].kind);
    own(package)
        .or_else(|| package.linked.iter().find_map(own))
        .or_else(|| (name == START_DATE_KEY).then_some(QuestionKind::Date))
}

impl<'p> Comparison<'p> {
    /// Refuses packages that use a fixed column name as a question id.
    pub fn new(old: &'p Package, new: &'p Package, options: ImpactOptions) -> Result<Comparison<'p>, Error> {
        for p in [old, new].into_iter().flat_map(|p| std::iter::once(p).chain(p.linked.iter())) {
            if let Some(q) = p.questions.iter().find(|q| FIXED_COLUMNS.contains(&q.id.as_str())) {
                return Err(Error::InvalidCaseload {
                    line: None,
                    message: format!(
                        "vraag '{}' van normpakket '{}' heeft de naam van een vaste kolom van het bestand met huishoudens",
                        q.id, p.id
                    ),
                });
            }
        }
        Ok(Comparison { old, new, options })
    }

    pub fn package(&self, side: Side) -> &'p Package {
        match side {
            Side::Old => self.old,
            Side::New => self.new,
        }
    }

    /// The question kinds of the caseload's question columns.
    pub fn columns(&self, names: &[String]) -> Columns {
        Columns {
            names: names.to_vec(),
            old: names.iter().map(|n| kind_in(self.old, n)).collect(),
            new: names.iter().map(|n| kind_in(self.new, n)).collect(),
            maps: slots::ColumnMaps::new([self.old, self.new], names),
        }
    }

    /// The CSV header `--template` prints: the fixed columns, then every
    /// question of the old and the new package (and their linked packages).
    pub fn template(&self) -> String {
        let mut names: Vec<&str> = FIXED_COLUMNS.to_vec();
        for p in [self.old, self.new].into_iter().flat_map(|p| std::iter::once(p).chain(p.linked.iter())) {
            for q in &p.questions {
                if !names.contains(&q.id.as_str()) {
                    names.push(&q.id);
                }
            }
            let has_transition = p.versions.iter().any(|v| v.transition.is_some());
            if has_transition && !names.contains(&START_DATE_KEY) {
                names.push(START_DATE_KEY);
            }
        }
        names.join(",") + "\n"
    }

    /// Evaluates one household under both norms. Never panics; every
    /// problem ends up in the row.
    pub fn household(&self, columns: &Columns, entry: Entry) -> Row<'p> {
        self.household_in(columns, entry, &mut Scratch::default())
    }

    /// [`Comparison::household`] with buffers kept from the previous
    /// household (one `Scratch` per thread): the same row, fewer allocations.
    pub fn household_in(&self, columns: &Columns, entry: Entry, scratch: &mut Scratch) -> Row<'p> {
        let h = match entry {
            Ok(h) => h,
            Err(r) => {
                let r = *r;
                return Row {
                    line: r.line,
                    id: r.id,
                    groups: [r.municipality, r.provider, r.wijk],
                    outcome: Outcome::Unread(r.error),
                };
            }
        };
        // One `Options` for both sides; the municipality is moved in and
        // back out (no copy per household and side).
        let mut h = h;
        let given = h.municipality.is_some();
        let mut options = Options {
            date: self.options.old_date.or(h.date).unwrap_or(self.options.date),
            municipality: h.municipality.take().or_else(|| self.options.municipality.clone()),
        };
        let mut typed = scratch.typed();
        let old = self.side(Side::Old, columns, &h, &options, &mut typed, &mut scratch.slots);
        options.date = self.options.new_date.or(h.date).unwrap_or(self.options.date);
        let new = self.side(Side::New, columns, &h, &options, &mut typed, &mut scratch.slots);
        scratch.keep(typed);
        let municipality = if given { options.municipality } else { None };
        Row {
            line: h.line,
            id: h.id,
            groups: [municipality, h.provider, h.wijk],
            outcome: Outcome::Evaluated { old, new },
        }
    }

    fn side<'c>(
        &self,
        side: Side,
        columns: &Columns,
        h: &'c Household,
        options: &Options,
        typed: &mut Vec<Option<slots::Cell<'c>>>,
        spare: &mut Vec<i64>,
    ) -> Result<Figures<'p>, Error> {
        let root = self.package(side);
        if let RawAnswers::Cells(cells) = &h.answers {
            if let Some((package, transition, checked)) =
                self.fast_answers(side, columns, cells, options, typed, std::mem::take(spare))
            {
                let figures = money::require_municipality(root, options)
                    .and_then(|()| Figures::of(package, transition, &checked, options));
                // The slots go back for the next side or household.
                *spare = checked.slots;
                return figures;
            }
        }
        let answers = self.answers_for(side, columns, h)?;
        money::require_municipality(root, options)?;
        if side == Side::New && self.options.reassess_all {
            // The transition rule is ignored: everyone gets the new norm.
            let package = match options.municipality.as_deref() {
                None => root,
                Some(m) => root.for_municipality(m).ok_or_else(|| Error::UnknownMunicipality {
                    package: root.id.clone(),
                    municipality: m.to_string(),
                })?,
            };
            let checked = Answers::from_json(package, &answers)?;
            return Figures::of(package, None, &checked, options);
        }
        // The steps of `eval::evaluate_with`, kept apart so the figures can
        // borrow the selected packages for as long as the caseload runs.
        let selection = eval::select(root, &answers, options)?;
        let filtered = selection.answers_for(&answers)?;
        let checked = Answers::from_json(selection.package, &filtered)?;
        Figures::of(selection.package, selection.transition, &checked, options)
    }

    /// CSV cells straight into the slots of the package that applies, or
    /// `None` at any problem: the general path below then reports it, so
    /// both paths give the same outcome (see `slots`).
    fn fast_answers<'c>(
        &self,
        side: Side,
        columns: &Columns,
        cells: &'c Cells,
        options: &Options,
        typed: &mut Vec<Option<slots::Cell<'c>>>,
        spare: Vec<i64>,
    ) -> Option<(&'p Package, Option<eval::AppliedTransition<'p>>, Answers)> {
        let kinds = match side {
            Side::Old => &columns.old,
            Side::New => &columns.new,
        };
        // One buffer for both sides of a household.
        typed.clear();
        for (kind, cell) in kinds.iter().zip(cells.iter()) {
            typed.push(match (kind, cell) {
                (Some(kind), Some(text)) => Some(slots::typed(*kind, text)?),
                _ => None,
            });
        }
        let root = self.package(side);
        let (package, transition) = if side == Side::New && self.options.reassess_all {
            let package = match options.municipality.as_deref() {
                None => root,
                Some(m) => root.for_municipality(m)?,
            };
            (package, None)
        } else {
            columns.maps.select(root, typed, options)?
        };
        let answers = columns.maps.answers(package, transition.map(|t| t.from), &columns.names, typed, spare)?;
        Some((package, transition, answers))
    }

    /// The answers object one package reads from this household.
    fn answers_for(&self, side: Side, columns: &Columns, h: &Household) -> Result<AnswerValue, Error> {
        match &h.answers {
            RawAnswers::Cells(cells) => {
                let kinds = match side {
                    Side::Old => &columns.old,
                    Side::New => &columns.new,
                };
                let mut map = AnswerMap::new();
                for ((name, kind), cell) in columns.names.iter().zip(kinds).zip(cells.iter()) {
                    if let (Some(kind), Some(text)) = (kind, cell) {
                        map.insert(name.clone(), cell_value(name, *kind, text)?);
                    }
                }
                Ok(AnswerValue::Object(map))
            }
            RawAnswers::Json(map) => {
                // Keys only the other package knows are left out, so one
                // household answered for both can be compared. (JSON Lines
                // are read by serde_json: numbers as doubles, converted.)
                let (own, other) = match side {
                    Side::Old => (self.old, self.new),
                    Side::New => (self.new, self.old),
                };
                let kept: AnswerMap = map
                    .iter()
                    .filter(|(k, _)| kind_in(own, k).is_some() || kind_in(other, k).is_none())
                    .map(|(k, v)| (k.clone(), AnswerValue::from(v)))
                    .collect();
                Ok(AnswerValue::Object(kept))
            }
        }
    }
}

/// A CSV cell as the JSON answer its question expects: `ja`/`nee` or
/// `true`/`false`, whole numbers, choices by option id, dates as text.
fn cell_value(question: &str, kind: QuestionKind, text: &str) -> Result<AnswerValue, Error> {
    let wrong = |expected: &str| Error::WrongType {
        question: question.to_string(),
        expected: format!("{expected}, niet '{text}'"),
    };
    match kind {
        QuestionKind::YesNo => match text.to_ascii_lowercase().as_str() {
            "ja" | "true" => Ok(AnswerValue::Bool(true)),
            "nee" | "false" => Ok(AnswerValue::Bool(false)),
            _ => Err(wrong("ja of nee (of true of false)")),
        },
        QuestionKind::Number => text.parse::<i64>().map(AnswerValue::from).map_err(|_| wrong("een heel getal")),
        QuestionKind::Choice | QuestionKind::Date => Ok(AnswerValue::String(text.to_string())),
    }
}

impl<'p> Figures<'p> {
    fn of(
        package: &'p Package,
        transition: Option<eval::AppliedTransition<'p>>,
        answers: &Answers,
        options: &Options,
    ) -> Result<Figures<'p>, Error> {
        let ind = eval::evaluate(package, answers, options)?;
        let version = package
            .version_for(options.date)
            .ok_or_else(|| Error::NoVersionForDate { package: package.id.clone(), date: options.date.to_string() })?;
        let (money_package, money_version) = match &transition {
            Some(t) => (t.from, t.from_version),
            None => (package, version),
        };
        let mut cost = money::cost(money_package, money_version, options.date, ind.total)?;
        let rules = crate::tariff::MoneyRules::of(money_package, money_version, options.date);
        let outcome = match rules.contribution {
            Some(k) if ind.total > 0 => crate::tariff::exemption(k, package, answers, transition.is_none()),
            _ => crate::tariff::ExemptionOutcome::Standard,
        };
        let exempted = matches!(outcome, crate::tariff::ExemptionOutcome::Applies(_));
        if exempted {
            cost.contribution_cents_per_year = Some(0);
        }
        Ok(Figures {
            exempted,
            standard_contribution: matches!(outcome, crate::tariff::ExemptionOutcome::Undecided),
            package,
            version,
            money_package,
            money_version,
            minutes_per_year: ind.total,
            minutes_per_week: eval::ceil_div(ind.total, eval::WEEKS_PER_YEAR),
            areas: ind.areas,
            steps: ind.steps,
            transition: transition.is_some(),
            cost,
        })
    }
}

/// The three files of an impact run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Files {
    pub report_html: String,
    pub summary_json: String,
    pub households_csv: String,
}

/// The whole comparison in one thread, from caseload bytes to the three
/// files: what the browser calls. The CLI does the same in parallel.
pub fn run(old: &Package, new: &Package, caseload: &[u8], options: ImpactOptions) -> Result<Files, Error> {
    run_with_progress(old, new, caseload, options, |_, _| {})
}

/// Households between two calls of the progress hook of [`run_with_progress`].
pub const PROGRESS_EVERY: u64 = 2048;

/// [`run`], calling `progress(households so far, bytes read)` every
/// [`PROGRESS_EVERY`] households (the checking page's progress bar). The hook
/// only watches: the files are the same bytes as [`run`]'s.
pub fn run_with_progress(
    old: &Package,
    new: &Package,
    caseload: &[u8],
    options: ImpactOptions,
    mut progress: impl FnMut(u64, u64),
) -> Result<Files, Error> {
    let cmp = Comparison::new(old, new, options)?;
    let mut reader = Caseload::open(caseload, &cmp)?;
    let columns = cmp.columns(&reader.columns);
    let mut totals = Totals::default();
    let mut csv = String::from(HOUSEHOLDS_CSV_HEADER);
    let mut scratch = Scratch::default();
    while let Some(entry) = reader.next() {
        let row = cmp.household_in(&columns, entry, &mut scratch);
        push_households_csv_line(&mut csv, &row);
        totals.add(&row);
        if totals.households.is_multiple_of(PROGRESS_EVERY) {
            progress(totals.households, reader.position());
        }
    }
    cmp.check_not_empty(reader.count)?;
    Ok(Files {
        report_html: report_html(&cmp, &totals),
        summary_json: summary_json(&cmp, &totals),
        households_csv: csv,
    })
}

impl Comparison<'_> {
    /// A header without households is refused with a clear message.
    pub fn check_not_empty(&self, households: usize) -> Result<(), Error> {
        if households == 0 {
            return Err(Error::InvalidCaseload {
                line: None,
                message: "het bestand bevat geen huishoudens (alleen een kopregel of lege regels)".into(),
            });
        }
        Ok(())
    }
}

impl caseload::ColumnCheck for Comparison<'_> {
    fn check_column(&self, name: &str) -> Result<(), Error> {
        if kind_in(self.old, name).is_some() || kind_in(self.new, name).is_some() {
            return Ok(());
        }
        Err(Error::InvalidCaseload {
            line: Some(1),
            message: format!(
                "onbekende kolom '{name}': geen vraag van '{}' of '{}' en geen vaste kolom ({})",
                self.old.id,
                self.new.id,
                FIXED_COLUMNS.join(", ")
            ),
        })
    }
}
