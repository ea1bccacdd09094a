//! The person's account around the training: calendar feeds, open sessions,
//! links sent, e-mails received (never their bodies) and the journal entries
//! about them.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::local_time::local;
use crate::db::entities::{
    audit_log, auth_sessions, calendar_feeds, email_attachments, email_outbox, email_verifications,
    password_resets, users,
};
use crate::error::AppError;
use crate::journal::rules::details::PERSON_KEYS;
use crate::journal::rules::labels::action_label;
use crate::privacy::{EmailReceived, FeedRecord, JournalEntry, LinkSent, SignInSession};

pub(super) async fn calendar_feeds(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<FeedRecord>, AppError> {
    use calendar_feeds::Column as C;
    let rows: Vec<(String, DateTime<Utc>, Option<DateTime<Utc>>)> = calendar_feeds::Entity::find()
        .select_only()
        .columns([C::Kind, C::CreatedAt, C::RevokedAt])
        .filter(C::UserId.eq(user_id))
        .order_by_asc(C::CreatedAt)
        .order_by_asc(C::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, created, revoked)| FeedRecord {
            kind,
            created_at: local(created),
            revoked_at: revoked.map(local),
        })
        .collect())
}

pub(super) async fn sign_in_sessions(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<SignInSession>, AppError> {
    use auth_sessions::Column as C;
    let rows: Vec<(DateTime<Utc>, DateTime<Utc>, DateTime<Utc>)> = auth_sessions::Entity::find()
        .select_only()
        .columns([C::CreatedAt, C::LastSeenAt, C::ExpiresAt])
        .filter(C::UserId.eq(user_id))
        .order_by_asc(C::CreatedAt)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(created, seen, expires)| SignInSession {
            created_at: local(created),
            last_seen_at: local(seen),
            expires_at: local(expires),
        })
        .collect())
}

pub(super) async fn links_sent(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<LinkSent>, AppError> {
    type Dates = (DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>);
    let resets: Vec<Dates> = {
        use password_resets::Column as C;
        password_resets::Entity::find()
            .select_only()
            .columns([C::CreatedAt, C::ExpiresAt, C::UsedAt])
            .filter(C::UserId.eq(user_id))
            .into_tuple()
            .all(db)
            .await?
    };
    type Verification = (String, DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>);
    let verifications: Vec<Verification> = {
        use email_verifications::Column as C;
        email_verifications::Entity::find()
            .select_only()
            .columns([C::Email, C::CreatedAt, C::ExpiresAt, C::UsedAt])
            .filter(C::UserId.eq(user_id))
            .into_tuple()
            .all(db)
            .await?
    };
    let link = |kind: &str, email: Option<String>, (created, expires, used): Dates| LinkSent {
        kind: kind.to_owned(),
        email,
        created_at: local(created),
        expires_at: local(expires),
        used_at: used.map(local),
    };
    let mut list: Vec<LinkSent> = resets
        .into_iter()
        .map(|d| link(LinkSent::PASSWORD_RESET, None, d))
        .chain(
            verifications
                .into_iter()
                .map(|(email, c, e, u)| link(LinkSent::EMAIL_VERIFICATION, Some(email), (c, e, u))),
        )
        .collect();
    list.sort_by_key(|l| l.created_at);
    Ok(list)
}

/// The messages sent to the person's address or to any address a
/// confirmation link was sent to for them (subjects and attachments' names,
/// never bodies).
pub(super) async fn emails_received(
    db: &DatabaseConnection,
    user: &users::Model,
) -> Result<Vec<EmailReceived>, AppError> {
    let verified: Vec<String> = email_verifications::Entity::find()
        .select_only()
        .column(email_verifications::Column::Email)
        .filter(email_verifications::Column::UserId.eq(user.id))
        .into_tuple()
        .all(db)
        .await?;
    let addresses: BTreeSet<String> = user
        .email
        .iter()
        .chain(verified.iter())
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty())
        .collect();
    if addresses.is_empty() {
        return Ok(Vec::new());
    }
    use email_outbox::Column as C;
    type Row = (
        i32,
        String,
        String,
        String,
        DateTime<Utc>,
        Option<DateTime<Utc>>,
        String,
    );
    let rows: Vec<Row> = email_outbox::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::Kind,
            C::Recipient,
            C::Subject,
            C::CreatedAt,
            C::SentAt,
            C::Status,
        ])
        .filter(
            Expr::expr(Func::lower(Expr::col((email_outbox::Entity, C::Recipient))))
                .is_in(addresses),
        )
        .order_by_asc(C::CreatedAt)
        .order_by_asc(C::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut attachments: HashMap<i32, Vec<String>> = HashMap::new();
    if !rows.is_empty() {
        use email_attachments::Column as A;
        let names: Vec<(i32, String)> = email_attachments::Entity::find()
            .select_only()
            .columns([A::EmailId, A::Filename])
            .filter(A::EmailId.is_in(rows.iter().map(|r| r.0)))
            .order_by_asc(A::Id)
            .into_tuple()
            .all(db)
            .await?;
        for (email, name) in names {
            attachments.entry(email).or_default().push(name);
        }
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, recipient, subject, created, sent, status)| EmailReceived {
                kind,
                recipient,
                subject,
                created_at: local(created),
                sent_at: sent.map(local),
                status,
                attachments: attachments.remove(&id).unwrap_or_default(),
            },
        )
        .collect())
}

/// `details.<key>` equals `id` (keys are the journal's constants, never input).
fn detail_is(backend: DbBackend, key: &'static str, id: i32) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust(format!("(\"details\"->>'{key}')")).eq(id.to_string()),
        _ => Expr::cust(format!("json_extract(\"details\", '$.{key}')")).eq(id),
    }
}

/// The audit entries the person made or that are about them, as the
/// coordinator's journal finds a person's (actor, target, or named in the
/// details); their details are not given (they may name others).
pub(super) async fn journal(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<JournalEntry>, AppError> {
    use audit_log::Column as C;
    let mut about = Condition::any().add(C::ActorId.eq(user_id)).add(
        Condition::all()
            .add(C::TargetType.eq("user"))
            .add(C::TargetId.eq(user_id)),
    );
    for key in PERSON_KEYS {
        about = about.add(detail_is(db.get_database_backend(), key, user_id));
    }
    let rows: Vec<(DateTime<Utc>, Option<i32>, String)> = audit_log::Entity::find()
        .select_only()
        .columns([C::OccurredAt, C::ActorId, C::Action])
        .filter(about)
        .order_by_asc(C::OccurredAt)
        .order_by_asc(C::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(at, actor, action)| JournalEntry {
            occurred_at: local(at),
            label: action_label(&action),
            action,
            by_you: actor == Some(user_id),
        })
        .collect())
}
