//! `GET /mes-donnees`: everything Relais keeps about the signed-in person, as
//! a JSON download (RGPD right of access).

use axum::{
    extract::State,
    http::{HeaderMap, header},
    response::{IntoResponse, Response},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

use app::auth::guard::{token_from_headers, user_for_token};
use app::db::entities::{
    attendance_marks, certificates, enrolments, quiz_attempts, structures, users,
};
use app::error::AppError;
use app::state::AppState;

pub async fn my_data(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let token = token_from_headers(&headers).ok_or(AppError::Unauthenticated)?;
    let me = user_for_token(&state.db, &token)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let db = &state.db;
    let user = users::Entity::find_by_id(me.id)
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
        .filter(enrolments::Column::UserId.eq(me.id))
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
        .filter(quiz_attempts::Column::UserId.eq(me.id))
        .all(db)
        .await?;
    let body = json!({
        "profil": {
            "nom": user.display_name,
            "adresse_email": user.email,
            "role": user.role,
            "profession": user.profession,
            "secteur": user.sector,
            "structure": structure,
            "compte_cree_le": user.created_at,
            "effacement_demande_le": user.erasure_requested_at,
        },
        "inscriptions": enrolments.iter().map(|e| json!({
            "session": e.session_id, "statut": e.status, "inscrit_le": e.enrolled_at,
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
    });
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"mes-donnees-relais.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        serde_json::to_string_pretty(&body).map_err(AppError::internal)?,
    )
        .into_response())
}
