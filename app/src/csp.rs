//! The Content-Security-Policy of server-rendered pages: scripts run only
//! when they carry this response's nonce (Leptos adds it to its inline
//! hydration scripts once it is provided) or were loaded by one that does
//! (`'strict-dynamic'`: the module and its WebAssembly). An injected
//! `<script>` or event handler never runs. Other responses keep the fixed
//! policy of `server/src/routes/security_headers.rs`.

#![cfg(feature = "ssr")]

use axum::http::{HeaderValue, header};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// The policy naming `nonce`.
pub fn policy(nonce: &str) -> String {
    format!(
        "script-src 'nonce-{nonce}' 'strict-dynamic' 'self' 'wasm-unsafe-eval'; \
         object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
    )
}

/// For the page being rendered: its nonce (leptos_axum provides a fresh one
/// per response; one is made if not), and the policy naming it.
pub fn provide_script_nonce() {
    if leptos::nonce::use_nonce().is_none() {
        leptos::nonce::provide_nonce();
    }
    if let (Some(nonce), Some(response)) =
        (leptos::nonce::use_nonce(), use_context::<ResponseOptions>())
        && let Ok(value) = HeaderValue::from_str(&policy(&nonce.to_string()))
    {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn only_the_nonce_and_what_it_loads_may_run() {
        let p = policy("abc");
        assert!(p.starts_with("script-src 'nonce-abc' 'strict-dynamic'"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(p.contains("object-src 'none'"));
    }
}
