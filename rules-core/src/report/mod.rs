//! The one toolkit for self-contained HTML reports (the pilot report and the
//! caseload impact report): escaping, a page shell whose `<meta>` CSP allows
//! no script, no fetches and only inline styles, one stylesheet with A4 print
//! CSS, tables (plain, or in a named region that scrolls sideways on a phone),
//! and inline-SVG charts that each come with a text alternative.
//! Pure string building: no I/O, no clock, deterministic output.

mod svg;

pub use svg::{bar_chart, grouped_bars, histogram, Bar, Bin, Category};

use std::fmt::Write;

/// The Content-Security-Policy of every report page.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

// One stylesheet for every report: screen (phone to desktop) and A4 print.
const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;margin:0 auto;max-width:52rem;padding:1rem}\
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #1d4e89;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.25rem 0 .25rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}\
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}table.fp td{overflow-wrap:anywhere}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:.3rem 0}\
.wrap{overflow-x:auto}.wrap:focus{outline:3px solid #1d4e89}code{font-size:.85em;word-break:break-all}\
.note{background:#fff6d6;border-left:4px solid #8a6d00;padding:.5rem .8rem}.warning{border-left:4px solid #b35c00;padding:.5rem .8rem;background:#fff4e5}\
figure{margin:1rem 0}figcaption{font-weight:600}svg{max-width:100%;height:auto}svg text{fill:#1a1a1a;font-family:inherit}\
@page{size:A4;margin:15mm}\
@media print{body{max-width:none;padding:0;font-size:10.5pt}h2{break-after:avoid}table,figure,svg{break-inside:avoid}.wrap{overflow:visible}a{color:inherit;text-decoration:none}}";

/// A whole HTML document: Dutch, the CSP meta, the one style, `title` as
/// `<title>` and `<h1>`, then `body` (already HTML).
pub fn page(title: &str, body: &str) -> String {
    page_with(title, title, body)
}

/// [`page`] with an `<h1>` that differs from the `<title>`.
pub fn page_with(title: &str, h1: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n{body}</main>\n</body>\n</html>\n",
        escape(title),
        escape(h1)
    )
}

/// A table cell: text (escaped) or a number (right-aligned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn number(n: impl ToString) -> Cell {
        Cell::Number(n.to_string())
    }
}

/// A table with a caption, a header row and body rows; every text escaped.
pub fn table(caption: &str, headers: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut out = String::from("<table>");
    if !caption.is_empty() {
        let _ = write!(out, "<caption>{}</caption>", escape(caption));
    }
    out.push_str("<thead><tr>");
    for h in headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            match cell {
                Cell::Text(t) => {
                    let _ = write!(out, "<td>{}</td>", escape(t));
                }
                Cell::Number(n) => {
                    let _ = write!(out, "<td class=\"n\">{}</td>", escape(n));
                }
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
    out
}

/// Opens a table in a focusable region named by `caption` (a wide table
/// scrolls sideways on a phone); `class` goes on the `<table>`. Each header is
/// `(text, numeric)`. Fill with [`row`], close with [`table_end`].
pub fn table_start(out: &mut String, class: &str, caption: &str, heads: &[(&str, bool)]) {
    let _ = write!(
        out,
        "<div class=\"wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table class=\"{1}\"><caption>{0}</caption><thead><tr>",
        escape(caption),
        escape(class)
    );
    for (h, num) in heads {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", if *num { " class=\"n\"" } else { "" }, escape(h));
    }
    out.push_str("</tr></thead><tbody>");
}

/// One body row of a [`table_start`] table: the first cell is the row header.
pub fn row(out: &mut String, cells: &[(String, bool)]) {
    out.push_str("<tr>");
    for (i, (c, num)) in cells.iter().enumerate() {
        let (open, close) = if i == 0 { ("th scope=\"row\"", "th") } else { ("td", "td") };
        let _ = write!(out, "<{open}{}>{}</{close}>", if *num { " class=\"n\"" } else { "" }, escape(c));
    }
    out.push_str("</tr>");
}

/// Closes a [`table_start`] table and its region.
pub fn table_end(out: &mut String) {
    out.push_str("</tbody></table></div>");
}

/// `<p>` with escaped text, optionally with a class.
pub fn paragraph(text: &str, class: Option<&str>) -> String {
    match class {
        Some(c) => format!("<p class=\"{}\">{}</p>\n", escape(c), escape(text)),
        None => format!("<p>{}</p>\n", escape(text)),
    }
}

/// A `<ul>` of escaped items.
pub fn list(items: &[String]) -> String {
    let mut out = String::from("<ul>");
    for i in items {
        let _ = write!(out, "<li>{}</li>", escape(i));
    }
    out.push_str("</ul>\n");
    out
}

/// A heading (`level` 2 or 3) with escaped text.
pub fn heading(level: u8, text: &str) -> String {
    let l = level.clamp(2, 6);
    format!("<h{l}>{}</h{l}>\n", escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_open_markup() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        let t = table("<x>", &["a&b"], &[vec![Cell::text("<i>"), Cell::number(3)]]);
        assert!(t.contains("<caption>&lt;x&gt;</caption>") && t.contains("<td>&lt;i&gt;</td>"));
        assert!(t.contains("<td class=\"n\">3</td>"));
    }

    #[test]
    fn page_has_the_csp_and_print_css_and_no_script() {
        let p = page("Pilot <1>", "<p>x</p>\n");
        assert!(p.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        ));
        assert!(p.contains("@page{size:A4"));
        assert!(p.contains("<title>Pilot &lt;1&gt;</title>"));
        assert!(!p.contains("<script"));
    }
}
