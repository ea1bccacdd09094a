//! A server function called with arguments it cannot read (a hand-made
//! request, an unknown value for a typed field) answers 422 with a French
//! message, never 500, and changes nothing.

use crate::support::TestApp;
use app::roles::Role;

#[tokio::test]
async fn unreadable_arguments_are_the_client_s_mistake() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    for (endpoint, form) in [
        (
            "authoring/publish",
            vec![
                ("input[target]", "user"),
                ("input[id]", "1"),
                ("input[published]", "true"),
            ],
        ),
        (
            "authoring/move",
            vec![
                ("input[target]", "module"),
                ("input[id]", "1"),
                ("input[direction]", "left"),
            ],
        ),
        (
            "quiz/answer_attempt",
            vec![("input[attempt_id]", "1"), ("input[action]", "drop")],
        ),
        ("programme/read", vec![("year", "deux-mille")]),
    ] {
        let response = app.call(&coordinator.client, endpoint, &form).await;
        let status = response.status().as_u16();
        let body = response.text().await.expect("body");
        assert_eq!(status, 422, "{endpoint}: {body}");
        assert!(body.contains("mal formé"), "{endpoint}: {body}");
    }
}

#[tokio::test]
async fn an_unknown_server_function_is_a_french_404() {
    let app = TestApp::spawn().await;

    let response = app.server_fn("sessions/nexiste_pas", &[]).await;

    assert_eq!(response.status().as_u16(), 404);
    let error: app::error::AppError = response.json().await.expect("French error");
    assert_eq!(error, app::error::AppError::NotFound);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    let huge = "x".repeat(3 * 1024 * 1024);

    let response = app
        .call(
            &learner.client,
            "accounts/update_profile",
            &[
                ("input[display_name]", huge.as_str()),
                ("input[profession]", ""),
                ("input[sector]", ""),
                ("input[structure_id]", ""),
            ],
        )
        .await;

    assert_eq!(response.status().as_u16(), 413);
    let error: app::error::AppError = response.json().await.expect("French error");
    assert!(error.to_string().contains("trop volumineuses"), "{error}");
    let me = app
        .who_am_i(&learner.client)
        .await
        .expect("still signed in");
    assert_eq!(me.display_name, "Personne Learner");
}
