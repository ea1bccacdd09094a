//! The coordinator's management of accounts: list and search, change a role,
//! deactivate or reactivate (which ends sessions).

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, EntityTrait,
    Order, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::accounts::{AccountList, AccountRow, ActiveChange, RoleChange};
use crate::auth::{CurrentUser, session};
use crate::db::entities::{structures, users};
use crate::error::AppError;
use crate::roles::Role;

/// Accounts per page of « Comptes ».
pub const ACCOUNTS_PER_PAGE: u64 = 50;

/// One page of the accounts whose address or name contains `query`: first
/// those whose erasure waits for confirmation, then by name, then by id; the
/// page after the account `after` (by keyset: that account's place in the
/// order is read back, so the address holds only its id). (`query` passed
/// [`super::search::check`].)
pub async fn list(
    db: &DatabaseConnection,
    query: &str,
    after: Option<i32>,
) -> Result<AccountList, AppError> {
    let mut matching = Condition::all();
    let lowered = query.to_lowercase();
    if !lowered.is_empty() {
        let pattern = format!("%{}%", lowered.replace(['%', '_'], ""));
        matching = matching.add(
            Condition::any()
                .add(users::Column::Email.like(pattern.clone()))
                .add(
                    Expr::expr(Func::lower(Expr::col((
                        users::Entity,
                        users::Column::DisplayName,
                    ))))
                    .like(pattern),
                ),
        );
    }
    let total = users::Entity::find()
        .filter(matching.clone())
        .count(db)
        .await?;
    let mut select = users::Entity::find()
        .find_also_related(structures::Entity)
        .filter(matching);
    if let Some(after) = after {
        let from = users::Entity::find_by_id(after)
            .one(db)
            .await?
            .ok_or_else(|| AppError::invalid("Cette page de la liste des comptes n’existe pas."))?;
        select = select.filter(after_row(&from));
    }
    let mut rows = select
        .order_by(waiting(), Order::Asc)
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id)
        .limit(ACCOUNTS_PER_PAGE + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > ACCOUNTS_PER_PAGE;
    rows.truncate(ACCOUNTS_PER_PAGE as usize);
    let rows: Vec<AccountRow> = rows
        .into_iter()
        .map(|(u, s)| AccountRow {
            id: u.id,
            role: Role::from_code(&u.role).unwrap_or(Role::Learner),
            display_name: u.display_name,
            email: u.email,
            structure: s.map(|s| s.name),
            active: u.active,
            email_verified: u.email_verified_at.is_some(),
            erasure_requested: u.erasure_requested_at.is_some(),
            erased: u.erased_at.is_some(),
        })
        .collect();
    Ok(AccountList {
        query: query.to_owned(),
        total,
        next: more.then(|| rows.last().map(|r| r.id)).flatten(),
        later_page: after.is_some(),
        rows,
    })
}

/// 0 for an account whose erasure waits for confirmation (heading the
/// list), 1 for any other.
fn waiting() -> Expr {
    Expr::case(
        Condition::all()
            .add(users::Column::ErasureRequestedAt.is_not_null())
            .add(users::Column::ErasedAt.is_null()),
        0,
    )
    .finally(1)
    .into()
}

/// The accounts that come after `row` in the list's order.
fn after_row(row: &users::Model) -> Condition {
    let rank = i32::from(!(row.erasure_requested_at.is_some() && row.erased_at.is_none()));
    crate::db::keyset::after(vec![
        (waiting(), rank.into()),
        (
            Expr::col((users::Entity, users::Column::DisplayName)),
            row.display_name.clone().into(),
        ),
        (Expr::col((users::Entity, users::Column::Id)), row.id.into()),
    ])
}

/// The account the coordinator acts on.
pub async fn target(db: &DatabaseConnection, id: i32) -> Result<users::Model, AppError> {
    users::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn change_role(
    db: &DatabaseConnection,
    me: &CurrentUser,
    input: RoleChange,
) -> Result<(), AppError> {
    let role =
        Role::from_code(&input.role).ok_or_else(|| AppError::invalid("Ce rôle n’existe pas."))?;
    if input.user_id == me.id && role != Role::Coordinator {
        return Err(AppError::invalid(
            "Vous ne pouvez pas retirer votre propre rôle de coordination.",
        ));
    }
    let user = target(db, input.user_id).await?;
    if user.erased_at.is_some() {
        return Err(AppError::invalid("Ce compte a été effacé."));
    }
    let before = user.role.clone();
    let mut active: users::ActiveModel = user.into();
    active.role = Set(role.code().to_owned());
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    crate::audit::record(
        db,
        Some(me.id),
        "role_changed",
        Some(("user", input.user_id)),
        Some(serde_json::json!({ "from": before, "to": role.code() })),
    )
    .await?;
    Ok(())
}

pub async fn set_active(
    db: &DatabaseConnection,
    me: &CurrentUser,
    input: ActiveChange,
) -> Result<(), AppError> {
    if input.user_id == me.id && !input.active {
        return Err(AppError::invalid(
            "Vous ne pouvez pas désactiver votre propre compte.",
        ));
    }
    let user = target(db, input.user_id).await?;
    let mut active: users::ActiveModel = user.into();
    active.active = Set(input.active);
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    if !input.active {
        session::destroy_all_for(db, input.user_id).await?;
    }
    let action = if input.active {
        "reactivated"
    } else {
        "deactivated"
    };
    crate::audit::record(db, Some(me.id), action, Some(("user", input.user_id)), None).await?;
    Ok(())
}
