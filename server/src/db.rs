//! Connecting to the database and bringing its schema up to date.
//!
//! SQLite runs in WAL mode with a busy timeout and foreign keys on; each is
//! checked after connecting, so a misconfigured file fails at start-up rather
//! than corrupting data later. Migrations run before the server accepts a
//! request: a failure stops the start, never leaves it half-migrated.

use std::time::Duration;

use anyhow::{Context, bail};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};
use secrecy::ExposeSecret;

use crate::config::Config;

pub async fn connect(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let mut options = ConnectOptions::new(config.database_url.expose_secret().to_owned());
    options
        .max_connections(if config.is_sqlite() { 8 } else { 16 })
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        })
        // The queries are short, and the indicators' aggregates would spend
        // more time compiling with JIT than running (measured: 0.6 s of 0.8 s).
        .map_sqlx_postgres_opts(|o| o.options([("jit", "off")]));
    let db = connect_with_retry(options, config.is_sqlite())
        .await
        .with_context(|| format!("cannot connect to {}", config.database_label()))?;
    if db.get_database_backend() == DbBackend::Sqlite {
        check_sqlite_pragmas(&db).await?;
    }
    Ok(db)
}

/// Two instances opening one new SQLite file at the same moment can find it
/// locked while the other switches it to WAL (that switch does not wait on the
/// busy timeout); the loser tries again a few times before giving up.
async fn connect_with_retry(
    options: ConnectOptions,
    sqlite: bool,
) -> Result<DatabaseConnection, sea_orm::DbErr> {
    const ATTEMPTS: u32 = 6;
    let mut attempt = 1;
    loop {
        match Database::connect(options.clone()).await {
            Err(e)
                if sqlite && attempt < ATTEMPTS && e.to_string().contains("database is locked") =>
            {
                tokio::time::sleep(Duration::from_millis(100 * u64::from(attempt))).await;
                attempt += 1;
            }
            result => return result,
        }
    }
}

async fn pragma(db: &DatabaseConnection, name: &str) -> anyhow::Result<String> {
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            format!("PRAGMA {name}"),
        ))
        .await?
        .with_context(|| format!("PRAGMA {name} returned nothing"))?;
    // journal_mode answers text, the others integers.
    match row.try_get_by_index::<String>(0) {
        Ok(text) => Ok(text),
        Err(_) => Ok(row.try_get_by_index::<i64>(0)?.to_string()),
    }
}

async fn check_sqlite_pragmas(db: &DatabaseConnection) -> anyhow::Result<()> {
    let journal = pragma(db, "journal_mode").await?;
    if !journal.eq_ignore_ascii_case("wal") {
        bail!("SQLite journal_mode is {journal}, expected wal");
    }
    let foreign_keys = pragma(db, "foreign_keys").await?;
    if foreign_keys != "1" {
        bail!("SQLite foreign_keys is {foreign_keys}, expected 1");
    }
    let busy = pragma(db, "busy_timeout").await?;
    if busy == "0" {
        bail!("SQLite busy_timeout is 0");
    }
    Ok(())
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("database migration failed")?;
    Ok(())
}
