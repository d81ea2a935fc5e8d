//! Robustness: mutated packages and answers never panic; they load and
//! evaluate, or give an error with a known code.

mod common;

use rules_core::{Answers, Date, Options, Package, ERROR_CODES};
use serde_json::{json, Value};

/// Small deterministic generator (no extra dependencies).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[(self.next() as usize) % items.len()].clone()
    }
}

fn nasty(r: &mut Lcg) -> Value {
    r.pick(&[
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(-9_007_199_254_740_993i64),
        json!(""),
        json!("veel"),
        json!("2021-01-01"),
        json!("((("),
        json!("a and"),
        json!("x * x * x * x * x * x"),
        json!([]),
        json!({}),
        json!("beperkingen in []"),
        json!("lookup(x, y)"),
        json!("not not not 1"),
        json!("99999999999 * 99999999999"),
        json!("basis_volledige_overname * 999999999"),
    ])
}

/// Replaces one random node of the document.
fn mutate(v: &mut Value, r: &mut Lcg, depth: u32) {
    let stop = depth > 0 && r.next().is_multiple_of(4);
    match v {
        Value::Object(map) if !map.is_empty() && !stop => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let k = r.pick(&keys);
            if r.next().is_multiple_of(10) {
                map.remove(&k);
            } else {
                mutate(map.get_mut(&k).unwrap(), r, depth + 1);
            }
        }
        Value::Array(items) if !items.is_empty() && !stop => {
            let i = (r.next() as usize) % items.len();
            mutate(&mut items[i], r, depth + 1);
        }
        _ => *v = nasty(r),
    }
}

#[test]
fn mutated_packages_and_answers_never_panic() {
    let original: Value =
        serde_json::from_str(&common::read(&common::norms_dir().join("kpmg-2019/package.json"))).unwrap();
    let answers: Value = json!({"eigen_mogelijkheden": true, "beperkingen": "veel", "samenstelling_huishouden": true,
        "extra_kamers_in_gebruik": 20, "extra_kamers_niet_in_gebruik": 20});
    let options = Options { date: Date::parse("2024-01-01").unwrap(), municipality: None };
    let mut r = Lcg(42);
    let (mut loaded, mut refused) = (0, 0);
    for _ in 0..3_000 {
        let mut doc = original.clone();
        for _ in 0..=(r.next() % 3) {
            mutate(&mut doc, &mut r, 0);
        }
        match Package::from_value(doc) {
            Ok(p) => {
                loaded += 1;
                let mut a = answers.clone();
                if r.next().is_multiple_of(2) {
                    mutate(&mut a, &mut r, 0);
                }
                match rules_core::evaluate_to_json(&p, &rules_core::AnswerValue::from(&a), &options, true) {
                    Ok(s) => assert!(s.starts_with('{')),
                    Err(e) => assert!(ERROR_CODES.contains(&e.code())),
                }
                let _ = Answers::problems(&p, &rules_core::AnswerValue::from(&a));
                let _ = rules_core::lint::lint(&p);
            }
            Err(e) => {
                refused += 1;
                assert!(ERROR_CODES.contains(&e.code()), "{e:?}");
                assert!(e.path().is_some(), "{e:?}");
            }
        }
    }
    assert!(loaded > 100 && refused > 100, "loaded {loaded}, refused {refused}");
}

#[test]
fn huge_amounts_overflow_cleanly() {
    let mut doc: Value =
        serde_json::from_str(&common::read(&common::norms_dir().join("kpmg-2019/package.json"))).unwrap();
    doc["versions"][0]["values"]["per_extra_kamer_in_gebruik"]["amount"] = json!(1_000_000_000);
    doc["versions"][0]["areas"][0]["rules"][4]["amount"] =
        json!("per_extra_kamer_in_gebruik * extra_kamers_in_gebruik * extra_kamers_in_gebruik * extra_kamers_in_gebruik * 1000000");
    let p = Package::from_value(doc).unwrap();
    let a = json!({"eigen_mogelijkheden": false, "beperkingen": "geen", "samenstelling_huishouden": false,
        "extra_kamers_in_gebruik": 20, "extra_kamers_niet_in_gebruik": 0});
    let e = rules_core::evaluate_to_json(
        &p,
        &rules_core::AnswerValue::from(&a),
        &Options { date: Date::parse("2024-01-01").unwrap(), municipality: None },
        true,
    )
    .unwrap_err();
    assert_eq!(e.code(), "overflow");
    assert_eq!(e.path(), Some("schoon_leefbaar_huis.rules[extra_kamers_in_gebruik]"));
}

#[test]
fn the_deepest_expressions_allowed_fit_a_small_stack() {
    // The browser build runs with wasm32's 1 MiB stack; the parser bounds
    // nesting and chain length, so even the deepest accepted expression fits
    // (checked here in the debug build, whose frames are several times larger).
    let mut doc: Value =
        serde_json::from_str(&common::read(&common::norms_dir().join("kpmg-2019/package.json"))).unwrap();
    let chain = vec!["extra_kamers_in_gebruik"; 60].join("+");
    let nested = format!("{}{chain}{} > 0", "(".repeat(60), ")".repeat(60));
    doc["versions"][0]["areas"][0]["rules"][1]["when"] = json!(nested);
    let deep_not = format!("{}samenstelling_huishouden", "not ".repeat(60));
    doc["versions"][0]["areas"][0]["rules"][3]["when"] = json!(deep_not);
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            let p = Package::from_value(doc).expect("loads");
            let a = json!({"eigen_mogelijkheden": false, "beperkingen": "geen", "samenstelling_huishouden": true,
                "extra_kamers_in_gebruik": 1, "extra_kamers_niet_in_gebruik": 0});
            rules_core::evaluate_to_json(
                &p,
                &rules_core::AnswerValue::from(&a),
                &Options { date: Date::parse("2024-01-01").unwrap(), municipality: None },
                true,
            )
            .map(|s| s.len())
        })
        .unwrap();
    assert!(handle.join().expect("no stack overflow").is_ok());
}
