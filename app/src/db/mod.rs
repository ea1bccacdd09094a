//! Database access (server only).

#![cfg(feature = "ssr")]

pub mod entities;
pub mod keyset;

use sea_orm::EntityTrait;

use crate::error::AppError;

/// The column of `E` named `name` (`"position"`), for helpers that serve
/// several tables sharing a column; an absent one is an internal error.
pub fn column<E: EntityTrait>(name: &str) -> Result<E::Column, AppError> {
    name.parse().map_err(|_| {
        AppError::internal(anyhow::anyhow!(
            "table {} has no column {name}",
            E::default().table_name()
        ))
    })
}

/// Starting a transaction that may write. On SQLite it is `BEGIN IMMEDIATE`:
/// the transaction takes the database's one write lock at once, waiting up
/// to the busy timeout. A deferred transaction that reads, then writes after
/// another connection committed, fails at once with « database is locked »
/// (`SQLITE_BUSY_SNAPSHOT`), which no timeout helps. PostgreSQL ignores the
/// mode.
pub trait BeginWrite {
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sea_orm::DatabaseTransaction, sea_orm::DbErr>> + Send;
}

impl BeginWrite for sea_orm::DatabaseConnection {
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sea_orm::DatabaseTransaction, sea_orm::DbErr>> + Send {
        use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
        self.begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
    }
}
