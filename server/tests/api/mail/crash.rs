//! `kill -9` while the `relais` binary delivers: after a restart every
//! message arrives, and only messages claimed at the moment of the kill, no
//! more than the sends in flight (the documented window), may arrive twice.

use std::collections::{HashMap, HashSet};
use std::process::Stdio;
use std::time::Duration;

use sea_orm::Database;
use tokio::process::{Child, Command};

use crate::support::TestDatabase;
use crate::support::smtp::{TestSmtp, free_port, outbox_rows, queue};

const MESSAGES: usize = 50;

async fn start_relais(database_url: &str, smtp_url: &str) -> Child {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_relais"))
        .env("DATABASE_URL", database_url)
        .env("RELAIS_ADDR", format!("127.0.0.1:{port}"))
        .env("SMTP_URL", smtp_url)
        .env("RELAIS_MAIL_POLL_MS", "50")
        .env("RELAIS_MAIL_LEASE_MS", "2000")
        .env("RELAIS_MAIL_BATCH", "10")
        .env("RELAIS_MAIL_CONCURRENCY", "2")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("start relais");
    assert!(
        crate::support::wait_until_healthy(port).await,
        "relais did not start"
    );
    child
}

#[tokio::test]
async fn after_kill_9_and_a_restart_every_message_arrives_once_outside_the_window() {
    let database = TestDatabase::create().await;
    let smtp = TestSmtp::start(&[("RELAIS_SMTP_DELAY_MS", "100")]).await;
    let mut relais = start_relais(database.url(), &smtp.url()).await;
    let db = Database::connect(database.url()).await.expect("connect");
    for n in 0..MESSAGES {
        queue(
            &db,
            &format!("crash:{n}"),
            "a@example.org",
            &format!("Message {n}"),
        )
        .await;
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while smtp.received_count() < 5 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    relais.start_kill().expect("SIGKILL");
    relais.wait().await.expect("killed");
    let at_kill = outbox_rows(&db).await;
    let in_window: HashSet<String> = at_kill
        .iter()
        .filter(|r| r.status == "sending")
        .map(|r| r.subject.clone())
        .collect();
    let sent_at_kill = at_kill.iter().filter(|r| r.status == "sent").count();
    assert!(
        (1..MESSAGES).contains(&sent_at_kill),
        "killed mid-delivery: {sent_at_kill}"
    );

    let mut relais = start_relais(database.url(), &smtp.url()).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while outbox_rows(&db).await.iter().any(|r| r.status != "sent")
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let received = smtp.wait_for(MESSAGES, 5).await;
    relais.start_kill().expect("stop relais");
    let _ = relais.wait().await;

    let rows = outbox_rows(&db).await;
    assert!(rows.iter().all(|r| r.status == "sent"), "{rows:?}");
    let mut counts: HashMap<String, usize> = HashMap::new();
    for mail in &received {
        *counts.entry(mail.subject.clone()).or_default() += 1;
    }
    assert_eq!(counts.len(), MESSAGES, "every message arrived");
    let doubled: Vec<&String> = counts
        .iter()
        .filter(|(_, c)| **c > 1)
        .map(|(s, _)| s)
        .collect();
    assert!(
        doubled.iter().all(|s| in_window.contains(*s)),
        "duplicates only among the {} claimed at the kill: {doubled:?}",
        in_window.len()
    );
    assert!(counts.values().all(|&c| c <= 2), "{counts:?}");
    assert!(
        doubled.len() <= 2,
        "at most RELAIS_MAIL_CONCURRENCY: {doubled:?}"
    );
    println!(
        "kill -9: {sent_at_kill} sent before, {} in the window, {} delivered twice",
        in_window.len(),
        doubled.len()
    );
    db.close().await.expect("close");
}
