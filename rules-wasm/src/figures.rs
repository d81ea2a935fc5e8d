//! Figures only (`rules_core::figures`): the numbers of an indication for
//! bulk use from JavaScript, next to the contract-exact evaluate of `answersJson`.
//! Answers come in as JSON text through the core's reader (flat answers
//! without a tree; the same checks and codes as its evaluate); the
//! figures go out as one `Float64Array` in the layout of
//! `IndicationFigures::write_flat`, which the wrapper turns into a plain
//! object. `docs/performance.md` records why
//! this boundary (against `serde-wasm-bindgen`, measured with the
//! `boundary-bench` feature below, which the shipped build leaves out).

use rules_core::Options;
use wasm_bindgen::prelude::*;

use super::{js_error, parse_date, read_answers, Engine};

#[wasm_bindgen]
impl Engine {
    /// The figures of the indication for these answers (JSON text) on
    /// `date`, flat (see `rules_core::figures::IndicationFigures::write_flat`).
    #[wasm_bindgen(js_name = figuresFlat)]
    pub fn figures_flat(&self, answers: &str, date: &str, municipality: Option<String>) -> Result<Vec<f64>, JsValue> {
        let run = || -> Result<Vec<f64>, rules_core::Error> {
            let answers = read_answers(answers)?;
            let date = parse_date(date)?;
            let f = rules_core::figures::figures_read(&self.package, &answers, &Options { date, municipality })?;
            let mut out = Vec::new();
            f.write_flat(&mut out);
            Ok(out)
        };
        run().map_err(|e| js_error(&e))
    }
}

/// Measurement only (`--features boundary-bench`, `bench/boundary.mjs`):
/// the answers as a JavaScript object through `serde-wasm-bindgen` instead
/// of `JSON.stringify` + the strict reader, and the figures as a plain
/// object made by `serde-wasm-bindgen` instead of the flat array.
#[cfg(feature = "boundary-bench")]
mod boundary {
    use rules_core::{Error, Options};
    use serde::Serialize;
    use serde_json::Value;
    use wasm_bindgen::prelude::*;

    use super::super::{js_error, parse_answers, parse_date, Engine};

    fn answers_from(answers: JsValue) -> Result<rules_core::AnswerValue, Error> {
        serde_wasm_bindgen::from_value::<Value>(answers)
            .map(rules_core::AnswerValue::from)
            .map_err(|e| Error::InvalidAnswers { message: e.to_string() })
    }

    fn object(value: &Value) -> Result<JsValue, Error> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| Error::InvalidAnswers { message: e.to_string() })
    }

    #[wasm_bindgen]
    impl Engine {
        #[wasm_bindgen(js_name = benchFiguresFlatFromObject)]
        pub fn bench_figures_flat_from_object(
            &self,
            answers: JsValue,
            date: &str,
            municipality: Option<String>,
        ) -> Result<Vec<f64>, JsValue> {
            let run = || -> Result<Vec<f64>, Error> {
                let answers = answers_from(answers)?;
                let date = parse_date(date)?;
                let f = rules_core::figures::figures(&self.package, &answers, &Options { date, municipality })?;
                let mut out = Vec::new();
                f.write_flat(&mut out);
                Ok(out)
            };
            run().map_err(|e| js_error(&e))
        }

        #[wasm_bindgen(js_name = benchFiguresObject)]
        pub fn bench_figures_object(
            &self,
            answers: &str,
            date: &str,
            municipality: Option<String>,
        ) -> Result<JsValue, JsValue> {
            let run = || -> Result<JsValue, Error> {
                let answers = parse_answers(answers)?;
                let date = parse_date(date)?;
                let f = rules_core::figures::figures(&self.package, &answers, &Options { date, municipality })?;
                let value: Value =
                    serde_json::from_str(&f.to_json()).map_err(|e| Error::InvalidAnswers { message: e.to_string() })?;
                object(&value)
            };
            run().map_err(|e| js_error(&e))
        }

        #[wasm_bindgen(js_name = benchEvaluateJsonFromObject)]
        pub fn bench_evaluate_json_from_object(
            &self,
            answers: JsValue,
            date: &str,
            municipality: Option<String>,
            trace: bool,
        ) -> Result<String, JsValue> {
            let run = || -> Result<String, Error> {
                let answers = answers_from(answers)?;
                let date = parse_date(date)?;
                rules_core::evaluate_to_json(&self.package, &answers, &Options { date, municipality }, trace)
            };
            run().map_err(|e| js_error(&e))
        }
    }
}
