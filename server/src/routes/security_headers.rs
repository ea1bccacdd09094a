//! The headers every response carries: no framing by another site, no MIME
//! sniffing, no full address sent as referrer, HSTS when Relais is served
//! over https, and `Cache-Control: no-store` on everything but the static
//! files, since pages, server functions and exports may all carry personal
//! data (a response that sets its own `Cache-Control` keeps it).

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, header},
    middleware::Next,
    response::Response,
};

use app::state::AppState;

/// The policy of responses that set none: framing, plugins, `<base>` and
/// form targets limited to Relais itself. A server-rendered page sets its
/// own, which also allows only the scripts carrying its nonce (`app::csp`);
/// it is kept.
pub const CONTENT_SECURITY_POLICY: &str =
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

pub async fn add(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_static = request.uri().path().starts_with("/pkg/");
    let mut response = next.run(request).await;
    set(
        response.headers_mut(),
        is_static,
        state.settings.secure_cookies(),
    );
    response
}

fn set(headers: &mut HeaderMap, is_static: bool, https: bool) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
    }
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if !is_static && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_not_stored_and_static_files_keep_their_caching() {
        let mut page = HeaderMap::new();
        set(&mut page, false, true);
        assert_eq!(page[header::CACHE_CONTROL], "no-store");
        assert_eq!(page[header::X_FRAME_OPTIONS], "DENY");
        assert!(page.contains_key(header::STRICT_TRANSPORT_SECURITY));

        let mut asset = HeaderMap::new();
        set(&mut asset, true, false);
        assert!(!asset.contains_key(header::CACHE_CONTROL));
        assert!(!asset.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert_eq!(asset[header::X_CONTENT_TYPE_OPTIONS], "nosniff");

        let mut feed = HeaderMap::new();
        feed.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        set(&mut feed, false, false);
        assert_eq!(feed[header::CACHE_CONTROL], "private, no-store");
    }
}
