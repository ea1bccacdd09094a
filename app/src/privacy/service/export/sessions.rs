//! The sessions an export mentions (those the person is enrolled in, teaches
//! or created) and the structures it names, each read once.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::lookup::labels;
use crate::db::entities::{
    enrolments, modules, session_slots, session_trainers, structures, training_sessions, users,
};
use crate::error::AppError;
use crate::privacy::TaughtSession;

/// The sessions the person is enrolled in, teaches or created, with their
/// module's title and their half-days.
pub(super) struct Sessions {
    rows: HashMap<i32, training_sessions::Model>,
    modules: HashMap<i32, String>,
    days: HashMap<i32, BTreeSet<NaiveDate>>,
    pub(super) slots: HashMap<i32, session_slots::Model>,
    taught: BTreeSet<i32>,
    created: BTreeSet<i32>,
    /// The session of each of the person's enrolments.
    session_of: HashMap<i32, i32>,
}

impl Sessions {
    pub(super) async fn load(
        db: &DatabaseConnection,
        user_id: i32,
        enrolments: &[enrolments::Model],
    ) -> Result<Sessions, AppError> {
        let taught: BTreeSet<i32> = session_trainers::Entity::find()
            .select_only()
            .column(session_trainers::Column::SessionId)
            .filter(session_trainers::Column::UserId.eq(user_id))
            .into_tuple::<i32>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let wanted: BTreeSet<i32> = enrolments
            .iter()
            .map(|e| e.session_id)
            .chain(taught.iter().copied())
            .collect();
        let rows = training_sessions::Entity::find()
            .filter(
                Condition::any()
                    .add(training_sessions::Column::Id.is_in(wanted))
                    .add(training_sessions::Column::CreatedBy.eq(user_id)),
            )
            .all(db)
            .await?;
        let created = rows
            .iter()
            .filter(|s| s.created_by == Some(user_id))
            .map(|s| s.id)
            .collect();
        let ids: Vec<i32> = rows.iter().map(|s| s.id).collect();
        let module_ids: BTreeSet<i32> = rows.iter().map(|s| s.module_id).collect();
        let modules =
            labels::<modules::Entity>(db, modules::Column::Id, modules::Column::Title, module_ids)
                .await?;
        let slots = if ids.is_empty() {
            Vec::new()
        } else {
            session_slots::Entity::find()
                .filter(session_slots::Column::SessionId.is_in(ids))
                .all(db)
                .await?
        };
        let mut days: HashMap<i32, BTreeSet<NaiveDate>> = HashMap::new();
        for slot in &slots {
            days.entry(slot.session_id).or_default().insert(slot.day);
        }
        Ok(Sessions {
            rows: rows.into_iter().map(|s| (s.id, s)).collect(),
            modules,
            days,
            slots: slots.into_iter().map(|s| (s.id, s)).collect(),
            taught,
            created,
            session_of: enrolments.iter().map(|e| (e.id, e.session_id)).collect(),
        })
    }

    pub(super) fn title(&self, session: i32) -> String {
        self.rows
            .get(&session)
            .map(|s| s.title.clone())
            .unwrap_or_default()
    }

    /// The title of the session of the person's enrolment `enrolment`.
    pub(super) fn title_of_enrolment(&self, enrolment: i32) -> String {
        self.session_of
            .get(&enrolment)
            .map(|s| self.title(*s))
            .unwrap_or_default()
    }

    pub(super) fn module(&self, session: i32) -> String {
        self.rows
            .get(&session)
            .and_then(|s| self.modules.get(&s.module_id).cloned())
            .unwrap_or_default()
    }

    pub(super) fn days(&self, session: i32) -> Vec<NaiveDate> {
        self.days
            .get(&session)
            .map(|d| d.iter().copied().collect())
            .unwrap_or_default()
    }

    /// The sessions the person teaches or created, by their first day.
    pub(super) fn taught(&self) -> Vec<TaughtSession> {
        let mut list: Vec<TaughtSession> = self
            .taught
            .union(&self.created)
            .filter_map(|id| self.rows.get(id))
            .map(|s| TaughtSession {
                session: s.title.clone(),
                module: self.module(s.id),
                dates: self.days(s.id),
                status: s.status.clone(),
                trainer: self.taught.contains(&s.id),
                created_by_you: self.created.contains(&s.id),
            })
            .collect();
        list.sort_by(|a, b| a.dates.first().cmp(&b.dates.first()));
        list
    }
}

/// The names of the person's structure and of those their enrolments kept.
pub(super) async fn structure_names(
    db: &DatabaseConnection,
    user: &users::Model,
    enrolments: &[enrolments::Model],
) -> Result<HashMap<i32, String>, AppError> {
    let ids: BTreeSet<i32> = user
        .structure_id
        .into_iter()
        .chain(enrolments.iter().filter_map(|e| e.snapshot_structure_id))
        .collect();
    labels::<structures::Entity>(db, structures::Column::Id, structures::Column::Name, ids).await
}
