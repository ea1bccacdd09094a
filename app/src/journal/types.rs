//! What the journal page and its server function exchange.

use serde::{Deserialize, Serialize};

/// The page's filters as the address gives them (`?session=…&personne=…&du=…&au=…&avant=…`),
/// read and checked on the server (`rules/filter.rs`). Ids only: never an address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalQuery {
    #[serde(default)]
    pub session: Option<String>,
    #[serde(default)]
    pub person: Option<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// Entries older than this id (the « Plus anciens » link).
    #[serde(default)]
    pub before: Option<String>,
}

/// A choice of a filter's list: an id and its French label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i32,
    pub label: String,
}

/// A session an entry is about, linked from the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLink {
    pub id: i32,
    pub title: String,
}

/// One audit entry, readable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: i32,
    /// « 03/12/2026 à 18 h 05 » (heure de Paris).
    pub when: String,
    /// « Certificat révoqué ».
    pub action: String,
    /// The person who acted, or « Système ».
    pub actor: String,
    pub session: Option<SessionLink>,
    /// « Personne : Léa Martin », « Certificat n° 12 »… (empty if nothing).
    pub concerns: String,
    /// Each detail as a French name and its value.
    pub details: Vec<(String, String)>,
}

/// One page of the journal, newest first, with what the filter form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    pub entries: Vec<Entry>,
    /// The `avant` of the next page (« Plus anciens »), if there are older entries.
    pub older: Option<i32>,
    pub sessions: Vec<Choice>,
    pub people: Vec<Choice>,
}
