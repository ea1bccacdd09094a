//! A person's own profile: read it, edit it (the erasure request is in `privacy`).

use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};

use crate::accounts::rules::{Sector, check_display_name, check_profession};
use crate::accounts::{Profile, ProfileForm};
use crate::db::entities::{structures, users};
use crate::error::AppError;

/// The caller's account; a session whose account is gone counts as signed out.
async fn me(db: &DatabaseConnection, user_id: i32) -> Result<users::Model, AppError> {
    users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)
}

pub async fn profile(db: &DatabaseConnection, user_id: i32) -> Result<Profile, AppError> {
    let user = me(db, user_id).await?;
    let structure_name = match user.structure_id {
        Some(id) => structures::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|s| s.name),
        None => None,
    };
    Ok(Profile {
        structure_name,
        display_name: user.display_name,
        email: user.email,
        profession: user.profession,
        sector: user.sector,
        structure_id: user.structure_id,
        erasure_requested: user.erasure_requested_at.is_some(),
        email_verified: user.email_verified_at.is_some(),
    })
}

pub async fn update(
    db: &DatabaseConnection,
    user_id: i32,
    input: ProfileForm,
) -> Result<(), AppError> {
    let user = me(db, user_id).await?;
    let display_name =
        check_display_name(&input.display_name).map_err(|e| AppError::invalid(e.to_string()))?;
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
            // A retired structure is kept by the people already in it, not chosen anew.
            structures::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|s| s.retired_at.is_none() || user.structure_id == Some(id))
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
    active.update(db).await?;
    Ok(())
}
