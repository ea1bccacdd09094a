//! Others' records that quote the erased person: their name or one of their
//! addresses becomes « Personne effacée n° N », the rest of the text stays.
//!
//! Each free-text column is read in pages of [`PAGE`] rows, keyed by id,
//! keeping only rows that may mention the person: the SQL filter looks for
//! an ASCII fragment of each identifier in lower case (SQLite's `lower` only
//! folds ASCII), and Rust then replaces whole identifiers whatever their
//! case ([`pseudonym::rewrite`]). An identifier without such a fragment
//! means every row is read.

use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, Func, Query, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::Identity;
use crate::db::entities::audit_log;
use crate::error::AppError;
use crate::privacy::rules::pseudonym;

const PAGE: u64 = 500;

/// Free-text columns of others' records: (table, key column, text column).
const TEXT_COLUMNS: &[(&str, &str, &str)] = &[
    ("email_outbox", "id", "subject"),
    ("email_outbox", "id", "body_text"),
    ("email_outbox", "id", "body_html"),
    ("attendance_marks", "id", "note"),
    ("certificates", "id", "revocation_reason"),
    ("training_sessions", "id", "cancel_reason"),
    ("questionnaire_answers", "id", "value_text"),
    ("programme_years", "year", "note"),
    ("enrolments", "id", "snapshot_profession"),
];

pub async fn others_mentions(
    db: &impl ConnectionTrait,
    who: &Identity,
    pseudonym: &str,
) -> Result<(), AppError> {
    let identifiers = who.identifiers();
    let fragments = pseudonym::fragments(&identifiers);
    for (table, key, column) in TEXT_COLUMNS {
        text_column(
            db,
            table,
            key,
            column,
            &identifiers,
            fragments.as_deref(),
            pseudonym,
        )
        .await?;
    }
    journal_details(db, &identifiers, fragments.as_deref(), pseudonym).await
}

/// `lower(CAST(column AS TEXT)) LIKE '%fragment%'` for any fragment; no
/// filter when some identifier has no fragment.
fn may_mention(column: SimpleExpr, fragments: Option<&[String]>) -> Condition {
    let mut any = Condition::any();
    if let Some(fragments) = fragments {
        let lowered = Func::lower(column.cast_as(Alias::new("text")));
        for fragment in fragments {
            any = any.add(Expr::expr(lowered.clone()).like(format!("%{fragment}%")));
        }
    } else {
        any = any.add(Expr::value(true));
    }
    any
}

async fn text_column(
    db: &impl ConnectionTrait,
    table: &str,
    key: &str,
    column: &str,
    identifiers: &[&str],
    fragments: Option<&[String]>,
    pseudonym: &str,
) -> Result<(), AppError> {
    let mut after = i32::MIN;
    loop {
        let select = Query::select()
            .column(Alias::new(key))
            .column(Alias::new(column))
            .from(Alias::new(table))
            .and_where(Expr::col(Alias::new(column)).is_not_null())
            .and_where(Expr::col(Alias::new(key)).gt(after))
            .cond_where(may_mention(Expr::col(Alias::new(column)), fragments))
            .order_by(Alias::new(key), sea_orm::Order::Asc)
            .limit(PAGE)
            .to_owned();
        let rows = db.query_all(&select).await?;
        for row in &rows {
            let id: i32 = row.try_get("", key)?;
            let text: String = row.try_get("", column)?;
            after = id;
            if let Some(new) = pseudonym::rewrite(&text, identifiers, pseudonym) {
                let update = Query::update()
                    .table(Alias::new(table))
                    .value(Alias::new(column), new)
                    .and_where(Expr::col(Alias::new(key)).eq(id))
                    .to_owned();
                db.execute(&update).await?;
            }
        }
        if (rows.len() as u64) < PAGE {
            return Ok(());
        }
    }
}

/// The journal's details (JSON): every string in them, keys included.
async fn journal_details(
    db: &impl ConnectionTrait,
    identifiers: &[&str],
    fragments: Option<&[String]>,
    pseudonym: &str,
) -> Result<(), AppError> {
    let mut after = i32::MIN;
    loop {
        let rows: Vec<(i32, Option<serde_json::Value>)> = audit_log::Entity::find()
            .select_only()
            .columns([audit_log::Column::Id, audit_log::Column::Details])
            .filter(audit_log::Column::Details.is_not_null())
            .filter(audit_log::Column::Id.gt(after))
            .filter(may_mention(
                Expr::col(audit_log::Column::Details),
                fragments,
            ))
            .order_by_asc(audit_log::Column::Id)
            .limit(PAGE)
            .into_tuple()
            .all(db)
            .await?;
        for (id, details) in &rows {
            after = *id;
            let Some(details) = details else { continue };
            if let Some(new) = rewrite_json(details, identifiers, pseudonym) {
                audit_log::Entity::update_many()
                    .col_expr(audit_log::Column::Details, Expr::value(new))
                    .filter(audit_log::Column::Id.eq(*id))
                    .exec(db)
                    .await?;
            }
        }
        if (rows.len() as u64) < PAGE {
            return Ok(());
        }
    }
}

/// `value` with every string rewritten, if any was.
fn rewrite_json(
    value: &serde_json::Value,
    identifiers: &[&str],
    pseudonym: &str,
) -> Option<serde_json::Value> {
    use serde_json::Value;
    match value {
        Value::String(s) => pseudonym::rewrite(s, identifiers, pseudonym).map(Value::String),
        Value::Array(items) => {
            let new: Vec<Option<Value>> = items
                .iter()
                .map(|v| rewrite_json(v, identifiers, pseudonym))
                .collect();
            new.iter().any(Option::is_some).then(|| {
                Value::Array(
                    new.into_iter()
                        .zip(items)
                        .map(|(n, old)| n.unwrap_or_else(|| old.clone()))
                        .collect(),
                )
            })
        }
        Value::Object(map) => {
            let mut changed = false;
            let new = map
                .iter()
                .map(|(k, v)| {
                    let key = pseudonym::rewrite(k, identifiers, pseudonym);
                    let value = rewrite_json(v, identifiers, pseudonym);
                    changed |= key.is_some() || value.is_some();
                    (
                        key.unwrap_or_else(|| k.clone()),
                        value.unwrap_or_else(|| v.clone()),
                    )
                })
                .collect();
            changed.then_some(Value::Object(new))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite_json;
    use serde_json::json;

    #[test]
    fn every_string_of_a_journal_entry_is_rewritten() {
        let details = json!({"reason": "Zoé Martin absente", "n": 3, "list": ["ok", "zoé martin"]});
        assert_eq!(
            rewrite_json(&details, &["Zoé Martin"], "P"),
            Some(json!({"reason": "P absente", "n": 3, "list": ["ok", "P"]}))
        );
        assert_eq!(rewrite_json(&json!({"n": 1}), &["Zoé Martin"], "P"), None);
    }
}
