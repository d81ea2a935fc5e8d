//! Text that is safe to print on a terminal. Package strings, answer keys,
//! household ids, file names and command-line values can hold control
//! characters: `ESC]0;…BEL` retitles the officer's terminal, `ESC[2J` clears
//! it, a bidi override makes a line read differently from its bytes. Every
//! such character is printed visibly as Rust writes it, `\u{1b}`.
//!
//! Escaped: C0 controls (U+0000–U+001F) except line feed and tab, DEL
//! (U+007F), C1 controls (U+0080–U+009F), and the invisible direction and
//! line controls: U+061C, U+200E, U+200F, U+2028, U+2029, U+202A–U+202E,
//! U+2066–U+2069. A backslash is left as it is (paths stay readable).
//!
//! [`crate::out`] applies [`escape`] to everything the CLI prints as text, on
//! stdout and stderr; JSON output is left alone (serde escapes C0 there, and
//! the bytes are the contract). [`one_line`] also escapes line feed and tab,
//! for values that must stay on their line (ids, file names).

use std::borrow::Cow;

/// A character a terminal would act on instead of showing.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written as `\u{…}` (line feed and tab kept).
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_where(text, is_unsafe)
}

/// As [`escape`], and line feed and tab escaped too.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c == '\n' || c == '\t' || is_unsafe(c))
}

fn escape_where(text: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls_visibly() {
        assert_eq!(escape("gewoon: é € 中"), "gewoon: é € 中");
        assert!(matches!(escape("geen"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(escape("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(escape("r\rn\nt\t"), "r\\u{d}n\nt\t");
        assert_eq!(escape("\u{7f}\u{85}\u{9b}"), "\\u{7f}\\u{85}\\u{9b}");
        assert_eq!(escape("\u{202e}abc\u{2066}\u{2069}\u{200f}"), "\\u{202e}abc\\u{2066}\\u{2069}\\u{200f}");
        assert_eq!(one_line("a\nb\tc"), "a\\u{a}b\\u{9}c");
        assert_eq!(escape("\u{a0}"), "\u{a0}"); // no-break space is printable
    }
}
