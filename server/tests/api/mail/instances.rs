//! Several server instances on one database: the atomic claim gives each
//! message to exactly one of them.

use std::collections::HashMap;
use std::time::Duration;

use sea_orm::Database;
use tokio::sync::oneshot;

use server::Application;

use crate::support::smtp::{FAST_MAIL, TestSmtp, outbox_rows, queue};
use crate::support::{TestDatabase, test_config};

const MESSAGES: usize = 60;

/// Runs one instance sending as `from`; the returned sender stops it.
async fn instance(
    database_url: &str,
    smtp_url: &str,
    from: &str,
) -> (
    oneshot::Sender<()>,
    tokio::task::JoinHandle<anyhow::Result<()>>,
) {
    let mut vars = vec![
        ("SMTP_URL", smtp_url),
        ("RELAIS_MAIL_FROM", from),
        ("RELAIS_MAIL_BATCH", "4"),
    ];
    vars.extend_from_slice(&FAST_MAIL);
    let application = Application::build(test_config(database_url, &vars))
        .await
        .expect("application builds");
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(application.run_until(async move {
        let _ = stopped.await;
    }));
    (stop, server)
}

#[tokio::test]
async fn two_instances_on_one_database_send_each_message_once() {
    let database = TestDatabase::create().await;
    let smtp = TestSmtp::start(&[("RELAIS_SMTP_DELAY_MS", "10")]).await;
    let db = Database::connect(database.url()).await.expect("connect");
    server::db::migrate(&db).await.expect("migrate");
    for n in 0..MESSAGES {
        queue(
            &db,
            &format!("multi:{n}"),
            "a@example.org",
            &format!("Message {n}"),
        )
        .await;
    }

    let (url, smtp_url) = (database.url(), smtp.url());
    let (first, second) = tokio::join!(
        instance(url, &smtp_url, "Instance A <a@relais.test>"),
        instance(url, &smtp_url, "Instance B <b@relais.test>"),
    );
    let received = smtp.wait_for(MESSAGES, 60).await;
    for (stop, server) in [first, second] {
        let _ = stop.send(());
        tokio::time::timeout(Duration::from_secs(10), server)
            .await
            .expect("stops")
            .expect("task")
            .expect("clean stop");
    }

    let mut per_subject: HashMap<&str, usize> = HashMap::new();
    let mut per_instance: HashMap<bool, usize> = HashMap::new();
    for mail in &received {
        *per_subject.entry(&mail.subject).or_default() += 1;
        *per_instance
            .entry(mail.from.contains("a@relais.test"))
            .or_default() += 1;
    }
    assert_eq!(per_subject.len(), MESSAGES, "every message arrived");
    assert!(
        per_subject.values().all(|&c| c == 1),
        "never twice: {per_subject:?}"
    );
    assert_eq!(
        per_instance.len(),
        2,
        "both instances delivered: {per_instance:?}"
    );
    assert!(
        outbox_rows(&db)
            .await
            .iter()
            .all(|r| r.status == "sent" && r.attempts == 1)
    );
    db.close().await.expect("close");
}
