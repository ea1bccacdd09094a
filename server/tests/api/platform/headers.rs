//! Every route answers with the security headers, and everything but the
//! static files with `Cache-Control: no-store`.

use crate::support::TestApp;

fn check(path: &str, response: &reqwest::Response, failures: &mut Vec<String>) {
    let headers = response.headers();
    for (name, expected) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cache-control", "no-store"),
    ] {
        let got = headers.get(name).and_then(|v| v.to_str().ok());
        if !got.is_some_and(|v| v.contains(expected)) {
            failures.push(format!("{path}: {name} = {got:?}"));
        }
    }
    let csp = headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok());
    if !csp.is_some_and(|v| v.contains("frame-ancestors 'none'")) {
        failures.push(format!("{path}: content-security-policy = {csp:?}"));
    }
}

#[tokio::test]
async fn every_route_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    // Every page of the route table (parameters filled with 1), the plain
    // routes, a server function and an unknown address.
    let mut paths: Vec<String> = server::router::route_list()
        .iter()
        .map(|route| {
            route
                .path()
                .split('/')
                .map(|segment| {
                    if segment.starts_with(':') {
                        "1"
                    } else {
                        segment
                    }
                })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    assert!(paths.len() > 20, "{paths:?}");
    paths.extend(
        [
            "/healthz",
            "/mes-donnees",
            "/exports/indicateurs/2026/bilan.pdf",
            "/adresse-inconnue",
        ]
        .map(str::to_owned),
    );
    let mut failures = Vec::new();
    for path in &paths {
        let response = app.get(path).await;
        check(path, &response, &mut failures);
    }
    let response = app.server_fn("accounts/who_am_i", &[]).await;
    check("/api/accounts/who_am_i", &response, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn a_page_allows_only_the_scripts_carrying_its_own_nonce() {
    let app = TestApp::spawn().await;
    let mut nonces = Vec::new();
    for path in ["/", "/formations", "/adresse-inconnue"] {
        let response = app.get(path).await;
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .expect("policy")
            .to_owned();
        let html = response.text().await.expect("page");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no nonce in {csp}"))
            .to_owned();
        assert!(
            csp.contains("'strict-dynamic'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        // Every script of the page carries it.
        let scripts = html.matches("<script").count();
        assert!(scripts > 0, "{path}: the hydration scripts");
        assert_eq!(
            html.matches(&format!("nonce=\"{nonce}\"")).count(),
            scripts,
            "{path}: every script carries the nonce"
        );
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 3, "a fresh nonce for every response");
}
