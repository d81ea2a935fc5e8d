//! `urenwijzer plan --decision D [--conversation D] [--start D] [--evaluation D] [PKG --municipality M]`:
//! the steps of omgekeerd toewijzen with the deadlines of the procedure that
//! applies (the package's, or the motion's defaults without one).

use std::path::PathBuf;
use std::process::ExitCode;

use rules_core::workdays::procedure::{Citation, PlanDates};
use rules_core::{Date, Error};

use crate::{files, Failure, Format};

pub struct Input {
    pub decision: Option<String>,
    pub conversation: Option<String>,
    pub start: Option<String>,
    pub evaluation: Option<String>,
    pub package: Option<PathBuf>,
    pub municipality: Option<String>,
    pub format: Format,
}

fn date(text: Option<&str>) -> Result<Option<Date>, Error> {
    text.map(|t| Date::parse(t).ok_or_else(|| Error::InvalidDate { question: None, value: t.to_string() })).transpose()
}

pub fn run(input: Input) -> Result<ExitCode, Failure> {
    let format = input.format;
    let coded = |e: Error| Failure::Core(e, format);
    let dates = PlanDates {
        decision: date(input.decision.as_deref()).map_err(coded)?,
        conversation: date(input.conversation.as_deref()).map_err(coded)?,
        start: date(input.start.as_deref()).map_err(coded)?,
        evaluation: date(input.evaluation.as_deref()).map_err(coded)?,
    };
    let package = match &input.package {
        Some(p) => Some(files::load_package(p).map_err(|f| match f {
            Failure::Core(e, _) => coded(e),
            other => other,
        })?),
        None => None,
    };
    let plan = rules_core::plan::plan_for(package.as_ref(), input.municipality.as_deref(), &dates).map_err(coded)?;
    // Through the CLI's escaping output boundary (terminal escapes, closed pipe).
    let mut out = crate::out::stdout(format);
    if format == Format::Json {
        writeln!(out, "{}", serde_json::to_string(&plan).unwrap_or_default())?;
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let source = match &plan.procedure.citation {
        Citation::Source { document, locator } => format!("bron: {document}, {locator}"),
        Citation::Provisional { provisional } => format!("VOORLOPIG: {provisional}"),
    };
    if plan.procedure.is_motion_default() {
        writeln!(out, "Werkwijze: de termijnen uit de motie ({source})")?;
    } else {
        writeln!(out, "Werkwijze geldig vanaf {} ({source})", plan.procedure.valid_from)?;
    }
    for (i, step) in plan.steps.iter().enumerate() {
        let date = step.date.as_deref().map(|d| format!(" [{d}]")).unwrap_or_default();
        writeln!(out, "{}. {} ({}){date}", i + 1, step.text, step.who)?;
    }
    if let (Some(e), Some(ok)) = (&plan.evaluation, plan.evaluation_in_window) {
        writeln!(out, "Evaluatie {e}: {}", if ok { "binnen de periode" } else { "buiten de periode" })?;
    }
    for w in &plan.warnings {
        writeln!(out, "Let op: {}", w.message)?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
