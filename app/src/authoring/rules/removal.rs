//! Deleting or archiving a module, a lesson or a quiz. Content nobody has used
//! yet may be deleted (once confirmed); content that has served (a session of
//! the module, a learner who read the lesson, an attempt at the quiz) is
//! archived instead, so no answer, attempt or attendance is ever lost.
//! Archived content is hidden from learners and from new sessions (see
//! `sessions::rules::changes::may_plan_with`), and can be restored.

use crate::error::Refusal;
use crate::refusal;

/// What an item has been used for: the traces that forbid deleting it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Sessions of the module (any status).
    pub sessions: u64,
    /// Sessions of the module still « prévue » (to come, or to close).
    pub planned_sessions: u64,
    /// People who finished a lesson (of the module, or this lesson).
    pub readers: u64,
    /// Attempts at a quiz (of the module, or this quiz).
    pub attempts: u64,
}

impl Usage {
    fn has_served(self) -> bool {
        self.sessions + self.readers + self.attempts > 0
    }
}

/// `what` is « Ce module », « Cette leçon » or « Ce quiz ».
pub fn may_delete(what: &str, usage: Usage) -> Result<(), Refusal> {
    if usage.has_served() {
        let mut traces = Vec::new();
        if usage.sessions > 0 {
            traces.push(plural(usage.sessions, "session", "sessions"));
        }
        if usage.readers > 0 {
            traces.push(plural(
                usage.readers,
                "lecture terminée",
                "lectures terminées",
            ));
        }
        if usage.attempts > 0 {
            traces.push(plural(
                usage.attempts,
                "tentative de quiz",
                "tentatives de quiz",
            ));
        }
        return Err(refusal!(
            "{what} a déjà servi ({}) : archivez-le plutôt, rien de ce qui a été fait n’est perdu.",
            traces.join(", ")
        ));
    }
    Ok(())
}

/// A module with planned sessions stays in use: they are held, cancelled or
/// moved to another module first.
pub fn may_archive(usage: Usage) -> Result<(), Refusal> {
    match usage.planned_sessions {
        0 => Ok(()),
        n => Err(refusal!(
            "Ce module a {} : attendez qu’elles soient réalisées, annulez-les ou changez leur module avant de l’archiver.",
            plural(n, "session prévue", "sessions prévues")
        )),
    }
}

/// Archived content is restored before it is published again.
pub fn may_publish(archived: bool) -> Result<(), Refusal> {
    if archived {
        return Err(Refusal::new(
            "Ce contenu est archivé : restaurez-le avant de le publier.",
        ));
    }
    Ok(())
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unused_content_may_be_deleted() {
        assert_eq!(may_delete("Ce module", Usage::default()), Ok(()));
    }

    #[test]
    fn content_that_has_served_is_archived_instead() {
        let used = Usage {
            sessions: 2,
            readers: 1,
            ..Usage::default()
        };
        assert_eq!(
            may_delete("Ce module", used),
            Err(Refusal::new(
                "Ce module a déjà servi (2 sessions, 1 lecture terminée) : archivez-le plutôt, rien de ce qui a été fait n’est perdu."
            ))
        );
        let attempted = Usage {
            attempts: 3,
            ..Usage::default()
        };
        assert!(
            may_delete("Ce quiz", attempted)
                .expect_err("refused")
                .message()
                .contains("3 tentatives de quiz")
        );
    }

    #[test]
    fn a_module_with_planned_sessions_is_not_archived() {
        let upcoming = Usage {
            sessions: 1,
            planned_sessions: 1,
            ..Usage::default()
        };
        assert!(
            may_archive(upcoming)
                .expect_err("refused")
                .message()
                .starts_with("Ce module a 1 session prévue :")
        );
        let past = Usage {
            sessions: 4,
            ..Usage::default()
        };
        assert_eq!(may_archive(past), Ok(()));
    }

    #[test]
    fn archived_content_is_not_published() {
        assert!(may_publish(true).is_err());
        assert_eq!(may_publish(false), Ok(()));
    }
}
