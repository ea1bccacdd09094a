//! Showing a new feed address once, with or without JavaScript.
//!
//! Only the token's hash is stored, so the address can be shown only in the
//! answer to its creation. A plain form post is answered with a redirect back
//! to « Mon agenda », which loses any return value; the token therefore rides
//! in a short-lived cookie (HttpOnly, SameSite=Strict, two minutes, path `/`
//! since the page and `/api/agenda/my_feeds` both read it) that
//! `agenda/my_feeds` reads and removes at once. The
//! JavaScript path goes the same way (the page reloads its feeds after the
//! action), so there is one behaviour to test.

use crate::agenda::rules::kind::FeedKind;
use crate::http::{append_set_cookie, private_cookie, request_cookie};

const COOKIE_NAME: &str = "relais_nouvel_agenda";

/// Hands the new token to the next read of the page.
pub fn hand_over(kind: FeedKind, token: &str, secure: bool) {
    let value = format!("{}.{token}", kind.code());
    append_set_cookie(&private_cookie(COOKIE_NAME, value, 120, secure));
}

/// The token handed over by a creation, if any; the cookie is removed.
pub fn take(secure: bool) -> Option<(FeedKind, String)> {
    let found = parse(&request_cookie(COOKIE_NAME)?)?;
    append_set_cookie(&private_cookie(COOKIE_NAME, String::new(), 0, secure));
    Some(found)
}

fn parse(value: &str) -> Option<(FeedKind, String)> {
    let (kind, token) = value.split_once('.')?;
    let kind = FeedKind::from_code(kind)?;
    let valid = token.len() == 43
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then(|| (kind, token.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_well_formed_value_is_read_back() {
        let token = crate::auth::tokens::new_token();
        assert_eq!(
            parse(&format!("animation.{token}")),
            Some((FeedKind::Animation, token.clone()))
        );
        assert_eq!(parse(&format!("autre.{token}")), None);
        assert_eq!(parse("inscriptions.<script>"), None);
    }
}
