//! The quick answers path (`input::flat::ReadAnswers`, `Answers::from_flat`,
//! `eval::evaluate_read_with`) against the strict one (`json::read_exact_str`,
//! `Answers::from_json`, `eval::evaluate_with`): the same result or the same
//! first error, over every case of every real package, variations of each
//! (a key left out, a wrong value, a key twice, an unknown key, a start date,
//! escapes, nesting), generated answer texts, and the hostile fixtures.

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

use std::path::PathBuf;

use rules_core::answers::Answers;
use rules_core::cases::Case;
use rules_core::eval::{evaluate_read_with, evaluate_with};
use rules_core::input::flat::ReadAnswers;
use rules_core::input::json::{self, Kind};
use rules_core::{json_out, output, AnswerValue, Date, Error, Options, Package};

fn norms() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("norms")
}

fn cases_of(id: &str) -> Vec<Case> {
    let dir = norms().join(id).join("cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|f| Case::read(&std::fs::read(f).unwrap(), &f.display().to_string()).unwrap()).collect()
}

/// Both paths from one answers text; panics where they differ. Returns
/// whether the quick path checked the answers itself.
fn same(package: &Package, text: &str, options: &Options) -> bool {
    let strict = json::read_exact_str(text, "(antwoorden)", Kind::Answers);
    let read = ReadAnswers::read(text);
    let (tree, read) = match (strict, read) {
        (Ok(tree), Ok(read)) => (tree, read),
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "{text}");
            return false;
        }
        (a, b) => panic!("{text}: strict {a:?}, quick {b:?}"),
    };
    assert_eq!(*read.tree().unwrap(), tree, "{text}");
    let render = |ind: &rules_core::Indication<'_>| output::to_json(ind, true);
    let old: Result<String, Error> = evaluate_with(package, &tree, options, render);
    let new = evaluate_read_with(package, &read, options, render);
    assert_eq!(old, new, "{text}");
    let old = rules_core::figures::figures(package, &tree, options);
    let new = rules_core::figures::figures_read(package, &read, options);
    assert_eq!(old, new, "{text}");
    // The slots themselves, where there is a tree to check against.
    let flat_checked = match &read {
        ReadAnswers::Flat { members, .. } => {
            let selected = rules_core::select(package, &tree, options).ok();
            selected.filter(|s| s.transition.is_none()).and_then(|s| {
                let quick = Answers::from_flat(s.package, members);
                let strict = Answers::from_json(s.package, &tree);
                if let Some(q) = &quick {
                    assert_eq!(Ok(q), strict.as_ref(), "{text}");
                }
                quick
            })
        }
        ReadAnswers::Tree(_) => None,
    };
    flat_checked.is_some()
}

/// Variations of one answers object, as JSON text.
fn variations(package: &Package, answers: &AnswerValue) -> Vec<String> {
    let mut out = vec![json_out::to_string(answers)];
    let Some(map) = answers.as_object() else { return out };
    // In package order, with white space, as a form writes them.
    let ordered: Vec<String> = package
        .questions
        .iter()
        .filter_map(|q| map.get(&q.id).map(|v| format!("\"{}\" : {}", q.id, json_out::to_string(v))))
        .collect();
    out.push(format!("{{\n  {}\n}}", ordered.join(",\n  ")));
    let values = [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "2",
        "2.0",
        "2.5",
        "-1",
        "7",
        "99999",
        "1e400",
        "1.00000000000000001",
        "20e-1",
        "\"\"",
        "\"x\"",
        "\"2024-01-01\"",
        "\"2019-13-01\"",
        "\"veel\"",
        "[1]",
        "{}",
        "\"a\\u00e9\"",
    ];
    let members: Vec<(String, String)> =
        map.iter().map(|(k, v)| (format!("\"{k}\""), json_out::to_string(v))).collect();
    let join = |m: &[(String, String)]| {
        format!("{{{}}}", m.iter().map(|(k, v)| format!("{k}:{v}")).collect::<Vec<_>>().join(","))
    };
    for i in 0..members.len() {
        let mut left = members.clone();
        left.remove(i);
        out.push(join(&left));
        for value in values {
            let mut changed = members.clone();
            changed[i].1 = value.to_string();
            out.push(join(&changed));
        }
        let mut twice = members.clone();
        twice.push(members[i].clone());
        out.push(join(&twice));
        let mut escaped = members.clone();
        escaped[i].0 = format!("\"\\u{:04x}{}", escaped[i].0.as_bytes()[1], &escaped[i].0[2..]);
        out.push(join(&escaped));
    }
    for (key, value) in [
        ("\"onbekend\"", "1"),
        ("\"indicatie_startdatum\"", "\"2014-06-01\""),
        ("\"indicatie_startdatum\"", "\"2016-06-01\""),
        ("\"indicatie_startdatum\"", "\"2016-02-30\""),
        ("\"indicatie_startdatum\"", "20160601"),
        ("\"indicatie_startdatum\"", "[\"x\"]"),
        ("\"al_hulp\"", "true"),
    ] {
        let mut more = members.clone();
        more.push((key.to_string(), value.to_string()));
        out.push(join(&more));
    }
    for text in ["", "{", "[]", "null", "\u{feff}{}", "{}", "{} x", "{\"a\":1,}"] {
        out.push(text.to_string());
    }
    out
}

#[test]
fn every_case_and_its_variations_get_the_same_result_or_first_error() {
    let (mut texts, mut quick) = (0, 0);
    for doc in fuzz_checks::documents() {
        let package = Package::from_value(doc).expect("a real package loads");
        for case in cases_of(&package.id) {
            let options = case.options().unwrap();
            let mut dates = vec![options.clone()];
            for d in ["2014-01-01", "2020-01-01", "2024-06-01"] {
                dates.push(Options { date: Date::parse(d).unwrap(), ..options.clone() });
            }
            dates.push(Options { municipality: Some("onbekend".into()), ..options.clone() });
            for text in variations(&package, &case.answers) {
                for options in &dates {
                    texts += 1;
                    quick += usize::from(same(&package, &text, options));
                }
            }
        }
    }
    assert!(texts > 10_000, "{texts}");
    assert!(quick > 500, "the quick path is taken: {quick} of {texts}");
}

#[test]
fn generated_answer_texts_get_the_same_result_or_first_error() {
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let values = [
        "true",
        "false",
        "null",
        "0",
        "1",
        "2",
        "3",
        "12",
        "-4",
        "1.5",
        "3e0",
        "1e19",
        "\"veel\"",
        "\"weinig\"",
        "\"geen\"",
        "\"2024-01-01\"",
        "\"x\"",
        "[]",
        "{\"a\":1}",
        "\"\\n\"",
    ];
    let spaces = ["", " ", "\n", "\t ", "\r\n"];
    for doc in fuzz_checks::documents() {
        let package = Package::from_value(doc).expect("a real package loads");
        let mut keys: Vec<String> = package.questions.iter().map(|q| q.id.clone()).collect();
        keys.extend(["indicatie_startdatum".into(), "onbekend".into()]);
        let options = Options { date: Date::parse("2024-06-01").unwrap(), municipality: None };
        for _ in 0..3_000 {
            let mut text = String::from(spaces[next(spaces.len())]);
            text.push('{');
            let n = next(keys.len() + 2);
            for m in 0..n {
                if m > 0 {
                    text.push(',');
                }
                let key = &keys[next(keys.len())];
                let value = if next(2) == 0 {
                    let q = package.questions.iter().find(|q| &q.id == key);
                    match q.map(|q| q.options.first()) {
                        Some(Some(o)) => format!("\"{}\"", o.id),
                        _ => values[next(values.len())].to_string(),
                    }
                } else {
                    values[next(values.len())].to_string()
                };
                text.push_str(&format!("{}\"{key}\"{}:{}{value}", spaces[next(5)], spaces[next(5)], spaces[next(5)]));
            }
            text.push('}');
            text.push_str(spaces[next(spaces.len())]);
            same(&package, &text, &options);
        }
    }
}

#[test]
fn the_hostile_answers_fixtures_get_the_same_verdict() {
    let dir = norms().join("..").join("tests/fixtures/hostile");
    let package = Package::from_value(fuzz_checks::documents().remove(0)).unwrap();
    let options = Options { date: Date::parse("2024-01-01").unwrap(), municipality: None };
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        // The browser passes text: a fixture that is no UTF-8 never reaches the reader as such.
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        same(&package, text, &options);
        seen += 1;
    }
    assert!(seen >= 10, "{seen}");
}
