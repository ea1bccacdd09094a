//! How the outbox worker paces itself, read from `RELAIS_MAIL_*` variables.
//! Durations are in milliseconds so that tests can make them short.

use std::time::Duration;

use crate::config::error::ConfigError;

#[derive(Debug, Clone)]
pub struct MailSettings {
    /// Attempts (transient failures included) before a message is marked failed.
    pub max_attempts: i32,
    /// How often the worker looks for due messages when it found none.
    pub poll_interval: Duration,
    /// How long a claim lasts; a message still `sending` after it is claimed again.
    pub lease: Duration,
    /// Delay after the first transient failure; it doubles at each attempt.
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// Messages claimed at once; a crash delays them by one lease.
    pub batch_size: u64,
    /// Messages of a batch sent at the same time, each on its own SMTP
    /// connection; also the most that a crash can duplicate.
    pub concurrency: usize,
}

impl Default for MailSettings {
    fn default() -> MailSettings {
        MailSettings {
            max_attempts: 8,
            poll_interval: Duration::from_secs(1),
            lease: Duration::from_secs(60),
            backoff_base: Duration::from_secs(5),
            backoff_max: Duration::from_secs(3600),
            batch_size: 20,
            concurrency: 4,
        }
    }
}

impl MailSettings {
    pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<MailSettings, ConfigError> {
        let d = MailSettings::default();
        let ms = |name: &'static str, default: Duration| {
            positive(get, name, default.as_millis() as u64).map(Duration::from_millis)
        };
        let settings = MailSettings {
            max_attempts: positive(get, "RELAIS_MAIL_MAX_ATTEMPTS", d.max_attempts as u64)?
                .try_into()
                .map_err(|_| invalid("RELAIS_MAIL_MAX_ATTEMPTS", "too large"))?,
            poll_interval: ms("RELAIS_MAIL_POLL_MS", d.poll_interval)?,
            lease: ms("RELAIS_MAIL_LEASE_MS", d.lease)?,
            backoff_base: ms("RELAIS_MAIL_BACKOFF_MS", d.backoff_base)?,
            backoff_max: ms("RELAIS_MAIL_BACKOFF_MAX_MS", d.backoff_max)?,
            batch_size: positive(get, "RELAIS_MAIL_BATCH", d.batch_size)?,
            concurrency: positive(get, "RELAIS_MAIL_CONCURRENCY", d.concurrency as u64)?
                .try_into()
                .map_err(|_| invalid("RELAIS_MAIL_CONCURRENCY", "too large"))?,
        };
        if settings.backoff_max < settings.backoff_base {
            return Err(invalid(
                "RELAIS_MAIL_BACKOFF_MAX_MS",
                "must not be below RELAIS_MAIL_BACKOFF_MS",
            ));
        }
        Ok(settings)
    }
}

fn invalid(name: &'static str, reason: &str) -> ConfigError {
    ConfigError::Invalid {
        name,
        reason: reason.to_owned(),
    }
}

fn positive(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u64,
) -> Result<u64, ConfigError> {
    match get(name) {
        None => Ok(default),
        Some(text) => match text.trim().parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(invalid(
                name,
                &format!("{text:?} (expected a whole number above 0)"),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_documented_policy() {
        let s = MailSettings::from_lookup(&|_| None).expect("defaults");
        assert_eq!(s.max_attempts, 8);
        assert_eq!(s.poll_interval, Duration::from_secs(1));
        assert_eq!(s.lease, Duration::from_secs(60));
        assert_eq!(s.backoff_base, Duration::from_secs(5));
        assert_eq!(s.backoff_max, Duration::from_secs(3600));
    }

    #[test]
    fn values_are_read_and_checked() {
        let s = MailSettings::from_lookup(&|name| match name {
            "RELAIS_MAIL_MAX_ATTEMPTS" => Some("3".to_owned()),
            "RELAIS_MAIL_BACKOFF_MS" => Some("100".to_owned()),
            _ => None,
        })
        .expect("valid");
        assert_eq!(s.max_attempts, 3);
        assert_eq!(s.backoff_base, Duration::from_millis(100));

        for (name, value) in [
            ("RELAIS_MAIL_MAX_ATTEMPTS", "0"),
            ("RELAIS_MAIL_POLL_MS", "soon"),
            ("RELAIS_MAIL_BACKOFF_MAX_MS", "10"),
        ] {
            let err = MailSettings::from_lookup(&|n| (n == name).then(|| value.to_owned()))
                .expect_err("refused");
            assert!(
                matches!(err, ConfigError::Invalid { name: n, .. } if n == name),
                "{name}"
            );
        }
    }
}
