//! `urenwijzer impact OLD NEW caseload --out DIR`: the core's caseload
//! comparison, streamed from the file in chunks, households spread over
//! threads with rayon (the core stays single-threaded), `households.csv`
//! written as it goes, `summary.json` and `report.html` at the end. The
//! bytes equal the core's sequential `impact::run` (tested).

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use rules_core::impact::{self, Caseload, Comparison, ImpactOptions, Totals};

use crate::{files, Failure};

/// Households per parallel chunk: large enough to keep both cores busy,
/// small enough that memory does not grow with the caseload.
const CHUNK: usize = 16 * 1024;

/// Households whose `households.csv` lines share one buffer.
const LINES_PER_BUFFER: usize = 1024;

pub struct Args {
    pub old: PathBuf,
    pub new: PathBuf,
    pub caseload: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub template: bool,
    pub options: ImpactOptions,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Failure + '_ {
    move |e| Failure::Io(format!("{}: {e}", path.display()))
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let old = files::load_package(&args.old)?;
    let new = files::load_package(&args.new)?;
    let cmp = Comparison::new(&old, &new, args.options)?;
    if args.template {
        print!("{}", cmp.template());
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(caseload), Some(out)) = (args.caseload, args.out) else {
        return Err(Failure::Io("geef het bestand met huishoudens en --out MAP (of --template)".into()));
    };
    let file = File::open(&caseload).map_err(io(&caseload))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = Caseload::open(BufReader::with_capacity(1 << 16, file), &cmp)?;
    let columns = cmp.columns(&reader.columns);
    std::fs::create_dir_all(&out).map_err(io(&out))?;
    let csv_path = out.join("households.csv");
    let mut csv = BufWriter::with_capacity(1 << 20, File::create(&csv_path).map_err(io(&csv_path))?);
    csv.write_all(impact::HOUSEHOLDS_CSV_HEADER.as_bytes()).map_err(io(&csv_path))?;

    let progress = ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {percent:>3}% {msg}") {
        progress.set_style(style);
    }
    let mut totals = Totals::default();
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut first_refusals: Vec<String> = Vec::new();
    loop {
        chunk.clear();
        chunk.extend(reader.by_ref().take(CHUNK));
        if chunk.is_empty() {
            break;
        }
        let rows: Vec<_> = chunk.par_drain(..).map(|entry| cmp.household(&columns, entry)).collect();
        // One buffer per run of rows, filled in parallel, written in order.
        let lines: Vec<String> = rows
            .par_chunks(LINES_PER_BUFFER)
            .map(|rows| {
                let mut text = String::with_capacity(rows.len() * 96);
                for r in rows {
                    impact::push_households_csv_line(&mut text, r);
                }
                text
            })
            .collect();
        let part = rows.par_iter().fold(Totals::default, |mut t, r| {
            t.add(r);
            t
        });
        totals = part.reduce(Totals::default, Totals::merge).merge(totals);
        for line in &lines {
            csv.write_all(line.as_bytes()).map_err(io(&csv_path))?;
        }
        for r in rows.iter().filter(|r| r.compared().is_none()).take(20usize.saturating_sub(first_refusals.len())) {
            first_refusals.push(format!("regel {}: {}", r.line, refusal_text(r)));
        }
        progress.set_position(reader.position());
        progress.set_message(format!("{} huishoudens", totals.households));
    }
    progress.finish_and_clear();
    cmp.check_not_empty(reader.count)?;
    csv.flush().map_err(io(&csv_path))?;
    let write = |name: &str, text: String| {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(io(&path))
    };
    write("summary.json", impact::summary_json(&cmp, &totals))?;
    write("report.html", impact::report_html(&cmp, &totals))?;
    for r in &first_refusals {
        eprintln!("geweigerd: {r}");
    }
    if totals.refused as usize > first_refusals.len() {
        eprintln!("… en nog {} geweigerd (zie households.csv)", totals.refused as usize - first_refusals.len());
    }
    eprintln!(
        "{} huishoudens: {} vergeleken, {} geweigerd; meer {}, minder {}, gelijk {}. Geschreven in {}",
        totals.households,
        totals.compared,
        totals.refused,
        totals.higher,
        totals.lower,
        totals.equal,
        out.display()
    );
    Ok(if totals.refused == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn refusal_text(row: &impact::Row<'_>) -> String {
    match &row.outcome {
        impact::Outcome::Unread(e) => format!("[{}] {e}", e.code()),
        impact::Outcome::Evaluated { old, new } => [("oud", old.as_ref().err()), ("nieuw", new.as_ref().err())]
            .into_iter()
            .filter_map(|(side, e)| e.map(|e| format!("{side} [{}] {e}", e.code())))
            .collect::<Vec<_>>()
            .join("; "),
    }
}
