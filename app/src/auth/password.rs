//! Password hashing with argon2id at the OWASP parameters (19 MiB, t=2, p=1).
//!
//! Hashing takes tens of milliseconds of CPU and 19 MiB of memory, so it runs
//! on the blocking pool, never on the async executor, and at most one hash
//! per core runs at once: a burst of sign-ins waits its turn (fairly, first
//! come first served) instead of taking the server's memory, and past
//! [`MAX_WAITING`] waiting hashes the request is refused (429) at once.
//! Signing in with an unknown email verifies against a fixed dummy hash, so
//! it takes as long as a wrong password.

#![cfg(feature = "ssr")]

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Semaphore;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::AppError;

fn hasher() -> Argon2<'static> {
    // The parameters are constants known to be valid.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_blocking("relais-dummy-password-for-constant-time").unwrap_or_default());

fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())?;
    Ok(hasher()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

fn verify_blocking(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// One permit per core: how many hashes may run at once.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get))
});

/// Hashes waiting for a permit or running.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// How many hashes may wait at once; more are refused straight away.
pub const MAX_WAITING: usize = 256;

/// Leaves the count of hashes in flight when dropped (finished or cancelled).
struct InFlight;

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Runs one hashing `work` under the bound above.
async fn bounded<T, F>(work: F) -> Result<T, AppError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let before = IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
    let _in_flight = InFlight;
    if before >= MAX_WAITING {
        return Err(AppError::TooManyRequests);
    }
    let _permit = HASHING.acquire().await.map_err(AppError::internal)?;
    crate::blocking::run(work).await
}

pub async fn hash(password: String) -> Result<String, AppError> {
    bounded(move || hash_blocking(&password))
        .await?
        .map_err(|e| AppError::internal(anyhow::anyhow!("argon2: {e}")))
}

/// Checks `password` against `stored`; with no stored hash, burns the same time and fails.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    bounded(move || match stored {
        Some(hash) => verify_blocking(&password, &hash),
        None => {
            let _ = verify_blocking(&password, &DUMMY_HASH);
            false
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn hashes_run_at_most_one_per_core_at_once() {
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static PEAK: AtomicUsize = AtomicUsize::new(0);
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                tokio::spawn(bounded(|| {
                    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
                    PEAK.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    RUNNING.fetch_sub(1, Ordering::SeqCst);
                }))
            })
            .collect();
        for task in tasks {
            task.await.expect("joined").expect("ran");
        }
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        assert!(
            PEAK.load(Ordering::SeqCst) <= cores,
            "peak {PEAK:?} over {cores} cores"
        );
        assert!(PEAK.load(Ordering::SeqCst) >= 1);
        assert_eq!(IN_FLIGHT.load(Ordering::SeqCst), 0, "every slot given back");
    }

    #[test]
    fn a_hash_verifies_only_its_password_and_uses_argon2id_owasp_parameters() {
        let hash = hash_blocking("une phrase de passe").expect("hash");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_blocking("une phrase de passe", &hash));
        assert!(!verify_blocking("une autre phrase", &hash));
        assert!(!verify_blocking("x", "not a hash"));
    }
}
