//! Fixed-window rate limits kept in the database.
//!
//! In-process limiters (such as `governor`) would give each server instance
//! its own counters, and a client spreading its attempts over instances would
//! escape them; Relais runs several instances on one PostgreSQL, so the
//! counters live in the `rate_limits` table, updated with one atomic upsert.

#![cfg(feature = "ssr")]

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::error::AppError;

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i32,
    pub window: Duration,
}

impl Limit {
    const fn new(max: i32, window: Duration) -> Limit {
        Limit { max, window }
    }
}

/// Failed sign-ins per account: 5 per 15 minutes.
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit::new(5, Duration::minutes(15));
/// Failed sign-ins per client address: 20 per 15 minutes.
pub const SIGN_IN_PER_CLIENT: Limit = Limit::new(20, Duration::minutes(15));
/// Password-reset requests per client address: 5 per hour.
pub const RESET_PER_CLIENT: Limit = Limit::new(5, Duration::hours(1));
/// New address-confirmation links per account: 5 per hour.
pub const VERIFICATION_PER_ACCOUNT: Limit = Limit::new(5, Duration::hours(1));
/// Sign-ups per client address: 10 per hour.
pub const SIGN_UP_PER_CLIENT: Limit = Limit::new(10, Duration::hours(1));

/// Counts one hit for `key` and returns how many hits the current window holds.
pub async fn hit(
    db: &DatabaseConnection,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let window_floor = now - limit.window;
    let backend = db.get_database_backend();
    // A window older than `limit.window` restarts at 1; otherwise the counter grows.
    let sql = match backend {
        DbBackend::Postgres => {
            "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
             ON CONFLICT (key) DO UPDATE SET
               hits = CASE WHEN rate_limits.window_start < $3 THEN 1 ELSE rate_limits.hits + 1 END,
               window_start = CASE WHEN rate_limits.window_start < $3 THEN $2 ELSE rate_limits.window_start END
             RETURNING hits"
        }
        _ => {
            "INSERT INTO rate_limits (key, window_start, hits) VALUES (?1, ?2, 1)
             ON CONFLICT (key) DO UPDATE SET
               hits = CASE WHEN rate_limits.window_start < ?3 THEN 1 ELSE rate_limits.hits + 1 END,
               window_start = CASE WHEN rate_limits.window_start < ?3 THEN ?2 ELSE rate_limits.window_start END
             RETURNING hits"
        }
    };
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [key.into(), now.into(), window_floor.into()],
        ))
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("rate limit upsert returned no row")))?;
    Ok(row.try_get_by_index::<i32>(0)?)
}

/// The counter of `client` for `action`: its address (an IPv6 client's /64)
/// is hashed, so the table keeps no address in clear.
pub fn client_key(action: &str, client: std::net::IpAddr) -> String {
    let client = crate::auth::client::limit_key(client);
    format!(
        "{action}:client:{}",
        crate::auth::tokens::hash_token(&client)
    )
}

/// Counts one hit for the calling client (see [`crate::http::client_ip`])
/// under `action`, and refuses the request once the window holds more than allowed.
pub async fn hit_client(
    db: &DatabaseConnection,
    action: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if let Some(ip) = crate::http::client_ip()
        && hit(db, &client_key(action, ip), limit, now).await? > limit.max
    {
        return Err(AppError::TooManyRequests);
    }
    Ok(())
}

/// Takes back one hit of `key` (an attempt counted before it was known to
/// succeed), never below zero.
pub async fn refund(db: &DatabaseConnection, key: &str) -> Result<(), AppError> {
    use crate::db::entities::rate_limits::{Column, Entity};
    use sea_orm::sea_query::{Expr, ExprTrait};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    Entity::update_many()
        .col_expr(Column::Hits, Expr::col(Column::Hits).sub(1))
        .filter(Column::Key.eq(key))
        .filter(Column::Hits.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets the counter of `key` (after a successful sign-in).
pub async fn clear(db: &DatabaseConnection, key: &str) -> Result<(), AppError> {
    use sea_orm::EntityTrait;
    crate::db::entities::rate_limits::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}
