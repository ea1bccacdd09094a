//! Refuses cross-site requests that could change data.
//!
//! Server functions are plain POST endpoints with no CSRF token of their own.
//! Browsers say where a request comes from: `Sec-Fetch-Site` (all current
//! browsers) or, failing that, `Origin`. A state-changing request whose
//! origin is another site is refused with 403 before it reaches any handler.
//! Requests without either header do not come from a browser page, so a
//! victim's cookies cannot be riding on them.

use axum::{
    extract::Request,
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

pub const REFUSED: &str =
    "Requête refusée : elle ne provient pas de Relais. Rechargez la page et réessayez.";

pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if is_safe(request.method()) || is_same_site(request.headers()) {
        next.run(request).await
    } else {
        (StatusCode::FORBIDDEN, REFUSED).into_response()
    }
}

/// Whether `method` only reads (the page cache keys on the same list).
pub fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the browser says the request comes from this site (or from no page at all).
pub fn is_same_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let authority = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    authority.eq_ignore_ascii_case(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn fetch_metadata_decides_first() {
        assert!(is_same_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(is_same_site(&headers(&[("sec-fetch-site", "none")])));
        assert!(!is_same_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_same_site(&headers(&[("sec-fetch-site", "same-site")])));
    }

    #[test]
    fn origin_must_match_the_host() {
        assert!(is_same_site(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!is_same_site(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!is_same_site(&headers(&[
            ("origin", "null"),
            ("host", "127.0.0.1:3000")
        ])));
    }

    #[test]
    fn non_browser_clients_pass() {
        assert!(is_same_site(&headers(&[])));
    }
}
