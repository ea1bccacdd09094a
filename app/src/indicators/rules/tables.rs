//! The dashboard as tables, the shape every export writes (one CSV per
//! table, one XLSX sheet per table). Typology counts under 5 are masked.

use super::figures::{is_small, masked};
use crate::indicators::types::{CountRow, Dashboard};

/// One exported value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A number shown with one decimal.
    Real(f64),
    /// A share (0–1) shown as a percentage.
    Percent(f64),
    Blank,
}

impl Cell {
    fn opt_real(v: Option<f64>) -> Cell {
        v.map_or(Cell::Blank, Cell::Real)
    }

    fn opt_percent(v: Option<f64>) -> Cell {
        v.map_or(Cell::Blank, Cell::Percent)
    }

    /// The text a CSV holds: numbers with a dot, percentages as `66.7`.
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Real(v) => format!("{v:.1}"),
            Cell::Percent(v) => format!("{:.1}", v * 100.0),
            Cell::Blank => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// File and sheet name (ASCII, at most 31 characters).
    pub name: &'static str,
    pub title: String,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

fn text(t: impl Into<String>) -> Cell {
    Cell::Text(t.into())
}

fn figure(label: &str, value: Cell) -> Vec<Cell> {
    vec![text(label), value]
}

/// `first`, then the sessions held, still to come and cancelled.
fn with_sessions(mut first: Vec<Cell>, sessions: [i64; 3]) -> Vec<Cell> {
    first.extend(sessions.map(Cell::Int));
    first
}

impl Table {
    /// One row per item of `items`, written by `row`.
    fn listing<T>(
        name: &'static str,
        title: String,
        headers: Vec<&'static str>,
        items: &[T],
        row: impl Fn(&T) -> Vec<Cell>,
    ) -> Table {
        Table {
            name,
            title,
            headers,
            rows: items.iter().map(row).collect(),
        }
    }

    /// Labelled figures, one per row.
    fn figures(name: &'static str, title: String, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            name,
            title,
            headers: vec!["Indicateur", "Valeur"],
            rows,
        }
    }
}

fn typology_table(
    name: &'static str,
    title: &str,
    first: &'static str,
    rows: &[CountRow],
) -> Table {
    let row = |r: &CountRow| {
        if is_small(r.count) {
            vec![text(&r.label), text(masked(r.count)), Cell::Blank]
        } else {
            vec![
                text(&r.label),
                Cell::Int(r.count),
                Cell::opt_percent(r.share),
            ]
        }
    };
    let headers = vec![first, "Personnes formées", "Part (%)"];
    Table::listing(name, title.to_owned(), headers, rows, row)
}

pub fn tables(d: &Dashboard) -> Vec<Table> {
    let year = d.filters.year;
    let f = &d.funnel;
    let c = &d.crisis;
    let s = &d.satisfaction;
    let share = |part: i64, whole: i64| super::figures::share(part, whole);
    vec![
        Table::listing(
            "programme",
            format!("Sessions {year} par module, au regard du programme"),
            vec!["Module", "Programme", "Réalisées", "À venir", "Annulées"],
            &d.programme,
            |r| {
                let first = vec![text(&r.module), r.planned.map_or(Cell::Blank, Cell::Int)];
                with_sessions(first, [r.held, r.scheduled, r.cancelled])
            },
        ),
        Table::listing(
            "modalites",
            format!("Sessions {year} par modalité"),
            vec!["Modalité", "Réalisées", "À venir", "Annulées"],
            &d.modes,
            |r| with_sessions(vec![text(&r.mode)], [r.held, r.scheduled, r.cancelled]),
        ),
        Table::listing(
            "annulations",
            format!("Sessions {year} annulées, par motif"),
            vec!["Motif", "Sessions"],
            &d.cancel_reasons,
            |r| vec![text(&r.label), Cell::Int(r.count)],
        ),
        Table::figures(
            "participation",
            format!("Participation {year}"),
            vec![
                figure("Inscriptions confirmées", Cell::Int(f.enrolled)),
                figure(
                    "Au moins une demi-journée suivie",
                    Cell::Int(f.attended_one),
                ),
                figure(
                    "Toutes les demi-journées suivies",
                    Cell::Int(f.attended_all),
                ),
                figure("Personnes formées", Cell::Int(f.people_trained)),
                figure(
                    "Heures-stagiaires",
                    Cell::Real(f.trainee_minutes as f64 / 60.0),
                ),
            ],
        ),
        typology_table(
            "secteurs",
            &format!("Personnes formées en {year} par secteur"),
            "Secteur",
            &d.typology.sectors,
        ),
        typology_table(
            "professions",
            &format!("Personnes formées en {year} par profession"),
            "Profession",
            &d.typology.professions,
        ),
        typology_table(
            "structures",
            &format!("Personnes formées en {year} par structure"),
            "Structure",
            &d.typology.structures,
        ),
        Table::listing(
            "competences",
            format!("Compétences acquises par objectif, {year}"),
            vec![
                "Module",
                "Objectif",
                "Réponses après",
                "À 4 ou 5 sur 5 (%)",
                "Réponses avant et après",
                "Moyenne avant (sur 5)",
                "Moyenne après (sur 5)",
                "Évolution moyenne",
                "Réussite au quiz (%)",
            ],
            &d.skills,
            |r| {
                vec![
                    text(&r.module),
                    text(&r.objective),
                    Cell::Int(r.answered_after),
                    Cell::opt_percent(r.reached_share),
                    Cell::Int(r.paired),
                    Cell::opt_real(r.mean_before),
                    Cell::opt_real(r.mean_after),
                    Cell::opt_real(r.mean_change),
                    Cell::opt_percent(r.quiz_share),
                ]
            },
        ),
        Table::figures(
            "crise",
            format!("Prévention et gestion des situations de crise, {year}"),
            vec![
                figure(
                    "Déclarent savoir prévenir et gérer une crise (4 ou 5 sur 5)",
                    Cell::Int(c.capable),
                ),
                figure(
                    "Part des répondants (%)",
                    Cell::opt_percent(share(c.capable, c.respondents)),
                ),
                figure("Réponses après la formation", Cell::Int(c.respondents)),
                figure(
                    "Taux de réponse (%)",
                    Cell::opt_percent(share(c.respondents, c.trained)),
                ),
                figure("Réponses avant et après", Cell::Int(c.paired)),
                figure("En progrès par rapport à avant", Cell::Int(c.improved)),
            ],
        ),
        Table::figures(
            "satisfaction",
            format!("Satisfaction, {year}"),
            vec![
                figure("Réponses à chaud", Cell::Int(s.hot_responses)),
                figure(
                    "Satisfaction globale (sur 5)",
                    Cell::opt_real(s.overall_mean),
                ),
                figure("Recommanderaient (%)", Cell::opt_percent(s.recommend_rate)),
                figure("Réponses à froid", Cell::Int(s.cold_responses)),
                figure(
                    "Ont utilisé ce qu’ils ont appris (%)",
                    Cell::opt_percent(s.used_rate),
                ),
                figure(
                    "Utilité dans la pratique (sur 5)",
                    Cell::opt_real(s.usefulness_mean),
                ),
            ],
        ),
        Table::figures(
            "partenaires",
            format!("Partenaires impliqués, {year}"),
            vec![
                figure(
                    "Structures avec au moins une personne formée",
                    Cell::Int(d.partners.structures),
                ),
                figure(
                    "Dont nouvelles structures",
                    Cell::Int(d.partners.new_structures),
                ),
            ],
        ),
        Table::listing(
            "evolution",
            "Évolution par année".to_owned(),
            vec![
                "Année",
                "Sessions réalisées",
                "Personnes formées",
                "Heures-stagiaires",
                "Déclarent savoir gérer une crise",
                "Satisfaction globale (sur 5)",
                "Recommandent la formation (%)",
                "À froid : ont utilisé ce qu’ils ont appris (%)",
                "Structures partenaires",
                "Dont nouvelles",
            ],
            &d.trend,
            |r| {
                vec![
                    Cell::Int(i64::from(r.year)),
                    Cell::Int(r.held),
                    Cell::Int(r.people_trained),
                    Cell::Real(r.trainee_minutes as f64 / 60.0),
                    Cell::Int(r.crisis_capable),
                    Cell::opt_real(r.overall_mean),
                    Cell::opt_percent(r.recommend_rate),
                    Cell::opt_percent(r.used_rate),
                    Cell::Int(r.structures),
                    Cell::Int(r.new_structures),
                ]
            },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::types::Typology;

    #[test]
    fn small_typology_cells_are_masked_with_their_share() {
        let d = Dashboard {
            typology: Typology {
                sectors: vec![
                    CountRow {
                        label: "Soin".into(),
                        count: 12,
                        share: Some(0.75),
                    },
                    CountRow {
                        label: "Logement".into(),
                        count: 4,
                        share: Some(0.25),
                    },
                ],
                ..Default::default()
            },
            ..Default::default()
        };
        let t = tables(&d);
        let sectors = t.iter().find(|t| t.name == "secteurs").expect("table");
        assert_eq!(sectors.rows[0][1], Cell::Int(12));
        assert_eq!(sectors.rows[0][2].csv(), "75.0");
        assert_eq!(sectors.rows[1][1], Cell::Text("< 5".into()));
        assert_eq!(sectors.rows[1][2], Cell::Blank);
    }

    #[test]
    fn every_table_has_a_short_ascii_name_and_rows_as_wide_as_headers() {
        for t in tables(&Dashboard::default()) {
            assert!(t.name.len() <= 31 && t.name.is_ascii());
            assert!(
                t.rows.iter().all(|r| r.len() == t.headers.len()),
                "{}",
                t.name
            );
        }
    }
}
