//! The à-chaud answers of a cohort, aggregated: mean overall satisfaction,
//! mean usefulness per topic, the share who would recommend, and the
//! comments — without names and sorted alphabetically, so that their order
//! says nothing about who wrote them.

use super::cohort::Row;
use crate::assessment::rules::Phase;
use crate::assessment::rules::cohort::{mean, rate};
use crate::assessment::rules::defaults::{SatisfactionRole, satisfaction_role};
use crate::assessment::types::SatisfactionSummary;

pub fn summary(rows: &[Row]) -> SatisfactionSummary {
    let hot: Vec<&Row> = rows.iter().filter(|r| r.phase == Phase::Hot).collect();
    let mut people: Vec<i32> = hot.iter().map(|r| r.enrolment).collect();
    people.sort_unstable();
    people.dedup();
    let mut overall = Vec::new();
    let mut topics: Vec<(String, Vec<i32>)> = Vec::new();
    let mut recommend = Vec::new();
    let mut comments = Vec::new();
    for r in hot {
        match satisfaction_role(&r.item.item_type, r.item.objective_id) {
            SatisfactionRole::Overall => overall.extend(r.answer.value_int),
            SatisfactionRole::Topic => {
                let Some(v) = r.answer.value_int else {
                    continue;
                };
                match topics.iter_mut().find(|(p, _)| *p == r.item.prompt) {
                    Some((_, vs)) => vs.push(v),
                    None => topics.push((r.item.prompt.clone(), vec![v])),
                }
            }
            SatisfactionRole::Recommend => recommend.extend(r.answer.value_int),
            SatisfactionRole::Improve => comments.extend(r.answer.value_text.clone()),
        }
    }
    comments.sort_by_key(|c: &String| c.to_lowercase());
    SatisfactionSummary {
        responses: people.len(),
        overall_mean: mean(overall),
        topics: topics.into_iter().map(|(p, vs)| (p, mean(vs))).collect(),
        recommend_rate: rate(
            recommend.iter().filter(|v| **v == 1).count(),
            recommend.len(),
        ),
        comments,
    }
}
