//! The demo's session history (2019 to early 2027): sessions with their
//! slots and trainers, the programme of each year, enrolments, and the
//! attendance of every past half-day, signed by the trainer. Rows go in by
//! batches so that `--demo` starts fast.

mod learners;
pub mod plan;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use app::attendance::rules::{Attendance, MarkMethod};
use app::calendar::{french_month, to_utc};
use app::db::entities::{
    attendance_marks, enrolments, modules, programme_plans, session_slots, session_trainers,
    training_sessions, users,
};
use app::roles::Role;
use app::sessions::rules::labels::default_hours;
use app::sessions::rules::{EnrolmentStatus, HalfDay, Mode, Status};

use super::people::COORDINATOR_EMAIL;
use plan::{PlannedSession, mix};

const BATCH: usize = 400;

const PLACES: [(&str, &str); 3] = [
    (
        "Hôtel de Ville, 1 place d’Armes, 57000 Metz",
        "Salle des commissions",
    ),
    (
        "Centre hospitalier de Jury, 57245 Jury",
        "Salle de formation",
    ),
    (
        "Maison des associations, 1 rue du Coëtlosquet, 57000 Metz",
        "Salle 3",
    ),
];

/// Where a session's people come from, by id.
struct Cast {
    modules: Vec<modules::Model>,
    trainers: Vec<i32>,
    coordinator: Option<i32>,
    learners: Vec<i32>,
}

async fn cast(txn: &DatabaseTransaction, now: DateTime<Utc>) -> anyhow::Result<Cast> {
    let modules = modules::Entity::find()
        .order_by_asc(modules::Column::Position)
        .all(txn)
        .await?;
    let trainers: Vec<i32> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::Role.eq(Role::Trainer.code()))
        .order_by_asc(users::Column::Id)
        .into_tuple()
        .all(txn)
        .await?;
    let coordinator = users::Entity::find()
        .filter(users::Column::Email.eq(COORDINATOR_EMAIL))
        .one(txn)
        .await?
        .map(|u| u.id);
    let learners = learners::load(txn, now).await?;
    anyhow::ensure!(
        modules.len() >= 3 && !trainers.is_empty() && learners.len() > 30,
        "the history needs the modules, trainers and learners of the demo"
    );
    Ok(Cast {
        modules,
        trainers,
        coordinator,
        learners,
    })
}

fn title(p: &PlannedSession, module: &modules::Model) -> String {
    let first = p.slots[0].0;
    p.title.map(str::to_owned).unwrap_or_else(|| {
        use chrono::Datelike;
        format!(
            "{} — {}",
            module.title,
            french_month(first.year(), first.month())
        )
    })
}

/// The people of session number `index`: `count` of them from a rotating
/// start in the pool; open sessions start with the demo accounts.
fn people(pool: &[i32], index: usize, open: bool, count: usize) -> Vec<i32> {
    let start = if open {
        pool.len() - 10 + index % 5
    } else {
        (index * 37) % pool.len()
    };
    (0..count).map(|i| pool[(start + i) % pool.len()]).collect()
}

/// Loads the history; returns the number of sessions.
pub async fn load(txn: &DatabaseTransaction, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let cast = cast(txn, now).await?;
    let planned = plan::sessions();

    let plans = plan::PROGRAMME.iter().flat_map(|(year, counts)| {
        counts
            .iter()
            .zip(&cast.modules)
            .map(|(n, m)| programme_plans::ActiveModel {
                year: Set(*year),
                module_id: Set(m.id),
                planned_sessions: Set(*n),
                ..Default::default()
            })
            .collect::<Vec<_>>()
    });
    programme_plans::Entity::insert_many(plans)
        .exec(txn)
        .await?;

    let mut sessions = Vec::with_capacity(planned.len());
    for (index, p) in planned.iter().enumerate() {
        let module = &cast.modules[p.module];
        let place = PLACES[index % PLACES.len()];
        let first = p.slots[0].0;
        let row = training_sessions::ActiveModel {
            module_id: Set(module.id),
            title: Set(title(p, module)),
            mode: Set(p.mode.code().to_owned()),
            place_address: Set(p.mode.has_place().then(|| place.0.to_owned())),
            place_room: Set(p.mode.has_place().then(|| place.1.to_owned())),
            visio_url: Set(p
                .mode
                .has_visio()
                .then(|| format!("https://visio.demo.relais.fr/clsm-metz-{}", index + 1))),
            capacity: Set(p.capacity),
            status: Set(p.status.code().to_owned()),
            cancel_reason: Set(p.cancel_reason.map(str::to_owned)),
            programme_year: Set(p.year),
            enrolment_deadline: Set(Some(to_utc(
                first - Duration::days(3),
                default_hours(HalfDay::Afternoon).1,
            ))),
            created_by: Set(cast.coordinator),
            created_at: Set(to_utc(
                first - Duration::days(60),
                default_hours(HalfDay::Morning).0,
            )),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        sessions.push(row.id);
    }

    let trainer_of = |p: &PlannedSession| cast.trainers[p.trainer % cast.trainers.len()];
    let slot_rows = planned.iter().zip(&sessions).flat_map(|(p, id)| {
        let trainer = trainer_of(p);
        p.slots.iter().map(move |(day, half)| {
            let (start, end) = default_hours(*half);
            let ends_at = to_utc(*day, end);
            let signed = p.status == Status::Held;
            session_slots::ActiveModel {
                session_id: Set(*id),
                day: Set(*day),
                half_day: Set(half.code().to_owned()),
                starts_at: Set(to_utc(*day, start)),
                ends_at: Set(ends_at),
                confirmed_at: Set(signed.then(|| ends_at + Duration::minutes(10))),
                confirmed_by: Set(signed.then_some(trainer)),
                ..Default::default()
            }
        })
    });
    for chunk in slot_rows.collect::<Vec<_>>().chunks(BATCH) {
        session_slots::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await?;
    }

    let mut teaching = Vec::new();
    for (p, id) in planned.iter().zip(&sessions) {
        let lead = trainer_of(p);
        teaching.push((*id, lead));
        // The sessions on crisis and on precariousness are taught in pairs.
        let second = cast.trainers[(p.trainer + 1) % cast.trainers.len()];
        if p.module > 0 && second != lead {
            teaching.push((*id, second));
        }
    }
    let trainer_rows = teaching.iter().map(|(s, u)| session_trainers::ActiveModel {
        session_id: Set(*s),
        user_id: Set(*u),
    });
    session_trainers::Entity::insert_many(trainer_rows)
        .exec(txn)
        .await?;

    let mut enrolment_rows = Vec::new();
    for (index, (p, id)) in planned.iter().zip(&sessions).enumerate() {
        let open = p.status == Status::Planned;
        let count = (p.participants + p.waiting) as usize;
        let enrolled_at = to_utc(
            p.slots[0].0 - Duration::days(30),
            default_hours(HalfDay::Morning).0,
        );
        for (i, user) in people(&cast.learners, index, open, count)
            .into_iter()
            .enumerate()
        {
            let waiting = i as i32 >= p.participants;
            let status = if waiting {
                EnrolmentStatus::Waiting
            } else {
                EnrolmentStatus::Confirmed
            };
            let at = enrolled_at + Duration::hours(i as i64);
            enrolment_rows.push(enrolments::ActiveModel {
                session_id: Set(*id),
                user_id: Set(user),
                status: Set(status.code().to_owned()),
                enrolled_at: Set(at),
                confirmed_at: Set((!waiting).then_some(at)),
                ..Default::default()
            });
        }
    }
    for chunk in enrolment_rows.chunks(BATCH) {
        enrolments::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await?;
    }
    // Each enrolment keeps its person's typology, as enrolling through the
    // interface does (the demo people do not change afterwards).
    app::sessions::service::snapshot::take_all(txn).await?;

    marks(txn, &planned, &sessions, &trainer_of).await?;
    Ok(sessions.len())
}

/// Attendance of every slot of the held sessions: mostly present, some late,
/// some absent (excused in advance or not).
async fn marks(
    txn: &DatabaseTransaction,
    planned: &[PlannedSession],
    sessions: &[i32],
    trainer_of: &dyn Fn(&PlannedSession) -> i32,
) -> anyhow::Result<()> {
    let held: HashMap<i32, &PlannedSession> = planned
        .iter()
        .zip(sessions)
        .filter(|(p, _)| p.status == Status::Held)
        .map(|(p, id)| (*id, p))
        .collect();
    let ids: Vec<i32> = held.keys().copied().collect();
    let slots = session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.is_in(ids.clone()))
        .all(txn)
        .await?;
    let mut people: HashMap<i32, Vec<(i32, i32)>> = HashMap::new();
    let rows: Vec<(i32, i32, i32)> = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::Id)
        .column(enrolments::Column::SessionId)
        .column(enrolments::Column::UserId)
        .filter(enrolments::Column::SessionId.is_in(ids))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .into_tuple()
        .all(txn)
        .await?;
    for (enrolment, session, user) in rows {
        people.entry(session).or_default().push((enrolment, user));
    }
    let mut rows = Vec::new();
    for slot in &slots {
        let Some(p) = held.get(&slot.session_id) else {
            continue;
        };
        let trainer = trainer_of(p);
        for (enrolment, user) in people.get(&slot.session_id).into_iter().flatten() {
            let roll = mix((*enrolment as u64) * 1000 + slot.id as u64) % 100;
            let status = match roll {
                0..84 => Attendance::Present,
                84..91 => Attendance::Late,
                91..96 => Attendance::ExcusedAbsent,
                _ => Attendance::Absent,
            };
            let (method, at, by) = match status {
                Attendance::ExcusedAbsent => (
                    MarkMethod::Apology,
                    slot.starts_at - Duration::days(1),
                    *user,
                ),
                Attendance::Present | Attendance::Late if p.mode == Mode::Remote => {
                    let late = if status == Attendance::Late { 25 } else { 3 };
                    (
                        MarkMethod::Code,
                        slot.starts_at + Duration::minutes(late),
                        *user,
                    )
                }
                _ => (
                    MarkMethod::RollCall,
                    slot.starts_at + Duration::minutes(15),
                    trainer,
                ),
            };
            rows.push(attendance_marks::ActiveModel {
                slot_id: Set(slot.id),
                enrolment_id: Set(*enrolment),
                status: Set(status.code().to_owned()),
                method: Set(method.code().to_owned()),
                recorded_at: Set(at),
                recorded_by: Set(Some(by)),
                ..Default::default()
            });
        }
    }
    for chunk in rows.chunks(BATCH) {
        attendance_marks::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await?;
    }
    Ok(())
}
