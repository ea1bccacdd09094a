//! CPU-bound work (typesetting a PDF, hashing a password, building a ZIP) runs
//! on tokio's blocking pool, never on the async workers that serve requests.

#![cfg(feature = "ssr")]

use crate::error::AppError;

/// Runs `work` on the blocking pool and waits for it; a panic or a cancelled
/// task becomes an internal error.
pub async fn run<T, F>(work: F) -> Result<T, AppError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(AppError::internal)
}
