//! Property tests on stable (run by `cargo test`, so in CI): the real norm
//! packages and the answers of their cases, mutated by proptest (fields
//! dropped, duplicated under another name, retyped; numbers changed; strings
//! with control characters; deep nesting), never make the core panic, and
//! every refusal carries a code documented in `docs/errors.md` (and a
//! package refusal the element it is about). The case count is bounded so
//! the suite stays well under a minute; the long runs are `scripts/fuzz.sh`.

mod common;

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use rules_core::{Package, ERROR_CODES};
use serde_json::{json, Value};

/// The codes in the table of `docs/errors.md` (lines starting "| `code` |").
fn documented_codes() -> &'static BTreeSet<String> {
    static CODES: OnceLock<BTreeSet<String>> = OnceLock::new();
    CODES.get_or_init(|| {
        let text = common::read(&common::norms_dir().join("../docs/errors.md"));
        text.lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split_once("` |").map(|(code, _)| code.to_string()))
            .collect()
    })
}

fn assert_documented(code: &str) {
    assert!(documented_codes().contains(code), "code {code} is not in docs/errors.md");
}

#[test]
fn every_core_code_is_documented() {
    for code in ERROR_CODES {
        assert_documented(code);
    }
}

/// One mutation: where (a path of choices down the tree) and what.
#[derive(Debug, Clone)]
enum Edit {
    Drop,
    Duplicate(String),
    Retype(Value),
    Number(i64),
    ControlString(String),
    Nest(usize),
}

fn nasty_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
        Just(json!(u64::MAX)),
        ".{0,12}".prop_map(Value::String),
        Just(json!([])),
        Just(json!({})),
        Just(json!("2021-02-30")),
        Just(json!("x * x * x * (((")),
    ]
}

fn control_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just('\u{1b}'),
            Just('\u{7}'),
            Just('\u{0}'),
            Just('\u{9b}'),
            Just('\u{202e}'),
            Just('\u{2066}'),
            Just('\n'),
            Just('"'),
            Just('\\'),
            any::<char>(),
            Just('a'),
        ],
        0..24,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => Just(Edit::Drop),
        1 => "[a-z_]{1,10}".prop_map(Edit::Duplicate),
        3 => nasty_value().prop_map(Edit::Retype),
        3 => prop_oneof![Just(0i64), Just(-1), Just(1), Just(1 << 53), Just(i64::MIN), -1000i64..1000]
            .prop_map(Edit::Number),
        2 => control_string().prop_map(Edit::ControlString),
        1 => (1usize..200).prop_map(Edit::Nest),
    ]
}

/// Every node's JSON pointer, the root first.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_string());
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                pointers(v, &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Applies `edit` at the node chosen by `index` among all nodes.
fn apply(value: &mut Value, index: prop::sample::Index, edit: &Edit) {
    let mut all = Vec::new();
    pointers(value, "", &mut all);
    let at = index.get(&all).clone();
    let (parent, last) = match at.rfind('/') {
        Some(i) => (at[..i].to_string(), at[i + 1..].replace("~1", "/").replace("~0", "~")),
        None => (String::new(), String::new()),
    };
    match edit {
        Edit::Drop | Edit::Duplicate(_) if at.is_empty() => *value = Value::Null,
        Edit::Drop => match value.pointer_mut(&parent) {
            Some(Value::Object(m)) => {
                m.remove(&last);
            }
            Some(Value::Array(a)) => {
                a.remove(last.parse::<usize>().unwrap());
            }
            _ => unreachable!(),
        },
        Edit::Duplicate(name) => {
            let copy = value.pointer(&at).cloned().unwrap();
            match value.pointer_mut(&parent) {
                Some(Value::Object(m)) => {
                    m.insert(name.clone(), copy);
                }
                Some(Value::Array(a)) => a.push(copy),
                _ => unreachable!(),
            }
        }
        _ => {
            let target = value.pointer_mut(&at).unwrap();
            *target = match edit {
                Edit::Retype(v) => v.clone(),
                Edit::Number(n) => match target.as_i64() {
                    Some(old) => json!(old.saturating_add(*n)),
                    None => json!(n),
                },
                Edit::ControlString(s) => match target {
                    Value::String(old) => Value::String(format!("{old}{s}")),
                    _ => Value::String(s.clone()),
                },
                Edit::Nest(depth) => {
                    let mut v = target.take();
                    for _ in 0..*depth {
                        v = json!([v]);
                    }
                    v
                }
                Edit::Drop | Edit::Duplicate(_) => unreachable!(),
            };
        }
    }
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, Edit)>> {
    prop::collection::vec((any::<prop::sample::Index>(), edit()), 1..4)
}

/// Answers of every case of every package under norms/, with their package.
fn case_answers() -> &'static [(usize, Value)] {
    static CASES: OnceLock<Vec<(usize, Value)>> = OnceLock::new();
    CASES.get_or_init(|| {
        let ids = ["kpmg-2019", "h4", "haarlem-2021"];
        let mut out = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let dir = common::norms_dir().join(id).join("cases");
            let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
            files.sort();
            for f in files {
                let case: Value = serde_json::from_str(&common::read(&f)).unwrap();
                out.push((i, case["answers"].clone()));
            }
        }
        out
    })
}

fn packages() -> &'static [Package] {
    static PACKAGES: OnceLock<Vec<Package>> = OnceLock::new();
    PACKAGES.get_or_init(|| {
        fuzz_checks::documents().into_iter().map(|d| Package::from_value(d).expect("real package loads")).collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_packages_load_or_give_a_documented_code(which in 0usize..3, edits in edits()) {
        let mut doc = fuzz_checks::documents().swap_remove(which);
        for (path, e) in &edits {
            apply(&mut doc, *path, e);
        }
        // Through the text form as well, the way every front end receives it.
        let text = serde_json::to_string(&doc).unwrap();
        match Package::load(&text) {
            Ok(p) => {
                let answers = case_answers().iter().find(|(i, _)| *i == which).map(|(_, a)| a.clone()).unwrap();
                if let Some(code) = fuzz_checks::exercise(&p, &rules_core::AnswerValue::from(&answers)) {
                    assert_documented(code);
                }
            }
            Err(e) => {
                assert_documented(e.code());
                prop_assert!(e.path().is_some(), "{e:?}");
            }
        }
    }

    #[test]
    fn mutated_answers_evaluate_or_give_a_documented_code(index in any::<prop::sample::Index>(), edits in edits()) {
        let (which, answers) = index.get(case_answers());
        let mut answers = answers.clone();
        for (path, e) in &edits {
            apply(&mut answers, *path, e);
        }
        if let Some(code) = fuzz_checks::exercise(&packages()[*which], &rules_core::AnswerValue::from(&answers)) {
            assert_documented(code);
        }
    }
}
