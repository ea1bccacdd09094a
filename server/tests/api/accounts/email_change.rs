//! Changing an e-mail address: by the coordinator for any account, by the
//! person with their password; both addresses are told, the audit log holds
//! no address, sessions stay open, bad input stores nothing.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::db::entities::{audit_log, email_outbox, users};
use app::roles::Role;

use super::{message, submit};
use crate::support::{TEST_PASSWORD, TestApp, TestUser};

async fn email_of(app: &TestApp, user: &TestUser) -> Option<String> {
    users::Entity::find_by_id(user.id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("row")
        .email
}

async fn notices(app: &TestApp) -> Vec<email_outbox::Model> {
    email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq("email_changed"))
        .all(&app.db)
        .await
        .expect("outbox")
}

async fn changes(app: &TestApp) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("email_changed"))
        .all(&app.db)
        .await
        .expect("audit")
}

/// The two notices of one change: to the new address, then to the old one.
fn assert_both_told(outbox: &[email_outbox::Model], new: &str, old: &str) {
    let mut recipients: Vec<&str> = outbox.iter().map(|m| m.recipient.as_str()).collect();
    recipients.sort_unstable();
    let mut expected = vec![new, old];
    expected.sort_unstable();
    assert_eq!(recipients, expected);
    let to_old = outbox.iter().find(|m| m.recipient == old).expect("old");
    assert!(
        !to_old.body_text.contains(new),
        "the old address is not told the new one"
    );
}

#[tokio::test]
async fn the_coordinator_changes_an_address_and_both_addresses_are_told() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let learner = app.signed_in(Role::Learner).await;

    let page = submit(
        &app,
        &coordinator.client,
        "accounts/change_email",
        &[
            ("input[user_id]", &learner.id.to_string()),
            ("input[email]", " Camille.Nouvelle@Example.org "),
        ],
    )
    .await;

    assert!(
        page.contains("L’adresse e-mail a été modifiée"),
        "success shown"
    );
    assert!(page.contains("camille.nouvelle@example.org"), "listed");
    assert_eq!(
        email_of(&app, &learner).await.as_deref(),
        Some("camille.nouvelle@example.org")
    );
    assert_both_told(
        &notices(&app).await,
        "camille.nouvelle@example.org",
        &learner.email,
    );
    let audit = changes(&app).await;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor_id, Some(coordinator.id));
    assert_eq!(audit[0].target_id, Some(learner.id));
    let details = audit[0].details.clone().expect("details").to_string();
    assert!(!details.contains('@'), "no address in the audit: {details}");
    assert_eq!(
        app.who_am_i(&learner.client).await.map(|u| u.id),
        Some(learner.id),
        "the person stays signed in"
    );
    let signed_in = app
        .sign_in(
            &reqwest::Client::new(),
            "camille.nouvelle@example.org",
            TEST_PASSWORD,
        )
        .await;
    assert!(
        signed_in.status().as_u16() < 400,
        "the new address signs in"
    );
}

#[tokio::test]
async fn bad_or_taken_addresses_are_refused_by_the_coordinator_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let learner = app.signed_in(Role::Learner).await;
    let other = app.signed_in(Role::Trainer).await;
    let id = learner.id.to_string();
    let taken = other.email.to_uppercase();

    for (email, status, expected) in [
        ("pas-une-adresse", 422, "adresse e-mail valide"),
        ("", 422, "Saisissez votre adresse e-mail"),
        (taken.as_str(), 409, "déjà celle d’un autre compte"),
        (learner.email.as_str(), 422, "déjà l’adresse de ce compte"),
    ] {
        let response = app
            .call(
                &coordinator.client,
                "accounts/change_email",
                &[("input[user_id]", &id), ("input[email]", email)],
            )
            .await;
        assert_eq!(response.status().as_u16(), status, "{email:?}");
        let text = message(response).await;
        assert!(text.contains(expected), "{text:?} should say {expected:?}");
        assert!(
            !text.contains(&other.email),
            "the other account is not named"
        );
    }
    let unknown = app
        .call(
            &coordinator.client,
            "accounts/change_email",
            &[
                ("input[user_id]", "999999"),
                ("input[email]", "x@example.org"),
            ],
        )
        .await;
    assert_eq!(unknown.status().as_u16(), 404);

    assert_eq!(email_of(&app, &learner).await, Some(learner.email.clone()));
    assert!(notices(&app).await.is_empty());
    assert!(changes(&app).await.is_empty());
}

#[tokio::test]
async fn people_change_their_own_address_with_their_password() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    let other = app.signed_in(Role::Trainer).await;

    let refused = [
        (
            "nouvelle@example.org",
            "mauvais mot de passe",
            422,
            "Mot de passe incorrect",
        ),
        (
            "pas-une-adresse",
            TEST_PASSWORD,
            422,
            "adresse e-mail valide",
        ),
        (
            other.email.as_str(),
            TEST_PASSWORD,
            409,
            "ne peut pas être utilisée",
        ),
    ];
    for (email, password, status, expected) in refused {
        let response = app
            .call(
                &learner.client,
                "accounts/change_my_email",
                &[("input[email]", email), ("input[password]", password)],
            )
            .await;
        assert_eq!(response.status().as_u16(), status, "{expected}");
        let text = message(response).await;
        assert!(text.contains(expected), "{text:?} should say {expected:?}");
        assert!(!text.contains("compte"), "neutral: {text:?}");
    }
    assert_eq!(email_of(&app, &learner).await, Some(learner.email.clone()));
    assert!(notices(&app).await.is_empty());
    assert!(changes(&app).await.is_empty());

    let response = app
        .call(
            &learner.client,
            "accounts/change_my_email",
            &[
                ("input[email]", "Moi.Ailleurs@example.org"),
                ("input[password]", TEST_PASSWORD),
            ],
        )
        .await;

    assert!(response.status().as_u16() < 400, "{}", response.status());
    assert_eq!(
        email_of(&app, &learner).await.as_deref(),
        Some("moi.ailleurs@example.org")
    );
    assert_both_told(
        &notices(&app).await,
        "moi.ailleurs@example.org",
        &learner.email,
    );
    let audit = changes(&app).await;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor_id, Some(learner.id));
    assert_eq!(audit[0].details.clone().expect("details")["by"], "self");
    assert!(
        app.who_am_i(&learner.client).await.is_some(),
        "still signed in"
    );
}

#[tokio::test]
async fn every_role_sees_its_own_change_confirmed_on_the_profile() {
    let app = TestApp::spawn().await;
    for role in [Role::Learner, Role::Trainer, Role::Coordinator] {
        let person = app.signed_in(role).await;
        let email = format!("nouvelle-{}@example.org", person.id);

        let page = submit(
            &app,
            &person.client,
            "accounts/change_my_email",
            &[("input[email]", &email), ("input[password]", TEST_PASSWORD)],
        )
        .await;

        assert!(
            page.contains("Votre adresse e-mail a été modifiée."),
            "{role:?}"
        );
        assert!(
            page.contains(&email),
            "{role:?}: the profile shows the new address"
        );
    }
}

#[tokio::test]
async fn own_address_changes_are_rate_limited() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    for attempt in 0..5 {
        let response = app
            .call(
                &learner.client,
                "accounts/change_my_email",
                &[
                    ("input[email]", "nouvelle@example.org"),
                    ("input[password]", "mauvais mot de passe"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422, "attempt {attempt}");
    }

    let blocked = app
        .call(
            &learner.client,
            "accounts/change_my_email",
            &[
                ("input[email]", "nouvelle@example.org"),
                ("input[password]", TEST_PASSWORD),
            ],
        )
        .await;

    assert_eq!(blocked.status().as_u16(), 429);
    assert_eq!(email_of(&app, &learner).await, Some(learner.email.clone()));
}
