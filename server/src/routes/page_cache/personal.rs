//! Which signed-in requests may be answered from the cache: a `GET` of a page
//! that only reads, carrying the session cookie and nothing else. Such a page
//! is kept per session (the token's hash, never the token), under the
//! database's change stamp (`changes.rs`): the person gets back exactly what
//! the server would render, until anything in the database changes.

use axum::http::{HeaderMap, header};
use cookie::Cookie;

/// The pages a person reads again and again, and whose rendering writes
/// nothing (a page that records its own reading, such as « Mes données »,
/// or starts something, such as a quiz, is not here).
pub fn is_personal_page(path: &str) -> bool {
    if super::is_public_page(path) || matches!(path, "/mon-espace" | "/mon-agenda" | "/profil") {
        return true;
    }
    // A lesson: /formations/{slug}/lecons/{id}.
    let Some(rest) = path.strip_prefix("/formations/") else {
        return false;
    };
    let Some((slug, id)) = rest.split_once("/lecons/") else {
        return false;
    };
    super::is_public_page(&format!("/formations/{slug}"))
        && !id.is_empty()
        && id.len() <= 10
        && id.bytes().all(|b| b.is_ascii_digit())
}

/// The session token, when the request's only cookie is the session's
/// (`cookie_name`). Any other cookie (a feed address handed over once) may
/// change the page, so such a request is never answered from the cache.
pub fn only_session<'a>(headers: &'a HeaderMap, cookie_name: &str) -> Option<&'a str> {
    let mut values = headers.get_all(header::COOKIE).iter();
    let value = values.next()?.to_str().ok()?;
    if values.next().is_some() {
        return None;
    }
    let mut cookies = Cookie::split_parse(value);
    let cookie = cookies.next()?.ok()?;
    if cookies.next().is_some() || cookie.name() != cookie_name || cookie.value().is_empty() {
        return None;
    }
    cookie.value_raw()
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn the_pages_that_only_read_are_kept_per_person() {
        for path in [
            "/mon-espace",
            "/mon-agenda",
            "/profil",
            "/formations",
            "/formations/sensibilisation/lecons/3",
            "/sessions/42",
        ] {
            assert!(is_personal_page(path), "{path}");
        }
        for path in [
            "/mes-donnees/consulter",
            "/quiz/3",
            "/quiz/tentatives/9",
            "/sessions/42/appel/7",
            "/coordination/indicateurs",
            "/formations/sensibilisation/lecons/",
            "/formations/Sens/lecons/3",
            "/formations/sensibilisation/lecons/3/x",
            "/api/space/learner_home",
        ] {
            assert!(!is_personal_page(path), "{path}");
        }
    }

    fn cookies(values: &[&'static str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(header::COOKIE, HeaderValue::from_static(v));
        }
        headers
    }

    #[test]
    fn only_a_request_carrying_the_session_alone_is_kept() {
        let name = "relais_session";
        assert_eq!(
            only_session(&cookies(&["relais_session=abc"]), name),
            Some("abc")
        );
        assert_eq!(only_session(&cookies(&[]), name), None);
        assert_eq!(only_session(&cookies(&["relais_session="]), name), None);
        assert_eq!(only_session(&cookies(&["other=abc"]), name), None);
        assert_eq!(
            only_session(
                &cookies(&["relais_session=abc; relais_nouvel_agenda=x"]),
                name
            ),
            None
        );
        assert_eq!(
            only_session(&cookies(&["relais_session=abc", "b=c"]), name),
            None
        );
        // Over https only the `__Host-` cookie is a session.
        assert_eq!(
            only_session(&cookies(&["relais_session=abc"]), "__Host-relais_session"),
            None
        );
    }
}
