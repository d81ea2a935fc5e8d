//! Inline SVG bar charts made in Rust: no script, no fonts, no images.
//! Generic on purpose (labels, series, values), so a later shared report
//! toolkit can take it over. Every text is escaped; every chart has a
//! `<title>` and `<desc>` and is followed by a table with the same numbers.

use std::fmt::Write;

use super::html::escape;

/// One category (a row of bars): its label and one value per series.
pub struct Category {
    pub label: String,
    pub values: Vec<i64>,
    /// Text shown after each bar (the value in words or "minder dan 5").
    pub shown: Vec<String>,
}

/// Fill colours per series: dark grey (old) and dark blue (new), both with
/// enough contrast on white for the labels next to them.
const FILLS: [&str; 2] = ["#5a5a5a", "#1d4e89"];

/// Horizontal grouped bars, one group per category, values ≥ 0.
pub fn bars(id: &str, title: &str, description: &str, series: &[&str], categories: &[Category]) -> String {
    const WIDTH: i64 = 640;
    const LABEL: i64 = 220;
    const BAR: i64 = 16;
    const GAP: i64 = 10;
    let plot = WIDTH - LABEL - 130;
    let max = categories.iter().flat_map(|c| c.values.iter().copied()).max().unwrap_or(0).max(1);
    let per_cat = BAR * series.len() as i64 + GAP;
    let legend = if series.len() > 1 { 24 } else { 0 };
    let height = legend + per_cat * categories.len() as i64 + GAP;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(title),
        escape(description)
    );
    if series.len() > 1 {
        for (i, name) in series.iter().enumerate() {
            let x = LABEL + i as i64 * 160;
            let _ = write!(
                s,
                "<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"16\" \
                 font-size=\"13\">{}</text>",
                FILLS[i % FILLS.len()],
                x + 20,
                escape(name)
            );
        }
    }
    for (ci, c) in categories.iter().enumerate() {
        let y0 = legend + GAP + ci as i64 * per_cat;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            y0 + BAR * series.len() as i64 / 2 + 4,
            escape(&c.label)
        );
        for (si, v) in c.values.iter().enumerate() {
            let w = (v.max(&0) * plot / max).max(i64::from(*v > 0));
            let y = y0 + si as i64 * BAR;
            let _ = write!(
                s,
                "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" \
                 font-size=\"12\">{}</text>",
                BAR - 2,
                FILLS[si % FILLS.len()],
                LABEL + w + 6,
                y + BAR - 4,
                escape(c.shown.get(si).map_or("", String::as_str))
            );
        }
    }
    s.push_str("</svg>");
    s
}
