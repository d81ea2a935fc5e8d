//! The browser's packed form and template (`output::to_packed`, `output::template`)
//! give back the canonical indication: over every case of every real package
//! (with and without trace), the packed numbers and text read as the wrapper
//! reads them, each part id replaced by the template's part, are the JSON of
//! `evaluate_to_json`. The bytes (key order
//! included) are checked where the wrapper assembles them: the conformance
//! suite compares `JSON.stringify(engine.evaluate(…))` with the CLI in Node
//! and Chromium.

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

use std::collections::HashMap;

use rules_core::cases::Case;
use rules_core::{output, Package};
use serde_json::Value;

/// Reads the packed form (`output::to_packed`) as the wrapper's `#assemble`
/// does, fetching each version's template parts the first time one is named.
struct Reader<'a> {
    pkg: &'a Package,
    parts: &'a mut HashMap<u64, Value>,
    numbers: &'a [f64],
    text: &'a str,
    ni: usize,
    ti: usize,
}

impl Reader<'_> {
    fn num(&mut self) -> f64 {
        self.ni += 1;
        self.numbers[self.ni - 1]
    }

    fn int(&mut self) -> Value {
        let n = self.num();
        assert!(n.fract() == 0.0 && n.abs() <= 2f64.powi(53), "{n} is a whole number within 2^53");
        Value::from(n as i64)
    }

    fn opt(&mut self) -> Value {
        if self.numbers[self.ni].is_nan() {
            self.ni += 1;
            return Value::Null;
        }
        self.int()
    }

    fn take(&mut self, n: usize) -> &str {
        self.ti += n;
        &self.text[self.ti - n..self.ti]
    }

    fn str(&mut self) -> Value {
        let n = self.num();
        if n >= 0.0 {
            Value::String(self.take(n as usize).to_string())
        } else if n < 0.0 {
            let literal = self.take(-n as usize).to_string();
            let v: Value = serde_json::from_str(&literal).unwrap();
            assert!(v.is_string(), "{literal}");
            v
        } else {
            Value::Null
        }
    }

    fn json(&mut self) -> Value {
        let n = self.num() as usize;
        serde_json::from_str(self.take(n)).unwrap()
    }

    fn part(&mut self, id: f64) -> Value {
        let id = id as u64;
        if !self.parts.contains_key(&id) {
            let template: Value =
                serde_json::from_str(&output::template(self.pkg, id as u32).expect("a part id of this package"))
                    .unwrap();
            let start = template["start"].as_u64().unwrap();
            for (i, part) in template["parts"].as_array().unwrap().iter().enumerate() {
                self.parts.insert(start + i as u64, part.clone());
            }
        }
        self.parts[&id].clone()
    }

    fn fragment(&mut self) -> Value {
        match self.num() {
            id if id >= 0.0 => self.part(id),
            -1.0 => self.json(),
            n => {
                assert_eq!(n, -2.0);
                Value::Null
            }
        }
    }

    fn object(pairs: Vec<(&str, Value)>) -> Value {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    fn figures(&mut self, mut pairs: Vec<(&'static str, Value)>) -> Value {
        for key in ["minutes_per_week", "minutes_per_period", "minutes_per_year", "display_minutes_per_week"] {
            let v = self.int();
            pairs.push((key, v));
        }
        Self::object(pairs)
    }

    fn indication(&mut self) -> Value {
        let contract = self.int();
        let package = self.fragment();
        let date = self.str();
        let engine = self.fragment();
        let transition = if self.num() == 1.0 { self.json() } else { Value::Null };
        let total = self.figures(Vec::new());
        let areas = (0..self.num() as usize)
            .map(|_| {
                let id = self.str();
                let title = self.str();
                self.figures(vec![("id", id), ("title", title)])
            })
            .collect();
        let cost = if self.num() == 1.0 { self.cost() } else { Value::Null };
        let trace = (0..self.num() as usize).map(|_| self.step()).collect();
        let explanation = (0..self.num() as usize).map(|_| self.sentence()).collect();
        let warnings = (0..self.num() as usize)
            .map(|_| match self.num() {
                id if id >= 0.0 => self.part(id),
                _ => {
                    let code = self.str();
                    let message = self.str();
                    let items = (0..self.num() as usize).map(|_| self.str()).collect();
                    Self::object(vec![("code", code), ("message", message), ("items", Value::Array(items))])
                }
            })
            .collect();
        assert_eq!((self.ni, self.ti), (self.numbers.len(), self.text.len()), "everything read");
        Self::object(vec![
            ("contract", contract),
            ("package", package),
            ("date", date),
            ("engine", engine),
            ("transition", transition),
            ("total", total),
            ("areas", Value::Array(areas)),
            ("cost", cost),
            ("trace", Value::Array(trace)),
            ("explanation", Value::Array(explanation)),
            ("warnings", Value::Array(warnings)),
        ])
    }

    fn cost(&mut self) -> Value {
        let class = if self.num() == 1.0 {
            let id = self.str();
            let label = self.str();
            let from = self.int();
            let to = self.opt();
            Self::object(vec![
                ("id", id),
                ("label", label),
                ("from_minutes_per_week", from),
                ("to_minutes_per_week", to),
            ])
        } else {
            Value::Null
        };
        let tariff = self.fragment();
        let per_period = self.opt();
        let per_year = self.opt();
        let contribution = match self.num() {
            -2.0 => Value::Null,
            -1.0 => self.json(),
            id => {
                // The part's keys first, then cents_per_year and the exemption, if any.
                let mut c = self.part(id).as_object().unwrap().clone();
                c.insert("cents_per_year".into(), self.opt());
                if self.num() == 1.0 {
                    c.insert("exemption".into(), self.json());
                }
                Value::Object(c)
            }
        };
        Self::object(vec![
            ("class", class),
            ("tariff", tariff),
            ("cents_per_period", per_period),
            ("cents_per_year", per_year),
            ("contribution", contribution),
        ])
    }

    fn step(&mut self) -> Value {
        let id = self.num();
        if id < 0.0 {
            return self.json();
        }
        // The head `[area, rule, kind, label, condition, sources]`.
        let head = self.part(id);
        let answers = (0..self.num() as usize)
            .map(|_| {
                let question = self.str().as_str().unwrap().to_string();
                let answer = match self.num() {
                    0.0 => Value::Bool(false),
                    1.0 => Value::Bool(true),
                    2.0 => self.int(),
                    _ => self.str(),
                };
                (question, answer)
            })
            .collect();
        let count = self.opt();
        let unit_amount = self.int();
        let change = self.int();
        let total = self.int();
        Self::object(vec![
            ("area", head[0].clone()),
            ("rule", head[1].clone()),
            ("kind", head[2].clone()),
            ("label", head[3].clone()),
            ("condition", head[4].clone()),
            ("answers", Value::Object(answers)),
            ("count", count),
            ("unit_amount", unit_amount),
            ("change", change),
            ("total", total),
            ("sources", head[5].clone()),
        ])
    }

    fn sentence(&mut self) -> Value {
        let kind = ["transition", "step", "area", "total", "note"][self.num() as usize];
        let step = self.opt();
        let area = self.str();
        let start = self.num();
        let rest = self.str();
        let text = if start < 0.0 {
            rest
        } else {
            Value::String(format!("{}{}", self.part(start).as_str().unwrap(), rest.as_str().unwrap()))
        };
        Self::object(vec![("kind", kind.into()), ("step", step), ("area", area), ("text", text)])
    }
}

fn cases_of(id: &str) -> Vec<Case> {
    let dir = fuzz_checks_norms().join(id).join("cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|f| Case::read(&std::fs::read(f).unwrap(), &f.display().to_string()).unwrap()).collect()
}

fn fuzz_checks_norms() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("norms")
}

#[test]
fn packed_form_and_template_give_the_canonical_indication() {
    let mut checked = 0;
    for doc in fuzz_checks::documents() {
        let pkg = Package::from_value(doc).expect("a real package loads");
        let mut parts = HashMap::new();
        for case in cases_of(&pkg.id) {
            let options = case.options().unwrap();
            for trace in [true, false] {
                let full = rules_core::evaluate_to_json(&pkg, &case.answers, &options, trace);
                let mut packed = output::Packed::default();
                let done = rules_core::evaluate_to_packed(&pkg, &case.answers, &options, trace, &mut packed);
                match (full, done) {
                    (Ok(full), Ok(())) => {
                        assert!(packed.text.is_ascii(), "{}: the text is ASCII", case.description);
                        let mut reader = Reader {
                            pkg: &pkg,
                            parts: &mut parts,
                            numbers: &packed.numbers,
                            text: &packed.text,
                            ni: 0,
                            ti: 0,
                        };
                        let assembled = reader.indication();
                        let full: Value = serde_json::from_str(&full).unwrap();
                        assert_eq!(assembled, full, "{}: {}", pkg.id, case.description);
                        checked += 1;
                    }
                    (Err(a), Err(b)) => assert_eq!(a.to_object().code, b.to_object().code),
                    (a, b) => panic!("{}: {a:?} vs {b:?}", case.description),
                }
            }
        }
    }
    assert!(checked > 20, "{checked} indications checked");
}

#[test]
fn each_version_holds_one_range_of_part_ids() {
    for doc in fuzz_checks::documents() {
        let pkg = Package::from_value(doc).expect("a real package loads");
        let mut all = Vec::new();
        let mut stack = vec![&pkg];
        while let Some(p) = stack.pop() {
            for v in &p.versions {
                let template: Value = serde_json::from_str(&output::template(&pkg, v.json.ids.start).unwrap()).unwrap();
                assert_eq!(template["start"].as_u64(), Some(u64::from(v.json.ids.start)));
                assert_eq!(template["parts"].as_array().unwrap().len(), v.json.ids.len());
                all.push(v.json.ids.clone());
            }
            stack.extend(p.overlays.iter().chain(&p.linked));
        }
        all.sort_by_key(|r| r.start);
        assert_eq!(all[0].start, 0);
        for pair in all.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "{}: ids run on without gaps or overlaps", pkg.id);
        }
        assert!(output::template(&pkg, all.last().unwrap().end).is_none());
    }
}

#[test]
fn a_string_after_a_prerendered_one_is_their_join() {
    for (head, tail) in [("", ""), ("a \"b\"\n", "c\u{1}\\ × é"), ("Door uw beperking.", " Daarom 26 uur.")] {
        let mut joined = rules_core::json_out::JsonOut::default();
        joined.str(&format!("{head}{tail}"));
        let mut after = rules_core::json_out::JsonOut::default();
        after.str_after(&rules_core::json_out::to_string(head), tail);
        assert_eq!(after.finish(), joined.finish());
    }
}
