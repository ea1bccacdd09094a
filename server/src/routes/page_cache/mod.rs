//! A micro-cache of pages, outside compression: a page is rendered once,
//! compressed once, and the same bytes answer again for at most
//! [`PageCache::new`]'s `ttl` (one second by default, `RELAIS_PAGE_CACHE_MS`;
//! `0` turns the cache off). Two kinds of pages are kept:
//! - **Public pages as a visitor without any cookie gets them**: home,
//!   catalogue, a module, the sessions (any view), a session, the legal pages.
//!   Every such visitor gets the same bytes. A change shows at once on this
//!   instance (every state-changing request that succeeds empties its cache)
//!   and within the TTL on the others.
//! - **The pages a signed-in person reads again and again** (`personal.rs`):
//!   kept for that session only, under the database's change stamp
//!   (`changes.rs`), so a change made anywhere (any instance, any writer)
//!   shows on the next request. The TTL only bounds what depends on the
//!   clock (« dans 3 jours », a session ending its idle time).
//!
//! What makes this safe:
//! - **Nothing personal is shared.** A request carrying a cookie other than
//!   the session's alone is never answered from the cache nor stored in it; a
//!   person's page is found only with their session's token (its hash is in
//!   the key). A response that sets a cookie or is not a plain `200` is never
//!   kept.
//! - **The script nonce.** A cached page keeps the nonce it was rendered with,
//!   and its `Content-Security-Policy` names that nonce: the requests of the
//!   same second share it. A nonce guards against markup injected into the page;
//!   injected markup can only come from the stored data or the address, and
//!   either change makes a new entry, rendered with a new nonce, so nobody
//!   learns a nonce before the page holding their markup is rendered.
//! - **Bounded.** At most [`MAX_BYTES`] of pages; an address longer than
//!   [`MAX_KEY`] is served but not cached, so no visitor can fill memory with
//!   made-up query strings faster than the least-used entries leave.

use std::sync::Arc;
use std::time::Duration;

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::Response,
};
use moka::sync::Cache;

use super::csrf::is_safe;

mod changes;
mod personal;

pub use changes::ChangeStamp;

/// The most bytes of pages kept.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// The longest address and `Accept-Encoding` (together) that is cached.
pub const MAX_KEY: usize = 512;
/// The largest page kept (a larger one is served and forgotten).
const MAX_PAGE: usize = 1024 * 1024;

/// One cached answer: status 200, its headers and its body as sent.
#[derive(Debug)]
struct Page {
    headers: HeaderMap,
    body: Bytes,
}

/// The cache shared by every request of this instance.
#[derive(Clone)]
pub struct PageCache {
    pages: Option<Cache<String, Arc<Page>>>,
    personal: Option<Personal>,
}

/// What keeping signed-in pages needs: the session cookie's name and the
/// database's change stamp.
#[derive(Clone)]
struct Personal {
    cookie_name: &'static str,
    stamp: Arc<ChangeStamp>,
}

impl PageCache {
    /// A cache keeping public pages for `ttl`; a zero `ttl` keeps nothing.
    pub fn new(ttl: Duration) -> PageCache {
        let pages = (!ttl.is_zero()).then(|| {
            Cache::builder()
                .time_to_live(ttl)
                .max_capacity(MAX_BYTES)
                .weigher(|key: &String, page: &Arc<Page>| {
                    u32::try_from(key.len() + page.body.len()).unwrap_or(u32::MAX)
                })
                .build()
        });
        PageCache {
            pages,
            personal: None,
        }
    }

    /// Also keeps the pages a signed-in person reads again (session cookie
    /// `cookie_name`), under the database's change `stamp`.
    pub fn with_personal_pages(self, cookie_name: &'static str, stamp: ChangeStamp) -> PageCache {
        PageCache {
            personal: Some(Personal {
                cookie_name,
                stamp: Arc::new(stamp),
            }),
            ..self
        }
    }

    /// Forgets every page (a change may show on any of them).
    pub fn clear(&self) {
        if let Some(pages) = &self.pages {
            pages.invalidate_all();
        }
    }
}

/// The middleware: answers from the cache when it may, stores what it may,
/// and empties the cache after a change.
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let Some(pages) = &cache.pages else {
        return next.run(request).await;
    };
    if !is_safe(request.method()) {
        let response = next.run(request).await;
        if response.status().is_success() || response.status().is_redirection() {
            cache.clear();
        }
        return response;
    }
    let key = match key(&request) {
        Some(key) => key,
        None => {
            let Some((personal, request_key)) = cache.personal_request(&request) else {
                return next.run(request).await;
            };
            // Read before the page is rendered: see `changes.rs`.
            let Some(stamp) = personal.stamp.read().await else {
                return next.run(request).await;
            };
            format!("S\n{stamp}\n{request_key}")
        }
    };
    if let Some(page) = pages.get(&key) {
        return answer(&page);
    }
    let response = next.run(request).await;
    if !may_store(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PAGE).await {
        Ok(body) => {
            let page = Arc::new(Page {
                headers: parts.headers,
                body,
            });
            pages.insert(key, page.clone());
            answer(&page)
        }
        // Larger than a page should be, or cut off: answered as an error,
        // never stored.
        Err(_) => Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::empty())
            .unwrap_or_default(),
    }
}

/// The key of a request that may be answered from the cache: a `GET` of a
/// public page, without cookies, by address and accepted encodings (the
/// compression chosen depends on them, and on nothing else).
fn key(request: &Request) -> Option<String> {
    if request.method() != Method::GET
        || request.headers().contains_key(header::COOKIE)
        || request.headers().contains_key(header::AUTHORIZATION)
        || !is_public_page(request.uri().path())
    {
        return None;
    }
    Some(format!("P\n{}", address_and_encodings(request)?))
}

impl PageCache {
    /// For a signed-in person's request that may be answered from the cache
    /// (a `GET` of a page that only reads, with the session cookie alone):
    /// what keeping it needs, and its key but for the change stamp (session,
    /// address and accepted encodings).
    fn personal_request(&self, request: &Request) -> Option<(&Personal, String)> {
        let personal = self.personal.as_ref()?;
        if request.method() != Method::GET
            || request.headers().contains_key(header::AUTHORIZATION)
            || !personal::is_personal_page(request.uri().path())
        {
            return None;
        }
        let token = personal::only_session(request.headers(), personal.cookie_name)?;
        let address = address_and_encodings(request)?;
        Some((
            personal,
            format!("{}\n{address}", app::auth::tokens::hash_token(token)),
        ))
    }
}

/// `Accept-Encoding` and the address, when short enough to be kept.
fn address_and_encodings(request: &Request) -> Option<String> {
    let address = request.uri().path_and_query()?.as_str();
    let encodings = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .map_or(&b""[..], |v| v.as_bytes());
    let encodings = std::str::from_utf8(encodings).ok()?;
    (address.len() + encodings.len() < MAX_KEY).then(|| format!("{encodings}\n{address}"))
}

/// The pages every visitor sees alike.
pub fn is_public_page(path: &str) -> bool {
    if matches!(
        path,
        "/" | "/formations" | "/sessions" | "/confidentialite" | "/accessibilite"
    ) {
        return true;
    }
    if let Some(slug) = path.strip_prefix("/formations/") {
        return !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    }
    if let Some(id) = path.strip_prefix("/sessions/") {
        return !id.is_empty() && id.len() <= 10 && id.bytes().all(|b| b.is_ascii_digit());
    }
    false
}

/// A complete `200` that sets no cookie.
fn may_store(response: &Response) -> bool {
    response.status() == StatusCode::OK && !response.headers().contains_key(header::SET_COOKIE)
}

fn answer(page: &Page) -> Response {
    let mut response = Response::new(Body::from(page.body.clone()));
    *response.headers_mut() = page.headers.clone();
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pages_every_visitor_sees_alike_are_public() {
        for path in [
            "/",
            "/formations",
            "/formations/sante-mentale-et-precarite",
            "/sessions",
            "/sessions/42",
            "/confidentialite",
            "/accessibilite",
        ] {
            assert!(is_public_page(path), "{path}");
        }
        for path in [
            "/mon-espace",
            "/formations/sensibilisation/lecons/3",
            "/sessions/42/appel/7",
            "/sessions/nouvelle",
            "/sessions/",
            "/formations/",
            "/verifier/ABCD",
            "/mes-donnees",
            "/api/catalogue/list",
            "/pkg/relais.css",
            "/coordination/indicateurs",
        ] {
            assert!(!is_public_page(path), "{path}");
        }
    }

    fn get(path: &str, headers: &[(header::HeaderName, &str)]) -> Request {
        let mut request = Request::builder().uri(path);
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        request.body(Body::empty()).expect("request")
    }

    #[test]
    fn a_request_with_a_cookie_or_another_method_has_no_key() {
        let br = || (header::ACCEPT_ENCODING, "br");
        assert!(key(&get("/formations", &[br()])).is_some());
        assert!(key(&get("/formations", &[br(), (header::COOKIE, "a=b")])).is_none());
        let mut post = get("/formations", &[br()]);
        *post.method_mut() = Method::POST;
        assert!(key(&post).is_none());
        assert!(key(&get("/mon-espace", &[br()])).is_none());
    }

    #[test]
    fn the_key_holds_the_query_and_the_encodings() {
        let br = key(&get(
            "/sessions?vue=mois",
            &[(header::ACCEPT_ENCODING, "br")],
        ));
        let gzip = key(&get(
            "/sessions?vue=mois",
            &[(header::ACCEPT_ENCODING, "gzip")],
        ));
        let list = key(&get("/sessions", &[(header::ACCEPT_ENCODING, "br")]));
        assert_ne!(br, gzip);
        assert_ne!(br, list);
        let long = format!("/sessions?q={}", "x".repeat(MAX_KEY));
        assert!(key(&get(&long, &[])).is_none());
    }

    #[test]
    fn only_a_plain_200_without_cookie_is_stored() {
        let ok = Response::new(Body::empty());
        assert!(may_store(&ok));
        let mut cookie = Response::new(Body::empty());
        cookie
            .headers_mut()
            .insert(header::SET_COOKIE, "a=b".parse().expect("header"));
        assert!(!may_store(&cookie));
        let mut missing = Response::new(Body::empty());
        *missing.status_mut() = StatusCode::NOT_FOUND;
        assert!(!may_store(&missing));
    }

    #[test]
    fn a_zero_ttl_keeps_nothing() {
        assert!(PageCache::new(Duration::ZERO).pages.is_none());
        assert!(PageCache::new(Duration::from_secs(1)).pages.is_some());
    }
}
