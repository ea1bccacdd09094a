//! Demonstration accounts: the three fixed ones anyone may try (password
//! `Demo-Relais-2026`), two more trainers, and 40 learners spread across the
//! sectors and structures. All share one password hash, computed once.

use sea_orm::{DatabaseTransaction, EntityTrait, QueryOrder};

use app::accounts::service::{NewAccount, create_with_hash};
use app::auth::password;
use app::db::entities::structures;
use app::roles::Role;

pub const DEMO_PASSWORD: &str = "Demo-Relais-2026";
pub const COORDINATOR_EMAIL: &str = "coordination@demo.relais.fr";
pub const TRAINER_EMAIL: &str = "formateur@demo.relais.fr";
pub const LEARNER_EMAIL: &str = "apprenant@demo.relais.fr";

const FIRST_NAMES: [&str; 20] = [
    "Camille",
    "Nadia",
    "Julien",
    "Sophie",
    "Karim",
    "Élodie",
    "Thomas",
    "Fatima",
    "Mathieu",
    "Claire",
    "Yannick",
    "Inès",
    "Romain",
    "Laetitia",
    "Mehdi",
    "Aurélie",
    "Sébastien",
    "Chloé",
    "Olivier",
    "Amandine",
];
const LAST_NAMES: [&str; 20] = [
    "Muller",
    "Schmitt",
    "Klein",
    "Weber",
    "Bernard",
    "Haddad",
    "Lefèvre",
    "Meyer",
    "Dupont",
    "Rousseau",
    "Becker",
    "Benali",
    "Wagner",
    "Fontaine",
    "Keller",
    "Martin",
    "Lambert",
    "Hoffmann",
    "Girard",
    "Boulanger",
];
/// The professions of the demo's people: the accounts have one of the first
/// `ACCOUNT_PROFESSIONS`, the history's generated learners one of all of them.
pub const PROFESSIONS: [&str; 10] = [
    "Assistant·e de service social",
    "Éducateur·rice spécialisé·e",
    "Conseiller·ère en insertion professionnelle",
    "Agent·e de police municipale",
    "Infirmier·ère",
    "Chargé·e de gestion locative",
    "Animateur·rice",
    "Agent·e d’accueil",
    "Travailleur·se pair·e",
    "Mandataire judiciaire",
];
const ACCOUNT_PROFESSIONS: usize = 8;

fn account(
    email: String,
    name: String,
    role: Role,
    profession: &str,
    structure: Option<&structures::Model>,
) -> NewAccount {
    NewAccount {
        email,
        display_name: name,
        role,
        profession: Some(profession.to_owned()),
        sector: structure.map(|s| s.sector.clone()),
        structure_id: structure.map(|s| s.id),
        email_verified: true,
    }
}

pub async fn load(txn: &DatabaseTransaction) -> anyhow::Result<usize> {
    let hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    let structures = structures::Entity::find()
        .order_by_asc(structures::Column::Id)
        .all(txn)
        .await?;
    let by_name = |needle: &str| structures.iter().find(|s| s.name.contains(needle));

    let mut accounts = vec![
        account(
            COORDINATOR_EMAIL.to_owned(),
            "Isabelle Coordination".to_owned(),
            Role::Coordinator,
            "Coordonnatrice du CLSM de Metz",
            by_name("Ville de Metz"),
        ),
        account(
            TRAINER_EMAIL.to_owned(),
            "Dr Anne Psychologue".to_owned(),
            Role::Trainer,
            "Psychologue clinicienne",
            by_name("Centre hospitalier de Jury"),
        ),
        account(
            "formateur.clsm@demo.relais.fr".to_owned(),
            "Marc Animateur".to_owned(),
            Role::Trainer,
            "Coordonnateur du CLSM, formateur",
            by_name("Ville de Metz"),
        ),
        account(
            "formatrice.unafam@demo.relais.fr".to_owned(),
            "Hélène Famille".to_owned(),
            Role::Trainer,
            "Représentante des familles (UNAFAM)",
            by_name("UNAFAM"),
        ),
        account(
            LEARNER_EMAIL.to_owned(),
            "Camille Apprenante".to_owned(),
            Role::Learner,
            PROFESSIONS[0],
            by_name("Carrefour des solidarités"),
        ),
    ];
    for i in 1..40 {
        let first = FIRST_NAMES[i % FIRST_NAMES.len()];
        let last = LAST_NAMES[(i * 7) % LAST_NAMES.len()];
        let structure = (!structures.is_empty()).then(|| &structures[(i * 3) % structures.len()]);
        accounts.push(account(
            format!("apprenant{i:02}@demo.relais.fr"),
            format!("{first} {last}"),
            Role::Learner,
            PROFESSIONS[i % ACCOUNT_PROFESSIONS],
            structure,
        ));
    }
    let count = accounts.len();
    for a in accounts {
        create_with_hash(txn, a, hash.clone()).await?;
    }
    Ok(count)
}
