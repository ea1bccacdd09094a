//! The `relais` binary itself: it migrates the database it is given, serves,
//! and stops cleanly on SIGTERM.

use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;

use crate::support::{TestDatabase, free_port, wait_until_healthy};

#[tokio::test]
async fn the_binary_migrates_serves_and_stops_on_sigterm() {
    let database = TestDatabase::create().await;
    let port = free_port();
    let mail_dir = tempfile::tempdir().expect("mail dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_relais"))
        .arg("--demo")
        .env("DATABASE_URL", database.url())
        .env("RELAIS_ADDR", format!("127.0.0.1:{port}"))
        .env("RELAIS_MAIL_DIR", mail_dir.path())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("start relais");

    assert!(wait_until_healthy(port).await, "relais answered /healthz");
    let client = reqwest::Client::new();
    let catalogue = client
        .get(format!("http://127.0.0.1:{port}/formations"))
        .send()
        .await
        .expect("catalogue")
        .text()
        .await
        .expect("body");
    assert!(
        catalogue.contains("Santé mentale et précarité"),
        "demo data served"
    );

    let pid = child.id().expect("pid").to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .await
        .expect("kill");
    assert!(killed.success());
    let status = tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .expect("relais stops within 20 s")
        .expect("exit status");
    assert!(status.success(), "graceful exit, got {status}");
}

/// A fresh install set up from the command line: the first coordinator, then
/// the starter content (drafts), which a second run refuses in French.
#[tokio::test]
async fn the_command_line_creates_the_coordinator_and_installs_the_content() {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    use tokio::io::AsyncWriteExt;

    let database = TestDatabase::create().await;
    let relais = |args: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_relais"));
        command
            .args(args)
            .env("DATABASE_URL", database.url())
            .env("RUST_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    };
    let mut child = relais(&[
        "create-coordinator",
        "--email",
        "coordination@exemple.fr",
        "--name",
        "Camille Coordination",
    ])
    .spawn()
    .expect("start relais");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(b"Un-mot-de-passe-solide-2026\n")
        .await
        .expect("password");
    drop(stdin);
    let created = child.wait_with_output().await.expect("output");
    assert!(created.status.success(), "{created:?}");

    let installed = relais(&["install-content"]).output().await.expect("run");
    assert!(installed.status.success(), "{installed:?}");
    let said = String::from_utf8_lossy(&installed.stdout);
    assert!(
        said.contains("Contenu de départ installé : 3 modules"),
        "{said}"
    );

    let again = relais(&["install-content"]).output().await.expect("run");
    assert!(!again.status.success());
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("déjà installé"), "{said}");

    let db = sea_orm::Database::connect(database.url())
        .await
        .expect("db");
    let modules = app::db::entities::modules::Entity::find()
        .count(&db)
        .await
        .expect("count");
    let published = app::db::entities::modules::Entity::find()
        .filter(app::db::entities::modules::Column::Published.eq(true))
        .count(&db)
        .await
        .expect("count");
    assert_eq!((modules, published), (3, 0));
    db.close().await.expect("close");
}

#[tokio::test]
async fn the_binary_refuses_an_invalid_configuration() {
    let output = Command::new(env!("CARGO_BIN_EXE_relais"))
        .arg("migrate")
        .env("RELAIS_ENV", "production")
        .env_remove("SMTP_URL")
        .env("DATABASE_URL", "sqlite::memory:")
        .output()
        .await
        .expect("run relais");

    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("SMTP_URL"),
        "the faulty variable is named: {stderr}"
    );
}

#[tokio::test]
async fn production_refuses_the_demo() {
    let output = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(["--demo", "migrate"])
        .env("RELAIS_ENV", "production")
        .env("RELAIS_ALLOW_FILE_MAIL", "true")
        .env("RELAIS_PUBLIC_URL", "https://relais.example.fr")
        .env("DATABASE_URL", "sqlite::memory:")
        .output()
        .await
        .expect("run relais");

    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--demo"), "the refusal says why: {stderr}");
}
