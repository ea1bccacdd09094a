//! Revoking a certificate through the interface, from an empty database: the
//! coordinator only, with a reason and a ticked confirmation; the holder is
//! told by email, `/verifier` says it is revoked and since when (never why),
//! « Mes certificats » no longer offers it, the cohort page shows it, issuing
//! again leaves it revoked, and a second revocation changes nothing.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::certificates::types::MyCertificate;
use app::db::entities::{audit_log, email_outbox};
use app::roles::Role;

use crate::certificates::support::{certificate_of, cohort, finished_class, issue};
use crate::support::fixtures::rename;
use crate::support::smtp::{TestSmtp, app_sending_to};
use crate::support::{TestApp, TestUser, new_client};

const REASON: &str = "Présence déclarée par erreur sur la feuille d’émargement.";

async fn revoke(
    app: &TestApp,
    client: &reqwest::Client,
    session: i32,
    certificate: i32,
    reason: &str,
    confirm: bool,
) -> reqwest::Response {
    let (session, certificate) = (session.to_string(), certificate.to_string());
    let mut form = vec![
        ("input[session_id]", session.as_str()),
        ("input[certificate_id]", certificate.as_str()),
        ("input[reason]", reason),
    ];
    if confirm {
        form.push(("input[confirm]", "true"));
    }
    app.call(client, "certificates/revoke", &form).await
}

async fn revocation_audits(app: &TestApp) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("certificate_revoked"))
        .all(&app.db)
        .await
        .expect("audit")
}

async fn revocation_emails(app: &TestApp) -> u64 {
    email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq("certificate_revoked"))
        .count(&app.db)
        .await
        .expect("outbox")
}

fn today_in_french() -> String {
    app::calendar::french_date(app::calendar::to_local(chrono::Utc::now()).date())
}

async fn mine(app: &TestApp, who: &TestUser) -> Vec<MyCertificate> {
    app.call(&who.client, "certificates/mine", &[])
        .await
        .json()
        .await
        .expect("mine")
}

#[tokio::test]
async fn the_coordinator_revokes_a_certificate_and_the_holder_is_told() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let c = finished_class(&app, 2, 2).await;
    let (holder, enrolment) = (&c.learners[0].0, c.learners[0].1);
    // Two convocations, then two certificates.
    smtp.wait_for(2, 20).await;
    issue(&app, &c.trainer, c.session, None).await;
    smtp.wait_for(4, 20).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let cert = certificate_of(&app, enrolment).await;
    let other = certificate_of(&app, c.learners[1].1).await;
    let before = cohort(&app, &coordinator, c.session).await;
    assert!(before.can_revoke);
    assert!(!cohort(&app, &c.trainer, c.session).await.can_revoke);

    let response = revoke(
        &app,
        &coordinator.client,
        c.session,
        cert.id,
        &format!("  {REASON}  "),
        true,
    )
    .await;

    assert_eq!(
        response.status(),
        200,
        "{}",
        response.text().await.unwrap_or_default()
    );
    let stored = certificate_of(&app, enrolment).await;
    assert!(stored.revoked_at.is_some());
    assert_eq!(stored.revocation_reason.as_deref(), Some(REASON));
    assert_eq!(stored.revision, cert.revision);
    assert_eq!(certificate_of(&app, c.learners[1].1).await, other);

    // One audit entry by the coordinator, with ids and the reason only.
    let audits = revocation_audits(&app).await;
    assert_eq!(audits.len(), 1);
    let entry = &audits[0];
    assert_eq!(entry.actor_id, Some(coordinator.id));
    assert_eq!(entry.target_type.as_deref(), Some("certificate"));
    assert_eq!(entry.target_id, Some(cert.id));
    let details = entry.details.clone().expect("details");
    assert_eq!(details["session_id"], c.session);
    assert_eq!(details["learner"], holder.id);
    assert_eq!(details["reason"], REASON);
    assert!(!details.to_string().contains(&holder.email));

    // The holder's notice reaches the SMTP server: the reason, no attachment.
    let notices: Vec<_> = smtp
        .wait_for(5, 20)
        .await
        .into_iter()
        .filter(|m| m.subject.contains("révoqué"))
        .collect();
    assert_eq!(notices.len(), 1);
    let notice = &notices[0];
    assert_eq!(
        notice.envelope_to.as_slice(),
        std::slice::from_ref(&holder.email)
    );
    assert!(notice.text.contains(REASON), "{}", notice.text);
    assert!(notice.text.contains(&cert.number));
    assert!(notice.text.contains(&today_in_french()), "{}", notice.text);
    assert!(notice.attachments.is_empty());

    // The public page: revoked, and since when; never why, nor who beyond its name.
    let (code, html) = app
        .get_html(&format!("/verifier/{}", cert.verification_code))
        .await;
    assert_eq!(code, 200);
    assert!(html.contains("Certificat révoqué"), "{html}");
    assert!(
        html.contains(&format!("révoqué le {}", today_in_french())),
        "{html}"
    );
    assert!(!html.contains("authentique"));
    for leak in [REASON, holder.email.as_str(), cert.number.as_str()] {
        assert!(!html.contains(leak), "{leak:?} leaked in {html}");
    }
    let (_, still_valid) = app
        .get_html(&format!("/verifier/{}", other.verification_code))
        .await;
    assert!(still_valid.contains("authentique"));

    // « Mes certificats »: said revoked, no download, and the file is gone for everyone.
    let listed = mine(&app, holder).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].revoked_on, Some(today_in_french()));
    let pdf = format!("/exports/certificats/{}.pdf", cert.id);
    let (_, space) = app.page_as(&holder.client, "/mon-espace").await;
    assert!(space.contains("révoqué le"), "{space}");
    assert!(!space.contains(&pdf), "{space}");
    for who in [&holder.client, &coordinator.client, &c.trainer.client] {
        assert_eq!(app.get_as(who, &pdf).await.status(), 404);
    }

    // The cohort page shows it revoked, with no form left for it.
    let page = format!("/sessions/{}/certificats", c.session);
    let (status, html) = app.page_as(&coordinator.client, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Révoqué le"), "{html}");
    assert!(!html.contains(&format!("Révoquer le certificat {}", cert.number)));
    assert!(html.contains(&format!("Révoquer le certificat {}", other.number)));
    assert!(html.contains("Télécharger les 1 certificat(s)"), "{html}");
    let (_, trainer_view) = app.page_as(&c.trainer.client, &page).await;
    assert!(trainer_view.contains("Révoqué le"));
    assert!(!trainer_view.contains("Révoquer le certificat"));

    // Issuing again, even after a correction, never un-revokes nor re-sends it.
    rename(&app.db, holder.id, "Apprenant·e Renommée", None).await;
    assert_eq!(cohort(&app, &coordinator, c.session).await.pending, 0);
    let report = issue(&app, &c.trainer, c.session, None).await;
    assert_eq!((report.issued, report.remaining), (0, 0));
    assert_eq!(certificate_of(&app, enrolment).await, stored);

    // A second revocation is refused in French and changes nothing.
    let again = revoke(
        &app,
        &coordinator.client,
        c.session,
        cert.id,
        "Autre motif",
        true,
    )
    .await;
    assert_eq!(again.status(), 422);
    assert!(again.text().await.expect("body").contains("déjà révoqué"));
    assert_eq!(certificate_of(&app, enrolment).await, stored);
    assert_eq!(revocation_audits(&app).await.len(), 1);
    assert_eq!(revocation_emails(&app).await, 1);
}

#[tokio::test]
async fn revoking_works_without_javascript_and_says_it_is_done() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 1, 1).await;
    issue(&app, &c.trainer, c.session, None).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let cert = certificate_of(&app, c.learners[0].1).await;
    let page = format!("/sessions/{}/certificats", c.session);
    let (_, html) = app.page_as(&coordinator.client, &page).await;
    let reason_field = format!("id=\"motif-revocation-{}\"", cert.id);
    assert!(html.contains(&reason_field), "{html}");
    assert!(html.contains("maxlength=\"500\""));
    assert!(html.contains(&format!("for=\"confirmer-revocation-{}\"", cert.id)));

    // A plain form post, as a browser without JavaScript sends it.
    let posted = coordinator
        .client
        .post(app.url("/api/certificates/revoke"))
        .header("Accept", "text/html")
        .header("Referer", app.url(&page))
        .form(&[
            ("input[session_id]", c.session.to_string()),
            ("input[certificate_id]", cert.id.to_string()),
            ("input[reason]", REASON.to_owned()),
            ("input[confirm]", "true".to_owned()),
        ])
        .send()
        .await
        .expect("form post");

    assert!(posted.status().is_redirection(), "{}", posted.status());
    let back = posted.headers()["location"].to_str().expect("location");
    assert_eq!(back, format!("{page}?revoque=1"));
    let (status, html) = app.page_as(&coordinator.client, back).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Certificat révoqué : son ou sa titulaire"),
        "{html}"
    );
    assert!(html.contains("Révoqué le"));
    assert!(
        certificate_of(&app, c.learners[0].1)
            .await
            .revoked_at
            .is_some()
    );
}

#[tokio::test]
async fn bad_revocations_are_refused_in_french_and_store_nothing() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 1, 1).await;
    issue(&app, &c.trainer, c.session, None).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let cert = certificate_of(&app, c.learners[0].1).await;
    let elsewhere = finished_class(&app, 1, 0).await;

    let too_long = "x".repeat(501);
    for (reason, confirm, expected) in [
        ("", true, "Indiquez le motif"),
        ("   ", true, "Indiquez le motif"),
        (too_long.as_str(), true, "500 caractères"),
        (REASON, false, "Cochez la case de confirmation"),
    ] {
        let response = revoke(
            &app,
            &coordinator.client,
            c.session,
            cert.id,
            reason,
            confirm,
        )
        .await;
        assert_eq!(response.status(), 422, "{expected}");
        let body = response.text().await.expect("body");
        assert!(body.contains(expected), "{expected}: {body}");
    }
    // A certificate of another session, or none: not found.
    let wrong_session = revoke(
        &app,
        &coordinator.client,
        elsewhere.session,
        cert.id,
        REASON,
        true,
    )
    .await;
    assert_eq!(wrong_session.status(), 404);
    let unknown = revoke(&app, &coordinator.client, c.session, 999_999, REASON, true).await;
    assert_eq!(unknown.status(), 404);
    // Not a number: refused while the arguments are read.
    let garbled = app
        .call(
            &coordinator.client,
            "certificates/revoke",
            &[
                ("input[session_id]", "abc"),
                ("input[certificate_id]", "1"),
                ("input[reason]", REASON),
            ],
        )
        .await;
    assert_eq!(garbled.status(), 422);

    assert_eq!(certificate_of(&app, c.learners[0].1).await, cert);
    assert!(revocation_audits(&app).await.is_empty());
    assert_eq!(revocation_emails(&app).await, 0);
}

#[tokio::test]
async fn trainers_and_learners_cannot_revoke() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 1, 1).await;
    issue(&app, &c.trainer, c.session, None).await;
    let cert = certificate_of(&app, c.learners[0].1).await;
    let holder = &c.learners[0].0;
    let other_learner = app.signed_in(Role::Learner).await;

    for (client, expected) in [
        (&c.trainer.client, 403),
        (&holder.client, 403),
        (&other_learner.client, 403),
        (&new_client(), 401),
    ] {
        let response = revoke(&app, client, c.session, cert.id, REASON, true).await;
        assert_eq!(response.status(), expected);
    }

    assert_eq!(certificate_of(&app, c.learners[0].1).await, cert);
    assert!(revocation_audits(&app).await.is_empty());
    assert_eq!(revocation_emails(&app).await, 0);
}
