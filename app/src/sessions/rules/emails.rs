//! Reading a pasted list of addresses (one per line, or separated by commas,
//! semicolons or spaces, as copied from a spreadsheet or a mail client).

/// The distinct addresses of `text`, lower-cased, in their first order;
/// « Nom <adresse> » keeps the address.
pub fn parse_email_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';')) {
        let token = token.trim_matches(|c| matches!(c, '<' | '>' | '"' | '\'' | '(' | ')'));
        if token.contains('@') {
            let email = token.to_lowercase();
            if !out.contains(&email) {
                out.push(email);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_lists_are_split_and_deduplicated() {
        let list = parse_email_list(
            "Lea@Example.org; paul@example.org\nLéa Martin <lea@example.org>, zoe@example.org  n/a",
        );
        assert_eq!(
            list,
            ["lea@example.org", "paul@example.org", "zoe@example.org"]
        );
        assert!(parse_email_list("  \n ").is_empty());
    }
}
