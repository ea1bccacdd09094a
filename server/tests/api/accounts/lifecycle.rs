//! Sign-up, sign-in, sign-out, sessions, password reset and rate limits.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use app::db::entities::{audit_log, email_outbox, password_resets, users};
use app::roles::Role;

use super::message;
use crate::support::smtp::{TestSmtp, app_sending_to};
use crate::support::{TEST_PASSWORD, TestApp, new_client};

pub(super) fn sign_up_form<'a>(email: &'a str, password: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("input[email]", email),
        ("input[display_name]", "Nadia Haddad"),
        ("input[password]", password),
        ("input[profession]", "Assistante sociale"),
        ("input[sector]", "action_sociale"),
        ("input[structure_id]", ""),
        ("input[new_structure]", "Association Le Pas de Côté"),
        ("input[consent]", "on"),
    ]
}

#[tokio::test]
async fn a_learner_signs_up_and_is_signed_in() {
    let app = TestApp::spawn().await;
    let client = new_client();

    let response = app
        .call(
            &client,
            "accounts/sign_up",
            &sign_up_form("Nadia@Example.org ", TEST_PASSWORD),
        )
        .await;

    assert!(
        response.status().is_success() || response.status().is_redirection(),
        "{}",
        response.status()
    );
    let me = app
        .who_am_i(&client)
        .await
        .expect("signed in after sign-up");
    assert_eq!(me.role, Role::Learner);
    let stored = users::Entity::find()
        .filter(users::Column::Email.eq("nadia@example.org"))
        .one(&app.db)
        .await;
    let stored = stored.expect("query").expect("email stored normalised");
    assert!(
        stored
            .password_hash
            .expect("hash")
            .starts_with("$argon2id$")
    );
    assert!(
        stored.structure_id.is_some(),
        "the typed-in structure was created"
    );
}

#[tokio::test]
async fn bad_sign_up_details_get_french_messages_and_store_nothing() {
    let app = TestApp::spawn().await;
    let client = new_client();
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            sign_up_form("nadia@example.org", "court"),
            "au moins 8 caractères",
        ),
        (
            sign_up_form("nadia@example.org", "motdepasse"),
            "trop courant",
        ),
        (
            sign_up_form("pas-une-adresse", TEST_PASSWORD),
            "adresse e-mail valide",
        ),
        (
            sign_up_form("nadia@example.org", TEST_PASSWORD)
                .into_iter()
                .filter(|(k, _)| *k != "input[consent]")
                .collect(),
            "Données personnelles",
        ),
        (
            sign_up_form("nadia@example.org", TEST_PASSWORD)
                .into_iter()
                .map(|(k, v)| {
                    if k == "input[sector]" {
                        (k, "finance")
                    } else {
                        (k, v)
                    }
                })
                .collect(),
            "secteur",
        ),
    ];
    for (form, expected) in cases {
        let response = app.call(&client, "accounts/sign_up", &form).await;
        assert_eq!(
            response.status().as_u16(),
            422,
            "expected a refusal mentioning {expected:?}"
        );
        let text = message(response).await;
        assert!(
            text.contains(expected),
            "{text:?} should mention {expected:?}"
        );
    }
    assert_eq!(
        users::Entity::find().count(&app.db).await.expect("count"),
        0,
        "nothing stored"
    );
    assert!(app.who_am_i(&client).await.is_none());
}

#[tokio::test]
async fn an_email_can_only_have_one_account() {
    let app = TestApp::spawn().await;
    app.create_user(Role::Learner, "nadia@example.org").await;

    let response = app
        .call(
            &new_client(),
            "accounts/sign_up",
            &sign_up_form("NADIA@example.org", TEST_PASSWORD),
        )
        .await;

    assert_eq!(response.status().as_u16(), 409);
    assert!(message(response).await.contains("existe déjà"));
    assert_eq!(
        users::Entity::find().count(&app.db).await.expect("count"),
        1
    );
}

#[tokio::test]
async fn sign_in_then_sign_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let user = app
        .create_user(Role::Trainer, "formatrice@example.org")
        .await;

    let response = app.sign_in(&user.client, &user.email, TEST_PASSWORD).await;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("relais_session="))
        .expect("session cookie")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert_eq!(
        app.who_am_i(&user.client).await.map(|u| u.role),
        Some(Role::Trainer)
    );

    app.call(&user.client, "accounts/sign_out", &[]).await;

    assert!(app.who_am_i(&user.client).await.is_none());
    // Replaying the old cookie does not bring the session back.
    let token = cookie.split(';').next().expect("pair").to_owned();
    let replay = reqwest::Client::new()
        .post(app.url("/api/accounts/who_am_i"))
        .header("Cookie", token)
        .header("Accept", "application/json")
        .send()
        .await
        .expect("request");
    let who: Option<app::auth::CurrentUser> = replay.json().await.expect("JSON");
    assert!(who.is_none());
    let signed_in = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("sign_in"))
        .count(&app.db)
        .await;
    assert_eq!(signed_in.expect("count"), 1);
}

#[tokio::test]
async fn a_wrong_password_is_refused_and_logged() {
    let app = TestApp::spawn().await;
    let user = app.create_user(Role::Learner, "camille@example.org").await;

    let response = app
        .sign_in(&user.client, &user.email, "pas le bon mot de passe")
        .await;

    assert_eq!(response.status().as_u16(), 422);
    assert_eq!(
        message(response).await,
        "Adresse e-mail ou mot de passe incorrect."
    );
    let unknown = app
        .sign_in(
            &user.client,
            "personne@example.org",
            "pas le bon mot de passe",
        )
        .await;
    assert_eq!(
        message(unknown).await,
        "Adresse e-mail ou mot de passe incorrect.",
        "same answer for unknown emails"
    );
    let failed = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("sign_in_failed"))
        .count(&app.db)
        .await;
    assert_eq!(failed.expect("count"), 2);
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in() {
    let app = TestApp::spawn().await;
    let planted = app.signed_in(Role::Learner).await;
    let victim = app.create_user(Role::Learner, "victime@example.org").await;

    // The planted session's client signs in as the victim.
    app.sign_in(&planted.client, &victim.email, TEST_PASSWORD)
        .await;

    let me = app.who_am_i(&planted.client).await.expect("signed in");
    assert_eq!(me.id, victim.id);
    let sessions = app::db::entities::auth_sessions::Entity::find()
        .all(&app.db)
        .await
        .expect("sessions");
    assert_eq!(sessions.len(), 1, "the planted session was ended");
    assert_eq!(sessions[0].user_id, victim.id);
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_account() {
    let app = TestApp::spawn().await;
    let user = app.create_user(Role::Learner, "cible@example.org").await;
    for _ in 0..5 {
        let r = app
            .sign_in(&new_client(), &user.email, "mauvais mot de passe")
            .await;
        assert_eq!(r.status().as_u16(), 422);
    }

    let blocked = app.sign_in(&user.client, &user.email, TEST_PASSWORD).await;

    assert_eq!(blocked.status().as_u16(), 429);
    assert!(message(blocked).await.contains("Trop de tentatives"));
    assert!(app.who_am_i(&user.client).await.is_none());
}

#[tokio::test]
async fn guesses_sent_at_once_are_counted_before_any_password_is_checked() {
    // Each guess comes from its own address behind a trusted proxy, so that
    // only the account's counter decides (the client's, 20, could otherwise
    // refuse one of the five, depending on how the two counters interleave).
    let app = TestApp::spawn_with(&[("RELAIS_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let user = app.create_user(Role::Learner, "cible@example.org").await;
    let guesses = (0..30).map(|i| {
        let app = &app;
        let email = user.email.clone();
        async move {
            let password = format!("mauvais mot de passe {i}");
            new_client()
                .post(app.url("/api/accounts/sign_in"))
                .header("Accept", "application/json")
                .header("X-Forwarded-For", format!("203.0.113.{i}"))
                .form(&[
                    ("input[email]", email.as_str()),
                    ("input[password]", &password),
                ])
                .send()
                .await
                .expect("request")
                .status()
                .as_u16()
        }
    });
    let statuses = futures::future::join_all(guesses).await;

    let checked = statuses.iter().filter(|s| **s == 422).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, refused), (5, 25), "{statuses:?}");
    // Only the five counted attempts reached the password check.
    let failures = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("sign_in_failed"))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(failures, 5);
    let blocked = app.sign_in(&user.client, &user.email, TEST_PASSWORD).await;
    assert_eq!(blocked.status().as_u16(), 429);
}

#[tokio::test]
async fn successful_sign_ins_do_not_use_up_the_client_limit() {
    let app = TestApp::spawn().await;
    let user = app.create_user(Role::Learner, "souvent@example.org").await;
    // More than the 20 failures a client address may make, all successful.
    for attempt in 0..22 {
        let r = app.sign_in(&new_client(), &user.email, TEST_PASSWORD).await;
        assert!(
            r.status().as_u16() < 400,
            "attempt {attempt}: {}",
            r.status()
        );
    }
}

#[tokio::test]
async fn the_client_limit_ignores_forged_forwarding_headers() {
    let app = TestApp::spawn().await;
    for i in 0..20 {
        let r = app
            .client
            .post(app.url("/api/accounts/sign_in"))
            .header("Accept", "application/json")
            .header("X-Forwarded-For", format!("10.0.0.{i}"))
            .header("X-Real-IP", format!("10.0.1.{i}"))
            .form(&[
                ("input[email]", format!("inconnu{i}@example.org")),
                ("input[password]", "x".repeat(10)),
            ])
            .send()
            .await
            .expect("request");
        assert_eq!(r.status().as_u16(), 422, "attempt {i}");
    }

    let blocked = app
        .client
        .post(app.url("/api/accounts/sign_in"))
        .header("Accept", "application/json")
        .header("X-Forwarded-For", "192.0.2.99")
        .form(&[
            ("input[email]", "encore@example.org"),
            ("input[password]", "xxxxxxxxxx"),
        ])
        .send()
        .await
        .expect("request");

    assert_eq!(blocked.status().as_u16(), 429);
}

#[tokio::test]
async fn a_deactivated_account_loses_access_at_once() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    assert!(app.who_am_i(&learner.client).await.is_some());
    let id = learner.id.to_string();

    let r = app
        .call(
            &coordinator.client,
            "accounts/set_active",
            &[("input[user_id]", &id), ("input[active]", "false")],
        )
        .await;

    assert!(
        r.status().is_success() || r.status().is_redirection(),
        "{}",
        r.status()
    );
    assert!(app.who_am_i(&learner.client).await.is_none());
    assert_eq!(
        app.call(&learner.client, "accounts/my_profile", &[])
            .await
            .status()
            .as_u16(),
        401
    );
    let again = app
        .sign_in(&new_client(), &learner.email, TEST_PASSWORD)
        .await;
    assert_eq!(again.status().as_u16(), 422);
}

#[tokio::test]
async fn a_coordinator_promotes_a_learner_to_trainer() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let id = learner.id.to_string();

    app.call(
        &coordinator.client,
        "accounts/change_role",
        &[("input[user_id]", &id), ("input[role]", "trainer")],
    )
    .await;

    assert_eq!(
        app.who_am_i(&learner.client).await.map(|u| u.role),
        Some(Role::Trainer)
    );
    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("role_changed"))
        .one(&app.db)
        .await;
    let audit = audit.expect("query").expect("role change audited");
    assert_eq!(audit.actor_id, Some(coordinator.id));
    assert_eq!(audit.target_id, Some(learner.id));
}

pub(super) fn token_in(text: &str) -> String {
    let start = text.find("jeton=").expect("link with a token") + "jeton=".len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[tokio::test]
async fn a_reset_link_works_once_and_only_for_30_minutes() {
    // The links are read as received: the outbox masks them once sent.
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let user = app.create_user(Role::Learner, "oubli@example.org").await;
    let unknown = app
        .call(
            &app.client,
            "accounts/request_password_reset",
            &[("input[email]", "inconnu@example.org")],
        )
        .await;
    let known = app
        .call(
            &app.client,
            "accounts/request_password_reset",
            &[("input[email]", "Oubli@example.org")],
        )
        .await;
    assert_eq!(
        unknown.status(),
        known.status(),
        "same answer whether or not the email exists"
    );
    let queued = email_outbox::Entity::find()
        .all(&app.db)
        .await
        .expect("outbox");
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].recipient, "oubli@example.org");
    assert_eq!(queued[0].kind, "password_reset");
    let token = token_in(&smtp.wait_for(1, 20).await[0].text);

    let new_password = "un tout nouveau mot de passe";
    let ok = app
        .call(
            &app.client,
            "accounts/reset_password",
            &[("input[token]", &token), ("input[password]", new_password)],
        )
        .await;
    assert!(
        ok.status().is_success() || ok.status().is_redirection(),
        "{}",
        ok.status()
    );
    let again = app
        .call(
            &app.client,
            "accounts/reset_password",
            &[
                ("input[token]", &token),
                ("input[password]", "encore un autre mot de passe"),
            ],
        )
        .await;
    assert_eq!(again.status().as_u16(), 422);
    assert!(message(again).await.contains("n’est plus valable"));
    let signed = app.sign_in(&user.client, &user.email, new_password).await;
    assert!(signed.status().is_success() || signed.status().is_redirection());

    // An expired token is refused.
    app.call(
        &app.client,
        "accounts/request_password_reset",
        &[("input[email]", "oubli@example.org")],
    )
    .await;
    let received = smtp.wait_for(2, 20).await;
    let token = token_in(&received.last().expect("second message").text);
    let reset = password_resets::Entity::find()
        .filter(password_resets::Column::UsedAt.is_null())
        .one(&app.db)
        .await
        .expect("query")
        .expect("pending reset");
    let mut expired: password_resets::ActiveModel = reset.into();
    expired.expires_at = Set(chrono::Utc::now() - chrono::Duration::minutes(1));
    expired.update(&app.db).await.expect("expire");
    let late = app
        .call(
            &app.client,
            "accounts/reset_password",
            &[
                ("input[token]", &token),
                ("input[password]", "mot de passe trop tardif"),
            ],
        )
        .await;
    assert_eq!(late.status().as_u16(), 422);
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.create_user(Role::Learner, "csrf@example.org").await;
    let form = [
        ("input[email]", user.email.as_str()),
        ("input[password]", TEST_PASSWORD),
    ];

    let sign_in_with = |headers: &'static [(&'static str, &'static str)]| {
        let mut request = app.client.post(app.url("/api/accounts/sign_in"));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.form(&form).send()
    };
    let by_fetch_metadata = sign_in_with(&[("Sec-Fetch-Site", "cross-site")])
        .await
        .expect("request");
    let by_origin = sign_in_with(&[("Origin", "https://site-malveillant.example")])
        .await
        .expect("request");
    let same_site = sign_in_with(&[
        ("Sec-Fetch-Site", "same-origin"),
        ("Accept", "application/json"),
    ])
    .await
    .expect("request");

    assert_eq!(by_fetch_metadata.status().as_u16(), 403);
    assert_eq!(by_origin.status().as_u16(), 403);
    assert!(
        by_origin
            .text()
            .await
            .expect("body")
            .contains("Requête refusée")
    );
    assert!(same_site.status().is_success() || same_site.status().is_redirection());
}

#[tokio::test]
async fn erasure_anonymises_the_account_after_the_coordinator_confirms() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let id = learner.id.to_string();

    let early = app
        .call(
            &coordinator.client,
            "accounts/confirm_erasure",
            &[("user_id", &id), ("confirmed", "on")],
        )
        .await;
    assert_eq!(
        early.status().as_u16(),
        422,
        "nothing to confirm before the request"
    );
    app.call(&learner.client, "accounts/request_erasure", &[])
        .await;
    let unconfirmed = app
        .call(
            &coordinator.client,
            "accounts/confirm_erasure",
            &[("user_id", &id)],
        )
        .await;
    assert_eq!(unconfirmed.status().as_u16(), 422, "the box must be ticked");
    assert!(
        users::Entity::find_by_id(learner.id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("row")
            .erased_at
            .is_none(),
        "nothing erased without the confirmation"
    );
    app.call(
        &coordinator.client,
        "accounts/confirm_erasure",
        &[("user_id", &id), ("confirmed", "on")],
    )
    .await;

    let stored = users::Entity::find_by_id(learner.id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("row kept");
    assert_eq!(stored.email, None);
    assert!(stored.display_name.starts_with("Personne effacée"));
    assert!(stored.password_hash.is_none() && stored.erased_at.is_some() && !stored.active);
    assert!(app.who_am_i(&learner.client).await.is_none());
}

#[tokio::test]
async fn people_download_their_own_data_only() {
    let app = TestApp::spawn().await;
    let learner = app.signed_in(Role::Learner).await;

    let mine = app.get_as(&learner.client, "/mes-donnees").await;
    let anonymous = app.get("/mes-donnees").await;

    assert_eq!(mine.status().as_u16(), 200);
    let data: serde_json::Value = mine.json().await.expect("JSON");
    assert_eq!(data["profil"]["adresse_email"], learner.email.as_str());
    assert_eq!(anonymous.status().as_u16(), 401);
}

#[tokio::test]
async fn a_structure_typed_in_at_sign_up_waits_for_the_coordinator() {
    let app = TestApp::spawn().await;
    app.call(
        &new_client(),
        "accounts/sign_up",
        &sign_up_form("nadia@example.org", TEST_PASSWORD),
    )
    .await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let listed: Vec<app::accounts::StructureOption> = app
        .call(&app.client, "accounts/list_structures", &[])
        .await
        .json()
        .await
        .expect("JSON");
    assert!(
        listed
            .iter()
            .all(|s| s.name != "Association Le Pas de Côté"),
        "not offered before review"
    );
    let all: Vec<app::accounts::StructureRow> = app
        .call(&coordinator.client, "accounts/list_all_structures", &[])
        .await
        .json::<app::accounts::StructureList>()
        .await
        .expect("JSON")
        .rows;
    let pending = all
        .iter()
        .find(|s| s.name == "Association Le Pas de Côté")
        .expect("pending structure");
    assert!(!pending.reviewed);

    let id = pending.id.to_string();
    app.call(
        &coordinator.client,
        "accounts/review_structure",
        &[("structure_id", &id)],
    )
    .await;

    let listed: Vec<app::accounts::StructureOption> = app
        .call(&app.client, "accounts/list_structures", &[])
        .await
        .json()
        .await
        .expect("JSON");
    assert!(
        listed
            .iter()
            .any(|s| s.name == "Association Le Pas de Côté")
    );
    let duplicate = app
        .call(
            &coordinator.client,
            "accounts/create_structure",
            &[
                ("input[name]", "Association Le Pas de Côté"),
                ("input[sector]", "autre"),
                ("input[city]", ""),
            ],
        )
        .await;
    assert_eq!(duplicate.status().as_u16(), 409);
}

#[tokio::test]
async fn reset_requests_are_limited_per_client() {
    let app = TestApp::spawn().await;
    for i in 0..5 {
        let email = format!("personne{i}@example.org");
        let r = app
            .call(
                &app.client,
                "accounts/request_password_reset",
                &[("input[email]", &email)],
            )
            .await;
        assert!(
            r.status().is_success() || r.status().is_redirection(),
            "request {i}: {}",
            r.status()
        );
    }

    let blocked = app
        .call(
            &app.client,
            "accounts/request_password_reset",
            &[("input[email]", "encore@example.org")],
        )
        .await;

    assert_eq!(blocked.status().as_u16(), 429);
    assert!(message(blocked).await.contains("Trop de tentatives"));
}

#[tokio::test]
async fn sessions_end_after_two_idle_hours_or_twelve_hours_in_all() {
    use app::auth::session;
    let app = TestApp::spawn().await;
    let user = app.create_user(Role::Learner, "horloge@example.org").await;
    let start = chrono::Utc::now();
    let idle = session::create(&app.db, user.id, start)
        .await
        .expect("session");
    let busy = session::create(&app.db, user.id, start)
        .await
        .expect("session");

    // Used every hour, the second session survives its idle limit...
    for hour in 1..12 {
        let at = start + chrono::Duration::hours(hour);
        assert_eq!(
            session::resolve(&app.db, &busy, at).await.expect("resolve"),
            Some(user.id),
            "hour {hour}"
        );
    }
    // ... but not the absolute one.
    let late = start + chrono::Duration::hours(12) + chrono::Duration::minutes(1);
    assert_eq!(
        session::resolve(&app.db, &busy, late)
            .await
            .expect("resolve"),
        None
    );
    // Left alone for more than two hours, the first one has ended.
    let after_idle = start + chrono::Duration::hours(2) + chrono::Duration::minutes(1);
    assert_eq!(
        session::resolve(&app.db, &idle, after_idle)
            .await
            .expect("resolve"),
        None
    );
}
