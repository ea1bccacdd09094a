//! One page of the audit log, newest first: the filters as SQL conditions,
//! keyset paging on the id (`id < avant`, never OFFSET), then the names of
//! the people and sessions the page mentions, read once for the page.
//!
//! An entry names its session in its target (`training_session`) or in its
//! details (`session_id`, `session`), and a person as its actor, its target
//! (`user`) or in its details (`learner`): the filters look in all of them.
//! Details are JSON (`json` on PostgreSQL, text on SQLite), so the one
//! expression that reads a key differs by database.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveTime};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    sea_query::{Expr, ExprTrait, SimpleExpr},
};

use crate::calendar::{to_local, to_utc};
use crate::db::entities::{audit_log, training_sessions, users};
use crate::error::AppError;
use crate::journal::rules::details::{PERSON_KEYS, SESSION_KEYS, readable};
use crate::journal::rules::filter::Filter;
use crate::journal::rules::labels::{action_label, target_label};
use crate::journal::types::{Choice, Entry, Journal, SessionLink};
use crate::roles::Role;

/// Entries per page.
pub const PAGE: u64 = 50;

/// `details.<key>` equals `id`. Keys are this module's constants, never input.
fn detail_is(backend: DbBackend, key: &'static str, id: i32) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust(format!("(\"details\"->>'{key}')")).eq(id.to_string()),
        _ => Expr::cust(format!("json_extract(\"details\", '$.{key}')")).eq(id),
    }
}

fn target_is(target_type: &str, id: i32) -> Condition {
    Condition::all()
        .add(audit_log::Column::TargetType.eq(target_type))
        .add(audit_log::Column::TargetId.eq(id))
}

fn conditions(backend: DbBackend, f: &Filter) -> Condition {
    let mut all = Condition::all();
    if let Some(s) = f.session_id {
        let mut any = Condition::any().add(target_is("training_session", s));
        for key in SESSION_KEYS {
            any = any.add(detail_is(backend, key, s));
        }
        all = all.add(any);
    }
    if let Some(p) = f.person_id {
        let mut any = Condition::any()
            .add(audit_log::Column::ActorId.eq(p))
            .add(target_is("user", p));
        for key in PERSON_KEYS {
            any = any.add(detail_is(backend, key, p));
        }
        all = all.add(any);
    }
    if let Some(from) = f.from {
        all = all.add(audit_log::Column::OccurredAt.gte(to_utc(from, NaiveTime::MIN)));
    }
    if let Some(to) = f.to.and_then(|d| d.checked_add_days(Days::new(1))) {
        all = all.add(audit_log::Column::OccurredAt.lt(to_utc(to, NaiveTime::MIN)));
    }
    if let Some(before) = f.before {
        all = all.add(audit_log::Column::Id.lt(before));
    }
    all
}

fn detail_id(details: &Option<serde_json::Value>, keys: &[&str]) -> Option<i32> {
    let details = details.as_ref()?;
    keys.iter()
        .find_map(|k| details.get(k)?.as_i64())
        .and_then(|id| i32::try_from(id).ok())
}

fn session_of(row: &audit_log::Model) -> Option<i32> {
    match (row.target_type.as_deref(), row.target_id) {
        (Some("training_session"), Some(id)) => Some(id),
        _ => detail_id(&row.details, &SESSION_KEYS),
    }
}

fn people_of(row: &audit_log::Model) -> impl Iterator<Item = i32> + '_ {
    let target = match (row.target_type.as_deref(), row.target_id) {
        (Some("user"), Some(id)) => Some(id),
        _ => None,
    };
    row.actor_id
        .into_iter()
        .chain(target)
        .chain(detail_id(&row.details, &PERSON_KEYS))
}

async fn names(
    db: &impl ConnectionTrait,
    ids: BTreeSet<i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(users::Entity::find()
        .select_only()
        .columns([users::Column::Id, users::Column::DisplayName])
        .filter(users::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

async fn titles(
    db: &impl ConnectionTrait,
    ids: BTreeSet<i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(training_sessions::Entity::find()
        .select_only()
        .columns([
            training_sessions::Column::Id,
            training_sessions::Column::Title,
        ])
        .filter(training_sessions::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// « Personne : Léa Martin », « Certificat n° 12 », « Programme 2026 ».
fn concerns(row: &audit_log::Model, people: &HashMap<i32, String>) -> String {
    match (row.target_type.as_deref(), row.target_id) {
        (Some("user"), Some(id)) => format!(
            "Personne : {}",
            people
                .get(&id)
                .cloned()
                .unwrap_or_else(|| format!("n° {id}"))
        ),
        // The session is the entry's link.
        (Some("training_session"), Some(_)) => String::new(),
        (Some("programme"), Some(year)) => format!("Programme {year}"),
        (Some(kind), Some(id)) => format!("{} n° {id}", target_label(kind)),
        (Some(kind), None) => target_label(kind).to_owned(),
        _ => String::new(),
    }
}

fn entry(
    row: audit_log::Model,
    people: &HashMap<i32, String>,
    sessions: &HashMap<i32, String>,
) -> Entry {
    let when = to_local(row.occurred_at);
    Entry {
        id: row.id,
        when: when.format("%d/%m/%Y à %H h %M").to_string(),
        action: action_label(&row.action),
        actor: row.actor_id.map_or_else(
            || "Système".to_owned(),
            |id| {
                people
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| format!("Compte n° {id}"))
            },
        ),
        session: session_of(&row).map(|id| SessionLink {
            id,
            title: sessions
                .get(&id)
                .cloned()
                .unwrap_or_else(|| format!("Session n° {id}")),
        }),
        concerns: concerns(&row, people),
        details: row
            .details
            .as_ref()
            .map(|d| readable(d, |id| people.get(&id).cloned()))
            .unwrap_or_default(),
    }
}

/// Sessions the filter form offers at most (the newest).
const SESSION_CHOICES: u64 = 200;

/// The filter form's lists, bounded at any age: the newest sessions and the
/// team (trainers and coordinators) by name, each with the one the filter
/// names if it is not among them. Anyone else is reached from « Comptes »
/// (`?personne=<id>`).
async fn choices(
    db: &DatabaseConnection,
    filter: &Filter,
) -> Result<(Vec<Choice>, Vec<Choice>), AppError> {
    let mut sessions = Condition::any().add(
        training_sessions::Column::Id.in_subquery(
            training_sessions::Entity::find()
                .select_only()
                .column(training_sessions::Column::Id)
                .order_by_desc(training_sessions::Column::Id)
                .limit(SESSION_CHOICES)
                .into_query(),
        ),
    );
    if let Some(id) = filter.session_id {
        sessions = sessions.add(training_sessions::Column::Id.eq(id));
    }
    let sessions = training_sessions::Entity::find()
        .filter(sessions)
        .order_by_desc(training_sessions::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| Choice {
            id: s.id,
            label: format!("{} ({})", s.title, s.programme_year),
        })
        .collect();
    let mut people = Condition::any().add(users::Column::Role.ne(Role::Learner.code()));
    if let Some(id) = filter.person_id {
        people = people.add(users::Column::Id.eq(id));
    }
    let people = users::Entity::find()
        .filter(people)
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| Choice {
            id: u.id,
            label: format!(
                "{} ({})",
                u.display_name,
                Role::from_code(&u.role).map_or("?", Role::label)
            ),
        })
        .collect();
    Ok((sessions, people))
}

pub async fn read(db: &DatabaseConnection, filter: &Filter) -> Result<Journal, AppError> {
    let mut rows = audit_log::Entity::find()
        .filter(conditions(db.get_database_backend(), filter))
        .order_by_desc(audit_log::Column::Id)
        .limit(PAGE + 1)
        .all(db)
        .await?;
    let older = (rows.len() as u64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        rows.last().map(|r| r.id)
    });
    let people = names(db, rows.iter().flat_map(people_of).collect()).await?;
    let sessions = titles(db, rows.iter().filter_map(session_of).collect()).await?;
    let (session_choices, people_choices) = choices(db, filter).await?;
    Ok(Journal {
        entries: rows
            .into_iter()
            .map(|r| entry(r, &people, &sessions))
            .collect(),
        older: older.flatten(),
        sessions: session_choices,
        people: people_choices,
    })
}
