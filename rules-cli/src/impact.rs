//! `urenwijzer impact OLD NEW caseload --out DIR`: the core's caseload
//! comparison, streamed from the file in chunks, households spread over
//! threads with rayon (the core stays single-threaded), `households.csv`
//! written as it goes, `summary.json` and `report.html` at the end. The
//! bytes equal the core's sequential `impact::run` (tested).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{mpsc, Mutex};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rules_core::impact::{self, Caseload, Columns, Comparison, Entry, ImpactOptions, Totals};

use crate::{files, Failure};

/// Households per part (the unit a worker evaluates): large enough that
/// handing a part over costs little, small enough to keep both cores busy.
const PART: usize = 1024;

/// Parts waiting between two stages; bounds memory whatever the caseload size.
const QUEUE: usize = 16;

/// Refused households named on stderr.
const MAX_REFUSALS: usize = 20;

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
    // Three stages run at once, so no core waits for another: a reader
    // thread parses the CSV into parts of `PART` households, rayon's workers
    // evaluate each part into its `households.csv` text and partial totals,
    // and a writer thread puts the parts back in file order, writes them and
    // merges the totals. Bounded channels keep memory flat.
    let (reader, written) = std::thread::scope(|scope| {
        let (parts_in, parts_out) = mpsc::sync_channel::<(usize, Vec<Entry>)>(QUEUE);
        let (done_in, done_out) = mpsc::sync_channel::<Part<'_>>(QUEUE);
        let progress = &progress;
        let reading = scope.spawn(move || {
            for seq in 0.. {
                let part: Vec<Entry> = reader.by_ref().take(PART).collect();
                if part.is_empty() {
                    break;
                }
                if seq == 0 && reader.count > 0 {
                    // The first part's bytes per household estimate the
                    // rest: room for all ids at once.
                    let per = (reader.position() / reader.count as u64).max(1);
                    reader.reserve_ids((size / per) as usize);
                }
                if parts_in.send((seq, part)).is_err() {
                    break;
                }
                progress.set_position(reader.position());
            }
            reader
        });
        let csv_path = &csv_path;
        let writing = scope.spawn(move || -> Result<(Totals<'_>, Vec<String>), Failure> {
            let mut totals = Totals::default();
            let mut first_refusals: Vec<String> = Vec::new();
            // Parts that arrived before an earlier one, by sequence number.
            let mut early: BTreeMap<usize, Part<'_>> = BTreeMap::new();
            let mut next = 0;
            for part in done_out {
                early.insert(part.seq, part);
                while let Some(part) = early.remove(&next) {
                    csv.write_all(part.text.as_bytes()).map_err(io(csv_path))?;
                    totals = totals.merge(part.totals);
                    let room = MAX_REFUSALS.saturating_sub(first_refusals.len());
                    first_refusals.extend(part.refusals.into_iter().take(room));
                    next += 1;
                }
                progress.set_message(format!("{} huishoudens", totals.households));
            }
            csv.flush().map_err(io(csv_path))?;
            Ok((totals, first_refusals))
        });
        let columns = &columns;
        let cmp = &cmp;
        // Each rayon worker takes the next part as it is free. Blocking on
        // the channel (not `par_bridge`, whose idle workers spin while the
        // reader fills the next part) keeps the CPU for real work.
        let parts_out = Mutex::new(parts_out);
        rayon::scope(|workers| {
            for _ in 0..rayon::current_num_threads() {
                let (done, parts_out) = (done_in.clone(), &parts_out);
                workers.spawn(move |_| loop {
                    let next = parts_out.lock().ok().and_then(|parts| parts.recv().ok());
                    let Some((seq, entries)) = next else { break };
                    // A failed send means the writer stopped at an error: stop too.
                    if done.send(evaluate_part(cmp, columns, seq, entries)).is_err() {
                        break;
                    }
                });
            }
        });
        drop(done_in);
        // The reader stops when nobody takes its parts any more.
        drop(parts_out);
        let reader = reading.join().map_err(|_| Failure::Io("de lezer van het bestand stopte onverwacht".into()));
        let written =
            writing.join().map_err(|_| Failure::Io("de schrijver van households.csv stopte onverwacht".into()));
        (reader, written)
    });
    let reader = reader?;
    let (totals, first_refusals) = written??;
    progress.finish_and_clear();
    cmp.check_not_empty(reader.count)?;
    // The reader holds every id seen (500,000 strings for a large caseload):
    // freeing them one by one would be the last serial step of the run, and
    // the process ends right after.
    std::mem::forget(reader);
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

/// One part evaluated: its `households.csv` lines, its totals and the texts
/// of its first refusals.
struct Part<'p> {
    seq: usize,
    text: String,
    totals: Totals<'p>,
    refusals: Vec<String>,
}

fn evaluate_part<'p>(cmp: &Comparison<'p>, columns: &Columns, seq: usize, entries: Vec<Entry>) -> Part<'p> {
    let mut part =
        Part { seq, text: String::with_capacity(entries.len() * 112), totals: Totals::default(), refusals: Vec::new() };
    let mut scratch = impact::Scratch::default();
    for entry in entries {
        let row = cmp.household_in(columns, entry, &mut scratch);
        impact::push_households_csv_line(&mut part.text, &row);
        part.totals.add(&row);
        if row.compared().is_none() && part.refusals.len() < MAX_REFUSALS {
            part.refusals.push(format!("regel {}: {}", row.line, refusal_text(&row)));
        }
    }
    part
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
