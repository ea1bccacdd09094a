//! Questionnaire answers of the demo's held sessions, so that the cohort
//! pages and the indicators show figures: most people who attended answered
//! the self-assessment before and after (and progressed, the crisis item
//! most), most answered à chaud, and for courses over three months ago some
//! answered à froid. Deterministic, like the rest of the demo.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::Deserialize;

use app::assessment::rules::Phase;
use app::assessment::rules::defaults::{
    FollowUpRole, SatisfactionRole, follow_up_role, satisfaction_role,
};
use app::assessment::rules::windows::COLD_OPENS_DAYS;
use app::assessment::service::questionnaire::{current, items};
use app::assessment::types::Item;
use app::attendance::rules::Attendance;
use app::db::entities::{
    attendance_marks, enrolments, questionnaire_answers, questionnaire_responses, session_slots,
    training_sessions,
};
use app::sessions::rules::{EnrolmentStatus, Status};

use super::history::plan::mix;

const BATCH: usize = 400;

/// The free texts of the answers: suggestions (à chaud) and examples of use
/// (à froid). The indicators benchmark (`bench/indicators_data.py`) reads them too.
#[derive(Deserialize)]
struct Texts {
    comments: Vec<String>,
    examples: Vec<String>,
}

static TEXTS: LazyLock<Texts> = LazyLock::new(|| {
    serde_json::from_str(include_str!("data/answers.json")).expect("data/answers.json")
});

/// One of `texts`, chosen by `roll`.
fn pick(texts: &[String], roll: u64) -> String {
    texts[(roll % texts.len() as u64) as usize].clone()
}

/// Share (in %) of the people who attended who answered each phase.
fn share(phase: Phase) -> u64 {
    match phase {
        Phase::Before => 85,
        Phase::After => 80,
        Phase::Hot => 75,
        Phase::Cold => 40,
        Phase::Retrospective => 0,
    }
}

/// The demo's answer of one person (`seed`) to one item of `phase`.
fn value(phase: Phase, item: &Item, seed: u64) -> (Option<i32>, Option<String>) {
    let roll = |salt: u64| mix(seed.wrapping_mul(31).wrapping_add(salt));
    let before = if item.is_crisis_item {
        1 + (roll(1) % 2) as i32
    } else {
        1 + (roll(1) % 3) as i32
    };
    match phase {
        Phase::Before | Phase::Retrospective => (Some(before), None),
        Phase::After => {
            let gain = if item.is_crisis_item {
                1 + (roll(2) % 3) as i32
            } else {
                (roll(2) % 3) as i32
            };
            (Some((before + gain).min(5)), None)
        }
        Phase::Hot => match satisfaction_role(&item.item_type, item.objective_id) {
            SatisfactionRole::Overall => (Some(4 + (roll(3) % 2) as i32), None),
            SatisfactionRole::Topic => (Some(3 + (roll(4) % 3) as i32), None),
            SatisfactionRole::Recommend => (Some(i32::from(roll(5) % 10 != 0)), None),
            SatisfactionRole::Improve => match roll(6) % 4 {
                0 => (None, Some(pick(&TEXTS.comments, roll(7)))),
                _ => (None, None),
            },
        },
        Phase::Cold => {
            let used = roll(8) % 4 != 0;
            match follow_up_role(&item.item_type) {
                FollowUpRole::Used => (Some(i32::from(used)), None),
                FollowUpRole::Usefulness => (Some(2 + (roll(9) % 4) as i32), None),
                FollowUpRole::Examples if used && roll(10) % 2 == 0 => {
                    (None, Some(pick(&TEXTS.examples, roll(11))))
                }
                FollowUpRole::Examples => (None, None),
            }
        }
    }
}

/// First start and last end of each held session, with its module.
struct Held {
    module_id: i32,
    first_start: DateTime<Utc>,
    last_end: DateTime<Utc>,
}

async fn held_sessions(txn: &DatabaseTransaction) -> anyhow::Result<HashMap<i32, Held>> {
    let modules: HashMap<i32, i32> = training_sessions::Entity::find()
        .filter(training_sessions::Column::Status.eq(Status::Held.code()))
        .all(txn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.module_id))
        .collect();
    let mut out: HashMap<i32, Held> = HashMap::new();
    for slot in session_slots::Entity::find()
        .filter(session_slots::Column::SessionId.is_in(modules.keys().copied()))
        .all(txn)
        .await?
    {
        let held = out.entry(slot.session_id).or_insert(Held {
            module_id: modules[&slot.session_id],
            first_start: slot.starts_at,
            last_end: slot.ends_at,
        });
        held.first_start = held.first_start.min(slot.starts_at);
        held.last_end = held.last_end.max(slot.ends_at);
    }
    Ok(out)
}

/// Confirmed enrolments of held sessions that attended at least one half-day.
async fn attendees(
    txn: &DatabaseTransaction,
    sessions: &HashMap<i32, Held>,
) -> anyhow::Result<Vec<(i32, i32)>> {
    let confirmed: Vec<(i32, i32)> = enrolments::Entity::find()
        .select_only()
        .column(enrolments::Column::Id)
        .column(enrolments::Column::SessionId)
        .filter(enrolments::Column::SessionId.is_in(sessions.keys().copied()))
        .filter(enrolments::Column::Status.eq(EnrolmentStatus::Confirmed.code()))
        .order_by_asc(enrolments::Column::Id)
        .into_tuple()
        .all(txn)
        .await?;
    let attended: HashSet<i32> = attendance_marks::Entity::find()
        .select_only()
        .column(attendance_marks::Column::EnrolmentId)
        .distinct()
        .filter(attendance_marks::Column::Status.is_in(Attendance::attended_codes()))
        .into_tuple()
        .all(txn)
        .await?
        .into_iter()
        .collect();
    Ok(confirmed
        .into_iter()
        .filter(|(e, _)| attended.contains(e))
        .collect())
}

/// Loads the answers; returns the number of responses.
pub async fn load(txn: &DatabaseTransaction, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let sessions = held_sessions(txn).await?;
    let people = attendees(txn, &sessions).await?;
    let mut forms: HashMap<(i32, Phase), (i32, Vec<Item>)> = HashMap::new();
    let mut responses = 0;
    let mut answers = Vec::new();
    for (enrolment, session_id) in people {
        let held = &sessions[&session_id];
        for (index, phase) in [Phase::Before, Phase::After, Phase::Hot, Phase::Cold]
            .into_iter()
            .enumerate()
        {
            let seed = enrolment as u64 * 8 + index as u64;
            let submitted_at = match phase {
                Phase::Before => held.first_start - Duration::days(2),
                Phase::Cold => held.last_end + Duration::days(COLD_OPENS_DAYS + 5),
                _ => held.last_end + Duration::hours(1),
            };
            if mix(seed) % 100 >= share(phase) || submitted_at > now {
                continue;
            }
            let (questionnaire_id, shown) = match forms.get(&(held.module_id, phase)) {
                Some(form) => form.clone(),
                None => {
                    let q = current(txn, held.module_id, phase.kind())
                        .await
                        .map_err(|e| anyhow::anyhow!("questionnaire: {e}"))?;
                    let shown = items(txn, q.id)
                        .await
                        .map_err(|e| anyhow::anyhow!("items: {e}"))?;
                    forms.insert((held.module_id, phase), (q.id, shown.clone()));
                    (q.id, shown)
                }
            };
            let response = questionnaire_responses::ActiveModel {
                questionnaire_id: Set(questionnaire_id),
                enrolment_id: Set(enrolment),
                phase: Set(phase.code().to_owned()),
                submitted_at: Set(submitted_at),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            responses += 1;
            for item in &shown {
                let (value_int, value_text) = value(phase, item, seed);
                if value_int.is_none() && value_text.is_none() {
                    continue;
                }
                answers.push(questionnaire_answers::ActiveModel {
                    response_id: Set(response.id),
                    item_id: Set(item.id),
                    value_int: Set(value_int),
                    value_text: Set(value_text),
                    ..Default::default()
                });
            }
        }
    }
    for chunk in answers.chunks(BATCH) {
        questionnaire_answers::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await?;
    }
    Ok(responses)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(item_type: &str, objective_id: Option<i32>, is_crisis_item: bool) -> Item {
        Item {
            id: 1,
            prompt: String::new(),
            item_type: item_type.to_owned(),
            objective_id,
            objective: None,
            is_crisis_item,
        }
    }

    #[test]
    fn everyone_progresses_on_the_crisis_item_and_nobody_regresses() {
        let crisis = item("likert", Some(3), true);
        let other = item("likert", Some(1), false);
        for seed in 0..500 {
            let before = value(Phase::Before, &crisis, seed).0.expect("value");
            let after = value(Phase::After, &crisis, seed).0.expect("value");
            assert!(after > before && (1..=5).contains(&after));
            let before = value(Phase::Before, &other, seed).0.expect("value");
            let after = value(Phase::After, &other, seed).0.expect("value");
            assert!(after >= before && (1..=5).contains(&after));
        }
    }

    #[test]
    fn the_free_texts_are_read() {
        assert!(!TEXTS.comments.is_empty() && !TEXTS.examples.is_empty());
    }

    #[test]
    fn answers_fit_their_item_types() {
        for seed in 0..200 {
            let yes_no = value(Phase::Hot, &item("yes_no", None, false), seed).0;
            assert!(matches!(yes_no, Some(0 | 1)));
            let text = value(Phase::Cold, &item("free_text", None, false), seed);
            assert_eq!(text.0, None);
            let overall = value(Phase::Hot, &item("likert", None, false), seed).0;
            assert!(matches!(overall, Some(4 | 5)));
        }
    }
}
