//! The anonymised raw data of the indicators, one row per participation
//! (`/exports/indicateurs/{year}/donnees.csv`): its columns, how each cell is
//! written, the masking of rare professions and the numbering of people.
//! Plain functions; the SQL that gathers the facts is in `service::raw`.
//!
//! Nothing that names or dates a person is exported: no name, e-mail,
//! account, enrolment or session number, structure, exact date or free-text
//! answer. A person gets a number that only exists in the file, computed from
//! what the file shows (never from a database id), the same on each of their
//! rows, so that different people can still be counted.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::figures::SMALL_CELL;
use crate::accounts::rules::Sector;
use crate::sessions::rules::Mode;

/// The header row.
pub const HEADERS: [&str; 19] = [
    "Personne",
    "Année",
    "Mois de la session",
    "Module",
    "Modalité",
    "Secteur",
    "Profession",
    "Demi-journées prévues",
    "Demi-journées suivies",
    "Heures suivies",
    "Suivi complet",
    "Auto-évaluation crise avant",
    "Auto-évaluation crise après",
    "Auto-évaluation moyenne avant",
    "Auto-évaluation moyenne après",
    "Satisfaction globale à chaud",
    "Recommande la formation",
    "À froid, a utilisé les acquis",
    "Utilité à froid",
];

/// What a profession shared by fewer than [`SMALL_CELL`] people of the file becomes.
pub const RARE_PROFESSION: &str = "Autre (moins de 5)";
/// An empty sector or profession.
pub const UNKNOWN: &str = "Non renseigné";

/// One participation as the database gives it, before anonymisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Participation {
    pub year: i32,
    /// Month of the session's first half-day, `2031-03`.
    pub month: Option<String>,
    pub module: String,
    /// Mode code (`presentiel`…).
    pub mode: String,
    /// Sector code of the person, else of their structure.
    pub sector: Option<String>,
    pub profession: Option<String>,
    /// Half-days of the session.
    pub planned: i64,
    /// Half-days attended (present or late).
    pub attended: i64,
    /// Minutes of the half-days attended.
    pub minutes: i64,
    pub crisis_before: Option<i32>,
    pub crisis_after: Option<i32>,
    /// Mean of the self-assessment items tagged with an objective.
    pub mean_before: Option<f64>,
    pub mean_after: Option<f64>,
    /// Overall satisfaction à chaud (1–5).
    pub overall: Option<f64>,
    /// Would recommend (1 yes, 0 no).
    pub recommend: Option<i32>,
    /// À froid: has used what was learnt (1 yes, 0 no).
    pub used: Option<i32>,
    /// À froid: usefulness in practice (1–5).
    pub usefulness: Option<f64>,
}

/// Every half-day of the session attended (a session without half-days never is).
pub fn complete(attended: i64, planned: i64) -> bool {
    planned > 0 && attended >= planned
}

fn yes_no(flag: bool) -> String {
    if flag { "oui" } else { "non" }.to_owned()
}

/// A yes / no answer (stored 1 / 0); blank without an answer.
pub fn answer(value: Option<i32>) -> String {
    value.map_or_else(String::new, |v| yes_no(v > 0))
}

/// Minutes as hours with one decimal and a dot, like every CSV export: 390 → `6.5`.
pub fn hours(minutes: i64) -> String {
    format!("{:.1}", minutes as f64 / 60.0)
}

/// A mean with one decimal (`2.5`, `4.0`); blank without an answer.
pub fn mean(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.1}"))
}

/// A score on 5: whole when it is (`4`), else one decimal (`4.5`); blank without an answer.
pub fn score(value: Option<f64>) -> String {
    match value {
        None => String::new(),
        Some(v) if (v - v.round()).abs() < 1e-9 => format!("{}", v.round() as i64),
        Some(v) => format!("{v:.1}"),
    }
}

fn integer(value: Option<i32>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn present(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The sector's French label; « Non renseigné » without one.
pub fn sector_label(code: Option<&str>) -> String {
    match present(code) {
        None => UNKNOWN.to_owned(),
        Some(code) => Sector::from_code(code).map_or_else(|| code.to_owned(), |s| s.label().into()),
    }
}

/// The mode's French label.
pub fn mode_label(code: &str) -> String {
    Mode::from_code(code).map_or_else(|| code.to_owned(), |m| m.label().to_owned())
}

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

/// The cells of one participation, every column but the person's number.
pub fn cells(p: &Participation, profession: String) -> Vec<String> {
    vec![
        p.year.to_string(),
        p.month.clone().unwrap_or_default(),
        p.module.clone(),
        mode_label(&p.mode),
        sector_label(p.sector.as_deref()),
        profession,
        p.planned.to_string(),
        p.attended.to_string(),
        hours(p.minutes),
        yes_no(complete(p.attended, p.planned)),
        integer(p.crisis_before),
        integer(p.crisis_after),
        mean(p.mean_before),
        mean(p.mean_after),
        score(p.overall),
        answer(p.recommend),
        answer(p.used),
        score(p.usefulness),
    ]
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

/// The anonymised rows of the file from each participation and its person's key.
pub fn rows<K: Eq + Hash + Clone>(participations: Vec<(K, Participation)>) -> Vec<Vec<String>> {
    let counts = profession_counts(
        participations
            .iter()
            .map(|(k, p)| (k.clone(), p.profession.as_deref())),
    );
    number_people(
        participations
            .into_iter()
            .map(|(k, p)| {
                let profession = profession_label(p.profession.as_deref(), &counts);
                let row = cells(&p, profession);
                (k, row)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(module: &str, month: &str, profession: &str) -> Participation {
        Participation {
            year: 2031,
            month: Some(month.into()),
            module: module.into(),
            mode: "presentiel".into(),
            sector: Some("soin".into()),
            profession: Some(profession.into()),
            planned: 2,
            attended: 1,
            minutes: 180,
            ..Default::default()
        }
    }

    #[test]
    fn attendance_is_complete_only_with_every_half_day() {
        assert!(complete(2, 2));
        assert!(!complete(1, 2));
        assert!(!complete(0, 0), "a session without half-days");
        assert_eq!(hours(390), "6.5");
        assert_eq!(hours(0), "0.0");
    }

    #[test]
    fn answers_are_written_plainly_and_blank_when_missing() {
        assert_eq!(answer(Some(1)), "oui");
        assert_eq!(answer(Some(0)), "non");
        assert_eq!(answer(None), "");
        assert_eq!(score(Some(4.0)), "4");
        assert_eq!(score(Some(3.5)), "3.5");
        assert_eq!(score(None), "");
        assert_eq!(mean(Some(4.0)), "4.0");
        assert_eq!(mean(Some(2.26)), "2.3");
        assert_eq!(mean(None), "");
    }

    #[test]
    fn labels_are_french_and_unknowns_named() {
        assert_eq!(
            sector_label(Some("logement_hebergement")),
            "Logement et hébergement"
        );
        assert_eq!(sector_label(None), UNKNOWN);
        assert_eq!(sector_label(Some("  ")), UNKNOWN);
        assert_eq!(mode_label("distanciel"), "Distanciel");
    }

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

    #[test]
    fn rows_mask_rare_professions_and_hold_no_key() {
        let mut all: Vec<(i32, Participation)> = (1..=5)
            .map(|id| (id, part("Module 1", "2031-03", "Infirmier·ère")))
            .collect();
        all.push((6, part("Module 1", "2031-05", "Psychiatre")));
        all.push((6, part("Module 2", "2031-09", "Psychiatre")));
        let rows = rows(all);
        assert_eq!(rows.len(), 7);
        assert!(rows.iter().all(|r| r.len() == HEADERS.len()));
        let professions: HashSet<&str> = rows.iter().map(|r| r[6].as_str()).collect();
        assert_eq!(
            professions,
            HashSet::from(["Infirmier·ère", RARE_PROFESSION])
        );
        let rare: Vec<&Vec<String>> = rows.iter().filter(|r| r[6] == RARE_PROFESSION).collect();
        assert_eq!(rare.len(), 2);
        assert_eq!(rare[0][0], rare[1][0], "the same person, the same number");
        assert_eq!(rare[0][0], "6", "numbered after the five March rows");
        let first = &rows[0];
        assert_eq!(
            first[1..],
            [
                "2031",
                "2031-03",
                "Module 1",
                "Présentiel",
                "Soin",
                "Infirmier·ère",
                "2",
                "1",
                "3.0",
                "non",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                ""
            ]
        );
    }
}
