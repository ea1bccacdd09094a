//! Creating a learner account from the sign-up form: validated details, RGPD
//! consent, a structure chosen from the list or typed in (then reviewed by the
//! coordinator), all in one transaction.

use crate::db::BeginWrite;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use super::create::{EMAIL_TAKEN, NewAccount, create_with_hash};
use crate::accounts::SignUpForm;
use crate::accounts::rules::{
    Sector, check_display_name, check_new_structure_name, check_password, check_profession,
    normalise_email,
};
use crate::auth::password;
use crate::db::entities::{structures, users};
use crate::error::AppError;
use crate::roles::Role;

/// A structure typed in under the name of a retired one.
const RETIRED: &str = "Cette structure n’accueille plus de nouvelles inscriptions : choisissez votre structure dans la liste.";

fn invalid(e: impl std::fmt::Display) -> AppError {
    AppError::invalid(e.to_string())
}

/// Checks the form and creates the learner's account, with the link that
/// confirms its address sent in the same transaction; returns it.
pub async fn sign_up(
    db: &DatabaseConnection,
    public_url: &str,
    input: SignUpForm,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<users::Model, AppError> {
    let email = normalise_email(&input.email).map_err(invalid)?;
    let display_name = check_display_name(&input.display_name).map_err(invalid)?;
    check_password(&input.password, &[&email, &display_name]).map_err(invalid)?;
    let profession = check_profession(&input.profession).map_err(invalid)?;
    let sector = Sector::from_code(input.sector.trim())
        .ok_or_else(|| AppError::invalid("Choisissez votre secteur d’activité dans la liste."))?;
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

    let txn = db.begin_write().await?;
    let structure_id = match (listed_structure, new_structure) {
        (Some(id), _) => {
            structures::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|s| s.retired_at.is_none())
                .ok_or_else(|| AppError::invalid("Choisissez une structure dans la liste."))?
                .id
        }
        (None, Some(name)) => match structures::Entity::find()
            .filter(structures::Column::Name.eq(name.as_str()))
            .one(&txn)
            .await?
        {
            Some(retired) if retired.retired_at.is_some() => {
                return Err(AppError::invalid(RETIRED));
            }
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
    let account = NewAccount {
        email,
        display_name,
        role: Role::Learner,
        profession,
        sector: Some(sector.code().to_owned()),
        structure_id: Some(structure_id),
        email_verified: false,
    };
    let user = create_with_hash(&txn, account, hash).await?;
    super::verification::send(&txn, public_url, &user, now).await?;
    crate::audit::record(
        &txn,
        Some(user.id),
        "sign_up",
        Some(("user", user.id)),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}
