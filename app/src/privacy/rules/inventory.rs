//! The inventory of personal data: every table of the schema, and where the
//! export of `/mes-donnees` (`service/export.rs`) gives what it holds about
//! a person, so that a new table cannot be forgotten by the right of access.
//! The integration test `privacy::inventory` reads the database's own list of
//! tables and columns against [`TABLES`].

/// How a table's rows reach the person's export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Rows about the person, given in the export's section of that key
    /// (one of [`SECTIONS`]).
    Exported(&'static str),
    /// Rows tied to the person that hold a secret (the hash of a link, a
    /// session cookie, a calendar address): the section gives their dates
    /// and kind, never the hash, which names nothing and opens everything.
    Secret(&'static str),
    /// The person appears only as the author of a record about something
    /// else (who planned a session, who signed a half-day's roll call): the
    /// act is given in the section; the record belongs to others.
    Authored(&'static str),
    /// Rate-limit counters: a number of attempts in a window of at most an
    /// hour, keyed by a hash or an account number, kept no longer than the
    /// window; not exported (a count says nothing).
    Counter,
    /// Nothing about a person: the catalogue, questionnaires, sessions'
    /// codes, the programme, the jobs' last runs, partner structures
    /// (organisations; one's own is named in the profile).
    NotPersonal,
}

impl Coverage {
    /// The export's section that gives the rows, if any.
    pub fn section(self) -> Option<&'static str> {
        match self {
            Coverage::Exported(s) | Coverage::Secret(s) | Coverage::Authored(s) => Some(s),
            Coverage::Counter | Coverage::NotPersonal => None,
        }
    }
}

/// The export's sections in the order of the JSON document (the keys of
/// `privacy::PersonalData`), with the heading the page gives each.
pub const SECTIONS: &[(&str, &str)] = &[
    ("profil", "Profil"),
    ("inscriptions", "Inscriptions"),
    ("presences", "Présences"),
    ("quiz", "Quiz"),
    ("questionnaires", "Questionnaires"),
    ("lecons_lues", "Leçons lues"),
    ("certificats", "Certificats"),
    ("agendas", "Agendas"),
    ("sessions_de_connexion", "Sessions de connexion"),
    ("liens_envoyes", "Liens envoyés par courriel"),
    ("courriels_recus", "Courriels reçus"),
    ("journal", "Journal des actions"),
    ("sessions_animees", "Sessions animées"),
    ("conservation", "Ce qui est conservé et jusqu’à quand"),
];

/// The heading of the section `key` (the key itself if unknown).
pub fn heading(key: &str) -> &str {
    SECTIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, h)| h)
}

/// Every table of the schema (sea-orm's own `seaql_migrations` excepted).
pub const TABLES: &[(&str, Coverage)] = &[
    // People.
    ("users", Coverage::Exported("profil")),
    ("structures", Coverage::NotPersonal),
    // Catalogue.
    ("modules", Coverage::NotPersonal),
    ("module_objectives", Coverage::NotPersonal),
    ("lessons", Coverage::NotPersonal),
    ("resources", Coverage::NotPersonal),
    ("quizzes", Coverage::NotPersonal),
    ("questions", Coverage::NotPersonal),
    ("choices", Coverage::NotPersonal),
    ("lesson_progress", Coverage::Exported("lecons_lues")),
    // Quiz attempts.
    ("quiz_attempts", Coverage::Exported("quiz")),
    ("attempt_answers", Coverage::Exported("quiz")),
    // Sessions and attendance.
    ("training_sessions", Coverage::Authored("sessions_animees")),
    ("session_slots", Coverage::Authored("journal")),
    ("session_trainers", Coverage::Exported("sessions_animees")),
    ("enrolments", Coverage::Exported("inscriptions")),
    ("attendance_marks", Coverage::Exported("presences")),
    ("checkin_codes", Coverage::NotPersonal),
    // Questionnaires.
    ("questionnaires", Coverage::NotPersonal),
    ("questionnaire_items", Coverage::NotPersonal),
    (
        "questionnaire_responses",
        Coverage::Exported("questionnaires"),
    ),
    (
        "questionnaire_answers",
        Coverage::Exported("questionnaires"),
    ),
    // Operations.
    ("auth_sessions", Coverage::Secret("sessions_de_connexion")),
    ("password_resets", Coverage::Secret("liens_envoyes")),
    ("email_verifications", Coverage::Secret("liens_envoyes")),
    ("rate_limits", Coverage::Counter),
    ("email_outbox", Coverage::Exported("courriels_recus")),
    ("email_attachments", Coverage::Exported("courriels_recus")),
    ("audit_log", Coverage::Exported("journal")),
    ("calendar_feeds", Coverage::Secret("agendas")),
    ("job_runs", Coverage::NotPersonal),
    // Certificates.
    ("certificates", Coverage::Exported("certificats")),
    ("certificate_revisions", Coverage::Exported("certificats")),
    // Programme.
    ("programme_plans", Coverage::NotPersonal),
    ("programme_years", Coverage::NotPersonal),
];

/// How `table` is covered; `None` for a table the inventory does not know.
pub fn coverage(table: &str) -> Option<Coverage> {
    TABLES.iter().find(|(t, _)| *t == table).map(|(_, c)| *c)
}

/// Column names that say a row names a person (an account, an enrolment,
/// an address): a table having one cannot be [`Coverage::NotPersonal`].
pub const PERSON_COLUMNS: &[&str] = &[
    "user_id",
    "enrolment_id",
    "actor_id",
    "recipient",
    "recorded_by",
    "issued_by",
    "confirmed_by",
    "created_by",
    "email",
];

/// Why `table`, with `columns`, is wrongly classified; `None` when its
/// coverage fits.
pub fn misclassified(table: &str, columns: &[&str]) -> Option<String> {
    match coverage(table) {
        None => Some(format!(
            "the table `{table}` is missing from privacy::rules::inventory::TABLES"
        )),
        Some(Coverage::NotPersonal) => {
            columns
                .iter()
                .find(|c| PERSON_COLUMNS.contains(c))
                .map(|c| {
                    format!(
                        "the table `{table}` names a person (`{c}`) but is classified NotPersonal"
                    )
                })
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn no_table_or_section_is_listed_twice() {
        let tables: BTreeSet<&str> = TABLES.iter().map(|(t, _)| *t).collect();
        assert_eq!(tables.len(), TABLES.len());
        let keys: BTreeSet<&str> = SECTIONS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys.len(), SECTIONS.len());
        let headings: BTreeSet<&str> = SECTIONS.iter().map(|(_, h)| *h).collect();
        assert_eq!(headings.len(), SECTIONS.len());
    }

    #[test]
    fn every_coverage_names_a_section_and_every_section_but_retention_has_a_table() {
        for (table, c) in TABLES {
            if let Some(s) = c.section() {
                assert!(
                    SECTIONS.iter().any(|(k, _)| *k == s),
                    "{table}: unknown section {s}"
                );
            }
        }
        for (key, _) in SECTIONS.iter().filter(|(k, _)| *k != "conservation") {
            assert!(
                TABLES.iter().any(|(_, c)| c.section() == Some(key)),
                "no table feeds the section {key}"
            );
        }
    }

    #[test]
    fn the_sections_are_the_exports_keys_in_order() {
        // A struct is written field by field: the keys' positions in the text
        // are the document's order (an empty export has no nested key but the
        // profile's, none of which is a section's).
        let text = serde_json::to_string(&crate::privacy::PersonalData::default()).expect("JSON");
        let positions: Vec<usize> = SECTIONS
            .iter()
            .map(|(k, _)| {
                text.find(&format!("\"{k}\":"))
                    .unwrap_or_else(|| panic!("no key {k}"))
            })
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let keys = value.as_object().expect("object").len();
        assert_eq!(
            keys,
            SECTIONS.len() + 1,
            "every key but genere_le is a section"
        );
    }

    #[test]
    fn every_entity_is_in_the_inventory() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db/entities");
        let mut missing = Vec::new();
        for entry in std::fs::read_dir(dir).expect("entities") {
            let name = entry
                .expect("entry")
                .file_name()
                .into_string()
                .expect("name");
            if let Some(table) = name.strip_suffix(".rs")
                && table != "mod"
                && table != "prelude"
                && coverage(table).is_none()
            {
                missing.push(table.to_owned());
            }
        }
        assert!(missing.is_empty(), "not in TABLES: {missing:?}");
    }

    #[test]
    fn a_table_naming_a_person_cannot_be_not_personal() {
        assert_eq!(misclassified("users", &["id", "email"]), None);
        assert_eq!(misclassified("modules", &["id", "title"]), None);
        assert!(misclassified("modules", &["id", "created_by"]).is_some());
        assert!(misclassified("new_table", &["id"]).is_some());
        assert_eq!(heading("presences"), "Présences");
    }
}
