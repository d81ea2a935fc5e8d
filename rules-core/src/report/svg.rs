//! Inline SVG charts in whole-number coordinates (no floats, so the output is
//! the same everywhere), shared by the pilot report and the caseload impact
//! report. `bar_chart` and `histogram` are a `<figure>` whose SVG is
//! `aria-hidden` and followed by a table with the same figures: the text
//! alternative that screen readers and printed copies rely on.
//! `grouped_bars` (old against new) is an `<svg role="img">` named by its own
//! `<title>` and `<desc>`; its caller puts a table with the same numbers next to it.

use std::fmt::Write;

use super::{escape, table, Cell};

/// One horizontal bar: a label and a non-negative value (negative values draw as 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: i64,
    /// The value as shown in the table and next to the bar (e.g. "12" or "minder dan 5").
    pub shown: String,
}

/// One histogram bin: its label (e.g. "−30 tot −15") and how many fall in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bin {
    pub label: String,
    pub count: u64,
}

const BAR_WIDTH: i64 = 360;
const LABEL_WIDTH: i64 = 220;
const ROW: i64 = 24;

/// A horizontal bar chart with `value_header` as the table's value column.
pub fn bar_chart(title: &str, value_header: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value.max(0)).max().unwrap_or(0).max(1);
    let height = ROW * bars.len() as i64 + 8;
    let width = LABEL_WIDTH + BAR_WIDTH + 110;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-hidden=\"true\" focusable=\"false\" font-family=\"sans-serif\" font-size=\"13\">"
    );
    for (i, b) in bars.iter().enumerate() {
        let y = ROW * i as i64 + 4;
        let w = b.value.max(0).saturating_mul(BAR_WIDTH) / max;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"#1f5f8b\"/><text x=\"{}\" y=\"{}\">{}</text>",
            LABEL_WIDTH - 6,
            y + 15,
            escape(&b.label),
            ROW - 6,
            LABEL_WIDTH + w + 6,
            y + 15,
            escape(&b.shown)
        );
    }
    svg.push_str("</svg>");
    let rows: Vec<Vec<Cell>> = bars.iter().map(|b| vec![Cell::text(&b.label), Cell::number(&b.shown)]).collect();
    figure(title, &svg, &table("", &["", value_header], &rows))
}

/// A histogram: one column per bin, left to right, with counts above.
pub fn histogram(title: &str, bin_header: &str, bins: &[Bin]) -> String {
    const PLOT: i64 = 160;
    let col = 48i64;
    let max = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1) as i64;
    let width = col * bins.len() as i64 + 20;
    let height = PLOT + 70;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-hidden=\"true\" focusable=\"false\" font-family=\"sans-serif\" font-size=\"11\">"
    );
    let base = PLOT + 20;
    let _ = write!(svg, "<line x1=\"10\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#555\"/>", width - 10);
    for (i, b) in bins.iter().enumerate() {
        let x = 10 + col * i as i64;
        let h = (b.count as i64).saturating_mul(PLOT) / max;
        let _ = write!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\" fill=\"#1f5f8b\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + 4,
            base - h,
            col - 8,
            x + col / 2,
            base - h - 4,
            b.count,
            x + col / 2,
            base + 16,
            escape(&b.label)
        );
    }
    svg.push_str("</svg>");
    let rows: Vec<Vec<Cell>> = bins.iter().map(|b| vec![Cell::text(&b.label), Cell::number(b.count)]).collect();
    figure(title, &svg, &table("", &[bin_header, "aantal"], &rows))
}

fn figure(title: &str, svg: &str, alternative: &str) -> String {
    format!("<figure><figcaption>{}</figcaption>\n{svg}\n{alternative}</figure>\n", escape(title))
}

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
pub fn grouped_bars(id: &str, title: &str, description: &str, series: &[&str], categories: &[Category]) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_have_a_table_with_the_same_figures() {
        let bars = vec![
            Bar { label: "Noord <1>".into(), value: 12, shown: "12".into() },
            Bar { label: "Zuid".into(), value: 0, shown: "minder dan 5".into() },
        ];
        let html = bar_chart("Per wijk", "bewoners", &bars);
        assert!(html.contains("aria-hidden=\"true\""));
        assert!(html.contains("<td>Noord &lt;1&gt;</td><td class=\"n\">12</td>"));
        assert!(html.contains("<td class=\"n\">minder dan 5</td>"));
        assert!(html.contains("width=\"360\"")); // the largest bar is full width
        let h = histogram(
            "Verschil",
            "minuten",
            &[Bin { label: "0".into(), count: 3 }, Bin { label: "15".into(), count: 0 }],
        );
        assert!(h.contains("<td>0</td><td class=\"n\">3</td>") && h.contains("<figcaption>Verschil</figcaption>"));
        // Empty charts do not divide by zero.
        assert!(bar_chart("x", "y", &[]).contains("<svg"));
    }
}
