//! Delivery through a real SMTP server on loopback: what arrives, once; the
//! password-reset message; idempotent queuing; header injection; `.eml` files.

use app::roles::Role;
use sea_orm::TransactionTrait;

use crate::support::TestApp;
use crate::support::smtp::{FAST_MAIL, Received, TestSmtp, app_sending_to, attach, queue, settled};

#[tokio::test]
async fn a_queued_message_arrives_once_with_its_bodies_and_attachment() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let pdf = b"%PDF-1.4 attestation de formation".to_vec();

    // One transaction, as the application must do: the worker never sees the row without its file.
    let txn = app.db.begin().await.expect("transaction");
    let id = queue(
        &txn,
        "certificate:7",
        "nadia@example.org",
        "Votre attestation",
    )
    .await;
    attach(&txn, id, "attestation.pdf", "application/pdf", &pdf).await;
    txn.commit().await.expect("commit");

    let received = smtp.wait_for(1, 20).await;
    assert_eq!(received.len(), 1, "delivered exactly once");
    let mail = &received[0];
    assert_eq!(mail.envelope_to, ["nadia@example.org"]);
    assert_eq!(mail.to, "nadia@example.org");
    assert!(mail.from.contains("relais@localhost"), "{}", mail.from);
    assert_eq!(mail.subject, "Votre attestation");
    assert_eq!(mail.text.trim_end(), "Texte de Votre attestation");
    assert_eq!(mail.html.trim_end(), "<p>HTML de Votre attestation</p>");
    assert_eq!(
        mail.attachments,
        [(
            "attestation.pdf".to_owned(),
            "application/pdf".to_owned(),
            pdf
        )]
    );
    assert!(mail.message_id.starts_with(&format!("<relais.{id}.")));
    let rows = settled(&app.db, 10).await;
    assert_eq!(rows[0].status, "sent");
    assert_eq!(rows[0].attempts, 1);
    assert!(rows[0].sent_at.is_some() && rows[0].lease_until.is_none());
}

#[tokio::test]
async fn queuing_the_same_key_twice_stores_and_sends_one_message() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;

    queue(&app.db, "convocation:3:12", "a@example.org", "Convocation").await;
    let again = app::mail::outbox::queue(
        &app.db,
        app::mail::outbox::NewEmail {
            idempotency_key: "convocation:3:12".to_owned(),
            kind: "test",
            recipient: "a@example.org".to_owned(),
            subject: "Convocation (double clic)".to_owned(),
            body_text: "x".to_owned(),
            body_html: "x".to_owned(),
            attachments: Vec::new(),
        },
    )
    .await
    .expect("queue");

    assert!(!again, "the second queuing is refused quietly");
    let rows = settled(&app.db, 10).await;
    assert_eq!(rows.len(), 1);
    let received = smtp.wait_for(1, 10).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].subject, "Convocation");
}

#[tokio::test]
async fn the_password_reset_message_reaches_the_smtp_server() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    app.create_user(Role::Learner, "oubli@example.org").await;

    let response = app
        .call(
            &app.client,
            "accounts/request_password_reset",
            &[("input[email]", "oubli@example.org")],
        )
        .await;

    assert!(response.status().is_success(), "{}", response.status());
    let received = smtp.wait_for(1, 20).await;
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail.envelope_to, ["oubli@example.org"]);
    assert_eq!(
        mail.subject,
        "Relais : réinitialisation de votre mot de passe"
    );
    let link = format!("{}/mot-de-passe/nouveau?jeton=", app.address);
    assert!(mail.text.contains(&link), "{}", mail.text);
    assert!(mail.html.contains(&link), "{}", mail.html);
    assert!(mail.text.contains("Conseil local de santé mentale de Metz"));
}

#[tokio::test]
async fn a_line_break_in_a_subject_cannot_add_a_header_or_a_recipient() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;

    queue(
        &app.db,
        "injection:subject",
        "victim@example.org",
        "Bonjour\r\nBcc: x@evil.example\r\nX-Injected: yes",
    )
    .await;

    let received = smtp.wait_for(1, 20).await;
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail.envelope_to, ["victim@example.org"]);
    // lettre encodes the subject (RFC 2047): the line breaks stay inside the one Subject header.
    assert_eq!(
        mail.header_names,
        [
            "X-Envelope-To",
            "From",
            "To",
            "Subject",
            "Message-ID",
            "MIME-Version",
            "Date",
            "Content-Type"
        ]
    );
    assert_eq!(
        mail.subject,
        "Bonjour\r\nBcc: x@evil.example\r\nX-Injected: yes"
    );
}

#[tokio::test]
async fn a_recipient_with_a_line_break_is_refused_for_good() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;

    queue(
        &app.db,
        "injection:recipient",
        "Eve\r\nBcc: x@evil.example <victim@example.org>",
        "Bonjour",
    )
    .await;

    let rows = settled(&app.db, 10).await;
    assert_eq!(rows[0].status, "failed");
    assert_eq!(rows[0].attempts, 1, "not retried");
    let error = rows[0].last_error.as_deref().unwrap_or_default();
    assert!(error.contains("invalid recipient"), "{error}");
    assert!(smtp.wait_for(1, 1).await.is_empty(), "nothing sent");
}

#[tokio::test]
async fn without_smtp_messages_are_written_as_eml_files() {
    let dir = tempfile::tempdir().expect("mail dir");
    let folder = dir.path().join("outbox");
    let folder_text = folder.display().to_string();
    let mut vars = vec![("RELAIS_MAIL_DIR", folder_text.as_str())];
    vars.extend_from_slice(&FAST_MAIL);
    let app = TestApp::spawn_with(&vars).await;

    queue(&app.db, "file:1", "lea@example.org", "Rappel de session").await;

    let rows = settled(&app.db, 10).await;
    assert_eq!(rows[0].status, "sent");
    let files: Vec<_> = std::fs::read_dir(&folder)
        .expect("the folder was created")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].extension().and_then(|e| e.to_str()), Some("eml"));
    let mail = Received::parse(&std::fs::read(&files[0]).expect("read .eml"));
    assert_eq!(mail.to, "lea@example.org");
    assert_eq!(mail.subject, "Rappel de session");
    assert_eq!(mail.text.trim_end(), "Texte de Rappel de session");
}
