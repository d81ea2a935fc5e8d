//! The browser's packed form of an indication (`to_packed`): no JSON to
//! write or parse on the common path. The same model as `to_json`, walked in
//! the contract's key order into numbers (`Packed::numbers`, read in
//! JavaScript as a `Float64Array` on the module's memory) and one ASCII text
//! (`Packed::text`, one `TextDecoder` call) that the numbers cut into strings.
//! The wrapper reads both in the same order and builds the result object
//! with the template's parts (`docs/browser-api.md`, "How evaluate is
//! assembled"); `rules-core/tests/payload.rs` reads it the same way in Rust.
//!
//! The numbers, in order (every integer is within ±2^53, so exact as f64):
//! - a **string** is one number: its length n ≥ 0 (the next n bytes of the
//!   text, a string all in ASCII, as is), or -n (the next n bytes are a
//!   JSON string literal, quotes included, non-ASCII as `\u` escapes), or NaN
//!   (null);
//! - an **optional number** is NaN for null;
//! - **json** is a length n and the next n bytes of the text are JSON (ASCII),
//!   for the rare values kept as JSON (transition, non-rule steps, a class
//!   tariff, a contribution without its part, an exemption, a package or
//!   engine object not pre-rendered);
//! - a **part** is an id ≥ 0 of a template part, or -1 and json, or -2 for null.
//!
//! contract; part package; string date; part engine; 0 or 1 and json
//! transition; total (4 numbers); areas: count, then each string id, string
//! title, 4 numbers; cost: 0, or 1 and: class (0, or 1, string id, string
//! label, from, optional to), part tariff, optional cents_per_period,
//! optional cents_per_year, contribution (-2 null; -1 and json; or the id of
//! its own fields, optional cents_per_year, 0 or 1 and json exemption);
//! trace: count, then each step: -1 and json, or its head part id, answers
//! (count, then each string question, and 0 false, 1 true, 2 and a number,
//! 3 and a string choice, 4 and a string date), optional count, unit_amount,
//! change, total; explanation: count, then each kind (0 transition, 1 step,
//! 2 area, 3 total, 4 note), optional step, string area, and -1 and the
//! string text, or the id of its start part and the string rest; warnings:
//! count, then each its part id, or -1, string code, string message, count
//! and the string items.

use crate::answers::Answer;
use crate::eval::Indication;
use crate::explain::SentenceKind;
use crate::json_out::{escape_ascii_into, JsonOut, WriteJson};

use super::build::to_json_model;
use super::model::*;

/// An indication's numbers and text; kept and reused between calls.
#[derive(Default)]
pub struct Packed {
    pub numbers: Vec<f64>,
    pub text: String,
}

/// Not a part id: the value follows as JSON.
const VALUE: f64 = -1.0;
/// Not a part id: null.
const NULL_PART: f64 = -2.0;

// The writers are kept out of line: one call each instead of a `Vec::push`
// inlined at every place (the resident module's size).
impl Packed {
    #[inline(never)]
    fn push(&mut self, x: f64) {
        self.numbers.push(x);
    }

    #[inline(never)]
    fn n(&mut self, n: i64) {
        // Within ±2^53 by the core's checked arithmetic: exact.
        self.push(n as f64);
    }

    #[inline(never)]
    fn opt(&mut self, n: Option<i64>) {
        self.push(n.map_or(f64::NAN, |n| n as f64));
    }

    #[inline(never)]
    fn len(&mut self, n: usize) {
        self.push(n as f64);
    }

    #[inline(never)]
    fn flag(&mut self, set: bool) {
        self.push(if set { 1.0 } else { 0.0 });
    }

    #[inline(never)]
    fn str(&mut self, s: &str) {
        // `str::is_ascii` reads a word at a time.
        if s.is_ascii() {
            self.text.push_str(s);
            self.len(s.len());
        } else {
            let at = self.text.len();
            escape_ascii_into(&mut self.text, s);
            let n = self.text.len() - at;
            self.push(-(n as f64));
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.push(f64::NAN),
        }
    }

    fn json<T: WriteJson + ?Sized>(&mut self, value: &T) {
        let mut out = JsonOut::ascii(256);
        out.value(value);
        self.json_text(&out.finish());
    }

    #[inline(never)]
    fn json_text(&mut self, json: &str) {
        self.text.push_str(json);
        self.len(json.len());
    }

    fn part<T: WriteJson>(&mut self, part: Option<&Fragment<'_, T>>) {
        match part {
            Some(Fragment::Raw(p)) => self.push(f64::from(p.id)),
            Some(Fragment::Value(v)) => {
                self.push(VALUE);
                self.json(v);
            }
            None => self.push(NULL_PART),
        }
    }

    fn figures(&mut self, w: i64, p: i64, y: i64, d: i64) {
        for n in [w, p, y, d] {
            self.n(n);
        }
    }
}

/// The indication in packed form into `out` (cleared first).
pub fn to_packed(ind: &Indication, trace: bool, out: &mut Packed) {
    out.numbers.clear();
    out.text.clear();
    let m = to_json_model(ind, trace);
    out.n(i64::from(m.contract));
    out.part(Some(&m.package));
    out.str(&m.date);
    out.part(Some(&m.engine));
    out.flag(m.transition.is_some());
    if let Some(t) = &m.transition {
        out.json(t);
    }
    let t = &m.total;
    out.figures(t.minutes_per_week, t.minutes_per_period, t.minutes_per_year, t.display_minutes_per_week);
    out.len(m.areas.len());
    for a in &m.areas {
        out.str(a.id);
        out.str(a.title);
        out.figures(a.minutes_per_week, a.minutes_per_period, a.minutes_per_year, a.display_minutes_per_week);
    }
    out.flag(m.cost.is_some());
    if let Some(c) = &m.cost {
        cost(c, out);
    }
    out.len(m.trace.len());
    for s in &m.trace {
        step(s, out);
    }
    out.len(m.explanation.len());
    for s in &m.explanation {
        out.push(match s.kind {
            SentenceKind::Transition => 0.0,
            SentenceKind::Step => 1.0,
            SentenceKind::Area => 2.0,
            SentenceKind::Total => 3.0,
            SentenceKind::Note => 4.0,
        });
        out.opt(s.step.map(|i| i as i64));
        out.opt_str(s.area);
        match s.head {
            Some(head) => out.push(f64::from(head.part.id)),
            None => out.push(VALUE),
        }
        out.str(&s.text);
    }
    out.len(m.warnings.len());
    for w in &m.warnings {
        match w {
            Fragment::Raw(p) => out.push(f64::from(p.id)),
            Fragment::Value(w) => {
                out.push(VALUE);
                out.str(w.code);
                out.str(&w.message);
                out.len(w.items.len());
                for item in &w.items {
                    out.str(item);
                }
            }
        }
    }
}

fn cost(c: &CostJson, out: &mut Packed) {
    out.flag(c.class.is_some());
    if let Some(k) = &c.class {
        out.str(k.id);
        out.str(k.label);
        out.n(k.from_minutes_per_week);
        out.opt(k.to_minutes_per_week);
    }
    out.part(c.tariff.as_ref());
    out.opt(c.cents_per_period);
    out.opt(c.cents_per_year);
    match &c.contribution {
        None => out.push(NULL_PART),
        Some(k) => match k.part {
            Some(part) => {
                out.push(f64::from(part.id));
                out.opt(k.cents_per_year);
                out.flag(k.exemption.is_some());
                if let Some(e) = &k.exemption {
                    out.json(e);
                }
            }
            None => {
                out.push(VALUE);
                out.json(k);
            }
        },
    }
}

fn step(s: &StepJson, out: &mut Packed) {
    let Some(head) = s.head else {
        // Transition, class, floor and maximum steps: rare, and their label and sources are values.
        out.push(VALUE);
        out.json(s);
        return;
    };
    out.push(f64::from(head.id));
    out.len(s.answers.0.len());
    for (question, answer) in &s.answers.0 {
        out.str(question);
        match answer {
            Answer::Bool(b) => out.flag(*b),
            Answer::Number(n) => {
                out.push(2.0);
                out.n(*n);
            }
            Answer::Choice(c) => {
                out.push(3.0);
                out.str(c);
            }
            Answer::Date(d) => {
                out.push(4.0);
                out.str(&d.to_string());
            }
        }
    }
    out.opt(s.count);
    out.n(s.unit_amount);
    out.n(s.change);
    out.n(s.total);
}
