//! The coordinator's account search, kept out of the address bar.
//!
//! A search is usually an e-mail address, and an address in a URL ends up in
//! the browser's history, in server and proxy logs and in `Referer` headers.
//! The search form therefore posts the query (`accounts/search_accounts`),
//! which this module keeps for half an hour in a private cookie of the
//! coordinator's browser (see [`crate::http::private_cookie`]);
//! `accounts/list_accounts` reads it back. The search also survives the
//! redirect that follows every change made on the page without JavaScript.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

use crate::error::AppError;
use crate::http::{append_set_cookie, private_cookie, request_cookie};

const COOKIE_NAME: &str = "relais_recherche_comptes";
const KEPT_SECONDS: i64 = 30 * 60;
/// The longest search: an e-mail address can have 254 characters.
pub const QUERY_MAX_CHARS: usize = 254;

/// The search to keep, trimmed; refused when it is too long or spans lines.
pub fn check(query: &str) -> Result<String, AppError> {
    if query.chars().count() > QUERY_MAX_CHARS {
        return Err(AppError::invalid(
            "La recherche ne doit pas dépasser 254 caractères.",
        ));
    }
    if !crate::text::is_single_line(query) {
        return Err(AppError::invalid(
            "La recherche doit tenir sur une seule ligne.",
        ));
    }
    Ok(query.trim().to_owned())
}

/// Keeps `query` for the next pages of this browser (an empty one forgets it).
pub fn remember(query: &str, secure: bool) {
    let cookie = if query.is_empty() {
        private_cookie(COOKIE_NAME, String::new(), 0, secure)
    } else {
        private_cookie(COOKIE_NAME, encode(query), KEPT_SECONDS, secure)
    };
    append_set_cookie(&cookie);
}

/// The search this browser made last, or an empty one.
pub fn recall() -> String {
    request_cookie(COOKIE_NAME)
        .and_then(|value| decode(&value))
        .unwrap_or_default()
}

/// A cookie value holds no space, comma, semicolon, quote or accent.
fn encode(query: &str) -> String {
    URL_SAFE_NO_PAD.encode(query)
}

/// The query in a cookie value, if the value is one this module wrote.
fn decode(value: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(value).ok()?;
    let query = String::from_utf8(bytes).ok()?;
    check(&query).ok().filter(|q| *q == query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_search_comes_back_from_its_cookie_value() {
        for query in [
            "zoé.martin+test@example.org",
            "Martin; Durand, « x »",
            "a\"b",
        ] {
            let value = encode(query);
            assert!(
                value
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{value}"
            );
            assert_eq!(decode(&value).as_deref(), Some(query));
        }
    }

    #[test]
    fn a_forged_value_is_ignored() {
        assert_eq!(decode("%%%"), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode([0xff, 0xfe])), None);
        assert_eq!(decode(&encode(&"a".repeat(300))), None);
        assert_eq!(decode(&encode("a\nb")), None);
    }

    #[test]
    fn a_long_or_multi_line_search_is_refused_and_a_search_is_trimmed() {
        assert!(check(&"a".repeat(255)).is_err());
        assert!(check("a\r\nb").is_err());
        assert_eq!(
            check("  zoé@example.org ").ok().as_deref(),
            Some("zoé@example.org")
        );
    }
}
