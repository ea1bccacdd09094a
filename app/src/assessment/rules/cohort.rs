//! The cohort figures of one item: means before and after, the paired change
//! (only people who answered both), the share who improved, response rates.
//!
//! Inputs are `(enrolment, value)` pairs; one enrolment answers a phase once
//! (the database guarantees it), so pairs are matched by enrolment.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub answered_before: usize,
    pub answered_after: usize,
    pub mean_before: Option<f64>,
    pub mean_after: Option<f64>,
    /// People who answered both phases.
    pub paired: usize,
    /// Mean of (after − before) over the paired people.
    pub mean_change: Option<f64>,
    /// Share (0–1) of the paired people whose after is above their before.
    pub improved_share: Option<f64>,
}

pub fn mean(values: impl IntoIterator<Item = i32>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0i64, 0usize), |(s, n), v| (s + i64::from(v), n + 1));
    (n > 0).then(|| sum as f64 / n as f64)
}

pub fn figures(before: &[(i32, i32)], after: &[(i32, i32)]) -> Figures {
    let before_of: HashMap<i32, i32> = before.iter().copied().collect();
    let changes: Vec<i32> = after
        .iter()
        .filter_map(|(e, a)| before_of.get(e).map(|b| a - b))
        .collect();
    let improved = changes.iter().filter(|c| **c > 0).count();
    Figures {
        answered_before: before.len(),
        answered_after: after.len(),
        mean_before: mean(before.iter().map(|(_, v)| *v)),
        mean_after: mean(after.iter().map(|(_, v)| *v)),
        paired: changes.len(),
        mean_change: mean(changes.iter().copied()),
        improved_share: (!changes.is_empty()).then(|| improved as f64 / changes.len() as f64),
    }
}

/// Share (0–1) of the confirmed people who answered; `None` with nobody confirmed.
pub fn rate(answered: usize, confirmed: usize) -> Option<f64> {
    (confirmed > 0).then(|| answered as f64 / confirmed as f64)
}

/// `3.5` → « 3,5 » (French decimal comma, one decimal), `None` → « — ».
pub fn decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}").replace('.', ","))
}

/// `0.666…` → « 67 % » (narrow no-break space), `None` → « — ».
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{:.0}\u{202f}%", v * 100.0))
}

/// A signed change: `0.5` → « +0,5 ».
pub fn signed(value: Option<f64>) -> String {
    match value {
        Some(v) if v > 0.0 => format!("+{}", decimal(Some(v))),
        other => decimal(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_change_counts_only_people_who_answered_both() {
        // Enrolment 3 answered only before; 4 only after.
        let before = [(1, 2), (2, 3), (3, 1)];
        let after = [(1, 4), (2, 3), (4, 5)];
        let f = figures(&before, &after);
        assert_eq!(f.answered_before, 3);
        assert_eq!(f.answered_after, 3);
        assert_eq!(f.mean_before, Some(2.0));
        assert_eq!(f.mean_after, Some(4.0));
        assert_eq!(f.paired, 2);
        // (4 − 2) and (3 − 3): mean 1.
        assert_eq!(f.mean_change, Some(1.0));
        assert_eq!(f.improved_share, Some(0.5));
    }

    #[test]
    fn no_pairs_means_no_change_rather_than_zero() {
        let f = figures(&[(1, 2)], &[]);
        assert_eq!(f.paired, 0);
        assert_eq!(f.mean_change, None);
        assert_eq!(f.improved_share, None);
        assert_eq!(f.mean_after, None);
    }

    #[test]
    fn a_decrease_is_a_negative_change_and_not_an_improvement() {
        let f = figures(&[(1, 5)], &[(1, 3)]);
        assert_eq!(f.mean_change, Some(-2.0));
        assert_eq!(f.improved_share, Some(0.0));
    }

    #[test]
    fn rates_and_french_numbers() {
        assert_eq!(rate(2, 3), Some(2.0 / 3.0));
        assert_eq!(rate(0, 0), None);
        assert_eq!(percent(rate(2, 3)), "67\u{202f}%");
        assert_eq!(decimal(Some(2.25)), "2,2");
        assert_eq!(signed(Some(0.5)), "+0,5");
        assert_eq!(signed(Some(-1.0)), "-1,0");
        assert_eq!(decimal(None), "—");
    }
}
