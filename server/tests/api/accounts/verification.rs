//! E-mail address verification: the link sent at sign-up confirms the
//! address once; until then the person cannot enrol themself; a new link
//! replaces the old; an address change needs its own confirmation; the
//! coordinator may confirm; asking for links is limited.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::db::entities::{audit_log, users};
use app::roles::Role;

use super::lifecycle::{sign_up_form, token_in};
use super::message;
use crate::sessions::support::{create_session, enrol};
use crate::support::smtp::{TestSmtp, app_sending_to};
use crate::support::{TEST_PASSWORD, TestApp, TestUser, new_client};

const LINK_INVALID: &str = "n’est plus valable";

async fn account(app: &TestApp, email: &str) -> users::Model {
    users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .expect("query")
        .expect("account")
}

/// Signs `email` up on a fresh client; returns the person, signed in.
async fn sign_up(app: &TestApp, email: &str) -> TestUser {
    let client = new_client();
    let r = app
        .call(
            &client,
            "accounts/sign_up",
            &sign_up_form(email, TEST_PASSWORD),
        )
        .await;
    assert!(r.status().is_success(), "{}", r.status());
    TestUser {
        id: account(app, email).await.id,
        email: email.to_owned(),
        client,
    }
}

async fn confirm(app: &TestApp, token: &str) -> reqwest::Response {
    app.call(
        &new_client(),
        "accounts/confirm_email",
        &[("input[token]", token)],
    )
    .await
}

#[tokio::test]
async fn the_link_sent_at_sign_up_confirms_the_address_once_and_opens_enrolment() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let session = create_session(&app, &trainer, None, 12).await;
    let zoe = sign_up(&app, "zoe@example.org").await;
    assert!(account(&app, &zoe.email).await.email_verified_at.is_none());

    // Not confirmed: no enrolment, and the session page says why.
    let refused = enrol(&app, &zoe, session).await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        message(refused)
            .await
            .contains("Confirmez d’abord votre adresse")
    );
    let (_, page) = app
        .page_as(&zoe.client, &format!("/sessions/{session}"))
        .await;
    assert!(page.contains("Confirmez d’abord votre adresse"));
    assert!(!page.contains("M’inscrire"));

    let mail = &smtp.wait_for(1, 20).await[0];
    assert_eq!(mail.envelope_to, ["zoe@example.org"]);
    assert_eq!(mail.subject, "Relais : confirmez votre adresse e-mail");
    let link = format!("{}/adresse/confirmer?jeton=", app.address);
    assert!(mail.text.contains(&link), "{}", mail.text);
    let token = token_in(&mail.text);

    // Opening the link changes nothing (mail scanners open links): the button does.
    let (status, page) = app
        .page_as(&new_client(), &format!("/adresse/confirmer?jeton={token}"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Confirmer mon adresse"));
    assert!(account(&app, &zoe.email).await.email_verified_at.is_none());

    let ok = confirm(&app, &token).await;
    assert!(ok.status().is_success(), "{}", ok.status());
    assert!(account(&app, &zoe.email).await.email_verified_at.is_some());
    let again = confirm(&app, &token).await;
    assert_eq!(again.status().as_u16(), 422);
    assert!(message(again).await.contains(LINK_INVALID));
    assert_eq!(enrol(&app, &zoe, session).await.status(), 200);
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("email_verified"))
        .one(&app.db)
        .await
        .expect("query");
    assert_eq!(audited.expect("audited").target_id, Some(zoe.id));
}

#[tokio::test]
async fn a_new_link_replaces_the_old_one_and_a_new_address_needs_its_own() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let zoe = sign_up(&app, "zoe@example.org").await;
    let first = token_in(&smtp.wait_for(1, 20).await[0].text);

    let resent = app
        .call(&zoe.client, "accounts/resend_verification", &[])
        .await;
    assert!(resent.status().is_success(), "{}", resent.status());
    let second = token_in(&smtp.wait_for(2, 20).await[1].text);
    assert_eq!(confirm(&app, &first).await.status().as_u16(), 422);
    assert!(confirm(&app, &second).await.status().is_success());

    // A new address is not confirmed, and the link goes to it.
    let changed = app
        .call(
            &zoe.client,
            "accounts/change_my_email",
            &[
                ("input[email]", "zoe.martin@example.org"),
                ("input[password]", TEST_PASSWORD),
            ],
        )
        .await;
    assert!(changed.status().is_success(), "{}", changed.status());
    let me = account(&app, "zoe.martin@example.org").await;
    assert!(me.email_verified_at.is_none());
    let received = smtp.wait_for(5, 20).await;
    let link = received
        .iter()
        .find(|m| {
            m.envelope_to == ["zoe.martin@example.org"]
                && m.subject == "Relais : confirmez votre adresse e-mail"
        })
        .expect("a link to the new address");
    assert!(
        confirm(&app, &token_in(&link.text))
            .await
            .status()
            .is_success()
    );
    assert!(
        account(&app, "zoe.martin@example.org")
            .await
            .email_verified_at
            .is_some()
    );
}

#[tokio::test]
async fn a_link_to_a_former_address_confirms_nothing() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let zoe = sign_up(&app, "zoe@example.org").await;
    let token = token_in(&smtp.wait_for(1, 20).await[0].text);
    let coordinator = app.signed_in(Role::Coordinator).await;
    let id = zoe.id.to_string();
    let changed = app
        .call(
            &coordinator.client,
            "accounts/change_email",
            &[
                ("input[user_id]", &id),
                ("input[email]", "autre@example.org"),
            ],
        )
        .await;
    assert!(changed.status().is_success(), "{}", changed.status());

    let refused = confirm(&app, &token).await;

    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        account(&app, "autre@example.org")
            .await
            .email_verified_at
            .is_none()
    );
}

#[tokio::test]
async fn the_coordinator_confirms_an_address_and_only_the_coordinator() {
    let app = TestApp::spawn().await;
    let zoe = sign_up(&app, "zoe@example.org").await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let id = zoe.id.to_string();
    let form = [("input[user_id]", id.as_str())];

    let (_, list) = app
        .page_as(&coordinator.client, "/coordination/comptes")
        .await;
    assert!(list.contains("à confirmer"));
    let by_trainer = app
        .call(&trainer.client, "accounts/confirm_address", &form)
        .await;
    assert_eq!(by_trainer.status().as_u16(), 403);
    assert!(account(&app, &zoe.email).await.email_verified_at.is_none());

    let ok = app
        .call(&coordinator.client, "accounts/confirm_address", &form)
        .await;
    assert!(ok.status().is_success(), "{}", ok.status());
    assert!(account(&app, &zoe.email).await.email_verified_at.is_some());
    let twice = app
        .call(&coordinator.client, "accounts/confirm_address", &form)
        .await;
    assert_eq!(twice.status().as_u16(), 409);
}

#[tokio::test]
async fn asking_for_new_links_is_limited() {
    let app = TestApp::spawn().await;
    let zoe = sign_up(&app, "zoe@example.org").await;
    for i in 0..5 {
        let r = app
            .call(&zoe.client, "accounts/resend_verification", &[])
            .await;
        assert!(r.status().is_success(), "request {i}: {}", r.status());
    }
    let refused = app
        .call(&zoe.client, "accounts/resend_verification", &[])
        .await;
    assert_eq!(refused.status().as_u16(), 429);
}

#[tokio::test]
async fn erasure_takes_the_links_and_the_address_they_name() {
    use app::db::entities::email_verifications;
    let app = TestApp::spawn().await;
    let zoe = sign_up(&app, "zoe@example.org").await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let links = || async {
        email_verifications::Entity::find()
            .filter(email_verifications::Column::UserId.eq(zoe.id))
            .all(&app.db)
            .await
            .expect("links")
    };
    assert_eq!(links().await.len(), 1);

    let asked = app.call(&zoe.client, "accounts/request_erasure", &[]).await;
    assert!(asked.status().is_success(), "{}", asked.status());
    let id = zoe.id.to_string();
    let erased = app
        .call(
            &coordinator.client,
            "accounts/confirm_erasure",
            &[("user_id", id.as_str()), ("confirmed", "on")],
        )
        .await;
    assert!(erased.status().is_success(), "{}", erased.status());

    assert!(links().await.is_empty());
}
