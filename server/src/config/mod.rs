//! Configuration from the environment, with defaults that run the demo on one
//! machine. Secrets (database and SMTP URLs, which may carry passwords) are
//! wrapped so that neither `Debug` nor a log line can print them.

pub mod error;

pub use error::ConfigError;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use app::auth::client::TrustedProxies;
use app::sessions::rules::seats::DEFAULT_UPCOMING_CAP;
use secrecy::{ExposeSecret, SecretString};

use crate::mail::MailSettings;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://relais.db?mode=rwc";
pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: SecretString,
    pub addr: SocketAddr,
    /// `smtp://host:587?tls=required` (STARTTLS) or `smtps://user:pass@host:465`
    /// (see `crate::mail::transport`); unset = files.
    pub smtp_url: Option<SecretString>,
    /// Where messages are written as `.eml` files when no SMTP server is configured.
    pub mail_dir: PathBuf,
    pub mail_from: String,
    pub public_url: String,
    /// The folder holding `pkg/` (wasm, js, css) built by cargo-leptos.
    pub site_root: String,
    pub environment: Environment,
    /// Production refuses the file mail transport unless this is set.
    pub allow_file_mail: bool,
    /// Retries, lease and polling of the mail worker (`RELAIS_MAIL_*`).
    pub mail: MailSettings,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` name the client
    /// (`RELAIS_TRUSTED_PROXIES`, addresses or CIDR blocks, comma-separated).
    pub trusted_proxies: TrustedProxies,
    /// Places one person may hold at once by enrolling themself in sessions
    /// not yet over (`RELAIS_MAX_UPCOMING_ENROLMENTS`).
    pub max_upcoming_enrolments: u32,
    /// Who is responsible for the personal data, as the privacy page names
    /// them (`RELAIS_PRIVACY_CONTROLLER`).
    pub privacy_controller: String,
    /// The address for questions and requests about personal data
    /// (`RELAIS_PRIVACY_CONTACT`; by default the sender's address when
    /// `RELAIS_MAIL_FROM` is set).
    pub privacy_contact: String,
    /// The data protection officer (`RELAIS_PRIVACY_DPO`); unset: the
    /// controller's, reached through the contact.
    pub privacy_dpo: Option<String>,
    /// How long a public page is kept for visitors without cookies
    /// (`RELAIS_PAGE_CACHE_MS`, `0`: not at all; `routes/page_cache.rs`).
    pub page_cache: Duration,
}

/// How long a public page is cached when `RELAIS_PAGE_CACHE_MS` is unset.
pub const DEFAULT_PAGE_CACHE: Duration = Duration::from_secs(1);
/// The longest `RELAIS_PAGE_CACHE_MS` accepted: a change made on another
/// instance shows once the copies expire.
pub const MAX_PAGE_CACHE_MS: u64 = 60_000;

/// The controller the privacy page names when `RELAIS_PRIVACY_CONTROLLER` is unset.
pub const DEFAULT_PRIVACY_CONTROLLER: &str =
    "Centre hospitalier de Jury, pour le Conseil local de santé mentale (CLSM) de Metz";
/// The privacy contact when neither `RELAIS_PRIVACY_CONTACT` nor `RELAIS_MAIL_FROM` is set.
pub const DEFAULT_PRIVACY_CONTACT: &str = "coordination.clsm@example.fr";

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Builds the configuration from any source of variables (the environment, or a test's map).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let addr_text = get("RELAIS_ADDR").unwrap_or_else(|| DEFAULT_ADDR.to_owned());
        let addr: SocketAddr = addr_text.parse().map_err(|e| ConfigError::Invalid {
            name: "RELAIS_ADDR",
            reason: format!("{e} (expected e.g. 127.0.0.1:3000)"),
        })?;
        let environment = match get("RELAIS_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "RELAIS_ENV",
                    reason: format!("{other:?} (expected development or production)"),
                });
            }
        };
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres")) {
            return Err(ConfigError::Invalid {
                name: "DATABASE_URL",
                reason: "expected a sqlite:// or postgres:// URL".to_owned(),
            });
        }
        let smtp_url = get("SMTP_URL");
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(ConfigError::Invalid {
                name: "SMTP_URL",
                reason: "expected smtp://... or smtps://...".to_owned(),
            });
        }
        let allow_file_mail =
            matches!(get("RELAIS_ALLOW_FILE_MAIL").as_deref(), Some("1" | "true"));
        if environment == Environment::Production && smtp_url.is_none() && !allow_file_mail {
            return Err(ConfigError::Invalid {
                name: "SMTP_URL",
                reason: "required in production (or set RELAIS_ALLOW_FILE_MAIL=true to write \
                         messages to RELAIS_MAIL_DIR instead)"
                    .to_owned(),
            });
        }
        let public_url = get("RELAIS_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_owned();
        if environment == Environment::Production && !public_url.starts_with("https://") {
            return Err(ConfigError::Invalid {
                name: "RELAIS_PUBLIC_URL",
                reason: "required in production, and it must start with https:// (links in \
                         e-mails and secure cookies depend on it)"
                    .to_owned(),
            });
        }
        let trusted_proxies =
            TrustedProxies::parse(get("RELAIS_TRUSTED_PROXIES").as_deref().unwrap_or_default())
                .map_err(|reason| ConfigError::Invalid {
                    name: "RELAIS_TRUSTED_PROXIES",
                    reason: format!("{reason} (expected e.g. 127.0.0.1, 10.0.0.0/8)"),
                })?;
        let max_upcoming_enrolments = match get("RELAIS_MAX_UPCOMING_ENROLMENTS") {
            None => DEFAULT_UPCOMING_CAP,
            Some(text) => text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| ConfigError::Invalid {
                    name: "RELAIS_MAX_UPCOMING_ENROLMENTS",
                    reason: format!("{text:?} (expected a whole number of at least 1)"),
                })?,
        };
        let page_cache = match get("RELAIS_PAGE_CACHE_MS") {
            None => DEFAULT_PAGE_CACHE,
            Some(text) => text
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|ms| *ms <= MAX_PAGE_CACHE_MS)
                .map(Duration::from_millis)
                .ok_or_else(|| ConfigError::Invalid {
                    name: "RELAIS_PAGE_CACHE_MS",
                    reason: format!(
                        "{text:?} (expected milliseconds, from 0 to {MAX_PAGE_CACHE_MS})"
                    ),
                })?,
        };
        let mail_from = get("RELAIS_MAIL_FROM");
        let privacy_contact = match get("RELAIS_PRIVACY_CONTACT") {
            Some(text) => {
                app::accounts::rules::normalise_email(&text).map_err(|_| ConfigError::Invalid {
                    name: "RELAIS_PRIVACY_CONTACT",
                    reason: format!("{text:?} (expected an e-mail address)"),
                })?
            }
            None => mail_from
                .as_deref()
                .and_then(sender_address)
                .unwrap_or_else(|| DEFAULT_PRIVACY_CONTACT.to_owned()),
        };
        Ok(Config {
            database_url: SecretString::from(database_url),
            public_url,
            addr,
            smtp_url: smtp_url.map(SecretString::from),
            mail_dir: PathBuf::from(get("RELAIS_MAIL_DIR").unwrap_or_else(|| "outbox".to_owned())),
            mail_from: mail_from
                .unwrap_or_else(|| "Relais – CLSM de Metz <relais@localhost>".to_owned()),
            site_root: get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()),
            environment,
            allow_file_mail,
            mail: MailSettings::from_lookup(&get)?,
            trusted_proxies,
            max_upcoming_enrolments,
            privacy_controller: get("RELAIS_PRIVACY_CONTROLLER")
                .map(|c| c.trim().to_owned())
                .unwrap_or_else(|| DEFAULT_PRIVACY_CONTROLLER.to_owned()),
            privacy_contact,
            privacy_dpo: get("RELAIS_PRIVACY_DPO").map(|d| d.trim().to_owned()),
            page_cache,
        })
    }

    /// The demonstration data and its published accounts and passwords
    /// (`--demo`) are refused in production.
    pub fn check_demo(&self) -> Result<(), ConfigError> {
        if self.environment == Environment::Production {
            return Err(ConfigError::Invalid {
                name: "RELAIS_ENV",
                reason: "production refuses --demo (its accounts and passwords are public)"
                    .to_owned(),
            });
        }
        Ok(())
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.expose_secret().starts_with("sqlite:")
    }

    /// The database URL without any password, for logs.
    pub fn database_label(&self) -> String {
        redact_url(self.database_url.expose_secret())
    }
}

/// The address of a sender written `Name <address>` or `address`; `None`
/// if it is not an e-mail address.
pub fn sender_address(from: &str) -> Option<String> {
    let address = match (from.rfind('<'), from.rfind('>')) {
        (Some(open), Some(close)) if open < close => &from[open + 1..close],
        _ => from,
    };
    app::accounts::rules::normalise_email(address).ok()
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    let user = credentials.split(':').next().unwrap_or_default();
    format!("{scheme}://{user}:***@{host}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_run_the_demo_on_sqlite() {
        let c = config(&[]).expect("defaults");
        assert_eq!(c.addr.to_string(), DEFAULT_ADDR);
        assert!(c.is_sqlite());
        assert!(c.smtp_url.is_none());
        assert_eq!(c.public_url, "http://127.0.0.1:3000");
        assert_eq!(c.environment, Environment::Development);
    }

    #[test]
    fn public_pages_are_cached_a_second_unless_told_otherwise() {
        assert_eq!(config(&[]).expect("default").page_cache, DEFAULT_PAGE_CACHE);
        let off = config(&[("RELAIS_PAGE_CACHE_MS", "0")]).expect("off");
        assert!(off.page_cache.is_zero());
        let longer = config(&[("RELAIS_PAGE_CACHE_MS", "5000")]).expect("5 s");
        assert_eq!(longer.page_cache, Duration::from_secs(5));
        for bad in ["-1", "une seconde", "60001"] {
            let err = config(&[("RELAIS_PAGE_CACHE_MS", bad)]).expect_err(bad);
            assert!(err.to_string().contains("RELAIS_PAGE_CACHE_MS"), "{err}");
        }
    }

    #[test]
    fn secrets_never_show_in_debug_output() {
        let c = config(&[
            ("DATABASE_URL", "postgres://relais:hunter2@db/relais"),
            ("SMTP_URL", "smtps://mail:s3cret@smtp.example.org:465"),
        ])
        .expect("valid");
        let printed = format!("{c:?}");
        assert!(!printed.contains("hunter2"), "{printed}");
        assert!(!printed.contains("s3cret"), "{printed}");
        assert_eq!(c.database_label(), "postgres://relais:***@db/relais");
    }

    #[test]
    fn production_needs_smtp_or_an_explicit_file_transport() {
        let err = config(&[("RELAIS_ENV", "production")]).expect_err("refused");
        assert!(matches!(
            err,
            ConfigError::Invalid {
                name: "SMTP_URL",
                ..
            }
        ));
        assert!(
            config(&[
                ("RELAIS_ENV", "production"),
                ("RELAIS_ALLOW_FILE_MAIL", "true"),
                ("RELAIS_PUBLIC_URL", "https://relais.example.fr"),
            ])
            .is_ok()
        );
    }

    #[test]
    fn production_needs_an_https_public_url_and_refuses_the_demo() {
        let production = [
            ("RELAIS_ENV", "production"),
            ("RELAIS_ALLOW_FILE_MAIL", "true"),
        ];
        for url in [None, Some("http://relais.example.fr")] {
            let mut vars = production.to_vec();
            vars.extend(url.map(|u| ("RELAIS_PUBLIC_URL", u)));
            let err = config(&vars).expect_err("refused");
            assert!(matches!(
                err,
                ConfigError::Invalid {
                    name: "RELAIS_PUBLIC_URL",
                    ..
                }
            ));
        }
        let mut vars = production.to_vec();
        vars.push(("RELAIS_PUBLIC_URL", "https://relais.example.fr"));
        let c = config(&vars).expect("valid");
        assert!(c.check_demo().is_err());
        assert!(config(&[]).expect("defaults").check_demo().is_ok());
    }

    #[test]
    fn bad_values_are_named() {
        let err = config(&[("RELAIS_ADDR", "nowhere")]).expect_err("refused");
        assert!(matches!(
            err,
            ConfigError::Invalid {
                name: "RELAIS_ADDR",
                ..
            }
        ));
        let err =
            config(&[("RELAIS_TRUSTED_PROXIES", "10.0.0.1, proxy.local")]).expect_err("refused");
        assert!(matches!(
            err,
            ConfigError::Invalid {
                name: "RELAIS_TRUSTED_PROXIES",
                ..
            }
        ));
        let err = config(&[("DATABASE_URL", "mysql://x")]).expect_err("refused");
        assert!(matches!(
            err,
            ConfigError::Invalid {
                name: "DATABASE_URL",
                ..
            }
        ));
    }

    #[test]
    fn the_privacy_page_names_the_controller_and_a_contact() {
        let c = config(&[]).expect("defaults");
        assert_eq!(c.privacy_controller, DEFAULT_PRIVACY_CONTROLLER);
        assert_eq!(c.privacy_contact, DEFAULT_PRIVACY_CONTACT);
        assert_eq!(c.privacy_dpo, None);
        let c = config(&[("RELAIS_MAIL_FROM", "CLSM de Metz <Formation@Clsm-Metz.fr>")])
            .expect("valid");
        assert_eq!(c.privacy_contact, "formation@clsm-metz.fr");
        let c = config(&[
            ("RELAIS_MAIL_FROM", "CLSM de Metz <formation@clsm-metz.fr>"),
            ("RELAIS_PRIVACY_CONTROLLER", "Hôpital de test"),
            ("RELAIS_PRIVACY_CONTACT", "dpd@hopital.example"),
            ("RELAIS_PRIVACY_DPO", "Délégué de test, dpo@hopital.example"),
        ])
        .expect("valid");
        assert_eq!(c.privacy_controller, "Hôpital de test");
        assert_eq!(c.privacy_contact, "dpd@hopital.example");
        assert_eq!(
            c.privacy_dpo.as_deref(),
            Some("Délégué de test, dpo@hopital.example")
        );
        let err = config(&[("RELAIS_PRIVACY_CONTACT", "la coordination")]).expect_err("refused");
        assert!(matches!(
            err,
            ConfigError::Invalid {
                name: "RELAIS_PRIVACY_CONTACT",
                ..
            }
        ));
    }

    #[test]
    fn a_senders_address_is_read_with_or_without_its_name() {
        assert_eq!(
            sender_address("Relais <relais@example.fr>").as_deref(),
            Some("relais@example.fr")
        );
        assert_eq!(
            sender_address("relais@example.fr").as_deref(),
            Some("relais@example.fr")
        );
        assert_eq!(sender_address("Relais"), None);
    }

    #[test]
    fn urls_without_password_are_left_alone() {
        assert_eq!(
            redact_url("sqlite://relais.db?mode=rwc"),
            "sqlite://relais.db?mode=rwc"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres:***@127.0.0.1/test"
        );
    }
}
