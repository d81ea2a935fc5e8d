//! Form state: everything a form needs after each answer, in one call, so the
//! site, the widget and the CLI do not each decide what is asked, which
//! answers to drop and which problem belongs to which question.
//!
//! Pruning is one pass in question order: an `ask_if` only uses earlier
//! questions, so whether a question is asked is known when it is reached,
//! and an answer to a question that is not asked is dropped (`Prune`, forms)
//! or refused with `not_asked` (`Strict`, the CLI and bulk paths).

use serde::Serialize;

use crate::describe;
use crate::error::Error;
use crate::eval::{self, Options};
use crate::input::answer_value::{AnswerMap, AnswerValue};
use crate::output;
use crate::package::{Package, START_DATE_KEY};

/// What happens to an answer to a question that is not asked (or to a key
/// that is no question of the package).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Forms: such answers are dropped.
    Prune,
    /// CLI and bulk: such answers are problems (`not_asked`, `unknown_question`).
    Strict,
}

/// One asked question: its id and the topic (step) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AskedQuestion {
    pub id: String,
    pub topic: String,
    /// Set (true) for a question the resident may skip (a contribution
    /// exemption's); absent otherwise. Never in `missing`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

/// The state of a form for some (partial) answers. See `docs/json-contract.md`
/// ("Form state").
#[derive(Debug, Clone)]
pub struct FormState {
    /// The questions asked now, in the order a form shows them.
    pub asked: Vec<AskedQuestion>,
    /// The answers kept: those to asked questions (valid or not), and the
    /// reserved start date; keys sorted (as all JSON objects of the core),
    /// numbers as written.
    pub answers: AnswerMap,
    /// Asked questions without an answer, in asked order.
    pub missing: Vec<String>,
    /// Every problem, in the core's stable order; a problem about one
    /// question names it (`question`), missing answers included.
    pub problems: Vec<Error>,
    /// The canonical indication JSON (`output::to_json`; in the browser the
    /// packed form's address, `form_state_with` in rules-wasm) when the answers are
    /// complete and valid, else `None`.
    pub indication: Option<String>,
}

impl FormState {
    /// Complete: no problems and an indication.
    pub fn complete(&self) -> bool {
        self.problems.is_empty() && self.indication.is_some()
    }

    /// The canonical JSON rendering: keys `asked`, `answers`, `missing`,
    /// `problems`, `complete`, `indication`, in that order, compact.
    pub fn to_json(&self) -> String {
        use crate::json_out::JsonOut;
        let mut out = JsonOut::with_capacity(self.indication.as_ref().map_or(0, String::len) + 1024);
        out.begin_object();
        out.key("asked");
        out.array(&self.asked, |out, q| {
            out.begin_object();
            out.field("id", &q.id);
            out.field("topic", &q.topic);
            if q.optional {
                out.field("optional", &true);
            }
            out.end_object();
        });
        out.key("answers");
        out.begin_object();
        for (k, v) in &self.answers {
            out.field(k, v);
        }
        out.end_object();
        out.field("missing", &self.missing);
        out.key("problems");
        out.array(&self.problems, |out, e| out.value(&e.to_object()));
        out.field("complete", &self.complete());
        // The indication is the core's own canonical JSON: spliced in as is.
        match &self.indication {
            Some(json) => {
                out.key("indication");
                out.raw(json);
            }
            None => out.field("indication", &None::<bool>),
        }
        out.end_object();
        out.finish()
    }
}

/// The form state of `answers` for `root` (with its overlays and linked
/// packages) under `options`. `trace` as for `output::to_json`.
pub fn form_state(root: &Package, answers: &AnswerValue, options: &Options, mode: Mode, trace: bool) -> FormState {
    form_state_with(root, answers, options, mode, trace, output::to_json)
}

/// As `form_state`, with the indication written by `render`: `output::to_json`
/// (the canonical state) or the browser's, which writes the indication in
/// packed form (`output::to_packed`) and puts its address here, for the
/// wrapper to assemble from the template.
pub fn form_state_with(
    root: &Package,
    answers: &AnswerValue,
    options: &Options,
    mode: Mode,
    trace: bool,
    render: fn(&crate::eval::Indication, bool) -> String,
) -> FormState {
    let Some(map) = answers.as_object() else {
        // Not an object: nothing is answered, and that is the one problem.
        let asked = describe::asked_questions_on(root, &AnswerValue::Null, options);
        let problems = eval::problems_on(root, answers, options);
        return FormState {
            missing: asked.iter().filter(|q| !q.optional).map(|q| q.id.clone()).collect(),
            asked: asked
                .iter()
                .map(|q| AskedQuestion { id: q.id.clone(), topic: q.topic.clone(), optional: q.optional })
                .collect(),
            answers: AnswerMap::new(),
            problems,
            indication: None,
        };
    };
    let asked = describe::asked_questions_on(root, answers, options);
    let mut kept = AnswerMap::new();
    for q in &asked {
        if let Some(v) = map.get(&q.id) {
            kept.insert(q.id.clone(), v.clone());
        }
    }
    // The reserved start date is no question of a package that only links to
    // an earlier one; it decides the transition, so it stays.
    let start_date_is_question = describe::questions(root).iter().any(|q| q.id == START_DATE_KEY);
    if let Some(v) = map.get(START_DATE_KEY).filter(|_| !start_date_is_question) {
        kept.insert(START_DATE_KEY.to_string(), v.clone());
    }
    let missing = asked.iter().filter(|q| !q.optional && !kept.contains_key(&q.id)).map(|q| q.id.clone()).collect();
    let asked: Vec<AskedQuestion> = asked
        .iter()
        .map(|q| AskedQuestion { id: q.id.clone(), topic: q.topic.clone(), optional: q.optional })
        .collect();
    let checked = match mode {
        Mode::Prune => AnswerValue::Object(kept.clone()),
        Mode::Strict => answers.clone(),
    };
    let mut problems = eval::problems_on(root, &checked, options);
    let mut indication = None;
    if problems.is_empty() {
        match eval::evaluate_with(root, &checked, options, |ind| render(ind, trace)) {
            Ok(text) => indication = Some(text),
            Err(e) => problems.push(e),
        }
    }
    FormState { asked, answers: kept, missing, problems, indication }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;
    use serde_json::{json, Value};

    fn h4() -> Package {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../norms/h4/package.json")).unwrap();
        Package::load(&text).unwrap()
    }

    /// h4 case 13: no children, yet an answer about help with children.
    fn answers() -> AnswerValue {
        AnswerValue::from(json!({
            "huishouden_grootte": 1, "aantal_kinderen": 0, "hulp_bij_kinderen": true,
            "eigen_mogelijkheden": false, "beperkingen": "geen", "extra_kamers_in_gebruik": 0,
            "extra_was": "normaal", "wasservice": false, "boodschappen_maaltijden": "geen", "regie": "geen"
        }))
    }

    fn options() -> Options {
        Options { date: Date::parse("2024-01-01").unwrap(), municipality: None }
    }

    #[test]
    fn prune_drops_what_is_not_asked_and_evaluates() {
        let p = h4();
        let state = form_state(&p, &answers(), &options(), Mode::Prune, false);
        assert!(state.problems.is_empty(), "{:?}", state.problems);
        assert!(!state.answers.contains_key("hulp_bij_kinderen"));
        assert!(!state.asked.iter().any(|q| q.id == "hulp_bij_kinderen"));
        assert!(state.complete());
        let json: Value = serde_json::from_str(&state.to_json()).unwrap();
        assert_eq!(json["complete"], json!(true));
        assert!(json["indication"]["total"]["minutes_per_week"].is_i64());
    }

    /// The serde rendering this module used before `json_out`: the bytes must not change.
    fn serde_json_of(state: &FormState) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            asked: &'a [AskedQuestion],
            answers: &'a serde_json::value::RawValue,
            missing: &'a [String],
            problems: Vec<crate::error::ErrorObject>,
            complete: bool,
            indication: Option<&'a serde_json::value::RawValue>,
        }
        let raw = state.indication.as_deref().map(|t| serde_json::from_str::<&serde_json::value::RawValue>(t).unwrap());
        // The kept answers are written as read (numbers as written), which serde cannot do.
        let answers = crate::json_out::to_string(&state.answers);
        serde_json::to_string(&Out {
            asked: &state.asked,
            answers: serde_json::from_str(&answers).unwrap(),
            missing: &state.missing,
            problems: state.problems.iter().map(Error::to_object).collect(),
            complete: state.complete(),
            indication: raw,
        })
        .unwrap()
    }

    #[test]
    fn written_without_serde_as_serde_wrote_it() {
        let p = h4();
        let odd = crate::input::json::read_answers(
            r#"{"aantal_kinderen": 1.5, "extra_was": "veel\n\"\u0001é", "huishouden_grootte": -0.0,
            "beperkingen": [1, {"b": null}], "indicatie_startdatum": "2024-01-01", "regie": 1e300}"#
                .as_bytes(),
            "a",
        )
        .unwrap();
        for (answers, mode, trace) in [
            (answers(), Mode::Prune, true),
            (answers(), Mode::Prune, false),
            (answers(), Mode::Strict, false),
            (odd.clone(), Mode::Prune, true),
            (AnswerValue::Array(Vec::new()), Mode::Prune, false),
        ] {
            let state = form_state(&p, &answers, &options(), mode, trace);
            assert_eq!(state.to_json(), serde_json_of(&state));
        }
        // Kept answers echo numbers as written.
        let state = form_state(&p, &odd, &options(), Mode::Prune, false);
        assert!(state.to_json().contains(r#""huishouden_grootte":-0.0"#), "{}", state.to_json());
    }

    #[test]
    fn strict_refuses_what_is_not_asked() {
        let p = h4();
        let state = form_state(&p, &answers(), &options(), Mode::Strict, false);
        assert_eq!(state.problems[0].code(), "not_asked");
        assert!(state.indication.is_none());
        let json: Value = serde_json::from_str(&state.to_json()).unwrap();
        assert_eq!(json["indication"], Value::Null);
        assert_eq!(json["problems"][0]["question"], json!("hulp_bij_kinderen"));
    }

    #[test]
    fn missing_and_invalid_answers_are_problems_per_question() {
        let p = h4();
        let state =
            form_state(&p, &json!({"aantal_kinderen": 2, "extra_was": "veel"}).into(), &options(), Mode::Prune, false);
        assert!(state.asked.iter().any(|q| q.id == "hulp_bij_kinderen"));
        assert!(state.missing.contains(&"hulp_bij_kinderen".to_string()));
        assert!(!state.missing.contains(&"extra_was".to_string()));
        assert!(state.problems.iter().any(|e| e.code() == "not_an_option" && e.question() == Some("extra_was")));
        assert!(state.problems.iter().all(|e| e.question().is_some()));
        let not_object = form_state(&p, &json!([]).into(), &options(), Mode::Prune, false);
        assert_eq!(not_object.problems.iter().map(Error::code).collect::<Vec<_>>(), ["invalid_answers"]);
        // Every asked question is missing, except the optional ones (the exemptions').
        assert_eq!(not_object.missing.len() + 2, not_object.asked.len());
        assert!(not_object.asked.iter().any(|q| q.id == "minimaregeling" && q.optional));
        assert!(!not_object.missing.contains(&"minimaregeling".to_string()));
    }

    #[test]
    fn an_optional_question_may_be_skipped_and_is_marked_in_json() {
        let p = h4();
        let answers = json!({"huishouden_grootte": 1, "aantal_kinderen": 0, "eigen_mogelijkheden": true,
            "beperkingen": "geen", "extra_kamers_in_gebruik": 0, "extra_was": "normaal", "wasservice": false,
            "boodschappen_maaltijden": "geen", "regie": "geen"})
        .into();
        let state = form_state(&p, &answers, &options(), Mode::Strict, false);
        assert!(state.problems.is_empty() && state.missing.is_empty(), "{:?}", state.problems);
        assert!(state.indication.as_deref().is_some_and(|t| t.contains("standard_contribution")));
        assert!(state.to_json().contains(r#"{"id":"minimaregeling","topic":"bijdrage","optional":true}"#));
    }
}
