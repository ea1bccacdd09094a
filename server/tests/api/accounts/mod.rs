//! Accounts: sign-up, sign-in and sessions, password reset, roles, erasure,
//! e-mail address changes, partner structures, and the pages' success messages.

mod email_change;
mod lifecycle;
mod notices;
mod paging;
mod proxies;
mod reset_links;
mod search;
mod structures;
mod verification;

use crate::support::TestApp;

/// Posts `form` to `endpoint` as a browser without JavaScript does, follows
/// the redirect and returns the page it leads to, as `client` sees it.
pub(super) async fn submit(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    form: &[(&str, &str)],
) -> String {
    let response = client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("Accept", "text/html")
        .header("Referer", app.url("/"))
        .form(form)
        .send()
        .await
        .expect("POST");
    assert!(
        response.status().is_redirection(),
        "{endpoint}: {}",
        response.status()
    );
    let location = response.headers()["location"]
        .to_str()
        .expect("location")
        .trim_start_matches(app.address.as_str())
        .to_owned();
    let (status, html) = app.page_as(client, &location).await;
    assert_eq!(status, 200, "{location}");
    html
}

/// The French message of a refused server-function call.
pub(super) async fn message(response: reqwest::Response) -> String {
    let error: app::error::AppError = response.json().await.expect("error JSON");
    error.to_string()
}
