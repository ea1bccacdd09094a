//! Reads everything a session's certificates depend on — its slots, its
//! confirmed learners and their marks, quiz passes, post self-assessments,
//! existing certificates — and applies the eligibility rule to each learner.
//! Callers check access first.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::attendance::rules::Attendance;
use crate::certificates::rules::eligibility::HalfDayFact;
use crate::certificates::rules::{LearnerFacts, QuizFact, Rule, SessionFacts, Verdict, assess};
use crate::db::entities::{
    attendance_marks, certificates, enrolments, module_objectives, modules,
    questionnaire_responses, quiz_attempts, quizzes, training_sessions, users,
};
use crate::error::AppError;
use crate::sessions::rules::{EnrolmentStatus, Status};
use crate::sessions::service::roster::{Enrolled, enrolled, slots, trainer_names};

/// One confirmed learner and what the rule says of them.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub enrolment: enrolments::Model,
    pub user: users::Model,
    pub structure: Option<String>,
    pub verdict: Verdict,
    pub certificate: Option<certificates::Model>,
}

#[derive(Debug, Clone)]
pub struct CohortData {
    pub session: training_sessions::Model,
    pub module: modules::Model,
    pub objectives: Vec<String>,
    /// Display names, sorted.
    pub trainers: Vec<String>,
    pub days: Vec<NaiveDate>,
    pub rule: Rule,
    /// Sorted by name.
    pub candidates: Vec<Candidate>,
}

pub fn rule_of(session: &training_sessions::Model) -> Rule {
    Rule {
        min_attendance_percent: u8::try_from(session.min_attendance_percent.clamp(0, 100))
            .unwrap_or(100),
        requires_quiz_passed: session.requires_quiz_passed,
        requires_post_assessment: session.requires_post_assessment,
    }
}

/// Who passed one of the module's published quizzes (`None`: it has none).
async fn quiz_passes(
    db: &impl ConnectionTrait,
    module_id: i32,
    user_ids: &[i32],
) -> Result<Option<HashSet<i32>>, AppError> {
    let quiz_ids: Vec<i32> = quizzes::Entity::find()
        .filter(quizzes::Column::ModuleId.eq(module_id))
        .filter(quizzes::Column::Published.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|q| q.id)
        .collect();
    if quiz_ids.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        quiz_attempts::Entity::find()
            .filter(quiz_attempts::Column::QuizId.is_in(quiz_ids))
            .filter(quiz_attempts::Column::UserId.is_in(user_ids.iter().copied()))
            .filter(quiz_attempts::Column::Passed.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.user_id)
            .collect(),
    ))
}

pub async fn load_cohort(
    db: &impl ConnectionTrait,
    session: training_sessions::Model,
    now: DateTime<Utc>,
) -> Result<CohortData, AppError> {
    let module = modules::Entity::find_by_id(session.module_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let objectives = module_objectives::Entity::find()
        .filter(module_objectives::Column::ModuleId.eq(module.id))
        .order_by_asc(module_objectives::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.label)
        .collect();
    let trainers = trainer_names(db, session.id).await?;
    let slots = slots(db, session.id).await?;
    let enrolled = enrolled(db, session.id, &[EnrolmentStatus::Confirmed]).await?;
    let enrolment_ids: Vec<i32> = enrolled.iter().map(|p| p.enrolment.id).collect();
    let user_ids: Vec<i32> = enrolled.iter().map(|p| p.user.id).collect();
    let marks: HashMap<(i32, i32), Attendance> = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::EnrolmentId.is_in(enrolment_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|m| {
            Some((
                (m.enrolment_id, m.slot_id),
                Attendance::from_code(&m.status)?,
            ))
        })
        .collect();
    let passes = quiz_passes(db, module.id, &user_ids).await?;
    let answered_post: HashSet<i32> = questionnaire_responses::Entity::find()
        .filter(questionnaire_responses::Column::EnrolmentId.is_in(enrolment_ids.clone()))
        .filter(questionnaire_responses::Column::Phase.eq("apres"))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.enrolment_id)
        .collect();
    let mut certificates: HashMap<i32, certificates::Model> = certificates::Entity::find()
        .filter(certificates::Column::EnrolmentId.is_in(enrolment_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.enrolment_id, c))
        .collect();

    let rule = rule_of(&session);
    let facts = SessionFacts {
        cancelled: session.status == Status::Cancelled.code(),
        over: slots.last().is_some_and(|s| s.ends_at <= now),
    };
    let mut candidates: Vec<Candidate> = enrolled
        .into_iter()
        .map(
            |Enrolled {
                 enrolment,
                 user,
                 structure,
             }| {
                let learner = LearnerFacts {
                    half_days: slots
                        .iter()
                        .map(|s| HalfDayFact {
                            minutes: (s.ends_at - s.starts_at).num_minutes(),
                            mark: marks.get(&(enrolment.id, s.id)).copied(),
                        })
                        .collect(),
                    quiz: match &passes {
                        None => QuizFact::NoQuiz,
                        Some(p) if p.contains(&user.id) => QuizFact::Passed,
                        Some(_) => QuizFact::NotPassed,
                    },
                    post_assessment_answered: answered_post.contains(&enrolment.id),
                    email_verified: user.email_verified_at.is_some(),
                };
                Candidate {
                    verdict: assess(rule, facts, &learner),
                    structure,
                    certificate: certificates.remove(&enrolment.id),
                    enrolment,
                    user,
                }
            },
        )
        .collect();
    candidates.sort_by_key(|c| c.user.display_name.to_lowercase());
    Ok(CohortData {
        days: slots
            .iter()
            .map(|s| crate::calendar::to_local(s.starts_at).date())
            .collect(),
        session,
        module,
        objectives,
        trainers,
        rule,
        candidates,
    })
}
