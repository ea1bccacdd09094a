//! Everything Relais keeps about one person (RGPD right of access and
//! portability), gathered for the download of `GET /mes-donnees` and the page
//! `/mes-donnees/consulter`: one [`PersonalData`], its sections listed in
//! `rules/inventory.rs`. Each kind is read with a fixed number of queries
//! (the rows of the person, then what they point to with `IN`), whatever the
//! number of rows. Secrets (hashes) and documents (PDFs, e-mail bodies,
//! attachments' content) are never read.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::db::entities::{
    attempt_answers, attendance_marks, audit_log, auth_sessions, calendar_feeds,
    certificate_revisions, certificates, choices, email_attachments, email_outbox,
    email_verifications, enrolments, lesson_progress, lessons, modules, password_resets,
    questionnaire_answers, questionnaire_items, questionnaire_responses, questionnaires, questions,
    quiz_attempts, quizzes, session_slots, session_trainers, structures, training_sessions, users,
};
use crate::error::AppError;
use crate::journal::rules::details::PERSON_KEYS;
use crate::journal::rules::labels::action_label;
use crate::privacy::{
    CertificateRecord, CertificateRevisionRecord, EmailReceived, EnrolmentRecord, FeedRecord,
    Instant, JournalEntry, LessonRead, LinkSent, PersonalData, PresenceRecord, Profile,
    QuestionnaireAnswerRecord, QuestionnaireRecord, QuizAnswerRecord, QuizAttemptRecord,
    RetentionLine, SignInSession, TaughtSession,
};

/// An instant in Metz time, with its offset.
fn local(instant: DateTime<Utc>) -> Instant {
    instant
        .with_timezone(&chrono_tz::Europe::Paris)
        .fixed_offset()
}

/// Everything kept about `user_id` at `now`.
pub async fn my_data(
    db: &DatabaseConnection,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<PersonalData, AppError> {
    let user = users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let enrolments = enrolments::Entity::find()
        .filter(enrolments::Column::UserId.eq(user_id))
        .order_by_asc(enrolments::Column::EnrolledAt)
        .order_by_asc(enrolments::Column::Id)
        .all(db)
        .await?;
    let sessions = Sessions::load(db, user_id, &enrolments).await?;
    let structures = structure_names(db, &user, &enrolments).await?;
    let session_of: HashMap<i32, i32> = enrolments.iter().map(|e| (e.id, e.session_id)).collect();
    let enrolment_ids: Vec<i32> = enrolments.iter().map(|e| e.id).collect();

    let profile = Profile {
        name: user.display_name.clone(),
        email: user.email.clone(),
        role: user.role.clone(),
        profession: user.profession.clone(),
        sector: user.sector.clone(),
        structure: user
            .structure_id
            .and_then(|id| structures.get(&id).cloned()),
        active: user.active,
        created_at: local(user.created_at),
        updated_at: local(user.updated_at),
        email_verified_at: user.email_verified_at.map(local),
        last_sign_in_at: user.last_sign_in_at.map(local),
        erasure_requested_at: user.erasure_requested_at.map(local),
    };
    let enrolment_records = enrolments
        .iter()
        .map(|e| EnrolmentRecord {
            session: sessions.title(e.session_id),
            module: sessions.module(e.session_id),
            dates: sessions.days(e.session_id),
            status: e.status.clone(),
            enrolled_at: local(e.enrolled_at),
            confirmed_at: e.confirmed_at.map(local),
            cancelled_at: e.cancelled_at.map(local),
            snapshot_sector: e.snapshot_sector.clone(),
            snapshot_profession: e.snapshot_profession.clone(),
            snapshot_structure: e
                .snapshot_structure_id
                .and_then(|id| structures.get(&id).cloned()),
        })
        .collect();

    Ok(PersonalData {
        generated_at: local(now),
        profile,
        enrolments: enrolment_records,
        attendance: attendance(db, &enrolment_ids, &session_of, &sessions).await?,
        quiz_attempts: quiz_attempts(db, user_id).await?,
        questionnaires: questionnaires(db, &enrolment_ids, &session_of, &sessions).await?,
        lessons_read: lessons_read(db, user_id).await?,
        certificates: certificates(db, &enrolment_ids, &session_of, &sessions).await?,
        calendar_feeds: calendar_feeds(db, user_id).await?,
        sign_in_sessions: sign_in_sessions(db, user_id).await?,
        links_sent: links_sent(db, user_id).await?,
        emails_received: emails_received(db, &user).await?,
        journal: journal(db, user_id).await?,
        sessions_taught: sessions.taught(),
        retention: retention(),
    })
}

/// The sessions the person is enrolled in, teaches or created, with their
/// module's title and their half-days.
struct Sessions {
    rows: HashMap<i32, training_sessions::Model>,
    modules: HashMap<i32, String>,
    days: HashMap<i32, BTreeSet<NaiveDate>>,
    slots: HashMap<i32, session_slots::Model>,
    taught: BTreeSet<i32>,
    created: BTreeSet<i32>,
}

impl Sessions {
    async fn load(
        db: &DatabaseConnection,
        user_id: i32,
        enrolments: &[enrolments::Model],
    ) -> Result<Sessions, AppError> {
        let taught: BTreeSet<i32> = session_trainers::Entity::find()
            .select_only()
            .column(session_trainers::Column::SessionId)
            .filter(session_trainers::Column::UserId.eq(user_id))
            .into_tuple::<i32>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let wanted: BTreeSet<i32> = enrolments
            .iter()
            .map(|e| e.session_id)
            .chain(taught.iter().copied())
            .collect();
        let rows = training_sessions::Entity::find()
            .filter(
                Condition::any()
                    .add(training_sessions::Column::Id.is_in(wanted))
                    .add(training_sessions::Column::CreatedBy.eq(user_id)),
            )
            .all(db)
            .await?;
        let created = rows
            .iter()
            .filter(|s| s.created_by == Some(user_id))
            .map(|s| s.id)
            .collect();
        let ids: Vec<i32> = rows.iter().map(|s| s.id).collect();
        let module_ids: BTreeSet<i32> = rows.iter().map(|s| s.module_id).collect();
        let modules = module_titles(db, module_ids).await?;
        let slots = if ids.is_empty() {
            Vec::new()
        } else {
            session_slots::Entity::find()
                .filter(session_slots::Column::SessionId.is_in(ids))
                .all(db)
                .await?
        };
        let mut days: HashMap<i32, BTreeSet<NaiveDate>> = HashMap::new();
        for slot in &slots {
            days.entry(slot.session_id).or_default().insert(slot.day);
        }
        Ok(Sessions {
            rows: rows.into_iter().map(|s| (s.id, s)).collect(),
            modules,
            days,
            slots: slots.into_iter().map(|s| (s.id, s)).collect(),
            taught,
            created,
        })
    }

    fn title(&self, session: i32) -> String {
        self.rows
            .get(&session)
            .map(|s| s.title.clone())
            .unwrap_or_default()
    }

    fn module(&self, session: i32) -> String {
        self.rows
            .get(&session)
            .and_then(|s| self.modules.get(&s.module_id).cloned())
            .unwrap_or_default()
    }

    fn days(&self, session: i32) -> Vec<NaiveDate> {
        self.days
            .get(&session)
            .map(|d| d.iter().copied().collect())
            .unwrap_or_default()
    }

    /// The sessions the person teaches or created, by their first day.
    fn taught(&self) -> Vec<TaughtSession> {
        let mut list: Vec<TaughtSession> = self
            .taught
            .union(&self.created)
            .filter_map(|id| self.rows.get(id))
            .map(|s| TaughtSession {
                session: s.title.clone(),
                module: self.module(s.id),
                dates: self.days(s.id),
                status: s.status.clone(),
                trainer: self.taught.contains(&s.id),
                created_by_you: self.created.contains(&s.id),
            })
            .collect();
        list.sort_by(|a, b| a.dates.first().cmp(&b.dates.first()));
        list
    }
}

async fn module_titles(
    db: &DatabaseConnection,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, String)> = modules::Entity::find()
        .select_only()
        .columns([modules::Column::Id, modules::Column::Title])
        .filter(modules::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The names of the person's structure and of those their enrolments kept.
async fn structure_names(
    db: &DatabaseConnection,
    user: &users::Model,
    enrolments: &[enrolments::Model],
) -> Result<HashMap<i32, String>, AppError> {
    let ids: BTreeSet<i32> = user
        .structure_id
        .into_iter()
        .chain(enrolments.iter().filter_map(|e| e.snapshot_structure_id))
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, String)> = structures::Entity::find()
        .select_only()
        .columns([structures::Column::Id, structures::Column::Name])
        .filter(structures::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

async fn attendance(
    db: &DatabaseConnection,
    enrolment_ids: &[i32],
    session_of: &HashMap<i32, i32>,
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
                session: session_of
                    .get(&m.enrolment_id)
                    .map(|s| sessions.title(*s))
                    .unwrap_or_default(),
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

async fn quiz_attempts(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<QuizAttemptRecord>, AppError> {
    let attempts = quiz_attempts::Entity::find()
        .filter(quiz_attempts::Column::UserId.eq(user_id))
        .order_by_asc(quiz_attempts::Column::StartedAt)
        .order_by_asc(quiz_attempts::Column::Id)
        .all(db)
        .await?;
    if attempts.is_empty() {
        return Ok(Vec::new());
    }
    let quiz_ids: BTreeSet<i32> = attempts.iter().map(|a| a.quiz_id).collect();
    let titles: HashMap<i32, String> = quizzes::Entity::find()
        .select_only()
        .columns([quizzes::Column::Id, quizzes::Column::Title])
        .filter(quizzes::Column::Id.is_in(quiz_ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let answers = attempt_answers::Entity::find()
        .filter(attempt_answers::Column::AttemptId.is_in(attempts.iter().map(|a| a.id)))
        .all(db)
        .await?;
    let question_ids: BTreeSet<i32> = answers.iter().map(|a| a.question_id).collect();
    let prompts: HashMap<i32, (i32, String)> = if question_ids.is_empty() {
        HashMap::new()
    } else {
        questions::Entity::find()
            .select_only()
            .columns([
                questions::Column::Id,
                questions::Column::Position,
                questions::Column::Prompt,
            ])
            .filter(questions::Column::Id.is_in(question_ids))
            .into_tuple::<(i32, i32, String)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(id, position, prompt)| (id, (position, prompt)))
            .collect()
    };
    let labels = choice_labels(db, prompts.keys().copied()).await?;
    let mut by_attempt: HashMap<i32, Vec<(i32, i32, QuizAnswerRecord)>> = HashMap::new();
    for a in answers {
        let (position, prompt) = prompts.get(&a.question_id).cloned().unwrap_or_default();
        by_attempt.entry(a.attempt_id).or_default().push((
            position,
            a.question_id,
            QuizAnswerRecord {
                question: prompt,
                answer_text: readable(&a.response, &labels),
                response: a.response,
                points: a.points,
                saved_at: local(a.saved_at),
            },
        ));
    }
    Ok(attempts
        .into_iter()
        .map(|a| {
            let mut answers = by_attempt.remove(&a.id).unwrap_or_default();
            answers.sort_by_key(|(position, id, _)| (*position, *id));
            QuizAttemptRecord {
                quiz: titles.get(&a.quiz_id).cloned().unwrap_or_default(),
                number: a.number,
                started_at: local(a.started_at),
                deadline_at: a.deadline_at.map(local),
                submitted_at: a.submitted_at.map(local),
                score: a.score,
                max_score: a.max_score,
                passed: a.passed,
                answers: answers.into_iter().map(|(_, _, r)| r).collect(),
            }
        })
        .collect())
}

/// The label and matching label of every choice of `questions`, by id.
async fn choice_labels(
    db: &DatabaseConnection,
    questions: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, (String, Option<String>)>, AppError> {
    let questions: Vec<i32> = questions.into_iter().collect();
    if questions.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, String, Option<String>)> = choices::Entity::find()
        .select_only()
        .columns([
            choices::Column::Id,
            choices::Column::Label,
            choices::Column::MatchLabel,
        ])
        .filter(choices::Column::QuestionId.is_in(questions))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, label, matching)| (id, (label, matching)))
        .collect())
}

/// A stored quiz answer in words: the labels of the choices it names, the
/// text typed, the pairs made or the order given.
fn readable(
    response: &serde_json::Value,
    labels: &HashMap<i32, (String, Option<String>)>,
) -> String {
    use crate::quiz::rules::grading::Response;
    let label = |id: &i32| {
        labels
            .get(id)
            .map_or_else(|| id.to_string(), |(l, _)| l.clone())
    };
    let matching = |id: &i32| {
        labels.get(id).map_or_else(
            || id.to_string(),
            |(l, m)| m.clone().unwrap_or_else(|| l.clone()),
        )
    };
    match serde_json::from_value::<Response>(response.clone()) {
        Ok(Response::Choice(Some(id))) => label(&id),
        Ok(Response::Choice(None)) => String::new(),
        Ok(Response::Choices(ids)) => ids.iter().map(label).collect::<Vec<_>>().join(" ; "),
        Ok(Response::Text(text)) => text,
        Ok(Response::Pairs(pairs)) => pairs
            .iter()
            .map(|(left, right)| format!("{} → {}", label(left), matching(right)))
            .collect::<Vec<_>>()
            .join(" ; "),
        Ok(Response::Order(ids)) => ids
            .iter()
            .enumerate()
            .map(|(rank, id)| format!("{}. {}", rank + 1, label(id)))
            .collect::<Vec<_>>()
            .join(" ; "),
        Err(_) => response.to_string(),
    }
}

async fn questionnaires(
    db: &DatabaseConnection,
    enrolment_ids: &[i32],
    session_of: &HashMap<i32, i32>,
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
    let kinds: HashMap<i32, String> = questionnaires::Entity::find()
        .select_only()
        .columns([questionnaires::Column::Id, questionnaires::Column::Kind])
        .filter(
            questionnaires::Column::Id.is_in(
                responses
                    .iter()
                    .map(|r| r.questionnaire_id)
                    .collect::<BTreeSet<_>>(),
            ),
        )
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let answers = questionnaire_answers::Entity::find()
        .filter(questionnaire_answers::Column::ResponseId.is_in(responses.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let item_ids: BTreeSet<i32> = answers.iter().map(|a| a.item_id).collect();
    let items: HashMap<i32, (i32, String)> = if item_ids.is_empty() {
        HashMap::new()
    } else {
        questionnaire_items::Entity::find()
            .select_only()
            .columns([
                questionnaire_items::Column::Id,
                questionnaire_items::Column::Position,
                questionnaire_items::Column::Prompt,
            ])
            .filter(questionnaire_items::Column::Id.is_in(item_ids))
            .into_tuple::<(i32, i32, String)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(id, position, prompt)| (id, (position, prompt)))
            .collect()
    };
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
                session: session_of
                    .get(&r.enrolment_id)
                    .map(|s| sessions.title(*s))
                    .unwrap_or_default(),
                kind: kinds.get(&r.questionnaire_id).cloned().unwrap_or_default(),
                phase: r.phase,
                submitted_at: local(r.submitted_at),
                answers: answers.into_iter().map(|(_, _, a)| a).collect(),
            }
        })
        .collect())
}

async fn lessons_read(db: &DatabaseConnection, user_id: i32) -> Result<Vec<LessonRead>, AppError> {
    let progress = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::UserId.eq(user_id))
        .order_by_asc(lesson_progress::Column::CompletedAt)
        .order_by_asc(lesson_progress::Column::LessonId)
        .all(db)
        .await?;
    if progress.is_empty() {
        return Ok(Vec::new());
    }
    let lessons: HashMap<i32, (i32, String)> = lessons::Entity::find()
        .select_only()
        .columns([
            lessons::Column::Id,
            lessons::Column::ModuleId,
            lessons::Column::Title,
        ])
        .filter(lessons::Column::Id.is_in(progress.iter().map(|p| p.lesson_id)))
        .into_tuple::<(i32, i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, module, title)| (id, (module, title)))
        .collect();
    let modules = module_titles(
        db,
        lessons.values().map(|(m, _)| *m).collect::<BTreeSet<_>>(),
    )
    .await?;
    Ok(progress
        .into_iter()
        .map(|p| {
            let (module, lesson) = lessons.get(&p.lesson_id).cloned().unwrap_or_default();
            LessonRead {
                lesson,
                module: modules.get(&module).cloned().unwrap_or_default(),
                completed_at: local(p.completed_at),
            }
        })
        .collect())
}

async fn certificates(
    db: &DatabaseConnection,
    enrolment_ids: &[i32],
    session_of: &HashMap<i32, i32>,
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
            session: session_of
                .get(&c.enrolment_id)
                .map(|s| sessions.title(*s))
                .unwrap_or_default(),
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

async fn calendar_feeds(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<FeedRecord>, AppError> {
    use calendar_feeds::Column as C;
    let rows: Vec<(String, DateTime<Utc>, Option<DateTime<Utc>>)> = calendar_feeds::Entity::find()
        .select_only()
        .columns([C::Kind, C::CreatedAt, C::RevokedAt])
        .filter(C::UserId.eq(user_id))
        .order_by_asc(C::CreatedAt)
        .order_by_asc(C::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, created, revoked)| FeedRecord {
            kind,
            created_at: local(created),
            revoked_at: revoked.map(local),
        })
        .collect())
}

async fn sign_in_sessions(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<SignInSession>, AppError> {
    use auth_sessions::Column as C;
    let rows: Vec<(DateTime<Utc>, DateTime<Utc>, DateTime<Utc>)> = auth_sessions::Entity::find()
        .select_only()
        .columns([C::CreatedAt, C::LastSeenAt, C::ExpiresAt])
        .filter(C::UserId.eq(user_id))
        .order_by_asc(C::CreatedAt)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(created, seen, expires)| SignInSession {
            created_at: local(created),
            last_seen_at: local(seen),
            expires_at: local(expires),
        })
        .collect())
}

async fn links_sent(db: &DatabaseConnection, user_id: i32) -> Result<Vec<LinkSent>, AppError> {
    type Dates = (DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>);
    let resets: Vec<Dates> = {
        use password_resets::Column as C;
        password_resets::Entity::find()
            .select_only()
            .columns([C::CreatedAt, C::ExpiresAt, C::UsedAt])
            .filter(C::UserId.eq(user_id))
            .into_tuple()
            .all(db)
            .await?
    };
    type Verification = (String, DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>);
    let verifications: Vec<Verification> = {
        use email_verifications::Column as C;
        email_verifications::Entity::find()
            .select_only()
            .columns([C::Email, C::CreatedAt, C::ExpiresAt, C::UsedAt])
            .filter(C::UserId.eq(user_id))
            .into_tuple()
            .all(db)
            .await?
    };
    let link = |kind: &str, email: Option<String>, (created, expires, used): Dates| LinkSent {
        kind: kind.to_owned(),
        email,
        created_at: local(created),
        expires_at: local(expires),
        used_at: used.map(local),
    };
    let mut list: Vec<LinkSent> = resets
        .into_iter()
        .map(|d| link(LinkSent::PASSWORD_RESET, None, d))
        .chain(
            verifications
                .into_iter()
                .map(|(email, c, e, u)| link(LinkSent::EMAIL_VERIFICATION, Some(email), (c, e, u))),
        )
        .collect();
    list.sort_by_key(|l| l.created_at);
    Ok(list)
}

/// The messages sent to the person's address or to any address a
/// confirmation link was sent to for them (subjects and attachments' names,
/// never bodies).
async fn emails_received(
    db: &DatabaseConnection,
    user: &users::Model,
) -> Result<Vec<EmailReceived>, AppError> {
    let verified: Vec<String> = email_verifications::Entity::find()
        .select_only()
        .column(email_verifications::Column::Email)
        .filter(email_verifications::Column::UserId.eq(user.id))
        .into_tuple()
        .all(db)
        .await?;
    let addresses: BTreeSet<String> = user
        .email
        .iter()
        .chain(verified.iter())
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty())
        .collect();
    if addresses.is_empty() {
        return Ok(Vec::new());
    }
    use email_outbox::Column as C;
    type Row = (
        i32,
        String,
        String,
        String,
        DateTime<Utc>,
        Option<DateTime<Utc>>,
        String,
    );
    let rows: Vec<Row> = email_outbox::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::Kind,
            C::Recipient,
            C::Subject,
            C::CreatedAt,
            C::SentAt,
            C::Status,
        ])
        .filter(
            Expr::expr(Func::lower(Expr::col((email_outbox::Entity, C::Recipient))))
                .is_in(addresses),
        )
        .order_by_asc(C::CreatedAt)
        .order_by_asc(C::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut attachments: HashMap<i32, Vec<String>> = HashMap::new();
    if !rows.is_empty() {
        use email_attachments::Column as A;
        let names: Vec<(i32, String)> = email_attachments::Entity::find()
            .select_only()
            .columns([A::EmailId, A::Filename])
            .filter(A::EmailId.is_in(rows.iter().map(|r| r.0)))
            .order_by_asc(A::Id)
            .into_tuple()
            .all(db)
            .await?;
        for (email, name) in names {
            attachments.entry(email).or_default().push(name);
        }
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, recipient, subject, created, sent, status)| EmailReceived {
                kind,
                recipient,
                subject,
                created_at: local(created),
                sent_at: sent.map(local),
                status,
                attachments: attachments.remove(&id).unwrap_or_default(),
            },
        )
        .collect())
}

/// `details.<key>` equals `id` (keys are the journal's constants, never input).
fn detail_is(backend: DbBackend, key: &'static str, id: i32) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust(format!("(\"details\"->>'{key}')")).eq(id.to_string()),
        _ => Expr::cust(format!("json_extract(\"details\", '$.{key}')")).eq(id),
    }
}

/// The audit entries the person made or that are about them, as the
/// coordinator's journal finds a person's (actor, target, or named in the
/// details); their details are not given (they may name others).
async fn journal(db: &DatabaseConnection, user_id: i32) -> Result<Vec<JournalEntry>, AppError> {
    use audit_log::Column as C;
    let mut about = Condition::any().add(C::ActorId.eq(user_id)).add(
        Condition::all()
            .add(C::TargetType.eq("user"))
            .add(C::TargetId.eq(user_id)),
    );
    for key in PERSON_KEYS {
        about = about.add(detail_is(db.get_database_backend(), key, user_id));
    }
    let rows: Vec<(DateTime<Utc>, Option<i32>, String)> = audit_log::Entity::find()
        .select_only()
        .columns([C::OccurredAt, C::ActorId, C::Action])
        .filter(about)
        .order_by_asc(C::OccurredAt)
        .order_by_asc(C::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(at, actor, action)| JournalEntry {
            occurred_at: local(at),
            label: action_label(&action),
            action,
            by_you: actor == Some(user_id),
        })
        .collect())
}

/// What is kept, how long and why: the one retention list
/// (`rules/retention.rs`), as the privacy page prints it.
fn retention() -> Vec<RetentionLine> {
    crate::privacy::rules::retention::lines()
}
