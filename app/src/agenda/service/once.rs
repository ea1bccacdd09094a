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

use axum::http::{header, request::Parts};
use cookie::{Cookie, SameSite};
use leptos::prelude::use_context;

use crate::agenda::rules::kind::FeedKind;

const COOKIE_NAME: &str = "relais_nouvel_agenda";
const PATH: &str = "/";

fn build(value: String, max_age: i64, secure: bool) -> String {
    Cookie::build((COOKIE_NAME, value))
        .path(PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age))
        .build()
        .to_string()
}

/// Hands the new token to the next read of the page.
pub fn hand_over(kind: FeedKind, token: &str, secure: bool) {
    crate::http::append_set_cookie(&build(format!("{}.{token}", kind.code()), 120, secure));
}

/// The token handed over by a creation, if any; the cookie is removed.
pub fn take(secure: bool) -> Option<(FeedKind, String)> {
    let parts = use_context::<Parts>()?;
    let found = parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|h| Cookie::split_parse(h.to_owned()).filter_map(Result::ok))
        .find(|c| c.name() == COOKIE_NAME && !c.value().is_empty())
        .and_then(|c| parse(c.value()))?;
    crate::http::append_set_cookie(&build(String::new(), 0, secure));
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
