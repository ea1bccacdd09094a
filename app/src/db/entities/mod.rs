//! Generated-style table mappings, one entity per table, kept apart from hand-written behaviour.

pub mod attempt_answers;
pub mod attendance_marks;
pub mod audit_log;
pub mod auth_sessions;
pub mod calendar_feeds;
pub mod certificates;
pub mod checkin_codes;
pub mod choices;
pub mod email_attachments;
pub mod email_outbox;
pub mod enrolments;
pub mod lesson_progress;
pub mod lessons;
pub mod module_objectives;
pub mod modules;
pub mod password_resets;
pub mod programme_plans;
pub mod questionnaire_answers;
pub mod questionnaire_items;
pub mod questionnaire_responses;
pub mod questionnaires;
pub mod questions;
pub mod quiz_attempts;
pub mod quizzes;
pub mod rate_limits;
pub mod resources;
pub mod session_slots;
pub mod session_trainers;
pub mod structures;
pub mod training_sessions;
pub mod users;

/// Every entity under the name of its table, e.g. `Users`, `TrainingSessions`.
pub mod prelude {
    pub use super::attempt_answers::Entity as AttemptAnswers;
    pub use super::attendance_marks::Entity as AttendanceMarks;
    pub use super::audit_log::Entity as AuditLog;
    pub use super::auth_sessions::Entity as AuthSessions;
    pub use super::calendar_feeds::Entity as CalendarFeeds;
    pub use super::certificates::Entity as Certificates;
    pub use super::checkin_codes::Entity as CheckinCodes;
    pub use super::choices::Entity as Choices;
    pub use super::email_attachments::Entity as EmailAttachments;
    pub use super::email_outbox::Entity as EmailOutbox;
    pub use super::enrolments::Entity as Enrolments;
    pub use super::lesson_progress::Entity as LessonProgress;
    pub use super::lessons::Entity as Lessons;
    pub use super::module_objectives::Entity as ModuleObjectives;
    pub use super::modules::Entity as Modules;
    pub use super::password_resets::Entity as PasswordResets;
    pub use super::programme_plans::Entity as ProgrammePlans;
    pub use super::questionnaire_answers::Entity as QuestionnaireAnswers;
    pub use super::questionnaire_items::Entity as QuestionnaireItems;
    pub use super::questionnaire_responses::Entity as QuestionnaireResponses;
    pub use super::questionnaires::Entity as Questionnaires;
    pub use super::questions::Entity as Questions;
    pub use super::quiz_attempts::Entity as QuizAttempts;
    pub use super::quizzes::Entity as Quizzes;
    pub use super::rate_limits::Entity as RateLimits;
    pub use super::resources::Entity as Resources;
    pub use super::session_slots::Entity as SessionSlots;
    pub use super::session_trainers::Entity as SessionTrainers;
    pub use super::structures::Entity as Structures;
    pub use super::training_sessions::Entity as TrainingSessions;
    pub use super::users::Entity as Users;
}
