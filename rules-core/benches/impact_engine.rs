//! The figures-only engine (`impact::engine`): KPMG, one norm, answers
//! already checked, one thread. The same generated households as
//! `bench/impact/openfisca_kpmg.py`, so the totals must match.
//! Run: `cargo bench -p rules-core --bench impact_engine [-- N]` (see docs/performance.md).

use std::hint::black_box;
use std::time::Instant;

use rules_core::impact::engine;
use rules_core::impact::engine_columns::{minutes_per_year_columns, AnswerColumns};
use rules_core::{Answers, Date, Package};
use serde_json::json;

fn splitmix64(i: u64) -> u64 {
    let mut z = (i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Nanoseconds this thread has run on a CPU (Linux): a rate per core that
/// does not depend on how busy the machine is. `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(500_000);
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../norms/kpmg-2019/package.json")).unwrap();
    let package = Package::load(&text).unwrap();
    let version = package.version_for(Date::parse("2025-01-01").unwrap()).unwrap();
    let answers: Vec<Answers> = (0..n as u64)
        .map(|i| {
            let h = splitmix64(i);
            let beperkingen = ["geen", "enig", "veel"][((h >> 1) % 3) as usize];
            let a = json!({
                "eigen_mogelijkheden": h & 1 == 1,
                "beperkingen": beperkingen,
                "samenstelling_huishouden": (h >> 3) & 1 == 1,
                "extra_kamers_in_gebruik": (h >> 4) % 21,
                "extra_kamers_niet_in_gebruik": (h >> 9) % 21,
            });
            Answers::from_json(&package, &rules_core::AnswerValue::from(&a)).unwrap()
        })
        .collect();
    let (mut best, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
    let mut total = 0i64;
    for _ in 0..5 {
        let (start, cpu) = (Instant::now(), cpu_ns());
        let mut sum = 0i64;
        for a in &answers {
            sum += engine::minutes_per_year(version, black_box(a)).unwrap();
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, cpu_ns()) {
            best_cpu = best_cpu.min((b - a) as f64 / 1e9);
        }
        total = black_box(sum);
    }
    let row = (n as f64 / best, n as f64 / best_cpu, total);

    // Column-wise: the same households in chunks of CHUNK, one answer column
    // per question (answers already checked, laid out before timing).
    const CHUNK: usize = 4096;
    let chunks: Vec<AnswerColumns> = answers
        .chunks(CHUNK)
        .map(|part| {
            let mut c = AnswerColumns::new(package.questions.len());
            part.iter().for_each(|a| c.push(a));
            c
        })
        .collect();
    let (mut best, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
    let mut column_total = 0i64;
    let mut out = Vec::with_capacity(CHUNK);
    for _ in 0..5 {
        let (start, cpu) = (Instant::now(), cpu_ns());
        let mut sum = 0i64;
        for c in &chunks {
            minutes_per_year_columns(version, black_box(c), &mut out).unwrap();
            sum += out.iter().sum::<i64>();
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, cpu_ns()) {
            best_cpu = best_cpu.min((b - a) as f64 / 1e9);
        }
        column_total = black_box(sum);
    }
    assert_eq!(column_total, total, "the column-wise engine must give the same total");
    println!(
        "urenwijzer engine, per huishouden: {n} huishoudens, {:.0} per seconde wandklok, {:.0} per CPU-seconde \
         (één kern, beste van 5), totaal {} minuten per jaar",
        row.0, row.1, row.2
    );
    println!(
        "urenwijzer engine, kolomsgewijs ({CHUNK} per blok): {n} huishoudens, {:.0} per seconde wandklok, {:.0} per CPU-seconde (één kern, beste van 5), \
         totaal {total} minuten per jaar",
        n as f64 / best,
        n as f64 / best_cpu
    );
}
