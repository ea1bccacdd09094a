//! What the page « Mes données » shows of a long section: the latest
//! [`SHOWN_PER_SECTION`] entries, and how many it leaves to the JSON
//! download, which holds them all. A trainer of ten years has thousands of
//! sessions taught; the page stays readable and light on a phone.

use crate::privacy::PersonalData;

/// Entries of one section the page shows at most.
pub const SHOWN_PER_SECTION: usize = 100;

/// The key of the section of the sessions taught or created, which the
/// export cuts while reading (`service/export/sessions.rs`).
pub const SESSIONS_TAUGHT: &str = "sessions_animees";

/// Keeps the latest [`SHOWN_PER_SECTION`] of `list` (ordered oldest first);
/// returns how many were left out.
pub fn keep_latest<T>(list: &mut Vec<T>) -> usize {
    let extra = list.len().saturating_sub(SHOWN_PER_SECTION);
    list.drain(..extra);
    extra
}

/// `data` as the page shows it, with (section key, entries left out) for
/// each section cut.
pub fn for_the_page(mut data: PersonalData) -> (PersonalData, Vec<(String, usize)>) {
    let mut left_out = Vec::new();
    let mut cut = |key: &str, extra: usize| {
        if extra > 0 {
            left_out.push((key.to_owned(), extra));
        }
    };
    cut("inscriptions", keep_latest(&mut data.enrolments));
    cut("presences", keep_latest(&mut data.attendance));
    cut("quiz", keep_latest(&mut data.quiz_attempts));
    cut("questionnaires", keep_latest(&mut data.questionnaires));
    cut("lecons_lues", keep_latest(&mut data.lessons_read));
    cut("certificats", keep_latest(&mut data.certificates));
    cut("agendas", keep_latest(&mut data.calendar_feeds));
    cut(
        "sessions_de_connexion",
        keep_latest(&mut data.sign_in_sessions),
    );
    cut("liens_envoyes", keep_latest(&mut data.links_sent));
    cut("courriels_recus", keep_latest(&mut data.emails_received));
    cut("journal", keep_latest(&mut data.journal));
    cut(SESSIONS_TAUGHT, keep_latest(&mut data.sessions_taught));
    (data, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_keeps_its_latest_entries() {
        let mut list: Vec<usize> = (0..250).collect();
        assert_eq!(keep_latest(&mut list), 150);
        assert_eq!(list.len(), SHOWN_PER_SECTION);
        assert_eq!((list[0], list[99]), (150, 249));
        let mut short = vec![1, 2, 3];
        assert_eq!(keep_latest(&mut short), 0);
        assert_eq!(short, [1, 2, 3]);
    }

    #[test]
    fn every_section_key_has_a_heading() {
        for key in [
            "inscriptions",
            "presences",
            "quiz",
            "questionnaires",
            "lecons_lues",
            "certificats",
            "agendas",
            "sessions_de_connexion",
            "liens_envoyes",
            "courriels_recus",
            "journal",
            "sessions_animees",
        ] {
            assert!(
                crate::privacy::rules::inventory::SECTIONS
                    .iter()
                    .any(|s| s.0 == key),
                "{key}"
            );
        }
    }
}
