//! Whether the database changed since a page was rendered: the stamp a
//! signed-in page is cached under. The database itself says so, whoever wrote
//! (this instance or another, a background job, a read that records
//! something, a person at a `psql` prompt), so no writer has to remember to
//! announce its change:
//! - **SQLite**: `PRAGMA data_version`, which changes when *another*
//!   connection commits. It is read on a connection of its own that never
//!   writes, so every commit of the pool, and of any other process on the
//!   file, is another's.
//! - **PostgreSQL**: `pg_current_snapshot()`, whose text changes whenever a
//!   transaction that writes starts or ends, on any instance.
//!
//! The stamp is read before the page is rendered, so a page stored under a
//! stamp holds the data of that stamp or newer; once a write commits, the
//! stamp differs and the page is not served again.

use std::sync::atomic::{AtomicU64, Ordering};

use sea_orm::sqlx::{Connection, Row, SqliteConnection};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use tokio::sync::Mutex;

/// Reads the database's change stamp.
pub enum ChangeStamp {
    /// The watching connection (opened again after an error) and how many
    /// times it was opened: a new connection counts its versions afresh, so
    /// the stamp carries the opening too.
    Sqlite {
        url: String,
        connection: Mutex<Option<SqliteConnection>>,
        openings: AtomicU64,
    },
    Postgres(DatabaseConnection),
}

impl ChangeStamp {
    /// The stamp reader for `db` (reached at `url`); none for an in-memory
    /// SQLite database, which another connection would not see.
    pub fn new(db: &DatabaseConnection, url: &str) -> Option<ChangeStamp> {
        match db.get_database_backend() {
            DbBackend::Sqlite if url.contains(":memory:") || url.contains("mode=memory") => None,
            DbBackend::Sqlite => Some(ChangeStamp::Sqlite {
                url: url.to_owned(),
                connection: Mutex::new(None),
                openings: AtomicU64::new(0),
            }),
            _ => Some(ChangeStamp::Postgres(db.clone())),
        }
    }

    /// The current stamp; `None` when the database does not answer (the page
    /// is then rendered and not cached).
    pub async fn read(&self) -> Option<String> {
        match self {
            ChangeStamp::Sqlite {
                url,
                connection,
                openings,
            } => {
                let mut guard = connection.lock().await;
                if guard.is_none() {
                    *guard = Some(SqliteConnection::connect(url).await.ok()?);
                    openings.fetch_add(1, Ordering::Relaxed);
                }
                let conn = guard.as_mut()?;
                match sea_orm::sqlx::query("PRAGMA data_version")
                    .fetch_one(&mut *conn)
                    .await
                    .and_then(|row| row.try_get::<i64, _>(0))
                {
                    Ok(version) => Some(format!("{}.{version}", openings.load(Ordering::Relaxed))),
                    Err(_) => {
                        *guard = None;
                        None
                    }
                }
            }
            ChangeStamp::Postgres(db) => db
                .query_one_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT CAST(pg_current_snapshot() AS TEXT) AS stamp",
                ))
                .await
                .ok()??
                .try_get_by_index::<String>(0)
                .ok(),
        }
    }
}
