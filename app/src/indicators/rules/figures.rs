//! Shares, typology lines and the masking of small cells.

use std::collections::BTreeMap;

use crate::indicators::types::{CountRow, Partners};

/// Fewer people than this in a typology cell are not exported (the cell
/// could identify someone).
pub const SMALL_CELL: i64 = 5;

/// `part` of `whole` (0–1), `None` when `whole` is zero.
pub fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Typology lines from `(label, count)` pairs: largest first, then by label;
/// an empty label becomes « Non renseigné ». Shares are of `total`.
pub fn typology(pairs: Vec<(String, i64)>, total: i64) -> Vec<CountRow> {
    let mut rows: Vec<CountRow> = pairs
        .into_iter()
        .map(|(label, count)| CountRow {
            label: if label.trim().is_empty() {
                "Non renseigné".to_owned()
            } else {
                label
            },
            count,
            share: share(count, total),
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    rows
}

/// The count as exported: « < 5 » for a small cell (but 0 stays 0).
pub fn masked(count: i64) -> String {
    if count > 0 && count < SMALL_CELL {
        format!("< {SMALL_CELL}")
    } else {
        count.to_string()
    }
}

/// Whether a typology line is a small cell.
pub fn is_small(count: i64) -> bool {
    count > 0 && count < SMALL_CELL
}

/// Minutes as hours with one decimal, French style: 1 530 → « 25,5 ».
pub fn hours(minutes: i64) -> String {
    format!("{:.1}", minutes as f64 / 60.0).replace('.', ",")
}

/// Partner structures per year from the `(structure, year)` pairs in which
/// the structure had someone trained: how many structures each year, and how
/// many of them had nobody trained in an earlier year.
pub fn partners_by_year(pairs: &[(i32, i32)]) -> BTreeMap<i32, Partners> {
    let mut first: BTreeMap<i32, i32> = BTreeMap::new();
    let mut years: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for &(structure, year) in pairs {
        let f = first.entry(structure).or_insert(year);
        *f = (*f).min(year);
        years.entry(year).or_default().push(structure);
    }
    years
        .into_iter()
        .map(|(year, mut structures)| {
            structures.sort_unstable();
            structures.dedup();
            let new_structures = structures.iter().filter(|s| first[s] == year).count();
            let partners = Partners {
                structures: structures.len() as i64,
                new_structures: new_structures as i64,
            };
            (year, partners)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_need_a_denominator() {
        assert_eq!(share(1, 4), Some(0.25));
        assert_eq!(share(3, 0), None);
    }

    #[test]
    fn typology_is_sorted_and_names_the_unknown() {
        let rows = typology(
            vec![("Soin".into(), 3), ("".into(), 3), ("Logement".into(), 6)],
            12,
        );
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Logement", "Non renseigné", "Soin"]);
        assert_eq!(rows[0].share, Some(0.5));
    }

    #[test]
    fn cells_under_five_are_masked_but_zero_is_not() {
        assert_eq!(masked(4), "< 5");
        assert_eq!(masked(1), "< 5");
        assert_eq!(masked(5), "5");
        assert_eq!(masked(0), "0");
        assert!(is_small(4) && !is_small(5) && !is_small(0));
    }

    #[test]
    fn minutes_read_as_french_hours() {
        assert_eq!(hours(1530), "25,5");
        assert_eq!(hours(0), "0,0");
    }

    #[test]
    fn a_structure_is_new_only_in_its_first_year() {
        // Structure 1 from 2024, structure 2 from 2025 (twice), 3 only in 2024.
        let by_year = partners_by_year(&[(1, 2025), (2, 2025), (1, 2024), (2, 2025), (3, 2024)]);
        let y2024 = &by_year[&2024];
        assert_eq!((y2024.structures, y2024.new_structures), (2, 2));
        let y2025 = &by_year[&2025];
        assert_eq!((y2025.structures, y2025.new_structures), (2, 1));
        assert!(partners_by_year(&[]).is_empty());
    }
}
