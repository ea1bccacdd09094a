//! A real SMTP server on loopback for the mail tests (aiosmtpd running
//! `smtp_handler.py`), what it received, and outbox helpers.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use mailparse::{DispositionType, MailHeaderMap, ParsedMail};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use sea_orm::{ConnectionTrait, QueryOrder};
use tokio::process::{Child, Command};

use app::db::entities::{email_attachments, email_outbox};
use app::mail::outbox::{self, NewEmail};

use crate::support::TestApp;

pub use crate::support::free_port;

/// The mail timings of the tests: prompt polling, short backoff and lease.
pub const FAST_MAIL: [(&str, &str); 5] = [
    ("RELAIS_MAIL_POLL_MS", "50"),
    ("RELAIS_MAIL_BACKOFF_MS", "100"),
    ("RELAIS_MAIL_BACKOFF_MAX_MS", "400"),
    ("RELAIS_MAIL_LEASE_MS", "3000"),
    ("RELAIS_MAIL_MAX_ATTEMPTS", "30"),
];

/// A test app delivering to `smtp_url` with [`FAST_MAIL`] timings, then `extra`.
pub async fn app_sending_to(smtp_url: &str, extra: &[(&str, &str)]) -> TestApp {
    let mut vars = vec![("SMTP_URL", smtp_url)];
    vars.extend_from_slice(&FAST_MAIL);
    vars.extend_from_slice(extra);
    TestApp::spawn_with(&vars).await
}

/// One aiosmtpd process, killed when dropped.
pub struct TestSmtp {
    pub port: u16,
    dir: tempfile::TempDir,
    _child: Child,
}

impl TestSmtp {
    /// Starts a server on a free port; `env` sets its behaviour (see `smtp_handler.py`).
    pub async fn start(env: &[(&str, &str)]) -> TestSmtp {
        TestSmtp::start_on(free_port(), env).await
    }

    pub async fn start_on(port: u16, env: &[(&str, &str)]) -> TestSmtp {
        let dir = tempfile::tempdir().expect("maildir");
        let handler_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api");
        let mut command = Command::new("python3");
        command
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "smtp_handler.Handler"])
            .arg(dir.path())
            .env("PYTHONPATH", handler_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        for (name, value) in env {
            command.env(name, value);
        }
        let child = command.spawn().expect("start aiosmtpd");
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return TestSmtp {
                    port,
                    dir,
                    _child: child,
                };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("aiosmtpd did not listen on port {port}");
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn maildir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// How many messages were accepted so far (cheaper than [`TestSmtp::received`]).
    pub fn received_count(&self) -> usize {
        std::fs::read_dir(self.maildir().join("new")).map_or(0, |entries| entries.count())
    }

    /// Every message accepted so far.
    pub fn received(&self) -> Vec<Received> {
        received_in(&self.maildir())
    }

    /// Waits until at least `count` messages arrived (at most `seconds`), then
    /// a little longer so that a duplicate would show.
    pub async fn wait_for(&self, count: usize, seconds: u64) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
        while self.received().len() < count && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.received()
    }
}

/// The messages in a Maildir written by `smtp_handler.py`, oldest first
/// (a directory lists its files in no particular order).
pub fn received_in(maildir: &Path) -> Vec<Received> {
    let Ok(entries) = std::fs::read_dir(maildir.join("new")) else {
        return Vec::new();
    };
    let mut files: Vec<(std::time::SystemTime, std::path::PathBuf)> = entries
        .filter_map(|e| {
            let path = e.ok()?.path();
            Some((std::fs::metadata(&path).ok()?.modified().ok()?, path))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|(_, path)| std::fs::read(path).ok())
        .map(|raw| Received::parse(&raw))
        .collect()
}

/// One message as the SMTP server received it.
#[derive(Debug)]
pub struct Received {
    pub envelope_to: Vec<String>,
    pub header_names: Vec<String>,
    pub from: String,
    pub to: String,
    pub subject: String,
    pub message_id: String,
    pub text: String,
    pub html: String,
    /// (file name, content type, content)
    pub attachments: Vec<(String, String, Vec<u8>)>,
}

impl Received {
    pub fn parse(raw: &[u8]) -> Received {
        let mail = mailparse::parse_mail(raw).expect("a parsable message");
        let header = |name: &str| mail.headers.get_first_value(name).unwrap_or_default();
        let mut received = Received {
            envelope_to: header("X-Envelope-To")
                .split(", ")
                .map(str::to_owned)
                .collect(),
            header_names: mail.headers.iter().map(|h| h.get_key()).collect(),
            from: header("From"),
            to: header("To"),
            subject: header("Subject"),
            message_id: header("Message-ID"),
            text: String::new(),
            html: String::new(),
            attachments: Vec::new(),
        };
        received.collect_parts(&mail);
        received
    }

    fn collect_parts(&mut self, part: &ParsedMail) {
        if !part.subparts.is_empty() {
            for sub in &part.subparts {
                self.collect_parts(sub);
            }
            return;
        }
        let disposition = part.get_content_disposition();
        if disposition.disposition == DispositionType::Attachment {
            let name = disposition
                .params
                .get("filename")
                .cloned()
                .unwrap_or_default();
            let content = part.get_body_raw().expect("attachment body");
            self.attachments
                .push((name, part.ctype.mimetype.clone(), content));
        } else if part.ctype.mimetype == "text/plain" {
            self.text = part.get_body().expect("text body");
        } else if part.ctype.mimetype == "text/html" {
            self.html = part.get_body().expect("html body");
        }
    }
}

/// Queues a message through the application's own outbox; returns its row id.
pub async fn queue(db: &impl ConnectionTrait, key: &str, recipient: &str, subject: &str) -> i32 {
    let queued = outbox::queue(
        db,
        NewEmail {
            idempotency_key: key.to_owned(),
            kind: "test",
            recipient: recipient.to_owned(),
            subject: subject.to_owned(),
            body_text: format!("Texte de {subject}"),
            body_html: format!("<p>HTML de {subject}</p>"),
            attachments: Vec::new(),
        },
    )
    .await
    .expect("queue");
    assert!(queued, "{key} queued");
    email_outbox::Entity::find()
        .filter(email_outbox::Column::IdempotencyKey.eq(key))
        .one(db)
        .await
        .expect("outbox")
        .expect("queued row")
        .id
}

pub async fn attach(
    db: &impl ConnectionTrait,
    email_id: i32,
    filename: &str,
    content_type: &str,
    content: &[u8],
) {
    email_attachments::ActiveModel {
        email_id: Set(email_id),
        filename: Set(filename.to_owned()),
        content_type: Set(content_type.to_owned()),
        content: Set(content.to_vec()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("attachment");
}

pub async fn outbox_rows(db: &impl ConnectionTrait) -> Vec<email_outbox::Model> {
    email_outbox::Entity::find()
        .order_by_asc(email_outbox::Column::Id)
        .all(db)
        .await
        .expect("outbox")
}

/// The sorted idempotency keys of the queued emails of `kind`.
pub async fn outbox_keys(db: &impl ConnectionTrait, kind: &str) -> Vec<String> {
    let mut keys: Vec<String> = email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq(kind))
        .all(db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|e| e.idempotency_key)
        .collect();
    keys.sort();
    keys
}

/// Waits (at most `seconds`) until every outbox row has left queued/sending.
pub async fn settled(db: &impl ConnectionTrait, seconds: u64) -> Vec<email_outbox::Model> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
    loop {
        let rows = outbox_rows(db).await;
        let done = rows
            .iter()
            .all(|r| r.status == "sent" || r.status == "failed");
        if done || tokio::time::Instant::now() >= deadline {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
