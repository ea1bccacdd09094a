//! Who may receive a certificate of completion (certificat de réalisation),
//! and, for everyone else, every reason why not, in French.
//!
//! Attendance counts half-days: « présent·e » and « en retard » are
//! attended; « absent·e excusé·e », « absent·e » and a half-day without a
//! mark are not (an excuse explains an absence, it does not replace the
//! training). The minimum is a whole percentage of the session's half-days
//! compared exactly, without rounding: `attended × 100 ≥ minimum × total`,
//! so with 3 half-days, 2 attended (66.7 %) meets 66 % but not 67 %, and
//! 100 % (the default) means every half-day.

use serde::{Deserialize, Serialize};

use crate::attendance::rules::Attendance;

/// The session's rule, set by its trainers or the coordinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// 100: every half-day.
    pub min_attendance_percent: u8,
    pub requires_quiz_passed: bool,
    pub requires_post_assessment: bool,
}

impl Default for Rule {
    fn default() -> Self {
        Rule {
            min_attendance_percent: 100,
            requires_quiz_passed: false,
            requires_post_assessment: false,
        }
    }
}

/// What holds for the whole session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionFacts {
    pub cancelled: bool,
    /// Its last half-day has ended.
    pub over: bool,
}

/// The learner's quiz, for a rule that requires it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizFact {
    /// The module has no published quiz.
    NoQuiz,
    NotPassed,
    Passed,
}

/// One half-day: its length and the learner's mark, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfDayFact {
    pub minutes: i64,
    pub mark: Option<Attendance>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerFacts {
    pub half_days: Vec<HalfDayFact>,
    pub quiz: QuizFact,
    pub post_assessment_answered: bool,
    /// The certificate goes by e-mail: to a confirmed address only.
    pub email_verified: bool,
}

/// Why a learner is not eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ineligibility {
    SessionCancelled,
    SessionNotOver,
    NoHalfDay,
    /// The rule asks for every half-day and `missed` were not attended.
    MissedHalfDays {
        missed: usize,
    },
    BelowMinimum {
        attended: usize,
        total: usize,
        required_percent: u8,
    },
    NoQuiz,
    QuizNotPassed,
    PostAssessmentMissing,
    EmailUnverified,
}

impl Ineligibility {
    /// The reason as shown to the trainer, in French.
    pub fn message(self) -> String {
        match self {
            Ineligibility::SessionCancelled => "La session a été annulée.".to_owned(),
            Ineligibility::SessionNotOver => {
                "La session n’est pas terminée : la dernière demi-journée n’a pas eu lieu."
                    .to_owned()
            }
            Ineligibility::NoHalfDay => "La session n’a aucune demi-journée.".to_owned(),
            Ineligibility::MissedHalfDays { missed: 1 } => {
                "Une demi-journée n’a pas été suivie (toutes sont exigées).".to_owned()
            }
            Ineligibility::MissedHalfDays { missed } => {
                format!("{missed} demi-journées n’ont pas été suivies (toutes sont exigées).")
            }
            Ineligibility::BelowMinimum {
                attended,
                total,
                required_percent,
            } => format!(
                "Présence insuffisante : {attended} demi-journée(s) suivie(s) sur {total}, \
                 {required_percent} % exigés."
            ),
            Ineligibility::NoQuiz => {
                "Le quiz est exigé mais le module n’a aucun quiz publié.".to_owned()
            }
            Ineligibility::QuizNotPassed => "Le quiz n’a pas été réussi.".to_owned(),
            Ineligibility::PostAssessmentMissing => {
                "L’auto-évaluation d’après formation n’a pas été remplie.".to_owned()
            }
            Ineligibility::EmailUnverified => {
                "L’adresse e-mail de la personne n’est pas confirmée : le certificat est envoyé par \
                 courriel (la coordination peut la confirmer depuis « Comptes »)."
                    .to_owned()
            }
        }
    }
}

/// The outcome for one learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub reasons: Vec<Ineligibility>,
    pub attended_half_days: usize,
    pub total_half_days: usize,
    /// The sum of the lengths of the half-days attended.
    pub attended_minutes: i64,
}

impl Verdict {
    pub fn eligible(&self) -> bool {
        self.reasons.is_empty()
    }
}

/// `attended` of `total` half-days meet `min_percent`, compared exactly.
pub fn meets_minimum(attended: usize, total: usize, min_percent: u8) -> bool {
    attended * 100 >= usize::from(min_percent.min(100)) * total
}

pub fn assess(rule: Rule, session: SessionFacts, learner: &LearnerFacts) -> Verdict {
    let total = learner.half_days.len();
    let attended: Vec<&HalfDayFact> = learner
        .half_days
        .iter()
        .filter(|h| h.mark.is_some_and(Attendance::attended))
        .collect();
    let attended_minutes = attended.iter().map(|h| h.minutes.max(0)).sum();
    let mut reasons = Vec::new();
    if session.cancelled {
        reasons.push(Ineligibility::SessionCancelled);
    } else if !session.over {
        reasons.push(Ineligibility::SessionNotOver);
    }
    if total == 0 {
        reasons.push(Ineligibility::NoHalfDay);
    } else if !meets_minimum(attended.len(), total, rule.min_attendance_percent) {
        reasons.push(if rule.min_attendance_percent >= 100 {
            Ineligibility::MissedHalfDays {
                missed: total - attended.len(),
            }
        } else {
            Ineligibility::BelowMinimum {
                attended: attended.len(),
                total,
                required_percent: rule.min_attendance_percent,
            }
        });
    }
    if rule.requires_quiz_passed {
        match learner.quiz {
            QuizFact::Passed => {}
            QuizFact::NotPassed => reasons.push(Ineligibility::QuizNotPassed),
            QuizFact::NoQuiz => reasons.push(Ineligibility::NoQuiz),
        }
    }
    if rule.requires_post_assessment && !learner.post_assessment_answered {
        reasons.push(Ineligibility::PostAssessmentMissing);
    }
    if !learner.email_verified {
        reasons.push(Ineligibility::EmailUnverified);
    }
    Verdict {
        reasons,
        attended_half_days: attended.len(),
        total_half_days: total,
        attended_minutes,
    }
}

#[cfg(test)]
mod tests;
