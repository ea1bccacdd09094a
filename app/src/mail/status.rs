//! The delivery status of a queued email: one vocabulary for the application
//! (which queues messages and shows them to the coordinator) and the server's
//! worker (which claims and sends them). The codes are the database values.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmailStatus {
    /// Waiting for its next attempt.
    Queued,
    /// Claimed by a worker, under a lease.
    Sending,
    /// Accepted by the transport.
    Sent,
    /// Refused for good, or too many transient failures.
    Failed,
}

impl EmailStatus {
    /// Every status, in the order the outbox view counts them.
    pub const ALL: [EmailStatus; 4] = [
        EmailStatus::Queued,
        EmailStatus::Sending,
        EmailStatus::Sent,
        EmailStatus::Failed,
    ];

    /// The database code (also the serde form).
    pub const fn as_str(self) -> &'static str {
        match self {
            EmailStatus::Queued => "queued",
            EmailStatus::Sending => "sending",
            EmailStatus::Sent => "sent",
            EmailStatus::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<EmailStatus> {
        EmailStatus::ALL.into_iter().find(|s| s.as_str() == code)
    }

    /// The French name the coordinator reads.
    pub fn label(self) -> &'static str {
        match self {
            EmailStatus::Queued => "En attente",
            EmailStatus::Sending => "En cours d’envoi",
            EmailStatus::Sent => "Envoyé",
            EmailStatus::Failed => "Échec",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EmailStatus;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for status in EmailStatus::ALL {
            assert_eq!(EmailStatus::from_code(status.as_str()), Some(status));
            let json = serde_json::to_string(&status).expect("serialise");
            assert_eq!(json, format!("\"{}\"", status.as_str()));
        }
        assert_eq!(EmailStatus::from_code("autre"), None);
    }

    #[test]
    fn every_status_has_a_distinct_french_name() {
        let labels: std::collections::HashSet<_> = EmailStatus::ALL
            .into_iter()
            .map(EmailStatus::label)
            .collect();
        assert_eq!(labels.len(), EmailStatus::ALL.len());
    }
}
