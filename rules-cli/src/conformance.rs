//! `urenwijzer conformance`: the canonical output of every case of the given
//! packages, one JSON line per case: `{"package", "case", "output"}`, where
//! `output` is the indication's canonical JSON text (`eval --format json`)
//! or, when the case is refused, the error object's JSON text.
//!
//! This is the native side of the browser build's conformance test
//! (`tests/node/conformance.test.mjs`, `tests/browser/conformance.mjs`): the
//! wasm build must produce the same bytes for the same case. Evaluation
//! follows the same order of checks as the browser build: the date, then
//! the core (municipality, version, transition, answers).

use std::path::PathBuf;
use std::process::ExitCode;

use rules_core::{cases::Case, Date, Error, Options, Package};
use serde_json::json;

use crate::{files, out, Failure, Format};

#[derive(clap::Args)]
pub struct Args {
    /// Package directories (with package.json and cases/).
    #[arg(required = true)]
    packages: Vec<PathBuf>,
    /// Leave out the trace and explanation (as `trace: false` in the browser build).
    #[arg(long)]
    no_trace: bool,
    /// Print each case's form state (`urenwijzer state`, as `engine.state` in the browser build) instead.
    #[arg(long)]
    state: bool,
    /// Evaluate from the compiled bundle (`.uwb`) of each package, as the browser loads it: the
    /// output must be byte-identical to the one from the document.
    #[arg(long)]
    compiled: bool,
    /// Print each case's figures only (`rules_core::figures`, as `engine.figures` in the browser
    /// build): every number must equal the indication's.
    #[arg(long)]
    figures: bool,
    /// Render the package's answer-independent JSON parts at each evaluation instead of once at
    /// load, as the self-check site's module does (rules-core without `prerender-compiled`): the
    /// output must be byte-identical.
    #[arg(long)]
    no_prerender: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    let mut out = out::stdout(Format::Json);
    for path in &args.packages {
        let mut package = files::load_package(path)?;
        if args.compiled {
            package = Package::load_compiled(&rules_core::compiled::to_bytes(&package)?)?;
        }
        if args.no_prerender {
            package.forget_prerendered();
        }
        for file in files::case_files(path)? {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let case = Case::read(&files::read_bytes(&file)?, &file.display().to_string())
                .map_err(|e| Failure::Io(format!("{}: {e}", file.display())))?;
            let output = if args.figures {
                figures_output(&package, &case)
            } else if args.state {
                state_output(&package, &case, !args.no_trace)
            } else {
                canonical_output(&package, &case, !args.no_trace)
            };
            let line = json!({ "package": package.id, "case": name, "output": output });
            writeln!(out, "{line}")?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The canonical indication JSON, or the error object JSON when refused.
pub fn canonical_output(package: &Package, case: &Case, trace: bool) -> String {
    Date::parse(&case.date)
        .ok_or_else(|| Error::InvalidDate { question: None, value: case.date.clone() })
        .and_then(|date| {
            let options = Options { date, municipality: case.municipality.clone() };
            rules_core::evaluate_to_json(package, &case.answers, &options, trace)
        })
        .unwrap_or_else(|e| e.to_object().to_json())
}

/// The figures' JSON, or the error object JSON when refused (as `canonical_output`).
pub fn figures_output(package: &Package, case: &Case) -> String {
    Date::parse(&case.date)
        .ok_or_else(|| Error::InvalidDate { question: None, value: case.date.clone() })
        .and_then(|date| {
            let options = Options { date, municipality: case.municipality.clone() };
            rules_core::figures::figures(package, &case.answers, &options)
        })
        .map_or_else(|e| e.to_object().to_json(), |f| f.to_json())
}

/// The form state's canonical JSON (prune mode), or the error object JSON
/// when the date is no date (the browser build throws then).
pub fn state_output(package: &Package, case: &Case, trace: bool) -> String {
    match Date::parse(&case.date) {
        Some(date) => {
            let options = Options { date, municipality: case.municipality.clone() };
            rules_core::form_state(package, &case.answers, &options, rules_core::Mode::Prune, trace).to_json()
        }
        None => Error::InvalidDate { question: None, value: case.date.clone() }.to_object().to_json(),
    }
}
