//! Erasure (RGPD art. 17): once the coordinator confirms a person's request,
//! or when the retention purge finds an account unused for too long.
//!
//! In one transaction ([`erase`]):
//! - **gone**: name, every address, profession, password, free-text
//!   questionnaire answers, apology reasons, quiz answers as given, sign-in
//!   sessions, reset and confirmation links, calendar feeds, lessons read,
//!   rate-limit counters under their id or address, and every message sent to
//!   any of their addresses, with its attachments;
//! - **rewritten** with « Personne effacée n° N » ([`rewrite`]): messages to
//!   others, journal details and others' free text (apology, cancellation and
//!   revocation reasons, questionnaire comments, the year's note) that quote
//!   their name or an address;
//! - **renamed** « Structure effacée n° N »: a structure they typed in, that
//!   nobody else belongs to and the coordination never reviewed;
//! - **kept, pseudonymised**: the account row (an id and the pseudonym),
//!   enrolments with their typology, attendance, scores and certificates
//!   (number and code; each revision's holder name becomes the pseudonym and
//!   its PDF is dropped), so the indicators do not move and `/verifier` still
//!   says the certificate is authentic, without a name.
//!
//! After the commit, the `.eml` files the server keeps ([`files`]) that are
//! addressed to them or name them are deleted.

mod files;
mod identity;
mod rewrite;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect,
};

use crate::accounts::service::accounts_admin::target;
use crate::auth::CurrentUser;
use crate::db::BeginWrite;
use crate::db::entities::{
    attempt_answers, attendance_marks, auth_sessions, calendar_feeds, certificate_revisions,
    certificates, email_attachments, email_outbox, email_verifications, enrolments,
    lesson_progress, password_resets, questionnaire_answers, questionnaire_responses,
    quiz_attempts, rate_limits, structures, users,
};
use crate::error::AppError;
use crate::privacy::rules::pseudonym;

pub use identity::Identity;

/// The coordinator confirms the erasure `user_id` asked for; says whether it
/// erased (a second call changes nothing).
pub async fn confirm(
    db: &DatabaseConnection,
    me: &CurrentUser,
    user_id: i32,
) -> Result<bool, AppError> {
    let user = target(db, user_id).await?;
    if user.erasure_requested_at.is_none() {
        return Err(AppError::invalid(
            "Cette personne n’a pas demandé l’effacement de son compte.",
        ));
    }
    erase(db, user_id, Some(me.id), chrono::Utc::now()).await
}

/// Erases `user_id` (see the module's description), on the coordinator's
/// confirmation (`actor`) or by the retention purge (`None`); says whether it
/// did (an account already erased is left alone).
pub async fn erase(
    db: &DatabaseConnection,
    user_id: i32,
    actor: Option<i32>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    let txn = db.begin_write().await?;
    let Some(user) = users::Entity::find_by_id(user_id).one(&txn).await? else {
        return Ok(false);
    };
    if user.erased_at.is_some() {
        return Ok(false);
    }
    let who = identity::gather(&txn, &user).await?;
    let pseudonym = pseudonym::erased_person(user_id);

    forget_activity(&txn, &who).await?;
    drop_messages(&txn, &who).await?;
    pseudonymise_certificates(&txn, &who, &pseudonym).await?;
    rename_own_structure(&txn, &user).await?;
    rewrite::others_mentions(&txn, &who, &pseudonym).await?;

    let mut row: users::ActiveModel = user.into();
    row.email = Set(None);
    row.display_name = Set(pseudonym);
    row.password_hash = Set(None);
    row.profession = Set(None);
    row.email_verified_at = Set(None);
    row.active = Set(false);
    row.erased_at = Set(Some(now));
    row.updated_at = Set(now);
    row.update(&txn).await?;
    crate::audit::record(&txn, actor, "erased", Some(("user", user_id)), None).await?;
    txn.commit().await?;

    if let Some(dir) = crate::state::app_state()
        .ok()
        .and_then(|s| s.settings.mail_dir.clone())
    {
        files::scrub(dir, who).await?;
    }
    Ok(true)
}

/// What the person did that names nothing the indicators need: answers as
/// given, apology reasons, lessons read, sessions, links, feeds, counters.
async fn forget_activity(
    txn: &impl sea_orm::ConnectionTrait,
    who: &Identity,
) -> Result<(), AppError> {
    let id = who.user_id;
    let enrolment_ids = who.enrolment_ids.clone();
    attendance_marks::Entity::update_many()
        .col_expr(
            attendance_marks::Column::Note,
            Expr::value(Option::<String>::None),
        )
        .filter(attendance_marks::Column::EnrolmentId.is_in(enrolment_ids.clone()))
        .exec(txn)
        .await?;
    let responses = questionnaire_responses::Entity::find()
        .select_only()
        .column(questionnaire_responses::Column::Id)
        .filter(questionnaire_responses::Column::EnrolmentId.is_in(enrolment_ids))
        .into_tuple::<i32>()
        .all(txn)
        .await?;
    questionnaire_answers::Entity::update_many()
        .col_expr(
            questionnaire_answers::Column::ValueText,
            Expr::value(Option::<String>::None),
        )
        .filter(questionnaire_answers::Column::ResponseId.is_in(responses))
        .exec(txn)
        .await?;
    let attempts = quiz_attempts::Entity::find()
        .select_only()
        .column(quiz_attempts::Column::Id)
        .filter(quiz_attempts::Column::UserId.eq(id))
        .into_tuple::<i32>()
        .all(txn)
        .await?;
    // The points each answer earned stay (scores); what was answered goes.
    attempt_answers::Entity::update_many()
        .col_expr(
            attempt_answers::Column::Response,
            Expr::value(serde_json::Value::Null),
        )
        .filter(attempt_answers::Column::AttemptId.is_in(attempts))
        .exec(txn)
        .await?;
    lesson_progress::Entity::delete_many()
        .filter(lesson_progress::Column::UserId.eq(id))
        .exec(txn)
        .await?;
    calendar_feeds::Entity::delete_many()
        .filter(calendar_feeds::Column::UserId.eq(id))
        .exec(txn)
        .await?;
    auth_sessions::Entity::delete_many()
        .filter(auth_sessions::Column::UserId.eq(id))
        .exec(txn)
        .await?;
    password_resets::Entity::delete_many()
        .filter(password_resets::Column::UserId.eq(id))
        .exec(txn)
        .await?;
    email_verifications::Entity::delete_many()
        .filter(email_verifications::Column::UserId.eq(id))
        .exec(txn)
        .await?;
    rate_limits::Entity::delete_many()
        .filter(rate_limits::Column::Key.is_in(who.rate_limit_keys()))
        .exec(txn)
        .await?;
    rate_limits::Entity::delete_many()
        .filter(rate_limits::Column::Key.starts_with(format!("checkin:{id}:")))
        .exec(txn)
        .await?;
    Ok(())
}

/// Every message to one of the person's addresses, with its attachments.
async fn drop_messages(
    txn: &impl sea_orm::ConnectionTrait,
    who: &Identity,
) -> Result<(), AppError> {
    let messages = email_outbox::Entity::find()
        .select_only()
        .column(email_outbox::Column::Id)
        .filter(email_outbox::Column::Recipient.is_in(who.addresses.clone()))
        .into_tuple::<i32>()
        .all(txn)
        .await?;
    for chunk in messages.chunks(500) {
        email_attachments::Entity::delete_many()
            .filter(email_attachments::Column::EmailId.is_in(chunk.to_vec()))
            .exec(txn)
            .await?;
        email_outbox::Entity::delete_many()
            .filter(email_outbox::Column::Id.is_in(chunk.to_vec()))
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// Certificates stay (proof of training), their revisions without the
/// holder's name nor the PDF that prints it.
async fn pseudonymise_certificates(
    txn: &impl sea_orm::ConnectionTrait,
    who: &Identity,
    pseudonym: &str,
) -> Result<(), AppError> {
    let ids = certificates::Entity::find()
        .select_only()
        .column(certificates::Column::Id)
        .filter(certificates::Column::EnrolmentId.is_in(who.enrolment_ids.clone()))
        .into_tuple::<i32>()
        .all(txn)
        .await?;
    certificate_revisions::Entity::update_many()
        .col_expr(
            certificate_revisions::Column::HolderName,
            Expr::value(pseudonym),
        )
        .col_expr(
            certificate_revisions::Column::Pdf,
            Expr::value(Vec::<u8>::new()),
        )
        .filter(certificate_revisions::Column::CertificateId.is_in(ids))
        .exec(txn)
        .await?;
    Ok(())
}

/// A structure the person typed in at sign-up, that nobody else belongs to
/// (today or in an enrolment's typology) and the coordination never
/// reviewed, loses its name: it names them as surely as their own name.
async fn rename_own_structure(
    txn: &impl sea_orm::ConnectionTrait,
    user: &users::Model,
) -> Result<(), AppError> {
    let Some(structure_id) = user.structure_id else {
        return Ok(());
    };
    let Some(structure) = structures::Entity::find_by_id(structure_id)
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    if structure.reviewed {
        return Ok(());
    }
    let other_member = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::StructureId.eq(structure_id))
        .filter(users::Column::Id.ne(user.id))
        .into_tuple::<i32>()
        .one(txn)
        .await?
        .is_some();
    let other_enrolment = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::Id)
        .filter(enrolments::Column::SnapshotStructureId.eq(structure_id))
        .filter(enrolments::Column::UserId.ne(user.id))
        .into_tuple::<i32>()
        .one(txn)
        .await?
        .is_some();
    if other_member || other_enrolment {
        return Ok(());
    }
    let mut row: structures::ActiveModel = structure.into();
    row.name = Set(pseudonym::erased_structure(structure_id));
    row.city = Set(None);
    row.update(txn).await?;
    Ok(())
}
