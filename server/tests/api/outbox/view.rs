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

async fn summary_page(
    app: &TestApp,
    client: &reqwest::Client,
    before: Option<&str>,
) -> OutboxSummary {
    let fields: Vec<(&str, &str)> = before.map(|b| ("before", b)).into_iter().collect();
    let response = app.call(client, "outbox/summary", &fields).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("summary JSON")
}

#[tokio::test]
async fn older_messages_come_fifty_a_page_after_the_failed_ones() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let failed = failed_message(&app).await;
    let mut ids = Vec::new();
    for n in 0..60 {
        let subject = format!("Message {n:02}");
        ids.push(
            crate::support::smtp::queue(
                &app.db,
                &format!("test:page:{n}"),
                "lecteur@example.org",
                &subject,
            )
            .await,
        );
    }
    ids.reverse(); // newest first, as listed

    let first = summary_page(&app, &coordinator.client, None).await;
    let listed: Vec<i32> = first.messages.iter().map(|m| m.id).collect();
    assert_eq!(
        listed[0], failed.id,
        "the failed message heads the first page"
    );
    assert_eq!(&listed[1..], &ids[..50]);
    assert!(!first.later_page);
    let next = first.next.expect("older messages").to_string();
    let second = summary_page(&app, &coordinator.client, Some(&next)).await;
    let listed: Vec<i32> = second.messages.iter().map(|m| m.id).collect();
    assert_eq!(
        listed,
        &ids[50..],
        "older ones only, without the failed one again"
    );
    assert!(second.later_page && second.next.is_none());

    // Without JavaScript: plain links between pages.
    let (status, html) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/courriels?avant={next}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Message 09") && !html.contains("Message 10"));
    assert!(html.contains("href=\"/coordination/courriels\""));

    let refused = app
        .call(&coordinator.client, "outbox/summary", &[("before", "abc")])
        .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("Cette page de la liste des courriels n’existe pas.")
    );
}
