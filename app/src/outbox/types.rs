//! What the outbox view shows.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i32,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxSummary {
    /// (status code, number of messages), for every status.
    pub counts: Vec<(String, u64)>,
    /// Failed messages first, then the most recent ones.
    pub messages: Vec<OutboxRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub row: OutboxRow,
    pub body_text: String,
    pub attachments: Vec<String>,
}

/// The French name of a delivery status.
pub fn status_label(status: &str) -> &'static str {
    match status {
        "queued" => "En attente",
        "sending" => "En cours d’envoi",
        "sent" => "Envoyé",
        "failed" => "Échec",
        _ => "Inconnu",
    }
}

#[cfg(test)]
mod tests {
    use super::status_label;

    #[test]
    fn every_status_has_a_french_name() {
        for s in ["queued", "sending", "sent", "failed"] {
            assert_ne!(status_label(s), "Inconnu");
        }
        assert_eq!(status_label("autre"), "Inconnu");
    }
}
