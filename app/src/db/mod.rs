//! Database access (server only).

#![cfg(feature = "ssr")]

pub mod entities;

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
