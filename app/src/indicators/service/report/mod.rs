//! The annual report (« bilan annuel ») of the coordinator's indicators, as
//! a tagged PDF (template `bilan.typ`, through the shared Typst engine).
//!
//! The report prints the same tables as the CSV and XLSX exports
//! ([`tables`], typology cells under 5 already masked), each group of tables
//! under its written definition, and five charts drawn by Typst from plain
//! numbers computed here (bars scaled to 0–1, never an image): sessions held
//! against the programme, people trained per sector, self-assessment before
//! and after per objective, people trained and people who declare they can
//! manage a crisis per year. Each chart carries an alternative text listing
//! its values and is followed by its data table.
//!
//! Every number is formatted here, the French way (« 66,7 % », « 12 345 »),
//! so the template only places text; no value is ever evaluated as markup.

mod charts;
mod data;
mod french;
mod sections;
#[cfg(test)]
mod tests;

use chrono::{DateTime, NaiveDate, Utc};

use crate::calendar::{french_date, to_local};
use crate::error::AppError;
use crate::indicators::rules::figures::share;
use crate::indicators::rules::tables::tables;
use crate::indicators::types::Dashboard;
use crate::organisation::{CARRIER, FORMAL_NAME as ORGANISATION};
use crate::pdf::{Template, render};
use crate::sessions::rules::Mode;

pub use charts::{
    crisis_trend_chart, ratio, sectors_chart, sessions_chart, skills_chart, trend_chart,
};
use data::fact;
pub use data::{Bar, Chart, ChartKind, Fact, Group, Report, ReportTable, Section};
use french::{NBSP, people};
pub use french::{cell_text, decimal, integer, percent};
use sections::SECTIONS;
pub use sections::report_table;

const TEMPLATE: Template = Template {
    name: "bilan.typ",
    source: include_str!("bilan.typ"),
};

/// The filters as read in the report: names, or « tous ».
pub fn filter_facts(d: &Dashboard) -> Vec<Fact> {
    let f = &d.filters;
    let named = |options: &[(i32, String)], id: i32, what: &str| {
        options
            .iter()
            .find(|(i, _)| *i == id)
            .map_or_else(|| format!("{what} n° {id}"), |(_, name)| name.clone())
    };
    vec![
        fact("Année de programme", f.year.to_string()),
        fact(
            "Module",
            f.module_id.map_or("Tous les modules".to_owned(), |id| {
                named(&d.options.modules, id, "Module")
            }),
        ),
        fact(
            "Modalité",
            f.mode
                .as_deref()
                .map_or("Toutes les modalités".to_owned(), |code| {
                    Mode::from_code(code).map_or(code.to_owned(), |m| m.label().to_owned())
                }),
        ),
        fact(
            "Formateur ou formatrice",
            f.trainer_id
                .map_or("Tous les formateurs et formatrices".to_owned(), |id| {
                    named(&d.options.trainers, id, "Personne")
                }),
        ),
    ]
}

/// The crisis indicator of fiche 14, in one sentence.
pub fn crisis_sentence(d: &Dashboard) -> String {
    let c = &d.crisis;
    let verb = if c.capable > 1 {
        "déclarent"
    } else {
        "déclare"
    };
    let rate = share(c.capable, c.respondents)
        .map(|s| format!(" ({})", percent(s)))
        .unwrap_or_default();
    let improved = if c.improved > 1 {
        "sont en progrès"
    } else {
        "est en progrès"
    };
    format!(
        "{} sur {} ayant répondu après la formation{rate} {verb} avoir acquis des connaissances et compétences pour prévenir et gérer les situations de crise (4 ou 5 sur 5) ; {} {improved} par rapport à leur auto-évaluation avant la formation.",
        people(c.capable),
        integer(c.respondents),
        integer(c.improved),
    )
}

/// The key figures printed first.
pub fn highlights(d: &Dashboard) -> Vec<Fact> {
    let held: i64 = d.programme.iter().map(|p| p.held).sum();
    let planned: Option<i64> = d.programme.iter().map(|p| p.planned).sum();
    let sessions = match planned {
        Some(p) if !d.programme.is_empty() => {
            format!("{} (programme{NBSP}: {})", integer(held), integer(p))
        }
        _ => integer(held),
    };
    let c = &d.crisis;
    let crisis = match share(c.capable, c.respondents) {
        Some(s) => format!(
            "{} sur {} {} ({})",
            integer(c.capable),
            integer(c.respondents),
            if c.respondents > 1 {
                "répondants"
            } else {
                "répondant"
            },
            percent(s),
        ),
        None => integer(c.capable),
    };
    vec![
        fact("Sessions réalisées", sessions),
        fact("Personnes formées", integer(d.funnel.people_trained)),
        fact(
            "Heures-stagiaires",
            decimal(d.funnel.trainee_minutes as f64 / 60.0),
        ),
        fact(
            "Déclarent savoir prévenir et gérer une situation de crise",
            crisis,
        ),
        fact(
            "Structures partenaires",
            format!(
                "{} (dont nouvelles{NBSP}: {})",
                integer(d.partners.structures),
                integer(d.partners.new_structures)
            ),
        ),
    ]
}

/// The report of `d`, edited on `today` (a Metz day).
pub fn build(d: &Dashboard, today: NaiveDate) -> Report {
    let all = tables(d);
    let year = d.filters.year;
    let sections = SECTIONS
        .iter()
        .map(|(title, definitions, names)| {
            let charts = match names.first().copied() {
                Some("programme") => vec![sessions_chart(d)],
                Some("secteurs") => vec![sectors_chart(d)],
                Some("competences") => vec![skills_chart(d)],
                Some("evolution") => vec![trend_chart(d), crisis_trend_chart(d)],
                _ => vec![],
            };
            Section {
                title,
                definitions: definitions.to_vec(),
                lead: (names.first() == Some(&"crise")).then(|| crisis_sentence(d)),
                charts: charts.into_iter().flatten().collect(),
                tables: names
                    .iter()
                    .filter_map(|n| all.iter().find(|t| t.name == *n))
                    .map(report_table)
                    .collect(),
            }
        })
        .collect();
    Report {
        title: format!("Bilan annuel {year} — Sensibilisation en santé mentale"),
        year,
        organisation: ORGANISATION,
        carrier: CARRIER,
        edited: format!("Édité le {}", french_date(today)),
        filters: filter_facts(d),
        highlights: highlights(d),
        sections,
    }
}

/// The file the coordinator downloads.
pub fn file_name(year: i32) -> String {
    format!("bilan-indicateurs-{year}.pdf")
}

/// The annual report of `d` as PDF, edited `now`. CPU-bound (tens of
/// milliseconds): call from `spawn_blocking`.
pub fn report_pdf(d: &Dashboard, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    let report = build(d, to_local(now).date());
    render(TEMPLATE, &report, now).map_err(AppError::internal)
}
