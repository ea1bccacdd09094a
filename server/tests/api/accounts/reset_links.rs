//! Password-reset links: readable by their recipient only (masked in the
//! outbox once sent, and in the coordinator's view of the outbox at any time),
//! and only the newest link of an account is valid.

use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use app::db::entities::email_outbox;
use app::roles::Role;

use super::lifecycle::token_in;
use super::message;
use crate::support::TestApp;
use crate::support::smtp::{TestSmtp, app_sending_to, settled};

async fn request_reset(app: &TestApp, email: &str) {
    let r = app
        .call(
            &app.client,
            "accounts/request_password_reset",
            &[("input[email]", email)],
        )
        .await;
    assert!(r.status().is_success(), "{}", r.status());
}

async fn reset(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.call(
        &app.client,
        "accounts/reset_password",
        &[("input[token]", token), ("input[password]", password)],
    )
    .await
}

#[tokio::test]
async fn a_sent_link_is_masked_where_the_outbox_keeps_it_and_still_works() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let trainer = app
        .create_user(Role::Trainer, "formatrice@example.org")
        .await;
    let coordinator = app.signed_in(Role::Coordinator).await;

    request_reset(&app, &trainer.email).await;
    let token = token_in(&smtp.wait_for(1, 20).await[0].text);

    let rows = settled(&app.db, 10).await;
    let row = rows
        .iter()
        .find(|r| r.kind == "password_reset")
        .expect("the reset message");
    assert_eq!(row.status, "sent");
    for body in [&row.body_text, &row.body_html] {
        assert!(!body.contains(&token), "the stored body keeps the link");
        assert!(body.contains("jeton=[masqué]"), "{body}");
    }
    let (status, html) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/courriels/{}", row.id),
        )
        .await;
    assert_eq!(status, 200);
    assert!(!html.contains(&token));
    assert!(html.contains("jeton=[masqué]"));

    // The recipient's copy is untouched: the link works.
    let ok = reset(&app, &token, "un tout nouveau mot de passe").await;
    assert!(ok.status().is_success(), "{}", ok.status());
    let signed = app
        .sign_in(
            &trainer.client,
            &trainer.email,
            "un tout nouveau mot de passe",
        )
        .await;
    assert!(signed.status().as_u16() < 400, "{}", signed.status());
}

#[tokio::test]
async fn a_link_waiting_to_be_sent_is_masked_in_the_outbox_view() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let now = chrono::Utc::now();
    // A message the worker will not try before tomorrow.
    let waiting = email_outbox::ActiveModel {
        idempotency_key: Set("password_reset:test".to_owned()),
        kind: Set("password_reset".to_owned()),
        recipient: Set("quelquun@example.org".to_owned()),
        subject: Set("Relais : réinitialisation de votre mot de passe".to_owned()),
        body_text: Set(
            "Lien : http://relais.test/mot-de-passe/nouveau?jeton=SecretAbc_123".to_owned(),
        ),
        body_html: Set("<p>Lien</p>".to_owned()),
        status: Set("queued".to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now + chrono::Duration::days(1)),
        lease_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("queued message");

    let (status, html) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/courriels/{}", waiting.id),
        )
        .await;

    assert_eq!(status, 200);
    assert!(!html.contains("SecretAbc_123"));
    assert!(html.contains("jeton=[masqué]"));
}

#[tokio::test]
async fn a_newer_link_closes_the_older_one() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let learner = app.create_user(Role::Learner, "oubli@example.org").await;

    request_reset(&app, &learner.email).await;
    let older = token_in(&smtp.wait_for(1, 20).await[0].text);
    request_reset(&app, &learner.email).await;
    let newer = token_in(&smtp.wait_for(2, 20).await[1].text);
    assert_ne!(older, newer);

    let refused = reset(&app, &older, "un tout nouveau mot de passe").await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(message(refused).await.contains("n’est plus valable"));
    let ok = reset(&app, &newer, "un tout nouveau mot de passe").await;
    assert!(ok.status().is_success(), "{}", ok.status());
}
