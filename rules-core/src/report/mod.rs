//! A small toolkit for self-contained HTML reports (the pilot report; later
//! the caseload impact report): escaping, a page shell whose `<meta>` CSP
//! allows no script, no fetches and only inline styles, A4 print CSS, tables,
//! and inline-SVG charts that each come with a text-alternative table.
//! Pure string building: no I/O, no clock, deterministic output.

mod svg;

pub use svg::{bar_chart, histogram, Bar, Bin};

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

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;max-width:50rem;margin:0 auto;padding:1.5rem;line-height:1.5}\
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin:1.25rem 0 .25rem}\
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.95rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:.25rem 0}\
figure{margin:1rem 0}figcaption{font-weight:600}svg{max-width:100%;height:auto}\
.note{color:#444;font-size:.9rem}.warning{border-left:4px solid #b35c00;padding:.25rem .75rem;background:#fff4e5}\
@page{size:A4;margin:18mm 15mm}\
@media print{body{max-width:none;padding:0;font-size:10.5pt}h2{break-after:avoid}table,figure{break-inside:avoid}a{color:inherit;text-decoration:none}}";

/// A whole HTML document: Dutch, the CSP meta, the style, `title` as `<title>`
/// and `<h1>`, then `body` (already HTML).
pub fn page(title: &str, body: &str) -> String {
    let t = escape(title);
    format!(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{t}</h1>\n{body}</main>\n</body>\n</html>\n"
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
