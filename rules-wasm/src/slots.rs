//! Answers as numbers (w20, `docs/performance.md`): the wrapper writes a
//! plain answers object into a buffer in the module's memory as numbers, no
//! JSON text and no string passing, for `figures` and `evaluate`.
//!
//! Each engine has a table of every name answers can use (question ids and
//! option ids of the package and its overlays, the start-date key, the
//! municipalities), which the wrapper fetches once (`answerNamesJson`). A
//! member is then `[key, kind, value]`: kind 0 a boolean (0 or 1), 1 a
//! safe integer, 2 a string by its index in the table. The members become the
//! quick reader's members (`rules_core::input::flat`) with the table's own
//! `&str`s, and take only the quick path (`evaluate_flat_with`): anything
//! it does not take (a wrong answer, a transition rule, an unknown
//! municipality, a bad date, an error while evaluating) returns 0, and the
//! wrapper then takes the JSON text path, which gives the verdict and the
//! error. So every refusal is the text path's by construction.
//!
//! Layout of the buffer (`f64`s): `[members, municipality (a name's index,
//! -1 for none), 10 character codes of the date, members × 3]`.

use std::cell::{OnceCell, RefCell};

use rules_core::input::answer_value::Exactly;
use rules_core::input::flat::Scalar;
use rules_core::{Date, Options, Package, START_DATE_KEY};
use wasm_bindgen::prelude::*;

use super::{packed, Engine};

/// The quick reader's member limit (`input::flat`): more go the text path.
const MAX_MEMBERS: usize = 64;
const HEAD: usize = 12;
const DATE_AT: usize = 2;
/// Names longer than this stay out of the table (the text path takes them):
/// 64 members of two such names are far below the answers' text limit
/// (`limits::ANSWERS_BYTES`, 256 KiB) and each below the string limit, so
/// no limit that the text would meet is skipped.
const NAME_MAX: usize = 1_000;

/// The names answers can use, in one order (the wrapper's indices).
pub(crate) type Names = OnceCell<Vec<String>>;

/// Every name an answers object may use, each once: question and option ids
/// of the package and its overlays, the start-date key and the
/// municipalities. Only names that `JSON.stringify` writes as they are (no
/// `"`, `\` or control character), so the quick reader's members equal the
/// strict reader's for every object the wrapper encodes.
fn names_of(package: &Package) -> Vec<String> {
    let mut all: Vec<&str> = vec![START_DATE_KEY];
    for p in std::iter::once(package).chain(&package.overlays) {
        for q in &p.questions {
            all.push(&q.id);
            all.extend(q.options.iter().map(|o| o.id.as_str()));
        }
        all.extend(p.municipalities.iter().map(|m| m.id.as_str()));
        all.extend(p.overlay.iter().map(|o| o.municipality.as_str()));
    }
    all.retain(|n| n.len() <= NAME_MAX && !n.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20));
    all.sort_unstable();
    all.dedup();
    all.into_iter().map(str::to_owned).collect()
}

struct Scratch {
    input: Vec<f64>,
    output: Vec<f64>,
    head: [u32; 2],
}

thread_local! {
    /// Allocated once at its full length, so its address never changes.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch {
        input: vec![0.0; HEAD + 3 * MAX_MEMBERS],
        output: Vec::new(),
        head: [0; 2],
    });
}

/// The address of the buffer the wrapper writes the answers into.
#[wasm_bindgen(js_name = answerSlots)]
pub fn answer_slots() -> u32 {
    SCRATCH.with(|s| s.borrow().input.as_ptr() as usize as u32)
}

#[wasm_bindgen]
impl Engine {
    /// The names of the table (JSON array of strings), in index order.
    #[wasm_bindgen(js_name = answerNamesJson)]
    pub fn answer_names_json(&self) -> String {
        rules_core::json_out::to_string(self.names())
    }

    /// `figuresFlat` from the answers in the buffer: the address of `[address
    /// of the figures, count]`, or 0 when the text path must decide.
    #[wasm_bindgen(js_name = figuresSlots)]
    pub fn figures_slots(&self) -> u32 {
        let figures = self.evaluate_from_slots(rules_core::figures::IndicationFigures::of);
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let Some(f) = figures else { return 0 };
            let Scratch { output, head, .. } = &mut *s;
            output.clear();
            f.write_flat(output);
            *head = [output.as_ptr() as usize as u32, output.len() as u32];
            head.as_ptr() as usize as u32
        })
    }

    /// `evaluatePacked` from the answers in the buffer: the packed head's
    /// address, or 0 when the text path must decide.
    #[wasm_bindgen(js_name = evaluateSlots)]
    pub fn evaluate_slots(&self, trace: bool) -> u32 {
        self.evaluate_from_slots(|ind| packed::pack(ind, trace)).unwrap_or(0)
    }
}

impl Engine {
    fn names(&self) -> &[String] {
        self.names.get_or_init(|| names_of(&self.package))
    }

    /// Decodes the buffer and evaluates on the quick path only.
    fn evaluate_from_slots<R>(&self, f: impl FnOnce(&rules_core::eval::Indication<'_>) -> R) -> Option<R> {
        let names = self.names();
        let name = |x: f64| names.get(index(x)?).map(String::as_str);
        let (members, options) = SCRATCH.with(|s| -> Option<_> {
            let s = s.borrow();
            let input = &s.input;
            let n = index(input[0]).filter(|&n| n <= MAX_MEMBERS)?;
            let municipality = if input[1] < 0.0 { None } else { Some(name(input[1])?.to_owned()) };
            let mut date = [0u8; 10];
            for (d, &c) in date.iter_mut().zip(&input[DATE_AT..HEAD]) {
                *d = u8::try_from(index(c)?).ok()?;
            }
            let date = Date::parse(std::str::from_utf8(&date).ok()?)?;
            let mut members = Vec::with_capacity(n);
            for m in input[HEAD..HEAD + 3 * n].chunks_exact(3) {
                let value = match m[1] as u8 {
                    0 => Scalar::Bool(m[2] != 0.0),
                    1 => Scalar::Number { literal: "", exactly: Exactly::Whole(safe_integer(m[2])?) },
                    2 => Scalar::String(name(m[2])?),
                    _ => return None,
                };
                members.push((name(m[0])?, value));
            }
            Some((members, Options { date, municipality }))
        })?;
        rules_core::eval::evaluate_flat_with(&self.package, &members, &options, f)?.ok()
    }
}

/// A whole number from 0 below 2^32 as an index.
fn index(x: f64) -> Option<usize> {
    let i = x as u32;
    (f64::from(i) == x).then_some(i as usize)
}

/// A safe integer (within ±(2^53 − 1), as `Number.isSafeInteger`); -0 is 0,
/// as `JSON.stringify` writes it.
fn safe_integer(x: f64) -> Option<i64> {
    const MAX: i64 = (1 << 53) - 1;
    let i = x as i64;
    (i as f64 == x && (-MAX..=MAX).contains(&i)).then_some(i)
}
