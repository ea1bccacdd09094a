//! A person's own profile: read, edit, ask for erasure. (The download of all
//! their data is the server route `GET /mes-donnees`.)

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::Profile;
use crate::error::AppError;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProfileForm {
    pub display_name: String,
    #[serde(default)]
    pub profession: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub structure_id: String,
}

#[server(endpoint = "accounts/my_profile")]
pub async fn my_profile() -> Result<Profile, AppError> {
    crate::http::respond(ssr::my_profile()).await
}

#[server(endpoint = "accounts/update_profile")]
pub async fn update_profile(input: ProfileForm) -> Result<(), AppError> {
    crate::http::respond(ssr::update_profile(input)).await
}

#[server(endpoint = "accounts/request_erasure")]
pub async fn request_erasure() -> Result<(), AppError> {
    crate::http::respond(ssr::request_erasure()).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

    use super::ProfileForm;
    use crate::accounts::Profile;
    use crate::accounts::sector::Sector;
    use crate::accounts::validation::{check_display_name, check_profession};
    use crate::db::entities::{structures, users};
    use crate::error::AppError;

    async fn me() -> Result<(crate::state::AppState, users::Model), AppError> {
        let current = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        let user = users::Entity::find_by_id(current.id)
            .one(&state.db)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        Ok((state, user))
    }

    pub async fn my_profile() -> Result<Profile, AppError> {
        let (_, user) = me().await?;
        Ok(Profile {
            display_name: user.display_name,
            email: user.email,
            profession: user.profession,
            sector: user.sector,
            structure_id: user.structure_id,
            erasure_requested: user.erasure_requested_at.is_some(),
        })
    }

    pub async fn update_profile(input: ProfileForm) -> Result<(), AppError> {
        let (state, user) = me().await?;
        let display_name = check_display_name(&input.display_name)
            .map_err(|e| AppError::invalid(e.to_string()))?;
        let profession =
            check_profession(&input.profession).map_err(|e| AppError::invalid(e.to_string()))?;
        let sector = match input.sector.trim() {
            "" => None,
            code => Some(Sector::from_code(code).ok_or_else(|| {
                AppError::invalid("Choisissez votre secteur d’activité dans la liste.")
            })?),
        };
        let structure_id = match input.structure_id.trim() {
            "" => None,
            id => {
                let id = id
                    .parse::<i32>()
                    .map_err(|_| AppError::invalid("Choisissez une structure dans la liste."))?;
                structures::Entity::find_by_id(id)
                    .one(&state.db)
                    .await?
                    .ok_or_else(|| AppError::invalid("Choisissez une structure dans la liste."))?;
                Some(id)
            }
        };
        let mut active: users::ActiveModel = user.into();
        active.display_name = Set(display_name);
        active.profession = Set(profession);
        active.sector = Set(sector.map(|s| s.code().to_owned()));
        active.structure_id = Set(structure_id);
        active.updated_at = Set(chrono::Utc::now());
        active.update(&state.db).await?;
        leptos_axum::redirect("/profil?enregistre=1");
        Ok(())
    }

    pub async fn request_erasure() -> Result<(), AppError> {
        let (state, user) = me().await?;
        if user.erasure_requested_at.is_some() {
            return Ok(());
        }
        let id = user.id;
        let mut active: users::ActiveModel = user.into();
        active.erasure_requested_at = Set(Some(chrono::Utc::now()));
        active.update(&state.db).await?;
        crate::audit::record(
            &state.db,
            Some(id),
            "erasure_requested",
            Some(("user", id)),
            None,
        )
        .await?;
        leptos_axum::redirect("/profil?effacement=1");
        Ok(())
    }
}
