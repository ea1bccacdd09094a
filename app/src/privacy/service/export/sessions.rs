//! The sessions an export mentions (those the person is enrolled in, teaches
//! or created) and the structures it names, each read once.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

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
    /// The sessions of `enrolments`, and those the person teaches or
    /// created: all of them, or with `keep`, only the latest `keep` by their
    /// first day (the page « Mes données » shows no more). Returns how many of
    /// those were left out.
    pub(super) async fn load(
        db: &DatabaseConnection,
        user_id: i32,
        enrolments: &[enrolments::Model],
        keep: Option<usize>,
    ) -> Result<(Sessions, usize), AppError> {
        let mut taught: BTreeSet<i32> = session_trainers::Entity::find()
            .select_only()
            .column(session_trainers::Column::SessionId)
            .filter(session_trainers::Column::UserId.eq(user_id))
            .into_tuple::<i32>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let mut created: BTreeSet<i32> = training_sessions::Entity::find()
            .select_only()
            .column(training_sessions::Column::Id)
            .filter(training_sessions::Column::CreatedBy.eq(user_id))
            .into_tuple::<i32>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let mut left_out = 0;
        if let Some(keep) = keep {
            let mine: BTreeSet<i32> = taught.union(&created).copied().collect();
            if mine.len() > keep {
                let kept = latest_by_first_day(db, &mine, keep).await?;
                left_out = mine.len() - kept.len();
                taught.retain(|id| kept.contains(id));
                created.retain(|id| kept.contains(id));
            }
        }
        let wanted: BTreeSet<i32> = enrolments
            .iter()
            .map(|e| e.session_id)
            .chain(taught.iter().copied())
            .chain(created.iter().copied())
            .collect();
        let rows = if wanted.is_empty() {
            Vec::new()
        } else {
            training_sessions::Entity::find()
                .filter(training_sessions::Column::Id.is_in(wanted))
                .all(db)
                .await?
        };
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
        let sessions = Sessions {
            rows: rows.into_iter().map(|s| (s.id, s)).collect(),
            modules,
            days,
            slots: slots.into_iter().map(|s| (s.id, s)).collect(),
            taught,
            created,
            session_of: enrolments.iter().map(|e| (e.id, e.session_id)).collect(),
        };
        Ok((sessions, left_out))
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

/// The `keep` sessions of `ids` whose first day comes last, in the order of
/// [`Sessions::taught`] (by first day, then id; a session without half-days
/// comes first).
async fn latest_by_first_day(
    db: &DatabaseConnection,
    ids: &BTreeSet<i32>,
    keep: usize,
) -> Result<BTreeSet<i32>, AppError> {
    let firsts: HashMap<i32, NaiveDate> = session_slots::Entity::find()
        .select_only()
        .column(session_slots::Column::SessionId)
        .column_as(session_slots::Column::Day.min(), "first")
        .filter(session_slots::Column::SessionId.is_in(ids.iter().copied()))
        .group_by(session_slots::Column::SessionId)
        .into_tuple::<(i32, NaiveDate)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut ordered: Vec<(Option<NaiveDate>, i32)> = ids
        .iter()
        .map(|id| (firsts.get(id).copied(), *id))
        .collect();
    ordered.sort();
    let skip = ordered.len().saturating_sub(keep);
    Ok(ordered.into_iter().skip(skip).map(|(_, id)| id).collect())
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
