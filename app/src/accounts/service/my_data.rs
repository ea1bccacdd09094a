//! Everything Relais keeps about one person, gathered for the download of
//! `GET /mes-donnees` (RGPD right of access).

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;

use crate::db::entities::{
    attendance_marks, certificates, enrolments, quiz_attempts, structures, users,
};
use crate::error::AppError;

/// The person's profile, enrolments, attendance, quiz attempts and
/// certificates, as the JSON document the download holds.
pub async fn my_data(db: &DatabaseConnection, user_id: i32) -> Result<serde_json::Value, AppError> {
    let user = users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let structure = match user.structure_id {
        Some(id) => structures::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|s| s.name),
        None => None,
    };
    let enrolments = enrolments::Entity::find()
        .filter(enrolments::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let enrolment_ids: Vec<i32> = enrolments.iter().map(|e| e.id).collect();
    let attendance = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::EnrolmentId.is_in(enrolment_ids.clone()))
        .all(db)
        .await?;
    let certificates = certificates::Entity::find()
        .filter(certificates::Column::EnrolmentId.is_in(enrolment_ids))
        .all(db)
        .await?;
    let attempts = quiz_attempts::Entity::find()
        .filter(quiz_attempts::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    Ok(json!({
        "profil": {
            "nom": user.display_name,
            "adresse_email": user.email,
            "role": user.role,
            "profession": user.profession,
            "secteur": user.sector,
            "structure": structure,
            "compte_cree_le": user.created_at,
            "adresse_confirmee_le": user.email_verified_at,
            "effacement_demande_le": user.erasure_requested_at,
        },
        "inscriptions": enrolments.iter().map(|e| json!({
            "session": e.session_id, "statut": e.status, "inscrit_le": e.enrolled_at,
            // The typology the enrolment kept for the indicators.
            "secteur_a_l_inscription": e.snapshot_sector,
            "profession_a_l_inscription": e.snapshot_profession,
            "structure_a_l_inscription": e.snapshot_structure_id,
        })).collect::<Vec<_>>(),
        "presences": attendance.iter().map(|a| json!({
            "demi_journee": a.slot_id, "statut": a.status, "enregistre_le": a.recorded_at,
        })).collect::<Vec<_>>(),
        "quiz": attempts.iter().map(|a| json!({
            "quiz": a.quiz_id, "tentative": a.number, "debut": a.started_at,
            "envoye_le": a.submitted_at, "score": a.score, "reussi": a.passed,
        })).collect::<Vec<_>>(),
        "certificats": certificates.iter().map(|c| json!({
            "numero": c.number, "delivre_le": c.issued_at,
        })).collect::<Vec<_>>(),
    }))
}
