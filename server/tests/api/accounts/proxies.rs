//! Per-client limits behind a reverse proxy (`RELAIS_TRUSTED_PROXIES`): the
//! client named by a trusted proxy is counted, not the proxy; IPv6 clients
//! are counted per /64.

use app::roles::Role;

use crate::support::{TEST_PASSWORD, TestApp};

/// A sign-in that the proxy in front of the server says comes from `client`.
async fn sign_in_from(app: &TestApp, client: &str, email: &str, password: &str) -> u16 {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/api/accounts/sign_in"))
        .header("Accept", "application/json")
        .header("X-Forwarded-For", client)
        .form(&[("input[email]", email), ("input[password]", password)])
        .send()
        .await
        .expect("request")
        .status()
        .as_u16()
}

/// Twenty failed sign-ins (the per-client allowance) from `clients`, in turn.
async fn use_up_the_client_limit(app: &TestApp, clients: &[&str]) {
    for i in 0..20 {
        let client = clients[i % clients.len()];
        let email = format!("inconnu{i}@example.org");
        let status = sign_in_from(app, client, &email, "mauvais mot de passe").await;
        assert_eq!(status, 422, "attempt {i} from {client}");
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_one_client_cannot_lock_out_the_others() {
    let app = TestApp::spawn_with(&[("RELAIS_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let coordinator = app
        .create_user(Role::Coordinator, "coordination@example.org")
        .await;
    use_up_the_client_limit(&app, &["203.0.113.7"]).await;

    // The guesser is refused, even with the right password of someone else…
    let guesser = sign_in_from(&app, "203.0.113.7", &coordinator.email, TEST_PASSWORD).await;
    assert_eq!(guesser, 429);
    // …and the coordinator, behind the same proxy, signs in.
    let own = sign_in_from(&app, "198.51.100.20", &coordinator.email, TEST_PASSWORD).await;
    assert!(own < 400, "the coordinator was refused: {own}");
}

#[tokio::test]
async fn a_client_cannot_forge_the_chain_in_front_of_a_trusted_proxy() {
    let app = TestApp::spawn_with(&[("RELAIS_TRUSTED_PROXIES", "127.0.0.1")]).await;
    // The proxy appends the real client after whatever the client sent.
    let forged: Vec<String> = (0..20)
        .map(|i| format!("192.0.2.{i}, 203.0.113.7"))
        .collect();
    let forged: Vec<&str> = forged.iter().map(String::as_str).collect();
    use_up_the_client_limit(&app, &forged).await;

    let status = sign_in_from(&app, "192.0.2.200, 203.0.113.7", "x@example.org", "mauvais").await;
    assert_eq!(status, 429);
}

#[tokio::test]
async fn ipv6_clients_are_counted_per_network_of_64() {
    let app = TestApp::spawn_with(&[("RELAIS_TRUSTED_PROXIES", "127.0.0.0/8, ::1")]).await;
    let same_network: Vec<String> = (1..=20).map(|i| format!("2001:db8:1:2::{i:x}")).collect();
    let same_network: Vec<&str> = same_network.iter().map(String::as_str).collect();
    use_up_the_client_limit(&app, &same_network).await;

    let next_address = sign_in_from(&app, "2001:db8:1:2:ffff::1", "x@example.org", "mauvais").await;
    assert_eq!(
        next_address, 429,
        "a new address in the same /64 is the same client"
    );
    let other_network = sign_in_from(&app, "2001:db8:1:3::1", "x@example.org", "mauvais").await;
    assert_eq!(other_network, 422, "another /64 is another client");
}

#[tokio::test]
async fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
    // A proxy is trusted, but the test's requests do not come from it.
    let app = TestApp::spawn_with(&[("RELAIS_TRUSTED_PROXIES", "10.0.0.1")]).await;
    let clients: Vec<String> = (0..20).map(|i| format!("203.0.113.{i}")).collect();
    let clients: Vec<&str> = clients.iter().map(String::as_str).collect();
    use_up_the_client_limit(&app, &clients).await;

    let status = sign_in_from(&app, "198.51.100.1", "x@example.org", "mauvais").await;
    assert_eq!(status, 429, "every request came from 127.0.0.1");
}
