//! Where messages go: an SMTP server (`SMTP_URL`), or `.eml` files in
//! `RELAIS_MAIL_DIR` when none is configured, so that the demo runs without a
//! mail server and a person can open what would have been sent.
//!
//! `SMTP_URL` follows lettre's `from_url`: `smtps://user:pass@host:465` is TLS
//! from the first byte; `smtp://host:587?tls=required` upgrades with STARTTLS
//! (`?tls=opportunistic` only if the server offers it); a bare `smtp://host:25`
//! is plain text (loopback relays and tests). TLS is rustls with the webpki roots.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::{Config, redact_url};

/// Per SMTP command; well under the default lease, so a slow server is given
/// up on before another instance may claim the message again.
const SMTP_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        label: String,
    },
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        dir: PathBuf,
        label: String,
    },
}

/// Why a message was not accepted, and whether trying again may help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// 4xx answers, refused connections, timeouts, I/O errors.
    Transient(String),
    /// 5xx answers: the server will never take this message.
    Permanent(String),
}

impl Mailer {
    /// The transport `config` asks for; the file transport creates its folder.
    pub async fn from_config(config: &Config) -> anyhow::Result<Mailer> {
        match &config.smtp_url {
            Some(url) => {
                let url = url.expose_secret();
                let label = redact_url(url);
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .with_context(|| format!("SMTP_URL is not usable: {label}"))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .pool_config(PoolConfig::new().max_size(pool_size(config)))
                    .build();
                Ok(Mailer::Smtp { transport, label })
            }
            None => {
                tokio::fs::create_dir_all(&config.mail_dir)
                    .await
                    .with_context(|| {
                        format!(
                            "cannot create the mail folder {}",
                            config.mail_dir.display()
                        )
                    })?;
                Ok(Mailer::Files {
                    transport: AsyncFileTransport::new(&config.mail_dir),
                    dir: config.mail_dir.clone(),
                    label: format!("files in {}", config.mail_dir.display()),
                })
            }
        }
    }

    /// For logs: the SMTP URL without its password, or the folder.
    pub fn label(&self) -> &str {
        match self {
            Mailer::Smtp { label, .. } | Mailer::Files { label, .. } => label,
        }
    }

    /// Hands `message` over; with the file transport, returns the file written.
    pub async fn send(&self, message: Message) -> Result<Option<PathBuf>, SendError> {
        match self {
            Mailer::Smtp { transport, .. } => match transport.send(message).await {
                Ok(_) => Ok(None),
                Err(e) if e.is_permanent() => Err(SendError::Permanent(e.to_string())),
                Err(e) => Err(SendError::Transient(error_chain(&e))),
            },
            Mailer::Files { transport, dir, .. } => transport
                .send(message)
                .await
                .map(|id| Some(dir.join(format!("{id}.eml"))))
                .map_err(|e| SendError::Transient(error_chain(&e))),
        }
    }
}

/// One connection per message sent at the same time.
fn pool_size(config: &Config) -> u32 {
    u32::try_from(config.mail.concurrency).unwrap_or(u32::MAX)
}

/// lettre's top-level text ("network error") says little; the causes say why.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
