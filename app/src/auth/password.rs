//! Password hashing with argon2id at the OWASP parameters (19 MiB, t=2, p=1).
//!
//! Hashing takes tens of milliseconds of CPU, so it runs on the blocking pool,
//! never on the async executor. Signing in with an unknown email verifies
//! against a fixed dummy hash, so it takes as long as a wrong password.

#![cfg(feature = "ssr")]

use std::sync::LazyLock;

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

pub async fn hash(password: String) -> Result<String, AppError> {
    crate::blocking::run(move || hash_blocking(&password))
        .await?
        .map_err(|e| AppError::internal(anyhow::anyhow!("argon2: {e}")))
}

/// Checks `password` against `stored`; with no stored hash, burns the same time and fails.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    crate::blocking::run(move || match stored {
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
