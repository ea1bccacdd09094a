//! Certificates: eligibility shown before issuing, the PDF and its fields,
//! idempotent issuing and revisions, and issuing in batches.

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::db::entities::{certificate_revisions, email_outbox};
use app::roles::Role;

use crate::certificates::support::{
    TRAINING, certificate_of, certificate_rows, cohort, finished_class, issue,
};
use crate::support::TestApp;
use crate::support::documents::pdf_words;
use crate::support::fixtures::{mark, rename, structure};

async fn certificate_emails(app: &TestApp) -> Vec<email_outbox::Model> {
    email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq("certificate"))
        .all(&app.db)
        .await
        .expect("outbox")
}

#[tokio::test]
async fn every_learner_is_listed_eligible_or_not_with_french_reasons() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 3, 1).await;
    // The second attended the morning and was excused in the afternoon; the third has no mark.
    mark(&app.db, c.slots[0], c.learners[1].1, "present", Utc::now()).await;
    mark(
        &app.db,
        c.slots[1],
        c.learners[1].1,
        "absent_excuse",
        Utc::now(),
    )
    .await;

    let view = cohort(&app, &c.trainer, c.session).await;

    assert_eq!(view.lines.len(), 3);
    let line = |name: &str| {
        view.lines
            .iter()
            .find(|l| l.name == name)
            .expect("line")
            .clone()
    };
    let first = line("Apprenant·e 1");
    assert!(first.eligible, "{first:?}");
    assert_eq!(first.attendance, "2 / 2 demi-journée(s) · 6 h");
    let second = line("Apprenant·e 2");
    assert!(!second.eligible);
    assert_eq!(
        second.reasons,
        ["Une demi-journée n’a pas été suivie (toutes sont exigées)."]
    );
    let third = line("Apprenant·e 3");
    assert_eq!(
        third.reasons,
        ["2 demi-journées n’ont pas été suivies (toutes sont exigées)."]
    );
    assert_eq!(view.pending, 1);

    // 50 %: the excused afternoon no longer bars the second; the rule asks for the quiz too.
    let saved = app
        .call(
            &c.trainer.client,
            "certificates/set_rule",
            &[
                ("input[session_id]", &c.session.to_string()),
                ("input[min_attendance_percent]", "50"),
                ("input[requires_post_assessment]", "true"),
            ],
        )
        .await;
    assert_eq!(saved.status(), 200);
    let view = cohort(&app, &c.trainer, c.session).await;
    assert!(view.rule.requires_post_assessment);
    assert_eq!(view.rule.min_attendance_percent, 50);
    let second = view
        .lines
        .iter()
        .find(|l| l.name == "Apprenant·e 2")
        .expect("line");
    assert_eq!(
        second.reasons,
        ["L’auto-évaluation d’après formation n’a pas été remplie."]
    );

    // A bad percentage is refused in French and changes nothing.
    let refused = app
        .call(
            &c.trainer.client,
            "certificates/set_rule",
            &[
                ("input[session_id]", &c.session.to_string()),
                ("input[min_attendance_percent]", "120"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.expect("body").contains("de 0 à 100"));
    assert_eq!(
        cohort(&app, &c.trainer, c.session)
            .await
            .rule
            .min_attendance_percent,
        50
    );

    // The page says the same before anything is issued.
    let (status, html) = app
        .page_as(
            &c.trainer.client,
            &format!("/sessions/{}/certificats", c.session),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Non éligible"), "{html}");
    assert!(html.contains("L’auto-évaluation d’après formation n’a pas été remplie."));
    assert!(html.contains("<progress") || html.contains("Délivrer les certificats"));
}

#[tokio::test]
async fn the_certificate_pdf_holds_every_field_as_text() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 2, 1).await;
    let ccas = structure(&app.db, "CCAS Carrefour des solidarités", "action_sociale").await;
    rename(&app.db, c.learners[0].0.id, "Élise Bernard", Some(ccas)).await;

    let report = issue(&app, &c.trainer, c.session, None).await;

    assert_eq!((report.issued, report.remaining), (1, 0));
    let rows = certificate_rows(&app).await;
    assert_eq!(rows.len(), 1, "only the eligible learner");
    let cert = &rows[0];
    assert_eq!(cert.enrolment_id, c.learners[0].1);
    assert_eq!(cert.revision, 1);
    assert_eq!(cert.attended_minutes, 360);
    let year = chrono::Utc::now().format("%Y").to_string();
    assert_eq!(cert.number, format!("RELAIS-{year}-{:06}", cert.id));
    assert_eq!(cert.verification_code.len(), 22);

    let response = app
        .get_as(
            &c.learners[0].0.client,
            &format!("/exports/certificats/{}.pdf", cert.id),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().expect("type"),
        "application/pdf"
    );
    let pdf = response.bytes().await.expect("pdf");
    let text = pdf_words(&pdf);
    for expected in [
        "Certificat de réalisation",
        "Élise Bernard",
        "CCAS Carrefour des solidarités",
        TRAINING,
        "Hybride",
        "6 h",
        "2 demi-journée(s) suivie(s) sur 2",
        "Claire Formatrice",
        cert.number.as_str(),
        "Fait à Metz",
        "Centre hospitalier de Jury",
        &format!("/verifier/{}", cert.verification_code),
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from {text:?}"
        );
    }
    assert!(!text.contains("Apprenant·e 2"));
}

#[tokio::test]
async fn issuing_again_changes_nothing_and_a_correction_is_a_new_revision() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 1, 1).await;
    let enrolment = c.learners[0].1;

    assert_eq!(issue(&app, &c.trainer, c.session, None).await.issued, 1);
    let first = certificate_of(&app, enrolment).await;
    let again = issue(&app, &c.trainer, c.session, None).await;

    assert_eq!((again.issued, again.remaining), (0, 0));
    assert_eq!(certificate_of(&app, enrolment).await, first);
    assert_eq!(certificate_emails(&app).await.len(), 1);
    assert_eq!(cohort(&app, &c.trainer, c.session).await.pending, 0);

    // A corrected name: a new revision, the same number and code, one more email.
    rename(&app.db, c.learners[0].0.id, "Élise Bernard-Martin", None).await;
    assert_eq!(cohort(&app, &c.trainer, c.session).await.pending, 1);
    assert_eq!(issue(&app, &c.trainer, c.session, None).await.issued, 1);

    let corrected = certificate_of(&app, enrolment).await;
    assert_eq!(corrected.revision, 2);
    assert_eq!(corrected.number, first.number);
    assert_eq!(corrected.verification_code, first.verification_code);
    let revisions = certificate_revisions::Entity::find()
        .filter(certificate_revisions::Column::CertificateId.eq(first.id))
        .all(&app.db)
        .await
        .expect("revisions");
    let mut names: Vec<(i32, String)> = revisions
        .iter()
        .map(|r| (r.revision, r.holder_name.clone()))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            (1, "Apprenant·e 1".to_owned()),
            (2, "Élise Bernard-Martin".to_owned())
        ]
    );
    let mut keys: Vec<String> = certificate_emails(&app)
        .await
        .into_iter()
        .map(|e| e.idempotency_key)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            format!("certificate:{}:1", first.id),
            format!("certificate:{}:2", first.id)
        ]
    );
    assert_eq!(issue(&app, &c.trainer, c.session, None).await.issued, 0);
    assert_eq!(certificate_emails(&app).await.len(), 2);
}

#[tokio::test]
async fn the_progress_bar_issues_in_batches_until_none_remain() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 3, 3).await;
    let coordinator = app.signed_in(Role::Coordinator).await;

    let first = issue(&app, &coordinator, c.session, Some(2)).await;
    assert_eq!((first.issued, first.remaining), (2, 1));
    let second = issue(&app, &coordinator, c.session, Some(2)).await;
    assert_eq!((second.issued, second.remaining), (1, 0));

    assert_eq!(certificate_rows(&app).await.len(), 3);
    let count = certificate_revisions::Entity::find()
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(count, 3);
    let view = cohort(&app, &coordinator, c.session).await;
    assert!(view.lines.iter().all(|l| l.certificate.is_some()));
}
