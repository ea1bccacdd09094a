//! The coordinator's outbox view: counts, failed messages with their error,
//! a message's content, and « Renvoyer » putting a failed message back.

use std::time::Duration;

use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use app::db::entities::email_outbox;
use app::outbox::{OutboxMessage, OutboxSummary};
use app::roles::Role;

use crate::support::TestApp;

async fn failed_message(app: &TestApp) -> email_outbox::Model {
    let now = chrono::Utc::now();
    email_outbox::ActiveModel {
        idempotency_key: Set("test:failed".to_owned()),
        kind: Set("test".to_owned()),
        recipient: Set("destinataire@example.org".to_owned()),
        subject: Set("Convocation".to_owned()),
        body_text: Set("Bonjour, voici votre convocation.".to_owned()),
        body_html: Set("<p>Bonjour</p>".to_owned()),
        status: Set("failed".to_owned()),
        attempts: Set(8),
        next_attempt_at: Set(now),
        last_error: Set(Some("550 5.1.1 no such user".to_owned())),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("insert failed message")
}

#[tokio::test]
async fn the_coordinator_sees_a_failure_and_sends_the_message_again() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let email = failed_message(&app).await;
    let id = email.id.to_string();

    let summary: OutboxSummary = app
        .call(&coordinator.client, "outbox/summary", &[])
        .await
        .json()
        .await
        .expect("summary JSON");
    assert!(
        summary
            .counts
            .contains(&(app::mail::EmailStatus::Failed, 1))
    );
    let shown = summary
        .messages
        .iter()
        .find(|m| m.id == email.id)
        .expect("failed message listed");
    assert_eq!(shown.last_error.as_deref(), Some("550 5.1.1 no such user"));
    let content: OutboxMessage = app
        .call(&coordinator.client, "outbox/message", &[("email_id", &id)])
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(content.body_text, "Bonjour, voici votre convocation.");

    let requeued = app
        .call(&coordinator.client, "outbox/requeue", &[("email_id", &id)])
        .await;
    assert!(
        requeued.status().is_success() || requeued.status().is_redirection(),
        "{}",
        requeued.status()
    );

    // The worker (file transport in tests) delivers it again.
    let mut status = String::new();
    for _ in 0..100 {
        let row = email_outbox::Entity::find_by_id(email.id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("row");
        status = row.status;
        if status == "sent" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status, "sent");
    let again = app
        .call(&coordinator.client, "outbox/requeue", &[("email_id", &id)])
        .await;
    assert_eq!(
        again.status().as_u16(),
        422,
        "only a failed message can be sent again"
    );
}
