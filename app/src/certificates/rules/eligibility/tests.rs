use super::*;

const OVER: SessionFacts = SessionFacts {
    cancelled: false,
    over: true,
};

fn half(minutes: i64, mark: Option<Attendance>) -> HalfDayFact {
    HalfDayFact { minutes, mark }
}

fn learner(marks: &[Option<Attendance>]) -> LearnerFacts {
    LearnerFacts {
        half_days: marks.iter().map(|m| half(210, *m)).collect(),
        quiz: QuizFact::NotPassed,
        post_assessment_answered: false,
        email_verified: true,
    }
}

fn percent(min: u8) -> Rule {
    Rule {
        min_attendance_percent: min,
        ..Rule::default()
    }
}

use Attendance::{Absent, ExcusedAbsent, Late, Present};

#[test]
fn present_and_late_count_as_attended_by_default() {
    let v = assess(
        Rule::default(),
        OVER,
        &learner(&[Some(Present), Some(Late)]),
    );
    assert!(v.eligible(), "{v:?}");
    assert_eq!((v.attended_half_days, v.total_half_days), (2, 2));
    assert_eq!(v.attended_minutes, 420);
}

#[test]
fn an_excused_absence_is_not_attendance() {
    let v = assess(
        Rule::default(),
        OVER,
        &learner(&[Some(Present), Some(ExcusedAbsent)]),
    );
    assert_eq!(v.reasons, [Ineligibility::MissedHalfDays { missed: 1 }]);
    assert_eq!(v.attended_minutes, 210);
    assert!(v.reasons[0].message().contains("Une demi-journée"));
}

#[test]
fn unmarked_and_absent_half_days_are_missed() {
    let v = assess(
        Rule::default(),
        OVER,
        &learner(&[None, Some(Absent), Some(Present)]),
    );
    assert_eq!(v.reasons, [Ineligibility::MissedHalfDays { missed: 2 }]);
    assert!(v.reasons[0].message().starts_with("2 demi-journées"));
}

#[test]
fn a_percentage_is_compared_exactly_without_rounding() {
    // 2 of 3 half-days: 66.7 %.
    let two_of_three = learner(&[Some(Present), Some(Late), Some(Absent)]);
    assert!(assess(percent(66), OVER, &two_of_three).eligible());
    let v = assess(percent(67), OVER, &two_of_three);
    assert_eq!(
        v.reasons,
        [Ineligibility::BelowMinimum {
            attended: 2,
            total: 3,
            required_percent: 67
        }]
    );
    assert_eq!(
        v.reasons[0].message(),
        "Présence insuffisante : 2 demi-journée(s) suivie(s) sur 3, 67 % exigés."
    );
    // Exactly on the boundary.
    assert!(meets_minimum(1, 2, 50));
    assert!(!meets_minimum(0, 2, 1));
    assert!(meets_minimum(0, 2, 0));
}

#[test]
fn the_session_must_be_over_and_not_cancelled() {
    let all = learner(&[Some(Present)]);
    let running = SessionFacts {
        cancelled: false,
        over: false,
    };
    assert_eq!(
        assess(Rule::default(), running, &all).reasons,
        [Ineligibility::SessionNotOver]
    );
    let cancelled = SessionFacts {
        cancelled: true,
        over: true,
    };
    assert_eq!(
        assess(Rule::default(), cancelled, &all).reasons,
        [Ineligibility::SessionCancelled]
    );
    assert_eq!(
        assess(Rule::default(), OVER, &learner(&[])).reasons,
        [Ineligibility::NoHalfDay]
    );
}

#[test]
fn quiz_and_post_assessment_only_count_when_required() {
    let mut facts = learner(&[Some(Present)]);
    assert!(assess(Rule::default(), OVER, &facts).eligible());
    let strict = Rule {
        min_attendance_percent: 100,
        requires_quiz_passed: true,
        requires_post_assessment: true,
    };
    assert_eq!(
        assess(strict, OVER, &facts).reasons,
        [
            Ineligibility::QuizNotPassed,
            Ineligibility::PostAssessmentMissing
        ]
    );
    facts.quiz = QuizFact::NoQuiz;
    assert_eq!(
        assess(strict, OVER, &facts).reasons[0],
        Ineligibility::NoQuiz
    );
    facts.quiz = QuizFact::Passed;
    facts.post_assessment_answered = true;
    assert!(assess(strict, OVER, &facts).eligible());
}

#[test]
fn every_reason_is_listed_at_once() {
    let strict = Rule {
        min_attendance_percent: 100,
        requires_quiz_passed: true,
        requires_post_assessment: true,
    };
    let v = assess(
        strict,
        SessionFacts {
            cancelled: false,
            over: false,
        },
        &learner(&[Some(Absent)]),
    );
    assert_eq!(v.reasons.len(), 4);
    assert!(v.reasons.iter().all(|r| r.message().ends_with('.')));
}

#[test]
fn an_unconfirmed_address_gets_no_certificate_and_says_why() {
    let mut facts = learner(&[Some(Attendance::Present)]);
    assert!(assess(Rule::default(), OVER, &facts).eligible());
    facts.email_verified = false;
    let verdict = assess(Rule::default(), OVER, &facts);
    assert_eq!(verdict.reasons, [Ineligibility::EmailUnverified]);
    assert!(
        Ineligibility::EmailUnverified
            .message()
            .contains("n’est pas confirmée")
    );
}
