//! Password hashing with argon2id at the OWASP parameters (19 MiB, t=2, p=1).
//!
//! Hashing takes tens of milliseconds of CPU and 19 MiB of memory, so it runs
//! on the blocking pool, never on the async executor, and at most one hash
//! per core runs at once: a burst of sign-ins waits its turn (fairly, first
//! come first served) instead of taking the server's memory, and past
//! [`MAX_WAITING`] waiting hashes the request is refused (429) at once.
//!
//! Each running hash works in one of [`MEMORY`]'s buffers, taken with its
//! permit and given back after, so the server holds at most one 19 MiB
//! buffer per core however many sign-ins arrive. (Letting argon2 allocate
//! its own, the allocator kept the freed buffers of the many blocking
//! threads: a burst of 200 sign-ins left the server at 800 MB.)
//!
//! Signing in with an unknown email verifies against a fixed dummy hash, so
//! it takes as long as a wrong password.

#![cfg(feature = "ssr")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex};

use tokio::sync::Semaphore;

use argon2::password_hash::{Output, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

use crate::error::AppError;

/// The parameters new hashes use.
fn params() -> Params {
    // The parameters are constants known to be valid.
    Params::new(19_456, 2, 1, None).unwrap_or_default()
}

static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let mut memory = vec![Block::default(); params().block_count()];
    hash_with("relais-dummy-password-for-constant-time", &mut memory).unwrap_or_default()
});

/// `password`'s PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`), computed
/// in `memory`.
fn hash_with(password: &str, memory: &mut [Block]) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())?;
    let params = params();
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.as_salt().decode_b64(&mut salt_bytes)?;
    let output = Output::init_with(
        params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN),
        |out| {
            Ok(argon2.hash_password_into_with_memory(
                password.as_bytes(),
                salt_bytes,
                out,
                &mut *memory,
            )?)
        },
    )?;
    Ok(PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: (&params).try_into()?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    }
    .to_string())
}

/// Whether `password` matches the PHC string `stored` (with the parameters
/// it names), computed in `memory` when it is large enough; the comparison
/// takes constant time.
fn verify_with(password: &str, stored: &str, memory: &mut [Block]) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        Algorithm::try_from(parsed.algorithm),
        Params::try_from(&parsed),
    ) else {
        return false;
    };
    let Ok(version) = parsed.version.map_or(Ok(Version::V0x13), Version::try_from) else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let mut larger = Vec::new();
    let memory = if memory.len() >= params.block_count() {
        memory
    } else {
        larger.resize(params.block_count(), Block::default());
        &mut larger[..]
    };
    let argon2 = Argon2::new(algorithm, version, params);
    Output::init_with(expected.len(), |out| {
        Ok(argon2.hash_password_into_with_memory(password.as_bytes(), salt, out, &mut *memory)?)
    })
    .is_ok_and(|computed| computed == expected)
}

/// One permit per core: how many hashes may run at once.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(cores()));

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
}

/// The working memory of the hashes that ran, kept for the next ones: never
/// more buffers than permits.
static MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// A buffer from [`MEMORY`], or a new one.
fn take_memory() -> Vec<Block> {
    let kept = MEMORY.lock().ok().and_then(|mut buffers| buffers.pop());
    kept.unwrap_or_else(|| vec![Block::default(); params().block_count()])
}

fn give_back(memory: Vec<Block>) {
    if let Ok(mut buffers) = MEMORY.lock()
        && buffers.len() < cores()
    {
        buffers.push(memory);
    }
}

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

/// Runs one hashing `work` under the bound above, in a kept buffer.
async fn bounded<T, F>(work: F) -> Result<T, AppError>
where
    F: FnOnce(&mut [Block]) -> T + Send + 'static,
    T: Send + 'static,
{
    let before = IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
    let _in_flight = InFlight;
    if before >= MAX_WAITING {
        return Err(AppError::TooManyRequests);
    }
    let _permit = HASHING.acquire().await.map_err(AppError::internal)?;
    crate::blocking::run(move || {
        let mut memory = take_memory();
        let done = work(&mut memory);
        give_back(memory);
        done
    })
    .await
}

pub async fn hash(password: String) -> Result<String, AppError> {
    bounded(move |memory| hash_with(&password, memory))
        .await?
        .map_err(|e| AppError::internal(anyhow::anyhow!("argon2: {e}")))
}

/// Checks `password` against `stored`; with no stored hash, burns the same time and fails.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    bounded(move |memory| match stored {
        Some(hash) => verify_with(&password, &hash, memory),
        None => {
            let _ = verify_with(&password, &DUMMY_HASH, memory);
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
                tokio::spawn(bounded(|_| {
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
        let mut memory = take_memory();
        let hash = hash_with("une phrase de passe", &mut memory).expect("hash");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_with("une phrase de passe", &hash, &mut memory));
        assert!(!verify_with("une autre phrase", &hash, &mut memory));
        assert!(!verify_with("x", "not a hash", &mut memory));
    }

    #[test]
    fn hashes_made_by_argon2_itself_verify_whatever_their_parameters() {
        use argon2::password_hash::PasswordHasher;
        let mut memory = take_memory();
        // The same parameters, and a larger memory than the kept buffers.
        for m_cost in [19_456, 32_768] {
            let params = Params::new(m_cost, 2, 1, None).expect("params");
            let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
            let salt = SaltString::encode_b64(b"sel de seize oct").expect("salt");
            let hash = argon2
                .hash_password(b"une phrase de passe", &salt)
                .expect("hash")
                .to_string();
            assert!(
                verify_with("une phrase de passe", &hash, &mut memory),
                "{hash}"
            );
            assert!(
                !verify_with("une autre phrase", &hash, &mut memory),
                "{hash}"
            );
        }
    }

    #[test]
    fn the_kept_buffers_never_outnumber_the_cores() {
        let buffers: Vec<Vec<Block>> = (0..cores() + 3).map(|_| take_memory()).collect();
        for buffer in buffers {
            give_back(buffer);
        }
        assert!(MEMORY.lock().expect("lock").len() <= cores());
    }
}
