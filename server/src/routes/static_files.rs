//! The browser's files under `/pkg/` (wasm, JavaScript, CSS), as cargo-leptos
//! built them.
//!
//! A release build names each after a hash of its content (`hash-files`, the
//! hashes written to `hash.txt` beside the server binary and read back by
//! [`hashed_names`]), so a browser keeps them for a year without asking
//! again: `Cache-Control: public, max-age=31536000, immutable`. Built with
//! `--precompress`, each file has `.br` and `.gz` copies made at build time,
//! served as they are to a browser that accepts them (`Vary:
//! Accept-Encoding`): nothing is compressed per request. Files without a
//! hash in their name (a development build) are revalidated on each use.

use std::path::{Path, PathBuf};

use axum::{
    Router,
    http::{HeaderValue, StatusCode, header},
    response::Response,
};
use tower_http::services::ServeDir;

/// For files whose name changes with their content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For files whose name stays when they change.
pub const REVALIDATE: &str = "no-cache";

/// The hash file cargo-leptos writes beside the server binary when it names
/// the files after their content (`hash-files = true`).
pub fn hash_file() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join("hash.txt"))
}

/// Whether the files of this build carry their hash in their name.
pub fn hashed_names() -> bool {
    hash_file().is_some_and(|file| file.is_file())
}

/// `/pkg/…` from `pkg_dir`, with the caching that `hashed` names allow.
pub fn router<S: Clone + Send + Sync + 'static>(pkg_dir: &Path, hashed: bool) -> Router<S> {
    let files = ServeDir::new(pkg_dir)
        .precompressed_br()
        .precompressed_gzip();
    let cache = HeaderValue::from_static(if hashed { IMMUTABLE } else { REVALIDATE });
    Router::new()
        .fallback_service(files)
        .layer(axum::middleware::map_response(move |response: Response| {
            let cache = cache.clone();
            async move { cache_headers(response, cache) }
        }))
}

/// A file found (or not modified) may be kept as `cache` says; an error is
/// never kept. Either way the answer depends on `Accept-Encoding`.
fn cache_headers(mut response: Response, cache: HeaderValue) -> Response {
    let status = response.status();
    let headers = response.headers_mut();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        headers.insert(header::CACHE_CONTROL, cache);
    }
    if !headers.contains_key(header::VARY) {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    use super::*;

    /// A `pkg/` folder holding `relais.abc.js` and its precompressed copies.
    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("relais.abc.js"), "console.log('relais')").expect("js");
        std::fs::write(dir.path().join("relais.abc.js.br"), b"brotli bytes").expect("br");
        std::fs::write(dir.path().join("relais.abc.js.gz"), b"gzip bytes").expect("gz");
        dir
    }

    async fn get(dir: &Path, hashed: bool, path: &str, accept: &str) -> Response {
        router::<()>(dir, hashed)
            .oneshot(
                Request::get(path)
                    .header(header::ACCEPT_ENCODING, accept)
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("response")
    }

    async fn body(response: Response) -> Vec<u8> {
        axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .expect("body")
            .to_vec()
    }

    #[tokio::test]
    async fn a_hashed_file_is_kept_a_year_and_served_precompressed() {
        let dir = site();
        let br = get(dir.path(), true, "/relais.abc.js", "gzip, br").await;
        assert_eq!(br.status(), StatusCode::OK);
        assert_eq!(br.headers()[header::CACHE_CONTROL], IMMUTABLE);
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::VARY], "accept-encoding");
        assert_eq!(body(br).await, b"brotli bytes");

        let gzip = get(dir.path(), true, "/relais.abc.js", "gzip").await;
        assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(body(gzip).await, b"gzip bytes");

        let plain = get(dir.path(), true, "/relais.abc.js", "identity").await;
        assert!(!plain.headers().contains_key(header::CONTENT_ENCODING));
        assert_eq!(plain.headers()[header::VARY], "accept-encoding");
        assert_eq!(body(plain).await, b"console.log('relais')");
    }

    #[tokio::test]
    async fn unhashed_files_are_revalidated_and_a_missing_one_is_not_kept() {
        let dir = site();
        let dev = get(dir.path(), false, "/relais.abc.js", "br").await;
        assert_eq!(dev.headers()[header::CACHE_CONTROL], REVALIDATE);

        let missing = get(dir.path(), true, "/relais.old.js", "br").await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert!(!missing.headers().contains_key(header::CACHE_CONTROL));
    }
}
