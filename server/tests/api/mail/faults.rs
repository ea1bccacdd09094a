//! Delivery faults: SMTP down then back, 4xx then 250, 5xx, the attempt
//! limit, and a shutdown in the middle of a batch.

use std::collections::HashMap;
use std::time::Duration;

use sea_orm::Database;
use tokio::sync::oneshot;

use server::Application;

use crate::support::smtp::{
    FAST_MAIL, TestSmtp, app_sending_to, free_port, outbox_rows, queue, settled,
};
use crate::support::{TestDatabase, test_config};

fn count_by_subject(subjects: impl Iterator<Item = String>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for subject in subjects {
        *counts.entry(subject).or_default() += 1;
    }
    counts
}

#[tokio::test]
async fn messages_queued_while_smtp_is_down_arrive_once_when_it_returns() {
    let port = free_port();
    let app = app_sending_to(&format!("smtp://127.0.0.1:{port}"), &[]).await;
    for n in 0..5 {
        queue(
            &app.db,
            &format!("down:{n}"),
            "a@example.org",
            &format!("Message {n}"),
        )
        .await;
    }
    // Every message has failed at least twice against the closed port.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let rows = loop {
        let rows = outbox_rows(&app.db).await;
        if rows.iter().all(|r| r.attempts >= 2) || tokio::time::Instant::now() > deadline {
            break rows;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        rows.iter().all(|r| r.attempts >= 2 && r.status != "sent"),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| r.last_error.is_some()), "{rows:?}");

    let smtp = TestSmtp::start_on(port, &[]).await;

    let received = smtp.wait_for(5, 20).await;
    let counts = count_by_subject(received.into_iter().map(|m| m.subject));
    assert_eq!(counts.len(), 5, "{counts:?}");
    assert!(
        counts.values().all(|&c| c == 1),
        "each exactly once: {counts:?}"
    );
    let rows = settled(&app.db, 10).await;
    assert!(
        rows.iter()
            .all(|r| r.status == "sent" && r.last_error.is_none()),
        "{rows:?}"
    );
}

#[tokio::test]
async fn a_451_answer_is_retried_until_the_server_accepts() {
    let smtp = TestSmtp::start(&[("RELAIS_SMTP_TEMPFAIL_FIRST", "2")]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;

    queue(&app.db, "tempfail:1", "a@example.org", "Patience").await;

    let received = smtp.wait_for(1, 20).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].subject, "Patience");
    let rows = settled(&app.db, 10).await;
    assert_eq!(rows[0].status, "sent");
    assert_eq!(rows[0].attempts, 3, "two 451 answers, then 250");
}

#[tokio::test]
async fn a_550_answer_fails_the_message_at_once_with_its_error() {
    let smtp = TestSmtp::start(&[("RELAIS_SMTP_REJECT", "1")]).await;
    let app = app_sending_to(&smtp.url(), &[]).await;

    queue(&app.db, "reject:1", "nobody@example.org", "Perdu").await;

    let rows = settled(&app.db, 20).await;
    assert_eq!(rows[0].status, "failed");
    let error = rows[0].last_error.clone().unwrap_or_default();
    assert!(
        error.contains("550") && error.contains("no such user"),
        "{error}"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rows = outbox_rows(&app.db).await;
    assert_eq!(rows[0].attempts, 1, "never retried");
    assert!(smtp.received().is_empty());
}

#[tokio::test]
async fn transient_failures_stop_at_the_attempt_limit() {
    let port = free_port();
    let app = app_sending_to(
        &format!("smtp://127.0.0.1:{port}"),
        &[("RELAIS_MAIL_MAX_ATTEMPTS", "3")],
    )
    .await;

    queue(&app.db, "limit:1", "a@example.org", "Jamais").await;

    let rows = settled(&app.db, 20).await;
    assert_eq!(rows[0].status, "failed");
    assert_eq!(rows[0].attempts, 3);
    let error = rows[0].last_error.clone().unwrap_or_default();
    assert!(error.to_lowercase().contains("connect"), "{error}");
}

#[tokio::test]
async fn stopping_the_server_finishes_the_message_in_hand_and_releases_the_rest() {
    let smtp = TestSmtp::start(&[("RELAIS_SMTP_DELAY_MS", "300")]).await;
    let database = TestDatabase::create().await;
    let smtp_url = smtp.url();
    let mut vars = vec![("SMTP_URL", smtp_url.as_str())];
    vars.extend_from_slice(&FAST_MAIL);
    let application = Application::build(test_config(database.url(), &vars))
        .await
        .expect("application builds");
    for n in 0..20 {
        queue(
            application.db(),
            &format!("stop:{n}"),
            "a@example.org",
            &format!("Message {n}"),
        )
        .await;
    }
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(application.run_until(async move {
        let _ = stopped.await;
    }));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while smtp.received().is_empty() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let _ = stop.send(());
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server and its worker stop promptly")
        .expect("server task")
        .expect("clean stop");

    let db = Database::connect(database.url()).await.expect("reconnect");
    let rows = outbox_rows(&db).await;
    let sent: Vec<_> = rows.iter().filter(|r| r.status == "sent").collect();
    let queued: Vec<_> = rows.iter().filter(|r| r.status == "queued").collect();
    assert_eq!(sent.len() + queued.len(), 20, "none left sending: {rows:?}");
    assert!(
        !queued.is_empty(),
        "the worker stopped before the end of the batch"
    );
    assert!(
        queued.iter().all(|r| r.attempts == 0),
        "released, not counted: {queued:?}"
    );
    assert_eq!(smtp.received().len(), sent.len(), "sent means received");
    db.close().await.expect("close");
}
