//! `urenwijzer pilot records/*.json --out DIR`: the pilot report of omgekeerd
//! toewijzen. Reads the records (a file that cannot be read is reported like
//! one that does not parse) and the packages to recompute with, and writes
//! `summary.json` and `report.html`; the figures come from `rules_core::pilot`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rules_core::pilot::{pilot, PilotOptions, RecordFile};

use crate::out::errln;
use crate::{files, Failure};

#[derive(clap::Args)]
pub struct Args {
    /// The providers' records (JSON, format 1 or 2).
    #[arg(required = true)]
    records: Vec<PathBuf>,
    /// Directory for summary.json and report.html (created when missing).
    #[arg(long)]
    out: PathBuf,
    /// Package(s) the records were made with: their procedure applies and the indications are recomputed.
    #[arg(long = "package")]
    packages: Vec<PathBuf>,
    /// Include the free-text reasons for changed answers (they may hold health data; never for fewer than 5 residents).
    #[arg(long)]
    reasons: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    let packages = args.packages.iter().map(|p| files::load_package(p)).collect::<Result<Vec<_>, _>>()?;
    let mut read: Vec<(String, Vec<u8>)> = Vec::new();
    for path in &args.records {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // An unreadable file is listed with the others that cannot be read (empty bytes do not parse).
        read.push((name, std::fs::read(path).unwrap_or_default()));
    }
    let inputs: Vec<RecordFile<'_>> = read.iter().map(|(n, b)| RecordFile { name: n, bytes: b }).collect();
    let result = pilot(&inputs, &PilotOptions { packages: &packages, show_reasons: args.reasons });
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Failure::Io(format!("kan {} niet maken: {e}", args.out.display())))?;
    write(&args.out.join("summary.json"), &result.summary.to_json())?;
    write(&args.out.join("report.html"), &result.html)?;
    let s = &result.summary;
    let residents: u64 = s.groups.iter().map(|g| g.residents).sum();
    errln!(
        "{residents} van {} dossiers gelezen, {} niet; verslag in {}",
        s.files,
        s.unreadable.len(),
        args.out.join("report.html").display()
    );
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|e| Failure::Io(format!("kan {} niet schrijven: {e}", path.display())))
}
