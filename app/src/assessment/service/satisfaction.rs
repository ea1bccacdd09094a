//! The satisfaction answers of a cohort, aggregated. À chaud: mean overall
//! satisfaction, mean usefulness per topic, the share who would recommend,
//! and the comments. À froid: the share who used what they learnt, the mean
//! usefulness in practice, and the examples. Free text comes without names
//! and sorted alphabetically, so that its order says nothing about who
//! wrote it.

use super::answers::Row;
use crate::assessment::rules::Phase;
use crate::assessment::rules::cohort::{mean, rate};
use crate::assessment::rules::defaults::{
    FollowUpRole, SatisfactionRole, follow_up_role, satisfaction_role,
};
use crate::assessment::types::{FollowUpSummary, SatisfactionSummary};

/// How many different people gave these answers.
fn respondents(rows: &[&Row]) -> usize {
    let mut people: Vec<i32> = rows.iter().map(|r| r.enrolment).collect();
    people.sort_unstable();
    people.dedup();
    people.len()
}

fn sorted(mut texts: Vec<String>) -> Vec<String> {
    texts.sort_by_key(|c| c.to_lowercase());
    texts
}

pub fn summary(rows: &[Row]) -> SatisfactionSummary {
    let hot: Vec<&Row> = rows.iter().filter(|r| r.phase == Phase::Hot).collect();
    let responses = respondents(&hot);
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
    SatisfactionSummary {
        responses,
        overall_mean: mean(overall),
        topics: topics.into_iter().map(|(p, vs)| (p, mean(vs))).collect(),
        recommend_rate: rate(
            recommend.iter().filter(|v| **v == 1).count(),
            recommend.len(),
        ),
        comments: sorted(comments),
    }
}

pub fn follow_up(rows: &[Row]) -> FollowUpSummary {
    let cold: Vec<&Row> = rows.iter().filter(|r| r.phase == Phase::Cold).collect();
    let mut used = Vec::new();
    let mut usefulness = Vec::new();
    let mut examples = Vec::new();
    for r in &cold {
        match follow_up_role(&r.item.item_type) {
            FollowUpRole::Used => used.extend(r.answer.value_int),
            FollowUpRole::Usefulness => usefulness.extend(r.answer.value_int),
            FollowUpRole::Examples => examples.extend(r.answer.value_text.clone()),
        }
    }
    FollowUpSummary {
        responses: respondents(&cold),
        used_rate: rate(used.iter().filter(|v| **v == 1).count(), used.len()),
        usefulness_mean: mean(usefulness),
        examples: sorted(examples),
    }
}
