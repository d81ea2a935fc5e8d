//! Native throughput of the KPMG package on one core.
//! Run: `cargo bench -p rules-core --bench evaluate` (figures go to docs/performance.md).
//!
//! Measures separately: evaluation with the structured trace (answers already
//! checked), checking answers from JSON + evaluation, rendering the plain-Dutch
//! sentences, and the full canonical JSON with trace and sentences.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rules_core::{evaluate, explain, output, Answers, Date, Options, Package};
use serde_json::json;

fn all_answers() -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for em in [false, true] {
        for b in ["geen", "enig", "veel"] {
            for sh in [false, true] {
                for kin in 0..=20 {
                    for kniet in [0, 1, 5, 20] {
                        out.push(json!({"eigen_mogelijkheden": em, "beperkingen": b, "samenstelling_huishouden": sh,
                            "extra_kamers_in_gebruik": kin, "extra_kamers_niet_in_gebruik": kniet}));
                    }
                }
            }
        }
    }
    out
}

/// Runs `f` for about `budget`, repeated 5 times; returns the best rate per second.
fn rate(name: &str, budget: Duration, mut f: impl FnMut(usize) -> usize) -> f64 {
    let mut best = 0f64;
    for _ in 0..5 {
        let start = Instant::now();
        let mut n = 0usize;
        let mut sink = 0usize;
        while start.elapsed() < budget {
            for _ in 0..1000 {
                sink = sink.wrapping_add(f(n));
                n += 1;
            }
        }
        black_box(sink);
        let per_sec = n as f64 / start.elapsed().as_secs_f64();
        best = best.max(per_sec);
    }
    println!("{name:<58} {:>12.0} /s  {:>8.0} ns each", best, 1e9 / best);
    best
}

fn main() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../norms/kpmg-2019/package.json")).unwrap();
    let package = Package::load(&text).unwrap();
    let options = Options { date: Date::parse("2025-01-01").unwrap(), municipality: None };
    let values = all_answers();
    let checked: Vec<Answers> =
        values.iter().map(|v| Answers::from_json(&package, &rules_core::AnswerValue::from(v)).unwrap()).collect();
    let budget = Duration::from_millis(if std::env::args().any(|a| a == "--quick") { 100 } else { 600 });
    println!("KPMG package, {} distinct households, one thread", values.len());

    rate("evaluate (structured trace)", budget, |i| {
        let ind = evaluate(&package, &checked[i % checked.len()], &options).unwrap();
        ind.steps.len() + ind.total as usize
    });
    rate("check answers from JSON + evaluate (structured trace)", budget, |i| {
        let a = Answers::from_json(&package, &rules_core::AnswerValue::from(&values[i % values.len()])).unwrap();
        let ind = evaluate(&package, &a, &options).unwrap();
        ind.steps.len()
    });
    rate("render plain-Dutch sentences only", budget, |i| {
        let ind = evaluate(&package, &checked[i % checked.len()], &options).unwrap();
        explain::sentences(&ind).len()
    });
    rate("canonical JSON without trace (bulk)", budget, |i| {
        let ind = evaluate(&package, &checked[i % checked.len()], &options).unwrap();
        output::to_json(&ind, false).len()
    });
    rate("canonical JSON with trace and sentences", budget, |i| {
        let ind = evaluate(&package, &checked[i % checked.len()], &options).unwrap();
        output::to_json(&ind, true).len()
    });
    rate("load + compile + fingerprint the package", Duration::from_millis(200), |_| {
        Package::load(&text).unwrap().questions.len()
    });
}
