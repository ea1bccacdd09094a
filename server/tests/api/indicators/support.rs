//! A small year of training (2031, with one session in 2030) whose every
//! indicator was computed by hand; see the expected values in
//! `dashboard.rs`. People:
//!
//! | who | structure (sector)        | S1 (held, 2 half-days) | S2 (held, distance) | other            |
//! |-----|---------------------------|------------------------|---------------------|------------------|
//! | L1  | A (soin)                  | present, present       | present             |                  |
//! | L2  | A (soin)                  | present, excused       |                     | S4 (planned)     |
//! | L3  | « +Bailleur » (logement)  | late, late             |                     |                  |
//! | L4  | C (action sociale)        | absent, absent (answered après, à chaud: never counted) | |                  |
//! | L5  | C                         | waiting list           |                     |                  |
//! | L6  | « +Bailleur » (logement)  |                        | present             | 2030 session     |
//! | L7  | A                         |                        |                     | S3 (cancelled)   |
//!
//! Half-days last 3 hours. S1 is taught by trainer T1, S2 by trainer T2.

use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use serde_json::json;

use app::roles::Role;

use crate::support::fixtures::{mark, structure};
use crate::support::{TestApp, new_client};

use app::db::entities::{
    attempt_answers, enrolments, module_objectives, modules, programme_plans,
    questionnaire_answers, questionnaire_items, questionnaire_responses, questionnaires, questions,
    quiz_attempts, quizzes, session_slots, session_trainers, training_sessions, users,
};

pub const YEAR: i32 = 2031;
pub const BAILLEUR: &str = "+Bailleur social";

pub struct Fixture {
    pub module: i32,
    pub other_module: i32,
    pub trainer_2: i32,
}

fn at(year: i32, month: u32, day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, 0, 0)
        .single()
        .expect("instant")
}

async fn module(db: &DatabaseConnection, slug: &str, title: &str, position: i32) -> i32 {
    let now = Utc::now();
    modules::ActiveModel {
        slug: Set(slug.into()),
        title: Set(title.into()),
        summary: Set(String::new()),
        duration_minutes: Set(360),
        audience: Set(String::new()),
        prerequisites: Set(String::new()),
        position: Set(position),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("module")
    .id
}

async fn objective(db: &DatabaseConnection, module: i32, position: i32, label: &str) -> i32 {
    module_objectives::ActiveModel {
        module_id: Set(module),
        position: Set(position),
        code: Set(format!("o{position}")),
        label: Set(label.into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("objective")
    .id
}

async fn person(
    db: &DatabaseConnection,
    n: u32,
    role: &str,
    structure: Option<i32>,
    sector: Option<&str>,
    profession: &str,
) -> i32 {
    let now = Utc::now();
    users::ActiveModel {
        email: Set(Some(format!("indicateurs-{n}@example.org"))),
        display_name: Set(format!("Personne {n}")),
        password_hash: Set(None),
        role: Set(role.into()),
        profession: Set(Some(profession.into())),
        sector: Set(sector.map(str::to_owned)),
        structure_id: Set(structure),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("user")
    .id
}

/// A session to create: one slot per start instant (3 hours each).
struct Planned<'a> {
    module: i32,
    year: i32,
    mode: &'a str,
    status: &'a str,
    reason: Option<&'a str>,
    starts: &'a [DateTime<Utc>],
    trainer: i32,
}

async fn session(db: &DatabaseConnection, p: Planned<'_>) -> (i32, Vec<i32>) {
    let Planned {
        module,
        year,
        mode,
        status,
        reason,
        starts,
        trainer,
    } = p;
    let now = Utc::now();
    let id = training_sessions::ActiveModel {
        module_id: Set(module),
        title: Set(format!("Session {mode} {status}")),
        mode: Set(mode.into()),
        place_address: Set((mode != "distanciel").then(|| "Metz".to_owned())),
        place_room: Set(None),
        visio_url: Set((mode != "presentiel").then(|| "https://visio.example.org/x".to_owned())),
        capacity: Set(20),
        status: Set(status.into()),
        cancel_reason: Set(reason.map(str::to_owned)),
        programme_year: Set(year),
        enrolment_deadline: Set(None),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("session")
    .id;
    session_trainers::ActiveModel {
        session_id: Set(id),
        user_id: Set(trainer),
    }
    .insert(db)
    .await
    .expect("trainer");
    let mut slots = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        let slot = session_slots::ActiveModel {
            session_id: Set(id),
            day: Set(start.date_naive() + Duration::days(i as i64 / 2)),
            half_day: Set(if i % 2 == 0 { "matin" } else { "apres_midi" }.into()),
            starts_at: Set(*start),
            ends_at: Set(*start + Duration::hours(3)),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("slot");
        slots.push(slot.id);
    }
    (id, slots)
}

/// An enrolment, keeping the person's typology as enrolling does.
async fn enrol(db: &DatabaseConnection, session: i32, user: i32, status: &str) -> i32 {
    let at = at(2030, 1, 1, 9);
    let mut row = enrolments::ActiveModel {
        session_id: Set(session),
        user_id: Set(user),
        status: Set(status.into()),
        enrolled_at: Set(at),
        confirmed_at: Set((status == "confirmee").then_some(at)),
        ..Default::default()
    };
    app::sessions::service::snapshot::take(db, user, &mut row)
        .await
        .expect("snapshot");
    row.insert(db).await.expect("enrolment").id
}

async fn questionnaire(db: &DatabaseConnection, module: i32, kind: &str) -> i32 {
    questionnaires::ActiveModel {
        module_id: Set(module),
        kind: Set(kind.into()),
        version: Set(1),
        current: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("questionnaire")
    .id
}

async fn item(
    db: &DatabaseConnection,
    questionnaire: i32,
    position: i32,
    item_type: &str,
    objective: Option<i32>,
    crisis: bool,
) -> i32 {
    questionnaire_items::ActiveModel {
        questionnaire_id: Set(questionnaire),
        position: Set(position),
        prompt: Set(format!("Affirmation {position}")),
        item_type: Set(item_type.into()),
        objective_id: Set(objective),
        is_crisis_item: Set(crisis),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("item")
    .id
}

async fn respond(
    db: &DatabaseConnection,
    questionnaire: i32,
    enrolment: i32,
    phase: &str,
    values: &[(i32, i32)],
) {
    let r = questionnaire_responses::ActiveModel {
        questionnaire_id: Set(questionnaire),
        enrolment_id: Set(enrolment),
        phase: Set(phase.into()),
        submitted_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("response");
    for (item, value) in values {
        questionnaire_answers::ActiveModel {
            response_id: Set(r.id),
            item_id: Set(*item),
            value_int: Set(Some(*value)),
            value_text: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("answer");
    }
}

async fn attempt(db: &DatabaseConnection, quiz: i32, user: i32, scores: &[(i32, f64)]) {
    let now = Utc::now();
    let a = quiz_attempts::ActiveModel {
        quiz_id: Set(quiz),
        user_id: Set(user),
        number: Set(1),
        layout: Set(json!([])),
        started_at: Set(now),
        deadline_at: Set(None),
        submitted_at: Set(Some(now)),
        score: Set(Some(0.0)),
        max_score: Set(Some(3.0)),
        passed: Set(Some(false)),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("attempt");
    for (question, points) in scores {
        attempt_answers::ActiveModel {
            attempt_id: Set(a.id),
            question_id: Set(*question),
            response: Set(json!(null)),
            points: Set(Some(*points)),
            saved_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("attempt answer");
    }
}

pub async fn load(db: &DatabaseConnection) -> Fixture {
    let m = module(db, "indicateurs-m1", "Module des indicateurs", 1).await;
    let other = module(db, "indicateurs-m2", "Module sans session", 2).await;
    let o1 = objective(db, m, 1, "Repérer les signes").await;
    let o2 = objective(db, m, 2, "Prévenir et gérer la crise").await;
    for (module, planned) in [(m, 3), (other, 2)] {
        programme_plans::ActiveModel {
            year: Set(YEAR),
            module_id: Set(module),
            planned_sessions: Set(planned),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("plan");
    }
    let a = structure(db, "Structure A", "soin").await;
    let b = structure(db, BAILLEUR, "logement_hebergement").await;
    let c = structure(db, "Structure C", "action_sociale").await;
    let t1 = person(db, 100, "trainer", None, None, "Psychologue").await;
    let t2 = person(db, 101, "trainer", None, None, "Pair-aidant").await;
    let nurse = "Infirmier·ère";
    let educ = "Éducateur·rice";
    let l1 = person(db, 1, "learner", Some(a), Some("soin"), nurse).await;
    let l2 = person(db, 2, "learner", Some(a), Some("soin"), nurse).await;
    let l3 = person(
        db,
        3,
        "learner",
        Some(b),
        Some("logement_hebergement"),
        educ,
    )
    .await;
    let l4 = person(db, 4, "learner", Some(c), Some("action_sociale"), educ).await;
    let l5 = person(db, 5, "learner", Some(c), Some("action_sociale"), educ).await;
    let l6 = person(
        db,
        6,
        "learner",
        Some(b),
        Some("logement_hebergement"),
        educ,
    )
    .await;
    let l7 = person(db, 7, "learner", Some(a), Some("soin"), nurse).await;

    let mut planned = Vec::new();
    for (year, mode, status, reason, starts, trainer) in [
        (
            YEAR,
            "presentiel",
            "realisee",
            None,
            vec![at(YEAR, 3, 10, 8), at(YEAR, 3, 10, 12)],
            t1,
        ),
        (
            YEAR,
            "distanciel",
            "realisee",
            None,
            vec![at(YEAR, 5, 12, 8)],
            t2,
        ),
        (
            YEAR,
            "presentiel",
            "annulee",
            Some("Formateur indisponible"),
            vec![at(YEAR, 6, 2, 8)],
            t1,
        ),
        (
            YEAR,
            "hybride",
            "prevue",
            None,
            vec![at(YEAR, 11, 4, 8)],
            t1,
        ),
        (
            YEAR - 1,
            "presentiel",
            "realisee",
            None,
            vec![at(YEAR - 1, 10, 1, 8)],
            t1,
        ),
    ] {
        let p = Planned {
            module: m,
            year,
            mode,
            status,
            reason,
            starts: &starts,
            trainer,
        };
        planned.push(session(db, p).await);
    }
    let [
        (s1, s1_slots),
        (s2, s2_slots),
        (s3, _),
        (s4, _),
        (s0, s0_slots),
    ] = <[_; 5]>::try_from(planned).expect("five sessions");

    let e11 = enrol(db, s1, l1, "confirmee").await;
    let e12 = enrol(db, s1, l2, "confirmee").await;
    let e13 = enrol(db, s1, l3, "confirmee").await;
    let e14 = enrol(db, s1, l4, "confirmee").await;
    enrol(db, s1, l5, "liste_attente").await;
    let e21 = enrol(db, s2, l1, "confirmee").await;
    let e26 = enrol(db, s2, l6, "confirmee").await;
    let e37 = enrol(db, s3, l7, "confirmee").await;
    enrol(db, s4, l2, "confirmee").await;
    let e06 = enrol(db, s0, l6, "confirmee").await;

    for (slot, enrolment, status) in [
        (s1_slots[0], e11, "present"),
        (s1_slots[1], e11, "present"),
        (s1_slots[0], e12, "present"),
        (s1_slots[1], e12, "absent_excuse"),
        (s1_slots[0], e13, "retard"),
        (s1_slots[1], e13, "retard"),
        (s1_slots[0], e14, "absent"),
        (s1_slots[1], e14, "absent"),
        (s2_slots[0], e21, "present"),
        (s2_slots[0], e26, "present"),
        (s0_slots[0], e06, "present"),
    ] {
        mark(db, slot, enrolment, status, Utc::now()).await;
    }

    // Self-assessment: I1 on objective 1, I2 the crisis item (objective 2).
    let sa = questionnaire(db, m, "auto_evaluation").await;
    let i1 = item(db, sa, 1, "likert", Some(o1), false).await;
    let i2 = item(db, sa, 2, "likert", Some(o2), true).await;
    respond(db, sa, e11, "avant", &[(i1, 2), (i2, 1)]).await;
    respond(db, sa, e11, "apres", &[(i1, 4), (i2, 4)]).await;
    respond(db, sa, e12, "avant", &[(i1, 3), (i2, 2)]).await;
    respond(db, sa, e12, "apres", &[(i1, 3), (i2, 5)]).await;
    respond(db, sa, e13, "apres", &[(i1, 5), (i2, 3)]).await;
    respond(db, sa, e26, "avant", &[(i1, 1), (i2, 1)]).await;
    // A cancelled session's answers never count.
    respond(db, sa, e37, "apres", &[(i1, 5), (i2, 5)]).await;
    // Nor do those of L4, absent from every half-day (they should not have
    // been asked; were they answered, they must not count).
    respond(db, sa, e14, "apres", &[(i1, 5), (i2, 5)]).await;

    // À chaud: overall, usefulness of objective 1, would recommend.
    let hot = questionnaire(db, m, "satisfaction_chaud").await;
    let overall = item(db, hot, 1, "likert", None, false).await;
    let topic = item(db, hot, 2, "likert", Some(o1), false).await;
    let recommend = item(db, hot, 3, "yes_no", None, false).await;
    respond(
        db,
        hot,
        e11,
        "chaud",
        &[(overall, 5), (topic, 4), (recommend, 1)],
    )
    .await;
    respond(
        db,
        hot,
        e12,
        "chaud",
        &[(overall, 3), (topic, 2), (recommend, 0)],
    )
    .await;
    respond(
        db,
        hot,
        e14,
        "chaud",
        &[(overall, 1), (topic, 1), (recommend, 0)],
    )
    .await;
    // À froid: used, usefulness.
    let cold = questionnaire(db, m, "satisfaction_froid").await;
    let used = item(db, cold, 1, "yes_no", None, false).await;
    let useful = item(db, cold, 2, "likert", None, false).await;
    respond(db, cold, e11, "froid", &[(used, 1), (useful, 4)]).await;

    // Quiz: Q1 (objective 1, 2 points), Q2 (objective 2, 1 point).
    let now = Utc::now();
    let quiz = quizzes::ActiveModel {
        module_id: Set(m),
        title: Set("Quiz".into()),
        pass_mark_percent: Set(70),
        max_attempts: Set(None),
        time_limit_minutes: Set(None),
        shuffle: Set(false),
        published: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("quiz")
    .id;
    let mut question_ids = Vec::new();
    for (position, objective, points) in [(1, o1, 2), (2, o2, 1)] {
        let q = questions::ActiveModel {
            quiz_id: Set(quiz),
            position: Set(position),
            kind: Set("single_choice".into()),
            prompt: Set(format!("Question {position}")),
            feedback: Set(String::new()),
            objective_id: Set(Some(objective)),
            points: Set(points),
            accepted_answers: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("question");
        question_ids.push(q.id);
    }
    attempt(
        db,
        quiz,
        l1,
        &[(question_ids[0], 2.0), (question_ids[1], 0.0)],
    )
    .await;
    // L4 attended nothing: their attempt does not count.
    attempt(
        db,
        quiz,
        l4,
        &[(question_ids[0], 0.0), (question_ids[1], 1.0)],
    )
    .await;

    Fixture {
        module: m,
        other_module: other,
        trainer_2: t2,
    }
}

/// Checks that `path` is refused to a visitor (401), a learner and a trainer
/// (403), and returns the bodies of the 403 answers (they must hold no data).
pub async fn refused_but_to_the_coordinator(app: &TestApp, path: &str) -> Vec<String> {
    let visitor = app.get_as(&new_client(), path).await;
    assert_eq!(visitor.status(), 401, "visitor {path}");
    let mut bodies = Vec::new();
    for role in [Role::Learner, Role::Trainer] {
        let who = app.signed_in(role).await;
        let r = app.get_as(&who.client, path).await;
        assert_eq!(r.status(), 403, "{role:?} {path}");
        bodies.push(r.text().await.expect("body"));
    }
    bodies
}
