//! Figures only: the numbers of an indication (minutes per area and in
//! total, displayed minutes, cost, class, warnings) without any text, for
//! bulk use from JavaScript (`engine.figures`). The path is `evaluate_with`,
//! the one every front end takes, so the checks, the checked arithmetic and
//! the coded errors are those of `evaluate`; only the rendering is left out.
//! A test holds every number equal to the full indication's JSON.

use crate::input::answer_value::AnswerValue;
use crate::input::flat::ReadAnswers;
use serde::Serialize;

use crate::error::Error;
use crate::eval::{display_minutes, evaluate_read_with, evaluate_with, figures as split, Indication, Options};
use crate::package::Package;

/// One exact yearly amount as the indication shows it (serialised with
/// the indication's key names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Minutes {
    #[serde(rename = "minutes_per_week")]
    pub per_week: i64,
    #[serde(rename = "minutes_per_period")]
    pub per_period: i64,
    #[serde(rename = "minutes_per_year")]
    pub per_year: i64,
    /// Per week rounded up to the quarter hour (what a resident is shown).
    #[serde(rename = "display_minutes_per_week")]
    pub display_per_week: i64,
}

impl Minutes {
    pub fn of(exact_per_year: i64) -> Minutes {
        let (per_week, per_period, per_year) = split(exact_per_year);
        Minutes { per_week, per_period, per_year, display_per_week: display_minutes(per_week) }
    }
}

/// The numbers of one indication (serialised in this field order, the
/// order of the wrapper's `figures` object).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndicationFigures {
    pub total: Minutes,
    /// In the order of the applied version's areas (the indication's `areas`).
    pub areas: Vec<Minutes>,
    /// `cost.cents_per_period` / `cost.cents_per_year` / `cost.contribution.cents_per_year`
    /// of the indication: `None` where the indication has null or no such member.
    pub cents_per_period: Option<i64>,
    pub cents_per_year: Option<i64>,
    pub contribution_cents_per_year: Option<i64>,
    /// Index of the Resultatenmatrix class in the applied tariff's `classes`.
    pub class: Option<usize>,
    /// Number of the indication's warnings.
    pub warnings: usize,
    /// A transition rule sent the client to an earlier package.
    pub transition: bool,
}

/// Members before the areas in the flat form ([`IndicationFigures::write_flat`]).
pub const FLAT_HEADER: usize = 10;
/// Members per area in the flat form.
pub const FLAT_PER_AREA: usize = 4;

impl IndicationFigures {
    pub fn of(ind: &Indication<'_>) -> IndicationFigures {
        let cost = crate::output::indication_cost(ind);
        let class = match (cost.tariff, cost.class) {
            (Some(t), Some(k)) => t.classes.iter().position(|c| std::ptr::eq(c, k)),
            _ => None,
        };
        IndicationFigures {
            total: Minutes::of(ind.total),
            areas: ind.areas.iter().map(|&m| Minutes::of(m)).collect(),
            cents_per_period: cost.cents_per_period,
            cents_per_year: cost.cents_per_year,
            contribution_cents_per_year: cost.contribution_cents_per_year,
            class,
            warnings: crate::explain::warnings(ind).len(),
            transition: ind.transition.is_some(),
        }
    }

    /// The flat form a `Float64Array` carries (every figure is within ±2^53,
    /// so exact as a double): total week, period, year, display week; cents
    /// per period, per year, contribution per year (NaN for none); class
    /// index (−1 for none); warnings; transition (1 or 0); then per area
    /// week, period, year, display week.
    pub fn write_flat(&self, out: &mut Vec<f64>) {
        let opt = |v: Option<i64>| v.map_or(f64::NAN, |v| v as f64);
        let t = self.total;
        out.reserve(FLAT_HEADER + FLAT_PER_AREA * self.areas.len());
        out.extend([t.per_week as f64, t.per_period as f64, t.per_year as f64, t.display_per_week as f64]);
        out.extend([opt(self.cents_per_period), opt(self.cents_per_year), opt(self.contribution_cents_per_year)]);
        out.push(self.class.map_or(-1.0, |c| c as f64));
        out.push(self.warnings as f64);
        out.push(if self.transition { 1.0 } else { 0.0 });
        for a in &self.areas {
            out.extend([a.per_week as f64, a.per_period as f64, a.per_year as f64, a.display_per_week as f64]);
        }
    }

    /// The JSON form (what `urenwijzer conformance --figures` prints and
    /// `engine.figures` returns as an object).
    pub fn to_json(&self) -> String {
        // Plain numbers, booleans and null: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Selects, checks and evaluates exactly as `evaluate_to_json` does, and
/// returns the numbers only.
pub fn figures(root: &Package, answers: &AnswerValue, options: &Options) -> Result<IndicationFigures, Error> {
    evaluate_with(root, answers, options, IndicationFigures::of)
}

/// As `figures`, from answers as read by `ReadAnswers::read` (the browser's path).
pub fn figures_read(root: &Package, answers: &ReadAnswers<'_>, options: &Options) -> Result<IndicationFigures, Error> {
    evaluate_read_with(root, answers, options, IndicationFigures::of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_form_has_the_documented_layout() {
        let f = IndicationFigures {
            total: Minutes::of(5200),
            areas: vec![Minutes::of(5200), Minutes::of(0)],
            cents_per_period: Some(12),
            cents_per_year: None,
            contribution_cents_per_year: Some(3),
            class: None,
            warnings: 2,
            transition: true,
        };
        let mut out = Vec::new();
        f.write_flat(&mut out);
        assert_eq!(out.len(), FLAT_HEADER + 2 * FLAT_PER_AREA);
        assert_eq!(&out[..4], &[100.0, 400.0, 5200.0, 105.0]);
        assert_eq!(out[4], 12.0);
        assert!(out[5].is_nan());
        assert_eq!(&out[6..10], &[3.0, -1.0, 2.0, 1.0]);
        assert_eq!(&out[10..14], &[100.0, 400.0, 5200.0, 105.0]);
        assert_eq!(&out[14..], &[0.0; 4]);
    }
}
