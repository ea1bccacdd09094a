//! The records of the person's enrolments: presence per half-day,
//! questionnaires answered, certificates and their revisions (never the PDF).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::local_time::local;
use super::lookup::{labels, numbered_labels};
use super::sessions::Sessions;
use crate::db::entities::{
    attendance_marks, certificate_revisions, certificates, questionnaire_answers,
    questionnaire_items, questionnaire_responses, questionnaires,
};
use crate::error::AppError;
use crate::privacy::{
    CertificateRecord, CertificateRevisionRecord, PresenceRecord, QuestionnaireAnswerRecord,
    QuestionnaireRecord,
};

pub(super) async fn attendance(
    db: &DatabaseConnection,
    enrolment_ids: &[i32],
    sessions: &Sessions,
) -> Result<Vec<PresenceRecord>, AppError> {
    if enrolment_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::EnrolmentId.is_in(enrolment_ids.to_vec()))
        .order_by_asc(attendance_marks::Column::RecordedAt)
        .order_by_asc(attendance_marks::Column::Id)
        .all(db)
        .await?;
    // In the order of the half-days.
    let mut list: Vec<(Option<DateTime<Utc>>, PresenceRecord)> = marks
        .into_iter()
        .map(|m| {
            let slot = sessions.slots.get(&m.slot_id);
            let record = PresenceRecord {
                session: sessions.title_of_enrolment(m.enrolment_id),
                day: slot.map(|s| s.day).unwrap_or_default(),
                half_day: slot.map(|s| s.half_day.clone()).unwrap_or_default(),
                status: m.status,
                method: m.method,
                recorded_at: local(m.recorded_at),
                note: m.note,
            };
            (slot.map(|s| s.starts_at), record)
        })
        .collect();
    list.sort_by_key(|(starts, _)| *starts);
    Ok(list.into_iter().map(|(_, p)| p).collect())
}

pub(super) async fn questionnaires(
    db: &DatabaseConnection,
    enrolment_ids: &[i32],
    sessions: &Sessions,
) -> Result<Vec<QuestionnaireRecord>, AppError> {
    if enrolment_ids.is_empty() {
        return Ok(Vec::new());
    }
    let responses = questionnaire_responses::Entity::find()
        .filter(questionnaire_responses::Column::EnrolmentId.is_in(enrolment_ids.to_vec()))
        .order_by_asc(questionnaire_responses::Column::SubmittedAt)
        .order_by_asc(questionnaire_responses::Column::Id)
        .all(db)
        .await?;
    if responses.is_empty() {
        return Ok(Vec::new());
    }
    let kinds = labels::<questionnaires::Entity>(
        db,
        questionnaires::Column::Id,
        questionnaires::Column::Kind,
        responses.iter().map(|r| r.questionnaire_id),
    )
    .await?;
    let answers = questionnaire_answers::Entity::find()
        .filter(questionnaire_answers::Column::ResponseId.is_in(responses.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let items = numbered_labels::<questionnaire_items::Entity>(
        db,
        questionnaire_items::Column::Id,
        questionnaire_items::Column::Position,
        questionnaire_items::Column::Prompt,
        answers.iter().map(|a| a.item_id),
    )
    .await?;
    let mut by_response: HashMap<i32, Vec<(i32, i32, QuestionnaireAnswerRecord)>> = HashMap::new();
    for a in answers {
        let (position, prompt) = items.get(&a.item_id).cloned().unwrap_or_default();
        by_response.entry(a.response_id).or_default().push((
            position,
            a.item_id,
            QuestionnaireAnswerRecord {
                question: prompt,
                value_int: a.value_int,
                value_text: a.value_text,
            },
        ));
    }
    Ok(responses
        .into_iter()
        .map(|r| {
            let mut answers = by_response.remove(&r.id).unwrap_or_default();
            answers.sort_by_key(|(position, id, _)| (*position, *id));
            QuestionnaireRecord {
                session: sessions.title_of_enrolment(r.enrolment_id),
                kind: kinds.get(&r.questionnaire_id).cloned().unwrap_or_default(),
                phase: r.phase,
                submitted_at: local(r.submitted_at),
                answers: answers.into_iter().map(|(_, _, a)| a).collect(),
            }
        })
        .collect())
}

pub(super) async fn certificates(
    db: &DatabaseConnection,
    enrolment_ids: &[i32],
    sessions: &Sessions,
) -> Result<Vec<CertificateRecord>, AppError> {
    if enrolment_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = certificates::Entity::find()
        .filter(certificates::Column::EnrolmentId.is_in(enrolment_ids.to_vec()))
        .order_by_asc(certificates::Column::IssuedAt)
        .order_by_asc(certificates::Column::Id)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    use certificate_revisions::Column as R;
    // Every column but the PDF.
    type Revision = (i32, i32, String, String, String, i32, DateTime<Utc>);
    let revisions: Vec<Revision> = certificate_revisions::Entity::find()
        .select_only()
        .columns([
            R::CertificateId,
            R::Revision,
            R::HolderName,
            R::TrainingTitle,
            R::TrainingDates,
            R::AttendedMinutes,
            R::IssuedAt,
        ])
        .filter(R::CertificateId.is_in(rows.iter().map(|c| c.id)))
        .order_by_asc(R::Revision)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_certificate: HashMap<i32, Vec<CertificateRevisionRecord>> = HashMap::new();
    for (certificate, version, holder, title, dates, minutes, issued) in revisions {
        by_certificate
            .entry(certificate)
            .or_default()
            .push(CertificateRevisionRecord {
                version,
                holder_name: holder,
                training_title: title,
                training_dates: dates,
                attended_minutes: minutes,
                issued_at: local(issued),
            });
    }
    Ok(rows
        .into_iter()
        .map(|c| CertificateRecord {
            session: sessions.title_of_enrolment(c.enrolment_id),
            revisions: by_certificate.remove(&c.id).unwrap_or_default(),
            number: c.number,
            verification_code: c.verification_code,
            issued_at: local(c.issued_at),
            attended_minutes: c.attended_minutes,
            revoked_at: c.revoked_at.map(local),
            revocation_reason: c.revocation_reason,
        })
        .collect())
}
