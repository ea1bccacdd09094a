//! What every one-line text follows, whatever the form: no control
//! characters (CR and LF above all, which would break a line in an e-mail
//! subject or a calendar file), no Unicode line or paragraph separators, no
//! bidirectional controls (which make a text display as something else).

/// Whether `c` may not appear in a one-line text.
pub fn is_forbidden_in_line(c: char) -> bool {
    let separator = matches!(c, '\u{2028}' | '\u{2029}');
    let bidi =
        matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    c.is_control() || separator || bidi
}

/// Whether `text` holds only characters a one-line text may hold.
pub fn is_single_line(text: &str) -> bool {
    !text.chars().any(is_forbidden_in_line)
}

#[cfg(test)]
mod tests {
    use super::is_single_line;

    #[test]
    fn line_breaks_controls_and_bidi_are_refused() {
        assert!(is_single_line("Groupe du printemps — Metz (1re session)"));
        for bad in ["a\nb", "a\r\nb", "a\tb", "a\u{2028}b", "a\u{202E}b", "a\0b"] {
            assert!(!is_single_line(bad), "{bad:?}");
        }
    }
}
