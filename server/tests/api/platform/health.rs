//! `/healthz` says whether the instance and its database answer.

use crate::support::TestApp;

#[tokio::test]
async fn healthz_reports_a_responding_database() {
    let app = TestApp::spawn().await;

    let response = app.get("/healthz").await;

    assert_eq!(response.status().as_u16(), 200);
    let body: serde_json::Value = response.json().await.expect("JSON body");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
    app.stop().await;
}

#[tokio::test]
async fn healthz_reports_an_unavailable_database() {
    let app = TestApp::spawn().await;
    app.db.clone().close().await.expect("close the pool");

    let response = app.get("/healthz").await;

    assert_eq!(response.status().as_u16(), 503);
    let body: serde_json::Value = response.json().await.expect("JSON body");
    assert_eq!(body["database"], "unavailable");
}
