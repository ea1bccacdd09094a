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
}

/// A table of labelled figures, one per row, written a row at a time.
struct Figures(Table);

impl Figures {
    fn new(name: &'static str, title: String) -> Figures {
        Figures(Table {
            name,
            title,
            headers: vec!["Indicateur", "Valeur"],
            rows: Vec::new(),
        })
    }

    fn row(mut self, label: &str, value: Cell) -> Figures {
        self.0.rows.push(vec![text(label), value]);
        self
    }

    fn int(self, label: &str, n: i64) -> Figures {
        self.row(label, Cell::Int(n))
    }

    fn real(self, label: &str, v: f64) -> Figures {
        self.row(label, Cell::Real(v))
    }

    fn opt_real(self, label: &str, v: Option<f64>) -> Figures {
        self.row(label, Cell::opt_real(v))
    }

    fn opt_percent(self, label: &str, v: Option<f64>) -> Figures {
        self.row(label, Cell::opt_percent(v))
    }

    fn table(self) -> Table {
        self.0
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
        Figures::new("participation", format!("Participation {year}"))
            .int("Inscriptions confirmées", f.enrolled)
            .int("Au moins une demi-journée suivie", f.attended_one)
            .int("Toutes les demi-journées suivies", f.attended_all)
            .int("Personnes formées", f.people_trained)
            .real("Heures-stagiaires", f.trainee_minutes as f64 / 60.0)
            .table(),
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
                let mut row = vec![
                    text(&r.module),
                    text(&r.objective),
                    Cell::Int(r.answered_after),
                    Cell::opt_percent(r.reached_share),
                    Cell::Int(r.paired),
                ];
                // The means before and after, and the change between them.
                row.extend([r.mean_before, r.mean_after, r.mean_change].map(Cell::opt_real));
                row.push(Cell::opt_percent(r.quiz_share));
                row
            },
        ),
        Figures::new(
            "crise",
            format!("Prévention et gestion des situations de crise, {year}"),
        )
        .int(
            "Déclarent savoir prévenir et gérer une crise (4 ou 5 sur 5)",
            c.capable,
        )
        .opt_percent("Part des répondants (%)", share(c.capable, c.respondents))
        .int("Réponses après la formation", c.respondents)
        .opt_percent("Taux de réponse (%)", share(c.respondents, c.trained))
        .int("Réponses avant et après", c.paired)
        .int("En progrès par rapport à avant", c.improved)
        .table(),
        Figures::new("satisfaction", format!("Satisfaction, {year}"))
            .int("Réponses à chaud", s.hot_responses)
            .opt_real("Satisfaction globale (sur 5)", s.overall_mean)
            .opt_percent("Recommanderaient (%)", s.recommend_rate)
            .int("Réponses à froid", s.cold_responses)
            .opt_percent("Ont utilisé ce qu’ils ont appris (%)", s.used_rate)
            .opt_real("Utilité dans la pratique (sur 5)", s.usefulness_mean)
            .table(),
        Figures::new("partenaires", format!("Partenaires impliqués, {year}"))
            .int(
                "Structures avec au moins une personne formée",
                d.partners.structures,
            )
            .int("Dont nouvelles structures", d.partners.new_structures)
            .table(),
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
