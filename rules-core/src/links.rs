//! Links in a package (`municipalities[].url`, `sources[].url`, an
//! overlay's `url`) are shown to residents and staff as links, so only a
//! plain `https://` address passes: `javascript:`, `data:`, `http:` and
//! relative links are refused at load, naming the field (the CLI's `check`
//! and the checking page alike).

use crate::error::Error;

/// Longest part of a refused link quoted back in the message.
const QUOTED: usize = 60;

/// Refuses a link that is not `https://host…`, or that holds whitespace,
/// control characters or characters that break out of an HTML attribute.
pub fn check_url(path: &str, url: Option<&str>) -> Result<(), Error> {
    let Some(url) = url else { return Ok(()) };
    let rest = url.get(..8).filter(|s| s.eq_ignore_ascii_case("https://")).map(|_| &url[8..]);
    let problem = match rest {
        None => "een link moet beginnen met https://",
        Some(r) if r.is_empty() || r.starts_with('/') => "na https:// moet een domeinnaam staan",
        Some(_) if url.chars().any(forbidden) => {
            "een link mag geen spaties, stuurtekens, aanhalingstekens, < > ` of \\ bevatten"
        }
        Some(_) => return Ok(()),
    };
    let mut quoted: String = url.chars().take(QUOTED).collect();
    if quoted.len() < url.len() {
        quoted.push('…');
    }
    Err(Error::package(path, format!("{problem} (gegeven: {quoted:?})")))
}

/// Whitespace, controls, invisible direction marks, and what breaks out of an attribute.
fn forbidden(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        || "\"'<>`\\".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_links_pass() {
        for ok in [None, Some("https://www.delft.nl/wmo"), Some("HTTPS://example.nl/a?b=c#d")] {
            assert!(check_url("u", ok).is_ok(), "{ok:?}");
        }
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>",
            "http://www.delft.nl",
            "//evil.example",
            "/wmo",
            "https://",
            "https:///pad",
            "https://a b",
            "https://a\"onmouseover=x",
            "https://a\u{202e}b",
        ] {
            let e = check_url("sources[x].url", Some(bad)).unwrap_err();
            assert_eq!((e.code(), e.path()), ("invalid_package", Some("sources[x].url")), "{bad}");
        }
        let long = format!("javascript:{}", "a".repeat(1000));
        assert!(check_url("u", Some(&long)).unwrap_err().to_string().len() < 200);
    }
}
