//! Installing the starter content (server only): `install` writes it inside
//! the caller's transaction (the demo loader uses it, published);
//! `install_for` is the coordinator's and the command line's installation,
//! as drafts, audited.

pub mod catalogue;
pub mod content;
pub mod rows;

use crate::db::BeginWrite;
use chrono::{DateTime, Utc};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QuerySelect, TransactionTrait,
};

use crate::assessment::rules::Kind;
use crate::assessment::service::questionnaire::current;
use crate::db::entities::modules;
use crate::error::AppError;
use crate::starter::rules::{self, Publication};
use crate::starter::types::Installed;

/// Installs the starter modules not yet in the catalogue (refused when all
/// are), each after the modules already there, with their lessons, resources,
/// quiz and questionnaires (self-assessment, satisfaction « à chaud » and « à
/// froid »).
pub async fn install<C>(
    db: &C,
    now: DateTime<Utc>,
    publication: Publication,
) -> Result<Installed, AppError>
where
    C: ConnectionTrait + TransactionTrait,
{
    let existing: Vec<String> = modules::Entity::find()
        .select_only()
        .column(modules::Column::Slug)
        .into_tuple()
        .all(db)
        .await?;
    let seeds = catalogue::seeds()?;
    let slugs: Vec<&str> = seeds.iter().map(|s| s.slug.as_str()).collect();
    let wanted: Vec<String> = rules::to_install(&slugs, &existing)?
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut contents = content::seeds()?;
    let mut position = i32::try_from(existing.len()).unwrap_or(i32::MAX);
    let mut installed = Installed::default();
    for seed in seeds.into_iter().filter(|s| wanted.contains(&s.slug)) {
        let slug = seed.slug.clone();
        let module_id = catalogue::insert(db, now, publication, position, seed).await?;
        position = position.saturating_add(1);
        installed.modules += 1;
        if let Some(at) = contents.iter().position(|c| c.slug == slug) {
            let module_content = contents.swap_remove(at);
            installed.lessons +=
                content::insert(db, now, publication, module_id, module_content).await?;
            installed.quizzes += 1;
        }
        for kind in [
            Kind::SelfAssessment,
            Kind::SatisfactionHot,
            Kind::SatisfactionCold,
        ] {
            current(db, module_id, kind).await?;
            installed.questionnaires += 1;
        }
    }
    Ok(installed)
}

/// Whether `/formations` offers the installation: an empty catalogue.
pub async fn offered(db: &DatabaseConnection) -> Result<bool, AppError> {
    Ok(rules::offered(modules::Entity::find().count(db).await?))
}

/// The coordinator's (`actor`) or the command line's (`None`) installation:
/// drafts, in one transaction, with one `starter_content_installed` audit
/// entry. Two installations at once install once: the other one's modules hit
/// the unique address and it is refused like a second click.
pub async fn install_for(
    db: &DatabaseConnection,
    actor: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Installed, AppError> {
    let txn = db.begin_write().await?;
    let installed = match install(&txn, now, Publication::Draft).await {
        Err(AppError::Conflict(_)) => return Err(already_there()),
        other => other?,
    };
    crate::audit::record(
        &txn,
        actor,
        "starter_content_installed",
        None,
        Some(serde_json::json!({
            "modules": installed.modules,
            "lessons": installed.lessons,
            "quizzes": installed.quizzes,
            "questionnaires": installed.questionnaires,
        })),
    )
    .await?;
    match txn.commit().await {
        Err(e) if e.sql_err().is_some() => Err(already_there()),
        other => Ok(other.map(|()| installed)?),
    }
}

fn already_there() -> AppError {
    AppError::conflict("Le contenu de départ vient d’être installé : retrouvez-le dans l’Atelier.")
}

// The embedded content is consistent (the demo and every install read it).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_content_belongs_to_a_module_and_every_question_to_an_objective() {
        let modules = catalogue::seeds().expect("seeds");
        assert_eq!(modules.len(), 3);
        let contents = content::seeds().expect("seeds");
        assert_eq!(contents.len(), modules.len());
        for c in &contents {
            assert!(
                modules.iter().any(|m| m.slug == c.slug),
                "content for unknown module {}",
                c.slug
            );
        }
    }

    #[test]
    fn questions_name_objectives_of_their_module() {
        let modules = catalogue::seeds().expect("seeds");
        for c in content::seeds().expect("seeds") {
            let module = modules.iter().find(|m| m.slug == c.slug).expect("module");
            for objective in c.objective_codes() {
                assert!(
                    module.objective_codes().any(|code| code == objective),
                    "{}: objective {objective} unknown",
                    c.slug
                );
            }
        }
    }
}
