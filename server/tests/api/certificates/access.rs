//! Who reaches certificates: the holder downloads their own (never
//! another's), the session's managers download one or all (ZIP), and the
//! public verification page says only who, which training and when.

use std::io::{Cursor, Read};

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use app::roles::Role;

use crate::certificates::support::{TRAINING, certificate_of, finished_class, issue};
use crate::support::fixtures::{rename, structure};
use crate::support::{TestApp, new_client};

async fn status(app: &TestApp, client: &reqwest::Client, path: &str) -> u16 {
    app.get_as(client, path).await.status().as_u16()
}

#[tokio::test]
async fn a_learner_never_downloads_anothers_certificate() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 2, 2).await;
    issue(&app, &c.trainer, c.session, None).await;
    let (alice, alice_enrolment) = (&c.learners[0].0, c.learners[0].1);
    let bob = &c.learners[1].0;
    let mine = certificate_of(&app, alice_enrolment).await;
    let path = format!("/exports/certificats/{}.pdf", mine.id);
    let other_trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;

    assert_eq!(status(&app, &alice.client, &path).await, 200);
    assert_eq!(status(&app, &bob.client, &path).await, 404);
    assert_eq!(status(&app, &other_trainer.client, &path).await, 404);
    assert_eq!(status(&app, &new_client(), &path).await, 401);
    assert_eq!(status(&app, &c.trainer.client, &path).await, 200);
    assert_eq!(status(&app, &coordinator.client, &path).await, 200);
    assert_eq!(
        status(&app, &alice.client, "/exports/certificats/999999.pdf").await,
        404
    );

    // Each learner's space lists their own certificate only.
    let listed: Vec<app::certificates::types::MyCertificate> = app
        .call(&bob.client, "certificates/mine", &[])
        .await
        .json()
        .await
        .expect("mine");
    assert_eq!(listed.len(), 1);
    assert_ne!(listed[0].certificate_id, mine.id);
    assert_eq!(listed[0].training_title, TRAINING);
    let (_, space) = app.page_as(&alice.client, "/mon-espace").await;
    assert!(space.contains("Mes certificats"), "{space}");
    assert!(space.contains(&path));

    // The ZIP: the session's managers only, every certificate inside.
    let zip_path = format!("/exports/sessions/{}/certificats.zip", c.session);
    assert_eq!(status(&app, &alice.client, &zip_path).await, 403);
    assert_eq!(status(&app, &other_trainer.client, &zip_path).await, 403);
    assert_eq!(status(&app, &new_client(), &zip_path).await, 401);
    let zip = app.get_as(&c.trainer.client, &zip_path).await;
    assert_eq!(zip.status(), 200);
    let mut archive =
        zip::ZipArchive::new(Cursor::new(zip.bytes().await.expect("bytes"))).expect("archive");
    assert_eq!(archive.len(), 2);
    let mut entry = archive
        .by_name(&format!("certificat-{}.pdf", mine.number))
        .expect("entry");
    let mut pdf = Vec::new();
    entry.read_to_end(&mut pdf).expect("read");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[tokio::test]
async fn the_verification_page_confirms_name_training_and_date_only() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 1, 1).await;
    let ccas = structure(&app.db, "CCAS Carrefour des solidarités", "action_sociale").await;
    rename(&app.db, c.learners[0].0.id, "Élise Bernard", Some(ccas)).await;
    issue(&app, &c.trainer, c.session, None).await;
    let cert = certificate_of(&app, c.learners[0].1).await;
    let path = format!("/verifier/{}", cert.verification_code);

    let (code, html) = app.get_html(&path).await;

    assert_eq!(code, 200);
    for expected in ["Élise Bernard", TRAINING, "authentique"] {
        assert!(html.contains(expected), "{expected:?} missing from {html}");
    }
    for leak in [
        "CCAS",
        c.learners[0].0.email.as_str(),
        cert.number.as_str(),
        "6 h",
        "Claire Formatrice",
    ] {
        assert!(!html.contains(leak), "{leak:?} leaked in {html}");
    }

    let (code, html) = app.get_html("/verifier/AAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(code, 404);
    assert!(html.contains("Certificat inconnu"));
    let (code, _) = app.get_html("/verifier/%3Cscript%3E").await;
    assert_eq!(code, 404);

    let mut revoked: app::db::entities::certificates::ActiveModel = cert.into();
    revoked.revoked_at = Set(Some(Utc::now()));
    revoked.update(&app.db).await.expect("revoke");
    let (code, html) = app.get_html(&path).await;
    assert_eq!(code, 200);
    assert!(html.contains("révoqué"), "{html}");
    assert!(!html.contains("authentique"));
}
