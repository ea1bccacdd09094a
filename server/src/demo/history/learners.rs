//! The learners of the history: 260 generated professionals with French
//! names from fixed lists, spread over the structures and their sectors.
//! They cannot sign in (no password); the demo accounts `apprenant30` to
//! `apprenant39` join them in some sessions so that one can see their homes.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use app::db::entities::{structures, users};
use app::roles::Role;

use crate::demo::people::PROFESSIONS;

pub const GENERATED: usize = 260;

const FIRST_NAMES: [&str; 26] = [
    "Agnès", "Bastien", "Céline", "Damien", "Estelle", "Florian", "Gaëlle", "Hugo", "Isabelle",
    "Jérôme", "Karine", "Loïc", "Margaux", "Nicolas", "Océane", "Pascal", "Quentin", "Rachida",
    "Samuel", "Tiphaine", "Ulysse", "Valérie", "William", "Xavier", "Yasmine", "Zoé",
];
const LAST_NAMES: [&str; 23] = [
    "Adam",
    "Bauer",
    "Colin",
    "Didier",
    "Étienne",
    "François",
    "Gérard",
    "Henry",
    "Jacquot",
    "Kieffer",
    "Laurent",
    "Marchal",
    "Nicolas",
    "Paquin",
    "Remy",
    "Simon",
    "Thiriet",
    "Urbain",
    "Vincent",
    "Walter",
    "Zimmermann",
    "Bouzid",
    "Nguyen",
];

/// Inserts the generated learners; returns every learner of the history
/// (generated ones first, then the demo accounts that take part), by id.
pub async fn load(txn: &DatabaseTransaction, now: DateTime<Utc>) -> anyhow::Result<Vec<i32>> {
    let structures = structures::Entity::find()
        .order_by_asc(structures::Column::Id)
        .all(txn)
        .await?;
    let rows: Vec<users::ActiveModel> = (0..GENERATED)
        .map(|i| {
            // 26 and 23 are coprime: the 260 pairs are all different.
            let name = format!("{} {}", FIRST_NAMES[i % 26], LAST_NAMES[i % 23]);
            let structure =
                (!structures.is_empty()).then(|| &structures[(i * 7) % structures.len()]);
            users::ActiveModel {
                email: Set(Some(format!("stagiaire{:03}@demo.relais.fr", i + 1))),
                display_name: Set(name),
                password_hash: Set(None),
                role: Set(Role::Learner.code().to_owned()),
                profession: Set(Some(PROFESSIONS[(i * 3) % PROFESSIONS.len()].to_owned())),
                sector: Set(structure.map(|s| s.sector.clone())),
                structure_id: Set(structure.map(|s| s.id)),
                active: Set(true),
                email_verified_at: Set(Some(now)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
        })
        .collect();
    // These learners bypass `app::accounts::service::create_with_hash`, the one
    // way an account is made elsewhere: they have no password (they cannot sign
    // in) and are 260, inserted 200 per statement so that the demo loads in
    // a moment at every start on an empty database; one insert per account
    // would multiply the round trips by 200.
    for chunk in rows.chunks(200) {
        users::Entity::insert_many(chunk.to_vec()).exec(txn).await?;
    }
    let generated: Vec<i32> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::Email.like("stagiaire%@demo.relais.fr"))
        .order_by_asc(users::Column::Id)
        .into_tuple()
        .all(txn)
        .await?;
    let accounts: Vec<String> = (30..40)
        .map(|i| format!("apprenant{i}@demo.relais.fr"))
        .collect();
    let known: Vec<i32> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::Email.is_in(accounts))
        .order_by_asc(users::Column::Id)
        .into_tuple()
        .all(txn)
        .await?;
    Ok(generated.into_iter().chain(known).collect())
}
