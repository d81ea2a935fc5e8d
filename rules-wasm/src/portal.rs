//! The provider portal's calls (feature `portal`): the steps of omgekeerd
//! toewijzen (with a package's procedure or the motion's defaults), the
//! dossier reference check and the provider's record. The widget's module
//! (`www/pkg/`) and the tools module have them; the self-check site's module
//! (`www/pkg-site/`) does not, and its wrapper throws `portal_only` instead.

use rules_core::input::json;
use rules_core::json_out::{self, JsonOut};
use rules_core::workdays;
use rules_core::{AnswerValue, Date, Error, Package};
use wasm_bindgen::prelude::*;

use super::{js_error, parse_date, Engine};

#[wasm_bindgen]
impl Engine {
    /// The omgekeerd-toewijzen steps under this package's procedure (its
    /// municipality's overlay when given), as `urenwijzer plan PKG --format json` prints them.
    #[wasm_bindgen(js_name = planJson)]
    pub fn plan_json(&self, dates: &str, municipality: Option<String>) -> Result<String, JsValue> {
        plan_steps(Some(&self.package), dates, municipality.as_deref()).map_err(|e| js_error(&e))
    }
}

/// `dates` is JSON text `{decision, conversation?, start?, evaluation?}` (YYYY-MM-DD or null).
fn plan_steps(package: Option<&Package>, dates: &str, municipality: Option<&str>) -> Result<String, Error> {
    // The strict reader, not serde_json: its deserializer would be the only one in the resident module.
    let value = json::read_exact_str(dates, "(datums)", json::Kind::Answers).map_err(|e| match e {
        Error::InvalidJson { line, column, message, .. } => Error::InvalidDate {
            question: None,
            value: format!("geen geldige JSON (regel {line}, kolom {column}): {message}"),
        },
        other => other,
    })?;
    let date = |key: &str| -> Result<Option<Date>, Error> {
        match value.get(key) {
            None | Some(AnswerValue::Null) => Ok(None),
            Some(AnswerValue::String(s)) => parse_date(s).map(Some),
            Some(other) => Err(Error::InvalidDate { question: None, value: json_out::to_string(other) }),
        }
    };
    let dates = workdays::procedure::PlanDates {
        decision: date("decision")?,
        conversation: date("conversation")?,
        start: date("start")?,
        evaluation: date("evaluation")?,
    };
    let plan = rules_core::plan::plan_for(package, municipality, &dates)?;
    Ok(json_out::to_string(&plan))
}

/// The omgekeerd-toewijzen steps with the motion's defaults (no package), as
/// `urenwijzer plan --format json` prints them.
#[wasm_bindgen(js_name = planStepsJson)]
pub fn plan_steps_json(dates: &str) -> Result<String, JsValue> {
    plan_steps(None, dates, None).map_err(|e| js_error(&e))
}

/// Refuses a dossier reference holding a BSN-like number (elfproef), with
/// code `bsn_in_reference`; the widget checks the field with it.
#[wasm_bindgen(js_name = checkDossierReference)]
pub fn check_dossier_reference(reference: &str) -> Result<(), JsValue> {
    rules_core::pilot::record::check_dossier_reference(reference).map_err(|e| js_error(&e))
}

/// Opens a provider's record (JSON text) as the widget restores it
/// (`pilot::record::migrate_record`): checked field by field (`invalid_record`
/// naming the field, `bsn_in_reference`), format 1 rewritten to format 2.
/// Returns JSON text `{"record": {…}, "migrated_from": 1 | null}`.
#[wasm_bindgen(js_name = readRecordJson)]
pub fn read_record_json(text: &str) -> Result<String, JsValue> {
    let (record, from) = rules_core::pilot::record::migrate_record(text.as_bytes()).map_err(|e| js_error(&e))?;
    // Keys sorted, as the `serde_json::json!` object this replaced wrote them.
    let mut out = JsonOut::with_capacity(1024);
    out.begin_object();
    out.field("migrated_from", &(from == 1).then_some(1i64));
    out.field("record", &record);
    out.end_object();
    Ok(out.finish())
}
