//! What keeps the raw data anonymous: professions shared by fewer than
//! [`SMALL_CELL`] people grouped, and people numbered from what the file
//! shows of them, never from a database id.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::format::{UNKNOWN, present};
use crate::indicators::rules::figures::SMALL_CELL;

/// What a profession shared by fewer than [`SMALL_CELL`] people of the file becomes.
pub const RARE_PROFESSION: &str = "Autre (moins de 5)";

/// How many different people share each (trimmed) profession.
pub fn profession_counts<'a, K: Eq + Hash>(
    people: impl IntoIterator<Item = (K, Option<&'a str>)>,
) -> HashMap<String, usize> {
    let mut seen: HashSet<(K, String)> = HashSet::new();
    let mut counts = HashMap::new();
    for (person, profession) in people {
        if let Some(p) = present(profession)
            && seen.insert((person, p.to_owned()))
        {
            *counts.entry(p.to_owned()).or_insert(0) += 1;
        }
    }
    counts
}

/// The profession as exported: « Autre (moins de 5) » when fewer than 5
/// people of the file share it (it could identify them), « Non renseigné »
/// when empty.
pub fn profession_label(profession: Option<&str>, counts: &HashMap<String, usize>) -> String {
    match present(profession) {
        None => UNKNOWN.to_owned(),
        Some(p) if counts.get(p).copied().unwrap_or(0) < SMALL_CELL as usize => {
            RARE_PROFESSION.to_owned()
        }
        Some(p) => p.to_owned(),
    }
}

/// Rows sorted by their cells, each starting with its person's number.
///
/// People are first ranked by everything the file shows of them (their
/// sorted rows), so that two people who look the same are interchangeable
/// and the file never depends on the keys (database ids) given here; rows are
/// then sorted, and numbers 1, 2, 3… given in order of first appearance.
pub fn number_people<K: Eq + Hash>(rows: Vec<(K, Vec<String>)>) -> Vec<Vec<String>> {
    let mut by_person: HashMap<K, Vec<Vec<String>>> = HashMap::new();
    for (person, cells) in rows {
        by_person.entry(person).or_default().push(cells);
    }
    let mut people: Vec<Vec<Vec<String>>> = by_person
        .into_values()
        .map(|mut rows| {
            rows.sort();
            rows
        })
        .collect();
    people.sort();
    let mut ranked: Vec<(Vec<String>, usize)> = people
        .into_iter()
        .enumerate()
        .flat_map(|(rank, rows)| rows.into_iter().map(move |r| (r, rank)))
        .collect();
    ranked.sort();
    let mut numbers: HashMap<usize, usize> = HashMap::new();
    ranked
        .into_iter()
        .map(|(cells, rank)| {
            let next = numbers.len() + 1;
            let number = *numbers.entry(rank).or_insert(next);
            let mut row = Vec::with_capacity(cells.len() + 1);
            row.push(number.to_string());
            row.extend(cells);
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn professions_of_fewer_than_five_people_are_grouped() {
        let people = [
            (1, Some("Infirmier·ère")),
            (1, Some("Infirmier·ère")), // the same person twice counts once
            (2, Some("Infirmier·ère ")),
            (3, Some("Infirmier·ère")),
            (4, Some("Infirmier·ère")),
            (5, Some("Infirmier·ère")),
            (6, Some("Éducateur·rice")),
            (6, Some("Éducateur·rice")),
            (7, None),
        ];
        let counts = profession_counts(people);
        assert_eq!(counts.get("Infirmier·ère"), Some(&5));
        assert_eq!(counts.get("Éducateur·rice"), Some(&1));
        assert_eq!(
            profession_label(Some("Infirmier·ère"), &counts),
            "Infirmier·ère"
        );
        assert_eq!(
            profession_label(Some("Éducateur·rice"), &counts),
            RARE_PROFESSION
        );
        assert_eq!(profession_label(Some("Inconnue"), &counts), RARE_PROFESSION);
        assert_eq!(profession_label(None, &counts), UNKNOWN);
        assert_eq!(profession_label(Some(""), &counts), UNKNOWN);
    }

    #[test]
    fn one_person_keeps_one_number_and_numbers_follow_the_rows() {
        let rows = number_people(vec![
            (42, vec!["b".to_owned()]),
            (7, vec!["a".to_owned()]),
            (42, vec!["c".to_owned()]),
            (7, vec!["d".to_owned()]),
        ]);
        assert_eq!(
            rows,
            [["1", "a"], ["2", "b"], ["2", "c"], ["1", "d"]].map(|r| r.map(str::to_owned))
        );
    }

    #[test]
    fn numbers_never_depend_on_database_ids_or_order() {
        let people = |a: i32, b: i32, c: i32| {
            vec![
                (a, vec!["x".to_owned()]),
                (b, vec!["x".to_owned()]),
                (a, vec!["y".to_owned()]),
                (c, vec!["x".to_owned()]),
                (b, vec!["z".to_owned()]),
            ]
        };
        let first = number_people(people(1, 2, 3));
        for (a, b, c) in [(3, 2, 1), (900, 5, 17), (2, 3, 1)] {
            let mut shuffled = people(a, b, c);
            shuffled.reverse();
            assert_eq!(number_people(shuffled), first);
        }
        // Person numbers: rows « x » of three different people.
        let numbers: Vec<&str> = first.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(numbers.len(), 5);
        let distinct: HashSet<&str> = numbers.iter().copied().collect();
        assert_eq!(distinct.len(), 3);
    }
}
