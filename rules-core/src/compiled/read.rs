//! The body of a compiled bundle read straight into a `Package`, in one pass
//! over the bytes (issue 11: the resident wasm module's size). The bytes are
//! exactly what postcard 1.0 writes for the `wire` types (`urenwijzer bundle`
//! still writes them with postcard, so every `.uwb` is unchanged), but no
//! `wire` value is built: each field is read, checked and put in its place
//! in the model. The tests below hold this reader to postcard's own decoder
//! followed by the former wire → model step (`decode.rs`, now test-only) on
//! every real bundle, every truncation and thousands of byte changes.
//!
//! The format, as postcard 1.0 writes the `wire` types:
//! - `u8` is one byte; `bool` and an `Option` tag are one byte, 0 or 1 only;
//! - `u16`, `u32`, `u64` and lengths (`usize`) are LEB128 varints of at most
//!   ⌈bits/7⌉ bytes whose last byte may only carry the bits left (postcard's
//!   overflow rule); `i32`/`i64` are zigzag varints;
//! - a `Vec` or `String` is its length then its elements/bytes (UTF-8);
//! - structs, tuples and arrays are their fields in order, no names;
//! - an enum is its variant index (varint `u32`) then the variant's fields.
//!
//! So the reader below follows `wire.rs` field by field: a change there is a
//! new format version and a change here (the oracle tests fail until then).
//!
//! What is checked, as each thing is read: every length against the bytes
//! left before anything is allocated for it (each element takes at least
//! one byte, so reading is bounded by the input), every index against what
//! was read before it (sources, questions, values, tables, rows, columns,
//! options, expression nodes; the format puts what is named before what
//! names it), every code, date, amount and count, expression trees (each
//! node used once, depth at most `MAX_EXPR_DEPTH`, built in a loop without
//! recursion), and at the end the tree of nested packages. A refusal is one
//! coded error, `invalid_bundle` at `(inhoud)` with a short Dutch reason and
//! the byte offset in the body where the faulty element starts (or `limit`
//! for a count over a package limit): no path is built per element, which
//! kept the per-element `format!` out of the browser module, and the first
//! refusal is kept in the reader instead of returned from every read (see
//! `Reader`), which kept an error branch out of every field.

use super::codes::Code;
use crate::date::{Date, FIRST_YEAR, LAST_YEAR};
use crate::document::{ClientSupportDoc, ContactDoc, QuestionKind, SourceRefDoc, TariffKind};
use crate::error::Error;
use crate::expr::{Expr, Key, SAFE_MAX};
use crate::input::limits::{self, Limit};
use crate::package::{self as model, Package, MAX_MINUTES_PER_WEEK};
use crate::workdays::procedure::{Citation, Period, ProcedureEntry, MAX_PERIOD_AMOUNT};
use crate::workdays::{Calendar, ClosedDay};

/// Deepest expression tree a bundle may hold. Evaluation recurses over the
/// tree, so it is bounded (the browser's stack is small); the CLI checks
/// that every package it bundles stays within it (it loads what it wrote).
pub const MAX_EXPR_DEPTH: usize = 256;
/// Packages carried inside one another: overlays, then linked packages up to
/// the link depth, each of which may have overlays again.
pub(crate) const MAX_PACKAGE_DEPTH: usize = 2 * (limits::LINK_DEPTH + 1);

/// Why and where reading stopped (the first refusal), made into the coded
/// `Error` once, in `body`.
#[derive(Debug)]
struct Bad {
    at: usize,
    why: Why,
}

#[derive(Debug)]
enum Why {
    Text(&'static str),
    Limit(&'static Limit),
}

/// The package of a compiled bundle's body, every byte used and checked.
pub fn body(bytes: &[u8]) -> Result<Package, Error> {
    let mut r = Reader { bytes, pos: 0, bad: None };
    let package = bundle(&mut r);
    if r.bad.is_none() && r.pos != bytes.len() {
        r.fail(r.pos, "bytes na het einde");
    }
    match (package, r.bad) {
        (Some(p), None) => Ok(p),
        (_, Some(Bad { why: Why::Limit(l), .. })) => Err(l.error(None, "(inhoud)".into())),
        // `bundle` gives no package only after a refusal: the fallback is never taken.
        (_, bad) => {
            let Bad { at, why } = bad.unwrap_or(Bad { at: 0, why: Why::Text("geen normpakket") });
            let what = if let Why::Text(what) = why { what } else { "" };
            Err(Error::InvalidBundle { path: "(inhoud)".into(), message: format!("{what} (byte {at})") })
        }
    }
}

/// A cursor over the body that remembers its first refusal. After it, the
/// cursor stands at the end, so every read gives an empty value (0, `""`,
/// an empty list) without looking at a byte: reading goes on, quickly and
/// within the input, to the end of what was started, and its result is
/// thrown away. This keeps the error branch (and the drop of everything
/// read so far) out of every field's read, which is most of the reader's
/// size in the wasm module.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    bad: Option<Bad>,
}

impl Reader<'_> {
    #[cold]
    #[inline(never)]
    fn fail_with(&mut self, at: usize, why: Why) {
        if self.bad.is_none() {
            self.bad = Some(Bad { at, why });
        }
        self.pos = self.bytes.len();
    }

    fn fail(&mut self, at: usize, what: &'static str) {
        self.fail_with(at, Why::Text(what));
    }

    fn check(&mut self, ok: bool, at: usize, what: &'static str) {
        if !ok {
            self.fail(at, what);
        }
    }

    fn at_most(&mut self, at: usize, n: usize, limit: &'static Limit) {
        if n > limit.max {
            self.fail_with(at, Why::Limit(limit));
        }
    }

    fn left(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                b
            }
            None => {
                self.fail(self.pos, "de inhoud houdt te vroeg op");
                0
            }
        }
    }

    /// A LEB128 varint of a type of `bits` bits, by postcard's rules: at
    /// most ⌈bits/7⌉ bytes, the last of which may not carry more than the
    /// bits left over. Not inlined: it is called for every number.
    #[inline(never)]
    fn varint(&mut self, bits: u32) -> u64 {
        let start = self.pos;
        let max_bytes = bits.div_ceil(7);
        let last_max = (1u64 << (bits % 7)) - 1;
        let mut out = 0u64;
        for i in 0..max_bytes {
            // After a refusal (or at the end) `byte` gives 0, which ends the number.
            let b = self.byte();
            out |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                if i == max_bytes - 1 && u64::from(b) > last_max {
                    break;
                }
                return out;
            }
        }
        self.fail(start, "ongeldig getal (varint)");
        0
    }

    // The varint reader checks the width, so the casts below never cut.
    fn u16(&mut self) -> u16 {
        self.varint(16) as u16
    }

    fn u32(&mut self) -> u32 {
        self.varint(32) as u32
    }

    fn i32(&mut self) -> i32 {
        let n = self.varint(32) as u32;
        ((n >> 1) as i32) ^ -((n & 1) as i32)
    }

    #[inline(never)]
    fn i64(&mut self) -> i64 {
        let n = self.varint(64);
        ((n >> 1) as i64) ^ -((n & 1) as i64)
    }

    /// A length of a list or text, no more than the bytes left: every
    /// element takes at least one byte.
    #[inline(never)]
    fn len(&mut self) -> usize {
        let start = self.pos;
        let n = self.varint(usize::BITS);
        match usize::try_from(n) {
            Ok(n) if n <= self.left() => n,
            _ => {
                self.fail(start, "lengte langer dan de rest van de inhoud");
                0
            }
        }
    }

    /// A one-byte tag: `bool` or the `Some`/`None` of an `Option`.
    #[inline(never)]
    fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.fail(self.pos - 1, "ongeldige waarheidswaarde of optie");
                false
            }
        }
    }

    /// An enum's variant index, checked against the number of variants.
    #[inline(never)]
    fn variant(&mut self, count: u64) -> u64 {
        let start = self.pos;
        match self.varint(32) {
            v if v < count => v,
            _ => {
                self.fail(start, "onbekende variant");
                0
            }
        }
    }

    #[inline(never)]
    fn string(&mut self) -> String {
        let start = self.pos;
        let n = self.len();
        match std::str::from_utf8(&self.bytes[self.pos..self.pos + n]) {
            Ok(text) => {
                self.pos += n;
                text.to_owned()
            }
            Err(_) => {
                self.fail(start, "tekst is geen UTF-8");
                String::new()
            }
        }
    }

    #[inline(never)]
    fn opt_string(&mut self) -> Option<String> {
        self.flag().then(|| self.string())
    }

    /// A list: its length, then `each` once per element (which pushes it
    /// where it belongs). One loop for every element type.
    #[inline(never)]
    fn each(&mut self, each: &mut dyn FnMut(&mut Self)) {
        for _ in 0..self.len() {
            each(self);
        }
    }

    /// A list read element by element with `f` (a thin typed wrapper of `each`).
    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let mut out = Vec::new();
        self.each(&mut |r| out.push(f(r)));
        out
    }

    fn strings(&mut self) -> Vec<String> {
        self.list(Self::string)
    }

    /// An index of `bits` bits that must be below `len` (0 after a refusal:
    /// it is stored, never used to index, before `body` returns).
    #[inline(never)]
    fn index(&mut self, bits: u32, len: usize, what: &'static str) -> usize {
        let start = self.pos;
        match self.varint(bits) {
            i if i < len as u64 => i as usize,
            _ => {
                self.fail(start, what);
                0
            }
        }
    }

    /// A list of `u16` indices, each below `len`.
    fn indices(&mut self, len: usize, what: &'static str) -> Vec<u16> {
        self.list(|r| r.index(16, len, what) as u16)
    }

    fn code<T: Code>(&mut self) -> T {
        let at = self.pos;
        let c = self.byte();
        match T::from_code(c) {
            Some(v) => v,
            None => {
                self.fail(at, T::UNKNOWN);
                T::TABLE[0]
            }
        }
    }

    /// Days since 1970-01-01 within the supported years.
    #[inline(never)]
    fn date(&mut self) -> Date {
        let at = self.pos;
        let days = self.i32();
        let first = Date::from_ymd(FIRST_YEAR, 1, 1).map_or(0, Date::days);
        let last = Date::from_ymd(LAST_YEAR, 12, 31).map_or(0, Date::days);
        self.check((first..=last).contains(&days), at, "datum buiten 1900..2999");
        Date::from_days(days)
    }

    fn opt_date(&mut self) -> Option<Date> {
        self.flag().then(|| self.date())
    }

    /// An `i64` within ±2^53 (JavaScript's safe integers).
    #[inline(never)]
    fn number(&mut self) -> i64 {
        let at = self.pos;
        let v = self.i64();
        self.check((-SAFE_MAX..=SAFE_MAX).contains(&v), at, "getal buiten ±2^53");
        v
    }

    fn opt_number(&mut self) -> Option<i64> {
        self.flag().then(|| self.number())
    }

    /// An amount of money: 0..=100,000,000 cents (as `compile/money.rs`).
    #[inline(never)]
    fn cents(&mut self) -> i64 {
        let at = self.pos;
        let v = self.i64();
        self.check((0..=100_000_000).contains(&v), at, "bedrag buiten 0..100.000.000 cent");
        v
    }

    /// `wire::Provenance`: a source index and locator, or a reason.
    #[inline(never)]
    fn provenance(&mut self, sources: usize) -> model::Provenance {
        match self.variant(2) {
            0 => model::Provenance::Source {
                document: self.index(32, sources, "bron bestaat niet"),
                locator: self.string(),
            },
            _ => model::Provenance::Provisional { reason: self.string() },
        }
    }

    /// An optional (source index, locator).
    fn source_ref(&mut self, sources: usize) -> Option<(usize, String)> {
        self.flag().then(|| (self.index(32, sources, "bron bestaat niet"), self.string()))
    }
}

/// `wire::Bundle`: the packages, then their tree rebuilt. Children have
/// larger indices than their parent and belong to exactly one parent, so
/// building from the last package down needs no recursion. `None` after a
/// refusal (then in `r.bad`).
fn bundle(r: &mut Reader<'_>) -> Option<Package> {
    let start = r.pos;
    let n = r.len();
    r.at_most(start, n, &limits::FILES);
    r.check(n > 0, start, "geen normpakket");
    let mut read: Vec<(usize, Package, Vec<u32>, Vec<u32>)> = Vec::new();
    for _ in 0..n {
        if r.bad.is_some() {
            return None;
        }
        read.push(package(r));
    }
    let described = model::Described { info: r.string().into_boxed_str(), questions: r.string().into_boxed_str() };
    if r.bad.is_some() {
        return None;
    }
    let mut depth = vec![0usize; n];
    let mut parent = vec![false; n];
    for (i, (at, _, overlays, linked)) in read.iter().enumerate() {
        for &c in overlays.iter().chain(linked) {
            let c = c as usize;
            let why = if c <= i || c >= n {
                "verwijst naar een pakket dat er niet na staat"
            } else if std::mem::replace(&mut parent[c], true) {
                "verwijst naar een pakket dat al bij een ander pakket hoort"
            } else {
                depth[c] = depth[i] + 1;
                if depth[c] <= MAX_PACKAGE_DEPTH {
                    continue;
                }
                "pakketten te diep in elkaar"
            };
            r.fail(*at, why);
            return None;
        }
    }
    if let Some(orphan) = (1..n).find(|&i| !parent[i]) {
        r.fail(read[orphan].0, "pakket hoort bij geen enkel pakket");
        return None;
    }
    // Every child is now known to be a later package used exactly once.
    let mut built: Vec<Option<Package>> = (0..n).map(|_| None).collect();
    while let Some((at, mut package, overlays, linked)) = read.pop() {
        let mut take = |list: &[u32]| list.iter().filter_map(|&c| built[c as usize].take()).collect();
        package.overlays = take(&overlays);
        package.linked = take(&linked);
        // A transition rule must name a linked package (evaluation looks it up).
        for v in &package.versions {
            if let Some(t) = &v.transition {
                if t.package == package.id || package.linked_package(&t.package).is_none() {
                    r.fail(at, "overgangsregel noemt geen meegeleverd pakket");
                    return None;
                }
            }
        }
        built[read.len()] = Some(package);
    }
    let mut root = built.into_iter().next().flatten()?;
    root.described = described;
    Some(root)
}

/// `wire::Pkg`, with the offset it starts at and its overlays and linked packages (indices).
#[inline(never)]
fn package(r: &mut Reader<'_>) -> (usize, Package, Vec<u32>, Vec<u32>) {
    let at = r.pos;
    let id = r.string();
    let title = r.string();
    let description = r.opt_string();
    let municipalities = r.list(municipality);
    let sources = r.list(|r| model::Source {
        id: r.string(),
        title: r.string(),
        publisher: r.opt_string(),
        date: r.opt_string(),
        url: r.opt_string(),
        ecli: r.opt_string(),
    });
    let s = sources.len();
    let topics = r.list(|r| model::Topic { id: r.string(), title: r.string() });
    let mut questions = Vec::new();
    let start = r.pos;
    let n = r.len();
    r.at_most(start, n, &limits::QUESTIONS);
    for qi in 0..n {
        let q = question(r, qi, &topics);
        questions.push(q);
    }
    let versions = r.list(|r| version(r, &questions, s));
    let municipal_choices = r.strings();
    let overlays = r.list(Reader::u32);
    let linked = r.list(Reader::u32);
    let overlay = r.flag().then(|| model::OverlayInfo { municipality: r.string(), base_fingerprint: r.string() });
    let procedure = r.list(procedure_entry);
    let closed = r.list(|r| ClosedDay { date: r.date(), label: r.string() });
    // `Package::tariff_on` / `contribution_on` take the last entry on or
    // before a date: the lists must be dated and ascending.
    let list = r.pos;
    let tariffs: Vec<model::Tariff> = r.list(|r| tariff(r, s));
    let ok = ascending(&mut tariffs.iter().map(|t| t.valid_from));
    r.check(ok, list, "niet elk tarief heeft een datum, oplopend");
    let list = r.pos;
    let contributions: Vec<model::Contribution> = r.list(|r| contribution(r, s, questions.len()));
    let ok = ascending(&mut contributions.iter().map(|c| c.valid_from));
    r.check(ok, list, "niet elke eigen bijdrage heeft een datum, oplopend");
    let mut package = Package {
        id,
        title,
        description,
        municipalities,
        sources,
        topics,
        questions,
        versions,
        municipal_choices,
        overlays: Vec::new(),
        linked: Vec::new(),
        overlay,
        procedure,
        calendar: Calendar::with_closed_days(closed),
        tariffs,
        contributions,
        fingerprint: r.string(),
        applied_fingerprint: r.string(),
        // A compiled bundle carries no source document.
        document: serde_json::Value::Null,
        described: model::Described::default(),
    };
    // Each version's warning texts, as `explain::warning_texts` made them.
    // One set per version (after a refusal every read below is empty).
    let at_texts = r.pos;
    let mut fits = r.len() == package.versions.len();
    r.check(fits, at_texts, "waarschuwingsteksten passen niet bij de versies");
    for v in &mut package.versions {
        v.texts = model::WarningTexts {
            concept: r.string(),
            provisional_version: r.string(),
            not_encoded: r.strings(),
            not_covered: r.string(),
        };
        fits &= v.texts.not_encoded.len() == v.not_encoded.len();
    }
    r.check(fits, at_texts, "waarschuwingsteksten passen niet bij de versies");
    (at, package, overlays, linked)
}

/// Every date there and strictly ascending.
fn ascending(dates: &mut dyn Iterator<Item = Option<Date>>) -> bool {
    let mut last: Option<Date> = None;
    for d in dates {
        match d {
            Some(d) if last.is_none_or(|l| l < d) => last = Some(d),
            _ => return false,
        }
    }
    true
}

fn municipality(r: &mut Reader<'_>) -> model::Municipality {
    model::Municipality {
        id: r.string(),
        name: r.string(),
        how_to_apply: r.opt_string(),
        url: r.opt_string(),
        contact: r.flag().then(|| ContactDoc {
            phone: r.opt_string(),
            url: r.opt_string(),
            opening_hours: r.opt_string(),
            client_support: r.flag().then(|| ClientSupportDoc {
                name: r.opt_string(),
                phone: r.opt_string(),
                url: r.opt_string(),
            }),
            source: SourceRefDoc { document: r.string(), locator: r.string() },
        }),
    }
}

/// `wire::Question` number `qi`; its `ask_if` may name earlier questions only.
fn question(r: &mut Reader<'_>, qi: usize, topics: &[model::Topic]) -> model::Question {
    let id = r.string();
    let kind: QuestionKind = r.code();
    let at = r.pos;
    let topic = r.string();
    r.check(topics.iter().any(|t| t.id == topic), at, "onderwerp van een vraag staat niet in topics");
    let label = r.string();
    let help = r.opt_string();
    let ask_if = r.flag().then(|| condition(r, &Names::ask_if(qi)));
    let at = r.pos;
    let options = r.list(|r| model::AnswerOption { id: r.string(), label: r.string() });
    // A choice is held as its option index and tested in a 64-bit set.
    let ok = options.len() <= 64 && (kind != QuestionKind::Choice || !options.is_empty());
    r.check(ok, at, "een keuzevraag heeft 1 tot 64 keuzes");
    model::Question {
        id,
        kind,
        topic,
        label,
        help,
        ask_if,
        options,
        min: r.opt_number(),
        max: r.opt_number(),
        optional: r.flag(),
    }
}

fn procedure_entry(r: &mut Reader<'_>) -> ProcedureEntry {
    let valid_from = r.date();
    let mut periods = [Period::days(0); 4];
    for slot in &mut periods {
        let at = r.pos;
        let amount = r.u32();
        r.check(amount <= MAX_PERIOD_AMOUNT, at, "termijn langer dan 366");
        *slot = Period { amount, unit: r.code() };
    }
    let [conversation_within, start_within, evaluation_from, evaluation_until] = periods;
    let citation = match r.variant(2) {
        0 => Citation::Source { document: r.string(), locator: r.string() },
        _ => Citation::Provisional { provisional: r.string() },
    };
    ProcedureEntry { valid_from, conversation_within, start_within, evaluation_from, evaluation_until, citation }
}

/// `wire::Version`; `questions` are its package's, `s` its number of sources.
#[inline(never)]
fn version(r: &mut Reader<'_>, questions: &[model::Question], s: usize) -> model::Version {
    let name = r.string();
    let valid_from = r.date();
    let valid_until = r.opt_date();
    let status = r.code();
    let valid_from_provenance = r.flag().then(|| r.provenance(s));
    let provisional = r.opt_string();
    let not_encoded = r.list(|r| model::NotEncoded {
        id: r.string(),
        title: r.string(),
        reason: r.string(),
        source: r.source_ref(s),
    });
    let not_covered = r.list(|r| model::NotCovered { id: r.string(), title: r.string(), reason: r.string() });
    let values = r.list(|r| model::NamedValue {
        name: r.string(),
        label: r.string(),
        written: r.number(),
        unit: r.code(),
        internal: r.number(),
        provenance: r.provenance(s),
    });
    let tables = r.list(|r| table(r, s));
    let names = Names { questions: questions.len(), in_ask_if: false, values: &values, tables: &tables };
    let mut rules = 0;
    let areas = r.list(|r| {
        let id = r.string();
        let title = r.string();
        let description = r.opt_string();
        let floor_at_zero = r.flag();
        let maximum = r.flag().then(|| r.index(16, values.len(), "maximum is geen waarde") as u16);
        let at = r.pos;
        let list = r.list(|r| rule(r, &names));
        rules += list.len();
        r.at_most(at, rules, &limits::RULES);
        model::Area { id, title, description, floor_at_zero, maximum, rules: list }
    });
    let tariff = r.flag().then(|| tariff(r, s));
    let contribution = r.flag().then(|| contribution(r, s, questions.len()));
    let transition = r.flag().then(|| {
        let at = r.pos;
        let question = r.string();
        // The default key may be an extra answer; any other must be a date question (as `compile/version.rs`).
        let ok = question == model::START_DATE_KEY
            || questions.iter().any(|q| q.id == question && q.kind == QuestionKind::Date);
        r.check(ok, at, "overgangsregel noemt geen datumvraag van dit pakket");
        model::Transition {
            question,
            started_before: r.date(),
            package: r.string(),
            reason: r.string(),
            source: r.source_ref(s),
        }
    });
    model::Version {
        version: name,
        valid_from,
        valid_until,
        status,
        valid_from_provenance,
        provisional,
        not_encoded,
        not_covered,
        values,
        tables,
        areas,
        tariff,
        contribution,
        transition,
        texts: model::WarningTexts::default(),
        json: model::JsonCache::default(),
    }
}

fn table(r: &mut Reader<'_>, s: usize) -> model::Table {
    let name = r.string();
    let title = r.string();
    let unit = r.code();
    let row_label = r.string();
    let column_label = r.string();
    let columns = r.strings();
    let at = r.pos;
    let rows = r.strings();
    r.at_most(at, rows.len(), &limits::TABLE_ROWS);
    let at = r.pos;
    let cells = r.list(Reader::number);
    let ok = rows.len().checked_mul(columns.len()) == Some(cells.len());
    r.check(ok, at, "aantal cellen van een tabel is niet rijen × kolommen");
    model::Table { name, title, unit, row_label, column_label, columns, rows, cells, provenance: r.provenance(s) }
}

/// Money: amounts within the package limits, classes as bands from 0 to
/// unbounded without gaps or overlaps (as `compile/money.rs` refuses at load).
#[inline(never)]
fn tariff(r: &mut Reader<'_>, s: usize) -> model::Tariff {
    let valid_from = r.opt_date();
    let kind: TariffKind = r.code();
    let cents = r.cents();
    let at = r.pos;
    let classes = r.list(|r| model::TariffClass {
        id: r.string(),
        label: r.string(),
        from_minutes_per_week: r.i64(),
        to_minutes_per_week: r.flag().then(|| r.i64()),
        cents: r.cents(),
    });
    let ok = (kind == TariffKind::PerClass) != classes.is_empty();
    r.check(ok, at, "alleen een tarief per klasse heeft klassen, en dan minstens één");
    r.check(bands(&classes), at, "tariefklassen sluiten niet aan van 0 tot open");
    let at = r.pos;
    let basis_points = r.i64();
    r.check((-10_000..=10_000).contains(&basis_points), at, "indexering buiten −10000..10000 basispunten");
    let floor = r.flag().then(|| {
        r.check(kind != TariffKind::PerHour, r.pos, "ondergrens bij een uurtarief");
        model::Floor { cents_per_hour: r.cents(), below: r.code(), label: r.string(), provenance: r.provenance(s) }
    });
    model::Tariff {
        valid_from,
        kind,
        cents,
        classes,
        basis_points,
        floor,
        label: r.string(),
        provenance: r.provenance(s),
    }
}

/// What `model::check_bands` accepts (there with a message for the author):
/// each class starts where the last ended, only the last is open.
fn bands(classes: &[model::TariffClass]) -> bool {
    let mut next_from = 0;
    for (i, c) in classes.iter().enumerate() {
        if c.from_minutes_per_week != next_from {
            return false;
        }
        match c.to_minutes_per_week {
            Some(to) if to < c.from_minutes_per_week || to > MAX_MINUTES_PER_WEEK => return false,
            Some(to) => next_from = to + 1,
            None if i + 1 != classes.len() => return false,
            None => {}
        }
    }
    classes.last().is_none_or(|c| c.to_minutes_per_week.is_none())
}

fn contribution(r: &mut Reader<'_>, s: usize, questions: usize) -> model::Contribution {
    model::Contribution {
        valid_from: r.opt_date(),
        cents: r.cents(),
        per: r.code(),
        label: r.string(),
        provenance: r.provenance(s),
        exemptions: r.list(|r| model::Exemption {
            id: r.string(),
            // Questions only, as `compile` allows: the same names as an `ask_if` after the last question.
            when: condition(r, &Names::ask_if(questions)),
            label: r.string(),
            provenance: r.provenance(s),
        }),
    }
}

fn rule(r: &mut Reader<'_>, names: &Names) -> model::Rule {
    model::Rule {
        id: r.string(),
        kind: r.code(),
        label: r.string(),
        explanation: r.opt_string(),
        when: r.flag().then(|| condition(r, names)),
        provisional: r.opt_string(),
        amount: condition(r, names),
        per: r.flag().then(|| condition(r, names)),
        questions: r.indices(names.questions, "regel noemt een vraag die er niet is"),
        values: r.indices(names.values.len(), "regel noemt een waarde die er niet is"),
        tables: r.indices(names.tables.len(), "regel noemt een tabel die er niet is"),
    }
}

/// What an expression may name.
struct Names<'a> {
    questions: usize,
    /// In a question's `ask_if` (or an exemption): questions only, no values or tables.
    in_ask_if: bool,
    values: &'a [model::NamedValue],
    tables: &'a [model::Table],
}

impl Names<'static> {
    fn ask_if(questions: usize) -> Names<'static> {
        Names { questions, in_ask_if: true, values: &[], tables: &[] }
    }
}

/// `wire::Condition`: its text, then its expression.
fn condition(r: &mut Reader<'_>, names: &Names) -> model::Condition {
    model::Condition { text: r.string(), expr: expr(r, names) }
}

/// The tree from its post-order nodes (`wire::Node`): every operand an
/// earlier node, used once; one root (the last node); depth at most
/// `MAX_EXPR_DEPTH`. Built in one loop, without recursion.
#[inline(never)]
fn expr(r: &mut Reader<'_>, names: &Names) -> Expr {
    const QUESTION: &str = "expressie noemt een vraag die er niet is";
    let start = r.pos;
    let mut built: Vec<Option<(Expr, usize)>> = Vec::new();
    for _ in 0..r.len() {
        let at = r.pos;
        let (e, depth) = match r.variant(15) {
            0 => (Expr::Const(r.i64()), 0),
            1 => (Expr::Answer(r.index(16, names.questions, QUESTION) as u16, r.flag()), 0),
            2 => {
                let v = r.u16();
                let amount = r.i64();
                let value = names.values.get(v as usize);
                let ok = !names.in_ask_if && value.is_some_and(|value| value.internal == amount);
                r.check(ok, at, "expressie noemt een waarde die hier niet bestaat of een ander bedrag heeft");
                (Expr::Value(v, amount), 0)
            }
            3 => one(take(r, &mut built), Expr::Neg),
            4 => two(take(r, &mut built), take(r, &mut built), Expr::Add),
            5 => two(take(r, &mut built), take(r, &mut built), Expr::Sub),
            6 => two(take(r, &mut built), take(r, &mut built), Expr::Mul),
            v @ (7 | 8) => {
                let mut depth = 0;
                let list = r.list(|r| {
                    let (e, d) = take(r, &mut built);
                    depth = depth.max(d);
                    *e
                });
                (if v == 7 { Expr::Min(list) } else { Expr::Max(list) }, depth + 1)
            }
            9 => {
                let op = r.code();
                let aware = r.flag();
                two(take(r, &mut built), take(r, &mut built), |a, b| Expr::Compare(op, aware, a, b))
            }
            10 => {
                let a = take(r, &mut built);
                let mask = r.varint(64);
                one(a, |a| Expr::InSet(a, mask))
            }
            11 => two(take(r, &mut built), take(r, &mut built), Expr::And),
            12 => two(take(r, &mut built), take(r, &mut built), Expr::Or),
            13 => one(take(r, &mut built), Expr::Not),
            _ => {
                let t = r.u16();
                let (rows, columns) = match names.tables.get(t as usize).filter(|_| !names.in_ask_if) {
                    Some(table) => (table.rows.len(), table.columns.len()),
                    None => {
                        r.fail(at, "expressie noemt een tabel die hier niet bestaat");
                        (0, 0)
                    }
                };
                let row = key(r, rows, names);
                let col = key(r, columns, names);
                (Expr::Lookup(t, row, col), 0)
            }
        };
        r.check(depth < MAX_EXPR_DEPTH, at, "expressie dieper dan 256");
        built.push(Some((e, depth)));
    }
    let root = built.pop().flatten();
    r.check(!built.iter().any(Option::is_some), start, "een knoop hoort bij geen expressie");
    match root {
        Some((e, _)) => e,
        None => {
            r.fail(start, "lege expressie");
            Expr::Const(0)
        }
    }
}

/// An operand: an earlier node not yet used, taken out of `built`.
#[inline(never)]
fn take(r: &mut Reader<'_>, built: &mut [Option<(Expr, usize)>]) -> (Box<Expr>, usize) {
    let at = r.pos;
    let c = r.u32();
    match built.get_mut(c as usize).and_then(Option::take) {
        Some((e, d)) => (Box::new(e), d),
        None => {
            r.fail(at, "knoop gebruikt een knoop die er niet (meer) is");
            (Box::new(Expr::Const(0)), 0)
        }
    }
}

fn one(a: (Box<Expr>, usize), f: impl FnOnce(Box<Expr>) -> Expr) -> (Expr, usize) {
    (f(a.0), a.1 + 1)
}

fn two(a: (Box<Expr>, usize), b: (Box<Expr>, usize), f: impl FnOnce(Box<Expr>, Box<Expr>) -> Expr) -> (Expr, usize) {
    (f(a.0, b.0), a.1.max(b.1) + 1)
}

/// `wire::Key`: a fixed row/column, or a map from answer to row/column.
fn key(r: &mut Reader<'_>, len: usize, names: &Names) -> Key {
    const WHAT: &str = "rij of kolom bestaat niet";
    match r.variant(2) {
        0 => Key::Fixed(r.index(32, len, WHAT)),
        _ => Key::Answer {
            question: r.index(16, names.questions, "expressie noemt een vraag die er niet is") as u16,
            offset: r.i64(),
            map: r.indices(len, WHAT),
        },
    }
}

#[cfg(test)]
mod tests {
    //! The oracle is the former two-step reading: postcard's own decoder
    //! (serde `Deserialize` of the `wire` types, derived for tests only),
    //! then `decode` (wire → model, every index checked). On every real
    //! bundle and on every mutation tried, the one-pass reader gives the same
    //! package or refuses where the oracle refuses, always with a code.
    use super::*;
    use crate::assemble::{assemble_package, InputFile};
    use crate::compiled::{decode, encode, to_bytes, wire, HEADER};
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// The oracle's reading of a body, trailing bytes refused, as `Debug`.
    fn oracle_reads(body: &[u8]) -> Option<String> {
        match postcard::take_from_bytes::<wire::Bundle>(body) {
            Ok((b, [])) => decode::bundle(b).ok().map(|p| format!("{p:?}")),
            _ => None,
        }
    }

    /// The one-pass reading; a refusal must be `invalid_bundle` at `(inhoud)` or `limit`.
    fn hand_reads(body: &[u8]) -> Option<String> {
        match super::body(body) {
            Ok(p) => Some(format!("{p:?}")),
            Err(e) => {
                assert!(
                    matches!((e.code(), e.path()), ("invalid_bundle" | "limit", Some("(inhoud)"))),
                    "{:?} {e}",
                    (e.code(), e.path())
                );
                None
            }
        }
    }

    fn files_under(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            let name = format!("{prefix}{}", p.file_name().unwrap().to_string_lossy());
            if p.is_dir() {
                files_under(&p, &format!("{name}/"), out);
            } else {
                out.push((name, std::fs::read(&p).unwrap()));
            }
        }
    }

    /// Every package folder under `dir` (overlays and linked packages as the
    /// CLI assembles them), compiled.
    fn compiled_packages(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        files_under(dir, "", &mut files);
        let inputs: Vec<InputFile<'_>> = files.iter().map(|(p, b)| InputFile { path: p, bytes: b }).collect();
        let mut out = Vec::new();
        for (path, _) in files.iter().filter(|(p, _)| p.ends_with("/package.json") && p.matches('/').count() == 1) {
            let (document, missing) = assemble_package(&inputs, path).unwrap();
            assert!(missing.is_empty(), "{path}: {missing:?}");
            let package = Package::from_value(document).unwrap_or_else(|e| panic!("{path}: {e}"));
            out.push((path.clone(), to_bytes(&package).unwrap()));
        }
        out
    }

    /// Every real compiled bundle: the archive's, the fuzz corpus's, and
    /// those of every package in `norms/` and the conformance fixtures.
    fn real_bundles() -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        files_under(&root().join("archive"), "archive/", &mut files);
        files_under(&root().join("rules-core/tests/fuzz_regressions/compiled"), "fuzz/", &mut files);
        files.retain(|(p, _)| p.ends_with(".uwb"));
        files.extend(compiled_packages(&root().join("norms")));
        files.extend(compiled_packages(&root().join("tests/conformance/fixtures")));
        files
    }

    #[test]
    fn reads_every_real_bundle_as_the_oracle_does() {
        let bundles = real_bundles();
        let mut read = 0;
        for (name, bytes) in &bundles {
            let Some(body) = bytes.get(HEADER..) else { continue };
            let hand = hand_reads(body);
            assert_eq!(hand, oracle_reads(body), "{name}");
            if let Ok(p) = super::body(body) {
                // Written again, the package gives the same bytes.
                assert_eq!(postcard::to_allocvec(&encode::bundle(&p)).unwrap(), body, "{name}");
                read += 1;
            }
        }
        // archive 4 (this format's), fuzz corpus 2 readable, norms 4, fixtures 3
        assert!(read >= 13, "only {read} bundles read");
        // The archive's bundles of this format are what the packages in
        // norms/ compile to today (an earlier format's stay as they were).
        let suffix = format!(".v{}.uwb", crate::compiled::FORMAT_VERSION);
        for (name, bytes) in bundles.iter().filter(|(n, _)| n.starts_with("archive/") && n.ends_with(&suffix)) {
            let id = name.rsplit('/').next().unwrap().trim_end_matches(&suffix);
            let fresh = bundles.iter().find(|(n, _)| *n == format!("{id}/package.json"));
            assert_eq!(fresh.map(|(_, b)| b), Some(bytes), "{name} rebuilt differs");
        }
    }

    /// Every truncation and, at every byte, three changes of a real body
    /// (KPMG): the one-pass reader agrees with the oracle, and refuses with a code.
    #[test]
    fn truncations_and_byte_changes_agree_with_the_oracle() {
        let bundles = real_bundles();
        let (_, kpmg) = bundles.iter().find(|(n, _)| n == "kpmg-2019/package.json").unwrap();
        let body = &kpmg[HEADER..];
        for n in 0..body.len() {
            assert_eq!(hand_reads(&body[..n]), None, "cut at {n}");
            assert_eq!(oracle_reads(&body[..n]), None, "cut at {n}");
        }
        let mut same = 0;
        for i in 0..body.len() {
            for change in [|b: u8| b ^ 0x01, |b: u8| b ^ 0x80, |_| 0xff] {
                let mut bytes = body.to_vec();
                bytes[i] = change(bytes[i]);
                let hand = hand_reads(&bytes);
                assert_eq!(hand, oracle_reads(&bytes), "byte {i} changed to {}", bytes[i]);
                same += usize::from(hand.is_some());
            }
        }
        // Many changes (a text's letter, a number) still read.
        assert!(same > body.len() / 4, "{same}");
        let mut longer = body.to_vec();
        longer.push(0);
        assert_eq!(hand_reads(&longer), None, "trailing byte");
    }

    /// One reading function on one value's bytes, every byte used; `None` if refused.
    fn read_as<T>(bytes: &[u8], f: impl FnOnce(&mut Reader<'_>) -> T) -> Option<T> {
        let mut r = Reader { bytes, pos: 0, bad: None };
        let v = f(&mut r);
        (r.bad.is_none() && r.pos == bytes.len()).then_some(v)
    }

    /// The reader and postcard on one value's bytes: equal, or both refuse.
    fn agree<T>(bytes: &[u8], f: impl FnOnce(&mut Reader<'_>) -> T)
    where
        T: std::fmt::Debug + serde::de::DeserializeOwned,
    {
        let hand = read_as(bytes, f).map(|v| format!("{v:?}"));
        let oracle = match postcard::take_from_bytes::<T>(bytes) {
            Ok((v, [])) => Some(format!("{v:?}")),
            _ => None,
        };
        assert_eq!(hand, oracle, "{bytes:02x?} as {}", std::any::type_name::<T>());
    }

    #[test]
    fn varints_follow_postcards_limits() {
        for bytes in [
            &[0x00][..],
            &[0x7f],
            &[0x80, 0x00],
            &[0xff, 0xff, 0x03],
            &[0xff, 0xff, 0x04],
            &[0xff, 0xff, 0x83, 0x00],
            &[0xff, 0xff, 0xff, 0xff, 0x0f],
            &[0xff, 0xff, 0xff, 0xff, 0x10],
            &[0xff, 0xff, 0xff, 0xff, 0x8f, 0x00],
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02],
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x81, 0x00],
            &[0x80],
            &[],
        ] {
            agree::<u16>(bytes, |r| r.u16());
            agree::<u32>(bytes, |r| r.u32());
            agree::<u64>(bytes, |r| r.varint(64));
            agree::<i32>(bytes, |r| r.i32());
            agree::<i64>(bytes, |r| r.i64());
            agree::<u8>(bytes, |r| r.byte());
            agree::<bool>(bytes, |r| r.flag());
            agree::<Option<u8>>(bytes, |r| r.flag().then(|| r.byte()));
        }
        for v in [0i64, 1, -1, 63, -64, 64, i64::MAX, i64::MIN, 1 << 53, -(1 << 53)] {
            agree::<i64>(&postcard::to_allocvec(&v).unwrap(), |r| r.i64());
        }
        for v in [0i32, 1, -1, i32::MAX, i32::MIN] {
            agree::<i32>(&postcard::to_allocvec(&v).unwrap(), |r| r.i32());
        }
        for bytes in [&[2u8][..], &[1, 2], &[0, 1]] {
            agree::<bool>(bytes, |r| r.flag());
            agree::<Option<bool>>(bytes, |r| r.flag().then(|| r.flag()));
        }
    }

    #[test]
    fn texts_and_lists_are_bounded_by_the_bytes_left() {
        for bytes in [
            &[0u8][..],
            &[2, b'o', b'k'],
            &[3, b'o', b'k'],
            &[2, 0xc3, 0x28],
            &[2, 0xc3, 0xa9],
            &[0xff, 0xff, 0xff, 0xff, 0x0f, b'a'],
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
        ] {
            agree::<String>(bytes, |r| r.string());
            agree::<Vec<u8>>(bytes, |r| r.list(|r| r.byte()));
            agree::<Vec<u32>>(bytes, |r| r.list(|r| r.u32()));
            agree::<Vec<(String, String)>>(bytes, |r| r.list(|r| (r.string(), r.string())));
        }
    }

    /// Every variant of every wire enum, written by postcard, is read into
    /// the model as `decode` builds it. The `match`es fail to compile when a
    /// variant is added, until it is listed here (and read above).
    #[test]
    fn every_enum_variant_reads_back() {
        use wire::Node as N;
        let value = |internal| model::NamedValue {
            name: "v".into(),
            label: "v".into(),
            written: 1,
            unit: crate::document::Unit::Number,
            internal,
            provenance: model::Provenance::Provisional { reason: "r".into() },
        };
        let values = [value(5), value(1 << 40)];
        let tables = [model::Table {
            name: "t".into(),
            title: "t".into(),
            unit: crate::document::Unit::Number,
            row_label: "r".into(),
            column_label: "c".into(),
            columns: vec!["a".into(), "b".into(), "c".into()],
            rows: vec!["a".into(), "b".into()],
            cells: vec![0; 6],
            provenance: model::Provenance::Provisional { reason: "r".into() },
        }];
        let names = Names { questions: 4, in_ask_if: false, values: &values, tables: &tables };
        let read_expr = |nodes: Vec<N>| {
            let bytes = postcard::to_allocvec(&wire::Condition { text: "x".into(), nodes }).unwrap();
            read_as(&bytes, |r| condition(r, &names).expr)
        };
        let b = |e| Box::new(e);
        let (one, two) = (|| Expr::Const(1), || Expr::Const(2));
        let cases = [
            (vec![N::Const(-7)], Expr::Const(-7)),
            (vec![N::Answer(2, true)], Expr::Answer(2, true)),
            (vec![N::Value(1, 1 << 40)], Expr::Value(1, 1 << 40)),
            (vec![N::Const(1), N::Neg(0)], Expr::Neg(b(one()))),
            (vec![N::Const(1), N::Const(2), N::Add(0, 1)], Expr::Add(b(one()), b(two()))),
            (vec![N::Const(1), N::Const(2), N::Sub(1, 0)], Expr::Sub(b(two()), b(one()))),
            (vec![N::Const(1), N::Const(2), N::Mul(0, 1)], Expr::Mul(b(one()), b(two()))),
            (vec![N::Const(1), N::Const(2), N::Min(vec![1, 0])], Expr::Min(vec![two(), one()])),
            (vec![N::Max(vec![])], Expr::Max(vec![])),
            (
                vec![N::Const(1), N::Const(2), N::Compare(4, true, 0, 1)],
                Expr::Compare(crate::expr::Cmp::Gt, true, b(one()), b(two())),
            ),
            (vec![N::Const(1), N::InSet(0, u64::MAX)], Expr::InSet(b(one()), u64::MAX)),
            (vec![N::Const(1), N::Const(2), N::And(0, 1)], Expr::And(b(one()), b(two()))),
            (vec![N::Const(1), N::Const(2), N::Or(0, 1)], Expr::Or(b(one()), b(two()))),
            (vec![N::Const(1), N::Not(0)], Expr::Not(b(one()))),
            (
                vec![N::Lookup(
                    0,
                    wire::Key::Fixed(1),
                    wire::Key::Answer { question: 3, offset: -2, map: vec![1, 0, 2] },
                )],
                Expr::Lookup(0, Key::Fixed(1), Key::Answer { question: 3, offset: -2, map: vec![1, 0, 2] }),
            ),
        ];
        for (i, (nodes, expected)) in cases.into_iter().enumerate() {
            let index = match nodes.last().unwrap() {
                N::Const(..) => 0,
                N::Answer(..) => 1,
                N::Value(..) => 2,
                N::Neg(..) => 3,
                N::Add(..) => 4,
                N::Sub(..) => 5,
                N::Mul(..) => 6,
                N::Min(..) => 7,
                N::Max(..) => 8,
                N::Compare(..) => 9,
                N::InSet(..) => 10,
                N::And(..) => 11,
                N::Or(..) => 12,
                N::Not(..) => 13,
                N::Lookup(..) => 14,
            };
            assert_eq!(index, i);
            assert_eq!(read_expr(nodes), Some(expected), "variant {i}");
        }
        // What the tree checks refuse.
        assert_eq!(read_expr(vec![N::Value(1, 5)]), None, "another amount");
        assert_eq!(read_expr(vec![N::Answer(4, false)]), None, "no such question");
        assert_eq!(read_expr(vec![N::Const(1), N::Const(2), N::Add(0, 0)]), None, "node used twice");
        assert_eq!(read_expr(vec![N::Const(1), N::Const(2)]), None, "two roots");
        assert_eq!(read_expr(vec![]), None, "empty");
        assert_eq!(read_expr(vec![N::Lookup(0, wire::Key::Fixed(2), wire::Key::Fixed(0))]), None, "no such row");
        assert!(read_as(&[1, 15, 0], |r| expr(r, &names)).is_none(), "unknown node variant");

        for k in [wire::Key::Fixed(1), wire::Key::Answer { question: 0, offset: 0, map: vec![] }] {
            let (wire::Key::Fixed(..) | wire::Key::Answer { .. }) = k;
        }
        let provenance = |p: &wire::Provenance| {
            let bytes = postcard::to_allocvec(p).unwrap();
            read_as(&bytes, |r| r.provenance(3)).map(|p| format!("{p:?}"))
        };
        for (p, expected) in [
            (wire::Provenance::Source(2, "art. 3".into()), r#"Source { document: 2, locator: "art. 3" }"#),
            (wire::Provenance::Provisional("nog niet".into()), r#"Provisional { reason: "nog niet" }"#),
        ] {
            let (wire::Provenance::Source(..) | wire::Provenance::Provisional(..)) = p;
            assert_eq!(provenance(&p).as_deref(), Some(expected));
        }
        assert_eq!(provenance(&wire::Provenance::Source(3, "x".into())), None, "no such source");
        assert!(read_as(&[2, 0], |r| r.provenance(3)).is_none());
        for (c, expected) in [
            (
                wire::Citation::Source { document: "d".into(), locator: "l".into() },
                r#"Source { document: "d", locator: "l" }"#,
            ),
            (wire::Citation::Provisional("p".into()), r#"Provisional { provisional: "p" }"#),
        ] {
            let (wire::Citation::Source { .. } | wire::Citation::Provisional(..)) = c;
            let entry = wire::ProcedureEntry { valid_from: 0, periods: [(1, 0); 4], citation: c };
            let bytes = postcard::to_allocvec(&entry).unwrap();
            let read = read_as(&bytes, procedure_entry).map(|e| format!("{:?}", e.citation));
            assert_eq!(read.as_deref(), Some(expected));
        }
    }
}
