//! `urenwijzer`: check, evaluate, test and bundle norm packages.
//! All file reading happens here; the rules core does no I/O.
// Input paths never unwrap: bad input gets a coded error, not a panic (tests may unwrap).
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
// `Failure` carries a core error object (with line, column, detail): one per failed command, never
// on a hot path, so its size does not matter.
#![allow(clippy::result_large_err)]

mod archive;
mod batch;
mod bundle;
mod conformance;
mod files;
mod impact;
mod lines;
mod out;
mod pilot;
mod procedure;
mod progress;
mod safe_text;

/// mimalloc: `impact` allocates per household (rows, figures, steps) on two
/// threads; see docs/performance.md for what it saved.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use out::errln;
use rules_core::{cases::Case, describe, lint, output, Date, Error, ErrorObject, Options};

#[derive(Parser)]
#[command(name = "urenwijzer", version, about = "Rekent huishoudelijke hulp (Wmo) uit volgens een normpakket")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Which norm applies: the date and the municipality (for its overlay).
#[derive(clap::Args)]
struct NormChoice {
    /// Date whose norm applies (YYYY-MM-DD); default today.
    #[arg(long)]
    date: Option<String>,
    /// Municipality id (one of the package's municipalities).
    #[arg(long)]
    municipality: Option<String>,
}

impl NormChoice {
    fn options(self) -> Result<Options, Error> {
        Ok(Options { date: parse_date(self.date.as_deref())?, municipality: self.municipality })
    }
}

#[derive(Subcommand)]
enum Command {
    /// Validate a package and list lints (unused questions, rules that never apply, provisional numbers, municipalities without contact details).
    Check {
        /// Package directory (with package.json) or package file.
        package: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Compute the indication for one household.
    Eval {
        /// Package directory or file; with --fingerprint leave it out (then the one path is the answers).
        package: PathBuf,
        /// Answers as a JSON object keyed by question id.
        answers: Option<PathBuf>,
        #[command(flatten)]
        norm: NormChoice,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Evaluate with the archived bundle of this fingerprint (sha256:…), from --archive.
        #[arg(long)]
        fingerprint: Option<String>,
        /// The bundle archive (`urenwijzer bundle --archive`).
        #[arg(long, default_value = "archive")]
        archive: PathBuf,
    },
    /// Run the package's conformance cases (cases/*.json).
    Test { package: PathBuf },
    /// Print the bundled document, or write it, its compiled bundle (.uwb) and index.json into --out.
    Bundle {
        /// One or more packages.
        #[arg(required = true)]
        packages: Vec<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Also keep both bundles in DIR/sha256-<hex>/ (the repository's archive is archive).
        #[arg(long)]
        archive: Option<PathBuf>,
    },
    /// Compute many households (JSON Lines in, JSON Lines out; progress on stderr).
    Batch {
        package: PathBuf,
        /// One household per line: the answers object, or {"id", "answers", "date"?, "municipality"?}.
        households: PathBuf,
        #[command(flatten)]
        norm: NormChoice,
    },
    /// Compare two packages (old and new norm) over many households: who gets more, who less.
    Compare {
        old: PathBuf,
        new: PathBuf,
        households: PathBuf,
        #[command(flatten)]
        norm: NormChoice,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Old norm against new norm over a caseload: report.html, households.csv and summary.json in --out.
    Impact {
        old: PathBuf,
        new: PathBuf,
        /// Households: CSV (header = question ids plus id, date, municipality, provider, wijk) or JSON Lines.
        caseload: Option<PathBuf>,
        /// Directory for the three files.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print an empty CSV with the right header instead.
        #[arg(long)]
        template: bool,
        #[command(flatten)]
        norm: NormChoice,
        /// Date for the old norm for every household (one package on two dates).
        #[arg(long)]
        old_date: Option<String>,
        /// Date for the new norm for every household.
        #[arg(long)]
        new_date: Option<String>,
        /// Evaluate the new norm for everyone, ignoring its transition rule.
        #[arg(long)]
        reassess_all: bool,
        /// Extrapolate the compared households to this many (a sample).
        #[arg(long)]
        scale_to: Option<u64>,
    },
    /// Dates of omgekeerd toewijzen: decision, conversation (within N working days), start (within M), evaluation window.
    Plan {
        /// Date of the municipality's decision that household help is needed.
        #[arg(long)]
        decision: Option<String>,
        /// Date of the conversation about how much help (provider and resident).
        #[arg(long)]
        conversation: Option<String>,
        #[arg(long)]
        start: Option<String>,
        #[arg(long)]
        evaluation: Option<String>,
        /// Package (and --municipality) whose procedure applies; without one the motion's defaults.
        package: Option<PathBuf>,
        #[arg(long)]
        municipality: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// The pilot report: records in, summary.json and report.html out.
    Pilot(pilot::Args),
    /// Print the JSON Schema of package documents (or of overlays).
    Schema {
        #[arg(long)]
        overlay: bool,
    },
    /// Print the package's questions as JSON (for forms).
    Questions { package: PathBuf },
    /// Print the form state of (partial) answers as JSON: asked questions, kept answers (answers to
    /// questions that are not asked are dropped), missing ones, problems and the indication when complete.
    State {
        package: PathBuf,
        /// Answers as a JSON object keyed by question id.
        answers: PathBuf,
        #[command(flatten)]
        norm: NormChoice,
    },
    /// Print every case's canonical output as JSON lines (compared with the browser build).
    Conformance(conformance::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    let result = match cli.command {
        Command::Check { package, format } => check(&package, format),
        Command::Eval { package, answers, norm, format, fingerprint, archive } => {
            eval(&package, answers.as_deref(), norm, format, fingerprint.as_deref(), &archive)
        }
        Command::Test { package } => test(&package),
        Command::Bundle { packages, out, archive } => bundle::run(&packages, out.as_deref(), archive.as_deref()),
        Command::Conformance(args) => conformance::run(&args),
        Command::Batch { package, households, norm } => {
            norm.options().map_err(Failure::from).and_then(|o| batch::batch(&package, &households, o))
        }
        Command::Compare { old, new, households, norm, format } => norm
            .options()
            .map_err(|e| Failure::Core(e, format))
            .and_then(|o| batch::compare(&old, &new, &households, o, format))
            .map_err(|f| f.in_format(format)),
        Command::Impact { old, new, caseload, out, template, norm, old_date, new_date, reassess_all, scale_to } => {
            impact_options(norm, old_date, new_date, reassess_all, scale_to)
                .and_then(|options| impact::run(impact::Args { old, new, caseload, out, template, options }))
        }
        Command::Plan { decision, conversation, start, evaluation, package, municipality, format } => {
            procedure::run(procedure::Input {
                decision,
                conversation,
                start,
                evaluation,
                package,
                municipality,
                format,
            })
        }
        Command::Pilot(args) => pilot::run(&args),
        Command::Schema { overlay } => {
            let schema =
                if overlay { rules_core::document::schema::overlay() } else { rules_core::document::schema::package() };
            print_json(&serde_json::to_string_pretty(&schema).unwrap_or_default())
        }
        Command::State { package, answers, norm } => state(&package, &answers, norm),
        Command::Questions { package } => files::load_package(&package)
            .and_then(|p| print_json(&serde_json::to_string_pretty(&describe::questions(&p)).unwrap_or_default())),
    };
    result.unwrap_or_else(|e| e.report())
}

/// Help, version and usage errors from clap, through the escaping boundary
/// (a bad `--format` value is quoted back).
fn usage(e: &clap::Error) -> ExitCode {
    let text = e.render().to_string();
    let status = u8::try_from(e.exit_code()).unwrap_or(2);
    if e.use_stderr() {
        errln!("{}", text.trim_end());
        return ExitCode::from(status);
    }
    let mut out = out::stdout(Format::Text);
    match writeln!(out, "{}", text.trim_end()).and_then(|()| out.finish()) {
        Ok(()) => ExitCode::from(status),
        Err(f) => f.report(),
    }
}

fn print_json(text: &str) -> Result<ExitCode, Failure> {
    let mut out = out::stdout(Format::Json);
    writeln!(out, "{text}")?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// A failure: a core error (with a stable code), another coded error, a
/// file problem, or a closed output pipe.
pub enum Failure {
    Core(Error, Format),
    Coded(ErrorObject, Format),
    Io(String),
    /// Stdout was closed by the reader (`| head`): end quietly.
    BrokenPipe,
}

impl Failure {
    /// The same failure, reported in `format` (JSON on stdout or text on stderr).
    pub fn in_format(self, format: Format) -> Failure {
        match self {
            Failure::Core(e, _) => Failure::Core(e, format),
            Failure::Coded(e, _) => Failure::Coded(e, format),
            other => other,
        }
    }

    fn report(self) -> ExitCode {
        let object = match self {
            Failure::BrokenPipe => return ExitCode::from(out::BROKEN_PIPE_STATUS),
            Failure::Io(m) => {
                errln!("fout: {m}");
                return ExitCode::from(2);
            }
            Failure::Core(e, format) => (e.to_object(), format),
            Failure::Coded(e, format) => (e, format),
        };
        match object {
            (e, Format::Json) => {
                let mut out = out::stdout(Format::Json);
                if let Err(Failure::BrokenPipe) = writeln!(out, "{}", e.to_json()).and_then(|()| out.finish()) {
                    return ExitCode::from(out::BROKEN_PIPE_STATUS);
                }
            }
            (e, Format::Text) => errln!("fout [{}]: {}", e.code, e.message),
        }
        ExitCode::from(2)
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e, Format::Text)
    }
}

fn today() -> Date {
    use std::time::{SystemTime, UNIX_EPOCH};
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    Date::from_days((secs / 86_400) as i32)
}

fn parse_date(text: Option<&str>) -> Result<Date, Error> {
    match text {
        None => Ok(today()),
        Some(t) => Date::parse(t).ok_or_else(|| Error::InvalidDate { question: None, value: t.to_string() }),
    }
}

fn impact_options(
    norm: NormChoice,
    old_date: Option<String>,
    new_date: Option<String>,
    reassess_all: bool,
    scale_to: Option<u64>,
) -> Result<rules_core::impact::ImpactOptions, Failure> {
    let fixed = |d: Option<String>| d.map(|d| parse_date(Some(&d))).transpose();
    let Options { date, municipality } = norm.options()?;
    Ok(rules_core::impact::ImpactOptions {
        date,
        old_date: fixed(old_date)?,
        new_date: fixed(new_date)?,
        municipality,
        reassess_all,
        scale_to,
    })
}

fn check(path: &Path, format: Format) -> Result<ExitCode, Failure> {
    let package = files::load_package(path).map_err(|f| f.in_format(format))?;
    let lints = lint::lint(&package);
    let mut out = out::stdout(format);
    if format == Format::Json {
        let report = serde_json::json!({
            "package": package.id,
            "fingerprint": package.fingerprint,
            "lints": lints,
        });
        writeln!(out, "{report}")?;
    } else {
        writeln!(out, "{} ({}): geldig normpakket", package.title, package.id)?;
        writeln!(out, "vingerafdruk: {}", package.fingerprint)?;
        for v in &package.versions {
            let until = v.valid_until.map(|d| d.to_string()).unwrap_or_else(|| "onbepaald".into());
            writeln!(out, "versie {} ({}), geldig {} t/m {until}", v.version, v.status.as_str(), v.valid_from)?;
        }
        if lints.is_empty() {
            writeln!(out, "geen opmerkingen")?;
        }
        for l in &lints {
            writeln!(out, "opmerking [{}] {}: {}", l.code, l.path, l.message)?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn eval(
    package: &Path,
    answers: Option<&Path>,
    norm: NormChoice,
    format: Format,
    fingerprint: Option<&str>,
    archive: &Path,
) -> Result<ExitCode, Failure> {
    let with_format = |e: Error| Failure::Core(e, format);
    let (package, answers) = match (fingerprint, answers) {
        (Some(f), None) => (archive::find(archive, f), package),
        (None, Some(answers)) => (files::load_package(package), answers),
        (Some(_), Some(_)) => return Err(Failure::Io("met --fingerprint alleen het antwoordenbestand opgeven".into())),
        (None, None) => return Err(Failure::Io("geef het normpakket en het antwoordenbestand op".into())),
    };
    let package = package.map_err(|f| f.in_format(format))?;
    let value = files::read_answers(answers).map_err(|f| f.in_format(format))?;
    let options = norm.options().map_err(with_format)?;
    let printed = rules_core::evaluate_with(&package, &value, &options, |ind| match format {
        Format::Json => format!("{}\n", output::to_json(ind, true)),
        Format::Text => output::to_text(ind),
    })
    .map_err(with_format)?;
    let mut out = out::stdout(format);
    write!(out, "{printed}")?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// `urenwijzer state`: the core's form state in prune mode, what the site and the widget show.
fn state(package: &Path, answers: &Path, norm: NormChoice) -> Result<ExitCode, Failure> {
    let format = Format::Json;
    let package = files::load_package(package).map_err(|f| f.in_format(format))?;
    let value = files::read_answers(answers).map_err(|f| f.in_format(format))?;
    let options = norm.options().map_err(|e| Failure::Core(e, format))?;
    let state = rules_core::form_state(&package, &value, &options, rules_core::Mode::Prune, true);
    let mut out = out::stdout(format);
    writeln!(out, "{}", state.to_json())?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn test(path: &Path) -> Result<ExitCode, Failure> {
    let package = files::load_package(path)?;
    let cases = files::case_files(path)?;
    if cases.is_empty() {
        return Err(Failure::Io(format!("geen testgevallen gevonden in {}", path.join("cases").display())));
    }
    let mut out = out::stdout(Format::Text);
    let (mut passed, mut failed) = (0, 0);
    for file in &cases {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let name = safe_text::one_line(&name);
        let outcome = files::read_bytes(file)
            .map_err(|_| vec!["kan het bestand niet lezen".to_string()])
            .and_then(|b| Case::read(&b, &name).map_err(|e| vec![e]))
            .and_then(|c| c.run(&package));
        match outcome {
            Ok(()) => {
                passed += 1;
                writeln!(out, "ok    {name}")?;
            }
            Err(problems) => {
                failed += 1;
                writeln!(out, "FOUT  {name}")?;
                for p in problems {
                    writeln!(out, "      {}", safe_text::one_line(&p))?;
                }
            }
        }
    }
    writeln!(out, "{}: {passed} passed, {failed} failed", package.id)?;
    out.finish()?;
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
