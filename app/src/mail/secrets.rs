//! Secrets in messages: the only ones Relais sends are the `jeton=` values of
//! links (password reset). Once a message is sent, and whenever someone reads
//! it in the outbox, they are masked: the link was for its recipient alone.

#![cfg(feature = "ssr")]

use std::borrow::Cow;

/// The query parameter that carries a secret in a link.
pub const SECRET_PARAMETER: &str = "jeton=";

/// What replaces a secret.
pub const MASKED: &str = "[masqué]";

/// `text` with the value of every `jeton=` parameter replaced by [`MASKED`].
pub fn mask(text: &str) -> Cow<'_, str> {
    if !text.contains(SECRET_PARAMETER) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(SECRET_PARAMETER) {
        let start = at + SECRET_PARAMETER.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        // Tokens are URL-safe base64; `&amp;` or a quote ends them in HTML.
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        if end > 0 {
            out.push_str(MASKED);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_is_masked_and_nothing_else_changes() {
        let text = "Ouvrez https://relais.example/mot-de-passe/nouveau?jeton=Ab-9_x\n\
                    ou <a href=\"https://r.example/n?jeton=Zz1&amp;x=1\">ce lien</a>.";
        assert_eq!(
            mask(text),
            "Ouvrez https://relais.example/mot-de-passe/nouveau?jeton=[masqué]\n\
             ou <a href=\"https://r.example/n?jeton=[masqué]&amp;x=1\">ce lien</a>."
        );
    }

    #[test]
    fn a_text_without_secret_is_returned_as_it_is() {
        assert!(matches!(mask("Bonjour, à demain."), Cow::Borrowed(_)));
        assert_eq!(mask("jeton= vide"), "jeton= vide");
        assert_eq!(mask(&mask("?jeton=abc")), "?jeton=[masqué]");
    }
}
