//! The certificate reaches a real SMTP server as a PDF attachment, once per
//! revision.

use crate::certificates::support::{TRAINING, certificate_of, finished_class, issue};
use crate::support::documents::pdf_words;
use crate::support::fixtures::rename;
use crate::support::smtp::{TestSmtp, app_sending_to};

#[tokio::test]
async fn the_certificate_arrives_by_email_with_its_pdf_once_per_revision() {
    let smtp = TestSmtp::start(&[]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;
    let c = finished_class(&app, 1, 1).await;
    let learner = &c.learners[0].0;
    // The convocation sent at enrolment comes first.
    smtp.wait_for(1, 20).await;

    issue(&app, &c.trainer, c.session, None).await;
    issue(&app, &c.trainer, c.session, None).await;

    let cert = certificate_of(&app, c.learners[0].1).await;
    let certificates: Vec<_> = smtp
        .wait_for(2, 20)
        .await
        .into_iter()
        .filter(|m| m.subject.contains("certificat"))
        .collect();
    assert_eq!(certificates.len(), 1, "one email for one revision");
    let mail = &certificates[0];
    assert_eq!(
        mail.envelope_to.as_slice(),
        std::slice::from_ref(&learner.email)
    );
    assert!(mail.subject.contains(TRAINING), "{}", mail.subject);
    assert!(mail.text.contains(&cert.number), "{}", mail.text);
    assert_eq!(mail.attachments.len(), 1);
    let (name, content_type, content) = &mail.attachments[0];
    assert_eq!(name, &format!("certificat-{}.pdf", cert.number));
    assert_eq!(content_type, "application/pdf");
    let text = pdf_words(content);
    assert!(text.contains("Apprenant·e 1"), "{text}");
    assert!(text.contains(&cert.number));

    // A correction sends the new revision.
    rename(&app.db, learner.id, "Apprenant·e Corrigée", None).await;
    issue(&app, &c.trainer, c.session, None).await;
    let corrected: Vec<_> = smtp
        .wait_for(3, 20)
        .await
        .into_iter()
        .filter(|m| m.subject.contains("corrigé"))
        .collect();
    assert_eq!(corrected.len(), 1);
    assert!(pdf_words(&corrected[0].attachments[0].2).contains("Apprenant·e Corrigée"));
}
