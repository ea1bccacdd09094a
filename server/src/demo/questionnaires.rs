//! The default questionnaires of every demo module (self-assessment with the
//! crisis item, satisfaction à chaud and à froid), made by the same function the
//! application uses on first need.

use sea_orm::{DatabaseTransaction, EntityTrait};

use app::assessment::rules::Kind;
use app::assessment::service::questionnaire::current;
use app::db::entities::modules;

pub async fn load(txn: &DatabaseTransaction) -> anyhow::Result<usize> {
    let ids: Vec<i32> = modules::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    for id in &ids {
        for kind in [
            Kind::SelfAssessment,
            Kind::SatisfactionHot,
            Kind::SatisfactionCold,
        ] {
            current(txn, *id, kind)
                .await
                .map_err(|e| anyhow::anyhow!("questionnaire of module {id}: {e}"))?;
        }
    }
    Ok(ids.len() * 3)
}
