//! Creating a learner account: validated details, RGPD consent, a structure
//! chosen from the list or typed in (then reviewed by the coordinator).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SignUpForm {
    pub email: String,
    pub display_name: String,
    pub password: String,
    #[serde(default)]
    pub profession: String,
    #[serde(default)]
    pub sector: String,
    /// The id of a listed structure, or empty.
    #[serde(default)]
    pub structure_id: String,
    /// A structure not in the list, typed in.
    #[serde(default)]
    pub new_structure: String,
    /// "on" when the consent box is ticked.
    #[serde(default)]
    pub consent: Option<String>,
}

pub const EMAIL_TAKEN: &str = "Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou utilisez « Mot de passe oublié ? ».";

#[server(endpoint = "accounts/sign_up")]
pub async fn sign_up(input: SignUpForm) -> Result<(), AppError> {
    crate::http::respond(ssr::sign_up(input)).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sea_orm::{
        ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait,
    };

    use super::{EMAIL_TAKEN, SignUpForm};
    use crate::accounts::sector::Sector;
    use crate::accounts::validation::{
        check_display_name, check_new_structure_name, check_password, check_profession,
        normalise_email,
    };
    use crate::auth::{password, rate_limit, session};
    use crate::db::entities::{structures, users};
    use crate::error::AppError;

    fn invalid(e: impl std::fmt::Display) -> AppError {
        AppError::invalid(e.to_string())
    }

    pub async fn sign_up(input: SignUpForm) -> Result<(), AppError> {
        let state = crate::state::app_state()?;
        let db = &state.db;
        let now = chrono::Utc::now();
        rate_limit::hit_client(db, "sign_up", rate_limit::SIGN_UP_PER_CLIENT, now).await?;

        let email = normalise_email(&input.email).map_err(invalid)?;
        let display_name = check_display_name(&input.display_name).map_err(invalid)?;
        check_password(&input.password, &[&email, &display_name]).map_err(invalid)?;
        let profession = check_profession(&input.profession).map_err(invalid)?;
        let sector = Sector::from_code(input.sector.trim()).ok_or_else(|| {
            AppError::invalid("Choisissez votre secteur d’activité dans la liste.")
        })?;
        if input.consent.is_none() {
            return Err(AppError::invalid(
                "Pour créer un compte, acceptez le traitement de vos données personnelles décrit sur la page « Données personnelles ».",
            ));
        }
        let listed_structure = match input.structure_id.trim() {
            "" => None,
            id => Some(
                id.parse::<i32>()
                    .map_err(|_| AppError::invalid("Choisissez une structure dans la liste."))?,
            ),
        };
        let new_structure = match input.new_structure.trim() {
            "" => None,
            name => Some(check_new_structure_name(name).map_err(invalid)?),
        };
        if listed_structure.is_none() && new_structure.is_none() {
            return Err(AppError::invalid(
                "Choisissez votre structure dans la liste, ou saisissez son nom si elle n’y figure pas.",
            ));
        }

        if users::Entity::find()
            .filter(users::Column::Email.eq(email.as_str()))
            .one(db)
            .await?
            .is_some()
        {
            return Err(AppError::Conflict(EMAIL_TAKEN.to_owned()));
        }
        let hash = password::hash(input.password).await?;

        let txn = db.begin().await?;
        let structure_id = match (listed_structure, new_structure) {
            (Some(id), _) => {
                structures::Entity::find_by_id(id)
                    .one(&txn)
                    .await?
                    .ok_or_else(|| AppError::invalid("Choisissez une structure dans la liste."))?
                    .id
            }
            (None, Some(name)) => match structures::Entity::find()
                .filter(structures::Column::Name.eq(name.as_str()))
                .one(&txn)
                .await?
            {
                Some(existing) => existing.id,
                None => {
                    structures::ActiveModel {
                        name: Set(name),
                        sector: Set(sector.code().to_owned()),
                        city: Set(None),
                        reviewed: Set(false),
                        created_at: Set(now),
                        ..Default::default()
                    }
                    .insert(&txn)
                    .await?
                    .id
                }
            },
            (None, None) => {
                return Err(AppError::invalid("Choisissez une structure dans la liste."));
            }
        };
        let user = users::ActiveModel {
            email: Set(Some(email)),
            display_name: Set(display_name),
            password_hash: Set(Some(hash)),
            role: Set("learner".to_owned()),
            profession: Set(profession),
            sector: Set(Some(sector.code().to_owned())),
            structure_id: Set(Some(structure_id)),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|e| match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                AppError::Conflict(EMAIL_TAKEN.to_owned())
            }
            _ => AppError::from(e),
        })?;
        crate::audit::record(
            &txn,
            Some(user.id),
            "sign_up",
            Some(("user", user.id)),
            None,
        )
        .await?;
        txn.commit().await?;

        let token = session::create(db, user.id, now).await?;
        crate::http::append_set_cookie(&session::cookie(&token, state.settings.secure_cookies()));
        leptos_axum::redirect("/mon-espace");
        Ok(())
    }
}
