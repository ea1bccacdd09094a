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
