//! What the outbox view shows: what crosses the wire.

use serde::{Deserialize, Serialize};

use crate::mail::EmailStatus;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i32,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub status: EmailStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxSummary {
    /// (status code, number of messages), for every status.
    pub counts: Vec<(EmailStatus, u64)>,
    /// On the first page, failed messages first, then the most recent
    /// others; on a later page, older others only.
    pub messages: Vec<OutboxRow>,
    /// The id of the last message, when older ones follow (`?avant=<id>`).
    pub next: Option<i32>,
    /// This is not the first page.
    pub later_page: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub row: OutboxRow,
    pub body_text: String,
    pub attachments: Vec<String>,
}
