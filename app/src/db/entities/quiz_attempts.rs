//! Table `quiz_attempts`: one learner's attempt at a quiz, immutable once submitted.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub quiz_id: i32,
    pub user_id: i32,
    pub number: i32,
    pub layout: Json,
    pub started_at: DateTimeUtc,
    pub deadline_at: Option<DateTimeUtc>,
    pub submitted_at: Option<DateTimeUtc>,
    pub score: Option<f64>,
    pub max_score: Option<f64>,
    pub passed: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::quizzes::Entity",
        from = "Column::QuizId",
        to = "super::quizzes::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Quizzes,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Users,
    #[sea_orm(has_many = "super::attempt_answers::Entity")]
    AttemptAnswers,
}

impl Related<super::quizzes::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Quizzes.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Users.def()
    }
}

impl Related<super::attempt_answers::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AttemptAnswers.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
