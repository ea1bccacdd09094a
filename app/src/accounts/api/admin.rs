//! The coordinator's management of accounts: list and search, change a role,
//! deactivate or reactivate (which ends sessions), confirm an erasure, review
//! structures typed in at sign-up.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::AccountRow;
use crate::error::AppError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoleChange {
    pub user_id: i32,
    pub role: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActiveChange {
    pub user_id: i32,
    /// "true" to reactivate, "false" to deactivate.
    pub active: bool,
}

#[server(endpoint = "accounts/list_accounts")]
pub async fn list_accounts(query: String) -> Result<Vec<AccountRow>, AppError> {
    crate::http::respond(ssr::list_accounts(query)).await
}

#[server(endpoint = "accounts/change_role")]
pub async fn change_role(input: RoleChange) -> Result<(), AppError> {
    crate::http::respond(ssr::change_role(input)).await
}

#[server(endpoint = "accounts/set_active")]
pub async fn set_active(input: ActiveChange) -> Result<(), AppError> {
    crate::http::respond(ssr::set_active(input)).await
}

#[server(endpoint = "accounts/confirm_erasure")]
pub async fn confirm_erasure(user_id: i32) -> Result<(), AppError> {
    crate::http::respond(ssr::confirm_erasure(user_id)).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sea_orm::{
        ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter,
        QueryOrder, QuerySelect, TransactionTrait,
    };

    use super::{ActiveChange, RoleChange};
    use crate::accounts::AccountRow;
    use crate::auth::{require, session};
    use crate::db::entities::{structures, users};
    use crate::error::AppError;
    use crate::roles::Role;

    pub async fn list_accounts(query: String) -> Result<Vec<AccountRow>, AppError> {
        require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        use sea_orm::sea_query::ExprTrait;
        let mut select = users::Entity::find().find_also_related(structures::Entity);
        let query = query.trim().to_lowercase();
        if !query.is_empty() {
            let pattern = format!("%{}%", query.replace(['%', '_'], ""));
            select = select.filter(
                Condition::any()
                    .add(users::Column::Email.like(pattern.clone()))
                    .add(
                        sea_orm::sea_query::Expr::expr(sea_orm::sea_query::Func::lower(
                            sea_orm::sea_query::Expr::col((
                                users::Entity,
                                users::Column::DisplayName,
                            )),
                        ))
                        .like(pattern),
                    ),
            );
        }
        let rows = select
            .order_by_asc(users::Column::DisplayName)
            .limit(200)
            .all(&state.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(u, s)| AccountRow {
                id: u.id,
                role: Role::from_code(&u.role).unwrap_or(Role::Learner),
                display_name: u.display_name,
                email: u.email,
                structure: s.map(|s| s.name),
                active: u.active,
                erasure_requested: u.erasure_requested_at.is_some(),
                erased: u.erased_at.is_some(),
            })
            .collect())
    }

    async fn target(db: &sea_orm::DatabaseConnection, id: i32) -> Result<users::Model, AppError> {
        users::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn change_role(input: RoleChange) -> Result<(), AppError> {
        let me = require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let role = Role::from_code(&input.role)
            .ok_or_else(|| AppError::invalid("Ce rôle n’existe pas."))?;
        if input.user_id == me.id && role != Role::Coordinator {
            return Err(AppError::invalid(
                "Vous ne pouvez pas retirer votre propre rôle de coordination.",
            ));
        }
        let user = target(&state.db, input.user_id).await?;
        if user.erased_at.is_some() {
            return Err(AppError::invalid("Ce compte a été effacé."));
        }
        let before = user.role.clone();
        let mut active: users::ActiveModel = user.into();
        active.role = Set(role.code().to_owned());
        active.updated_at = Set(chrono::Utc::now());
        active.update(&state.db).await?;
        crate::audit::record(
            &state.db,
            Some(me.id),
            "role_changed",
            Some(("user", input.user_id)),
            Some(serde_json::json!({ "from": before, "to": role.code() })),
        )
        .await?;
        leptos_axum::redirect("/coordination/comptes");
        Ok(())
    }

    pub async fn set_active(input: ActiveChange) -> Result<(), AppError> {
        let me = require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        if input.user_id == me.id && !input.active {
            return Err(AppError::invalid(
                "Vous ne pouvez pas désactiver votre propre compte.",
            ));
        }
        let user = target(&state.db, input.user_id).await?;
        let mut active: users::ActiveModel = user.into();
        active.active = Set(input.active);
        active.updated_at = Set(chrono::Utc::now());
        active.update(&state.db).await?;
        if !input.active {
            session::destroy_all_for(&state.db, input.user_id).await?;
        }
        let action = if input.active {
            "reactivated"
        } else {
            "deactivated"
        };
        crate::audit::record(
            &state.db,
            Some(me.id),
            action,
            Some(("user", input.user_id)),
            None,
        )
        .await?;
        leptos_axum::redirect("/coordination/comptes");
        Ok(())
    }

    /// Anonymises the account: identity gone, attendance and certificates kept
    /// (legal retention) but attached to an anonymous person.
    pub async fn confirm_erasure(user_id: i32) -> Result<(), AppError> {
        let me = require(&[Role::Coordinator]).await?;
        let state = crate::state::app_state()?;
        let user = target(&state.db, user_id).await?;
        if user.erasure_requested_at.is_none() {
            return Err(AppError::invalid(
                "Cette personne n’a pas demandé l’effacement de son compte.",
            ));
        }
        if user.erased_at.is_some() {
            return Ok(());
        }
        let now = chrono::Utc::now();
        let txn = state.db.begin().await?;
        let mut active: users::ActiveModel = user.into();
        active.email = Set(None);
        active.display_name = Set(format!("Personne effacée n° {user_id}"));
        active.password_hash = Set(None);
        active.profession = Set(None);
        active.active = Set(false);
        active.erased_at = Set(Some(now));
        active.updated_at = Set(now);
        active.update(&txn).await?;
        crate::audit::record(&txn, Some(me.id), "erased", Some(("user", user_id)), None).await?;
        txn.commit().await?;
        session::destroy_all_for(&state.db, user_id).await?;
        leptos_axum::redirect("/coordination/comptes");
        Ok(())
    }
}
