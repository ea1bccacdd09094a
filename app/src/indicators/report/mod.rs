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

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::certificates::service::document::{CARRIER, ORGANISATION};
use crate::error::AppError;
use crate::indicators::rules::definitions as def;
use crate::indicators::rules::figures::{is_small, masked, share};
use crate::indicators::rules::tables::{Cell, Table, tables};
use crate::indicators::types::{Dashboard, YearRow};
use crate::pdf::{Template, render};
use crate::sessions::rules::Mode;
use crate::sessions::rules::calendar::{french_date, to_local};

const TEMPLATE: Template = Template {
    name: "bilan.typ",
    source: include_str!("bilan.typ"),
};

/// No-break space, before « % » and « : ».
const NBSP: char = '\u{a0}';
/// Narrow no-break space, between groups of thousands.
const THIN: char = '\u{202f}';
/// What an empty cell shows.
const NONE: &str = "—";

// ---------------------------------------------------------------------------
// French numbers

/// Digits grouped by thousands with a narrow no-break space, from five
/// digits on (« 2031 », « 12 345 »): years and four-digit counts stay whole.
fn grouped(digits: &str) -> String {
    if digits.len() < 5 {
        return digits.to_owned();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(THIN);
        }
        out.push(c);
    }
    out
}

/// A whole number: « 4 », « 2031 », « 12 345 », « −3 ».
pub fn integer(n: i64) -> String {
    let digits = grouped(&n.unsigned_abs().to_string());
    if n < 0 {
        format!("−{digits}")
    } else {
        digits
    }
}

/// One decimal with a comma: « 3,5 », « 21,0 », « −0,5 », « 12 345,7 ».
pub fn decimal(v: f64) -> String {
    if !v.is_finite() {
        return NONE.to_owned();
    }
    let text = format!("{:.1}", v.abs());
    let (whole, tenth) = text.split_once('.').unwrap_or((text.as_str(), "0"));
    let sign = if v < 0.0 && text != "0.0" { "−" } else { "" };
    format!("{sign}{},{tenth}", grouped(whole))
}

/// A share (0–1) as a percentage: « 66,7 % » (no-break space before « % »).
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return NONE.to_owned();
    }
    format!("{}{NBSP}%", decimal(share * 100.0))
}

/// A table cell as printed.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Int(n) => integer(*n),
        Cell::Real(v) => decimal(*v),
        Cell::Percent(v) => percent(*v),
        Cell::Blank => NONE.to_owned(),
    }
}

/// « 1 personne », « 0 personne », « 3 personnes ».
fn people(n: i64) -> String {
    let noun = if n.abs() > 1 { "personnes" } else { "personne" };
    format!("{} {noun}", integer(n))
}

// ---------------------------------------------------------------------------
// What the template reads (`data.json`)

/// A name and its value (a filter, a key figure).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub name: String,
    pub value: String,
}

fn fact(name: &str, value: impl Into<String>) -> Fact {
    Fact {
        name: name.to_owned(),
        value: value.into(),
    }
}

/// A table as printed: every value already formatted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportTable {
    /// The export's table name (`programme`, `secteurs`…).
    pub name: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    /// Per column: numbers (aligned right, narrower) or text.
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// Printed instead of the table when it has no row.
    pub empty: &'static str,
}

/// How a chart is drawn: horizontal bars, or one column per group (years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    Bars,
    Columns,
}

/// One bar: its series (index in [`Chart::series`]), its length as a share
/// of the longest possible (0–1), and the text printed beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub series: usize,
    pub ratio: f64,
    pub text: String,
}

/// The bars of one label (a module, a sector, an objective, a year).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub label: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub kind: ChartKind,
    pub caption: String,
    /// The alternative text: the caption and every value, for screen readers.
    pub alt: String,
    /// The legend (one name per series).
    pub series: Vec<&'static str>,
    pub groups: Vec<Group>,
    pub note: Option<String>,
    /// The table printed right after the chart, holding its data.
    pub table: &'static str,
}

/// A group of indicators: its definitions, an optional key sentence, its
/// charts, then its tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub title: &'static str,
    pub definitions: Vec<&'static str>,
    pub lead: Option<String>,
    /// Each followed by its data table, the section's first.
    pub charts: Vec<Chart>,
    pub tables: Vec<ReportTable>,
}

/// Everything the report prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub title: String,
    pub year: i32,
    pub organisation: &'static str,
    pub carrier: &'static str,
    /// « Édité le mardi 16 avril 2030 ».
    pub edited: String,
    pub filters: Vec<Fact>,
    pub highlights: Vec<Fact>,
    pub sections: Vec<Section>,
}

// ---------------------------------------------------------------------------
// Tables and sections

/// Each group of the report: its title, the definitions printed under it and
/// the export tables it holds, in order. Every table of [`tables`] is in
/// exactly one group (see the tests).
const SECTIONS: [(&str, &[&str], &[&str]); 8] = [
    (
        "Sessions au regard du programme",
        &[def::SESSIONS],
        &["programme", "modalites", "annulations"],
    ),
    (
        "Participation",
        &[def::FUNNEL, def::TRAINED, def::HOURS],
        &["participation"],
    ),
    (
        "Typologie des personnes formées",
        &[def::TYPOLOGY],
        &["secteurs", "professions", "structures"],
    ),
    (
        "Compétences acquises par objectif",
        &[def::SKILLS],
        &["competences"],
    ),
    (
        "Prévention et gestion des situations de crise",
        &[def::CRISIS],
        &["crise"],
    ),
    ("Satisfaction", &[def::SATISFACTION], &["satisfaction"]),
    ("Partenaires impliqués", &[def::PARTNERS], &["partenaires"]),
    ("Évolution par année", &[def::TREND], &["evolution"]),
];

/// A column holds numbers when each of its cells is a number, blank, or a
/// masked small count.
fn is_numeric(cell: &Cell) -> bool {
    match cell {
        Cell::Text(t) => t == &masked(1),
        _ => true,
    }
}

/// An export table as printed. The « (%) » of headers, and of the labels of
/// the « Indicateur / Valeur » tables, goes: the cells carry their « % ».
pub fn report_table(t: &Table) -> ReportTable {
    let numeric = (0..t.headers.len())
        .map(|i| t.rows.iter().all(|r| r.get(i).is_none_or(is_numeric)))
        .collect();
    let figures = t.headers == ["Indicateur", "Valeur"];
    let text = |cell: &Cell| match cell {
        Cell::Text(label) if figures => label.replace(" (%)", ""),
        other => cell_text(other),
    };
    ReportTable {
        name: t.name,
        title: t.title.clone(),
        headers: t.headers.iter().map(|h| h.replace(" (%)", "")).collect(),
        numeric,
        rows: t
            .rows
            .iter()
            .map(|r| r.iter().map(text).collect())
            .collect(),
        empty: match t.name {
            "annulations" => "Aucune session annulée.",
            _ => "Aucune donnée pour cette sélection.",
        },
    }
}

// ---------------------------------------------------------------------------
// Charts

/// `value` as a share of `top` (0–1); nothing to scale draws nothing.
pub fn ratio(value: f64, top: f64) -> f64 {
    if top > 0.0 && value.is_finite() {
        (value.max(0.0) / top).min(1.0)
    } else {
        0.0
    }
}

/// The alternative text: the caption, then each label with its values.
fn alt_text(caption: &str, groups: &[Group], note: Option<&str>) -> String {
    let values = groups
        .iter()
        .map(|g| {
            let bars: Vec<&str> = g.bars.iter().map(|b| b.text.as_str()).collect();
            format!("{}{NBSP}: {}", g.label, bars.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let mut alt = format!("{caption}. {values}.");
    if let Some(note) = note {
        alt.push(' ');
        alt.push_str(note);
    }
    alt
}

fn chart(
    kind: ChartKind,
    caption: String,
    series: Vec<&'static str>,
    groups: Vec<Group>,
    note: Option<String>,
    table: &'static str,
) -> Option<Chart> {
    if groups.is_empty() {
        return None;
    }
    Some(Chart {
        kind,
        alt: alt_text(&caption, &groups, note.as_deref()),
        caption,
        series,
        groups,
        note,
        table,
    })
}

/// Sessions held against the programme, per module (two bars each; the
/// programme is left out when a filter makes it not comparable).
pub fn sessions_chart(d: &Dashboard) -> Option<Chart> {
    let top = d
        .programme
        .iter()
        .flat_map(|p| [p.planned.unwrap_or(0), p.held])
        .max()
        .unwrap_or(0) as f64;
    let groups = d
        .programme
        .iter()
        .map(|p| {
            let planned = p.planned.map(|n| Bar {
                series: 0,
                ratio: ratio(n as f64, top),
                text: format!("programme {}", integer(n)),
            });
            let held = Bar {
                series: 1,
                ratio: ratio(p.held as f64, top),
                text: format!("réalisées {}", integer(p.held)),
            };
            Group {
                label: p.module.clone(),
                bars: planned.into_iter().chain([held]).collect(),
            }
        })
        .collect();
    let note = d.programme.iter().any(|p| p.planned.is_none()).then(|| {
        "Le programme, fixé par module, n’est pas comparé lorsqu’un filtre de modalité ou de formateur est actif."
            .to_owned()
    });
    chart(
        ChartKind::Bars,
        format!(
            "Sessions {} réalisées et programmées, par module",
            d.filters.year
        ),
        vec!["Programme", "Réalisées"],
        groups,
        note,
        "programme",
    )
}

/// People trained per sector; a small cell gets no bar, only « < 5 ».
pub fn sectors_chart(d: &Dashboard) -> Option<Chart> {
    let rows = &d.typology.sectors;
    let top = rows
        .iter()
        .filter(|r| !is_small(r.count))
        .map(|r| r.count)
        .max()
        .unwrap_or(0) as f64;
    let groups = rows
        .iter()
        .map(|r| {
            let bar = if is_small(r.count) {
                Bar {
                    series: 0,
                    ratio: 0.0,
                    text: masked(r.count),
                }
            } else {
                Bar {
                    series: 0,
                    ratio: ratio(r.count as f64, top),
                    text: integer(r.count),
                }
            };
            Group {
                label: r.label.clone(),
                bars: vec![bar],
            }
        })
        .collect();
    let note = rows.iter().any(|r| is_small(r.count)).then(|| {
        "Les effectifs de moins de 5 personnes sont masqués (« < 5 ») : aucune barre n’est tracée pour eux."
            .to_owned()
    });
    chart(
        ChartKind::Bars,
        format!("Personnes formées en {} par secteur", d.filters.year),
        vec!["Personnes formées"],
        groups,
        note,
        "secteurs",
    )
}

/// The mean self-assessment before and after the course, per objective (on
/// 5, people who answered both), two bars each.
pub fn skills_chart(d: &Dashboard) -> Option<Chart> {
    let first = d.skills.first().map(|s| s.module.as_str());
    let several_modules = d.skills.iter().any(|s| Some(s.module.as_str()) != first);
    let groups = d
        .skills
        .iter()
        .filter_map(|s| {
            let (before, after) = (s.mean_before?, s.mean_after?);
            Some(Group {
                label: if several_modules {
                    format!("{} — {}", s.module, s.objective)
                } else {
                    s.objective.clone()
                },
                bars: vec![
                    Bar {
                        series: 0,
                        ratio: ratio(before, 5.0),
                        text: format!("avant {}", decimal(before)),
                    },
                    Bar {
                        series: 1,
                        ratio: ratio(after, 5.0),
                        text: format!("après {}", decimal(after)),
                    },
                ],
            })
        })
        .collect();
    chart(
        ChartKind::Bars,
        "Auto-évaluation moyenne avant et après la formation, par objectif (sur 5, personnes ayant répondu aux deux)".to_owned(),
        vec!["Avant la formation", "Après la formation"],
        groups,
        None,
        "competences",
    )
}

/// One column per year of `value`.
fn yearly(
    d: &Dashboard,
    caption: &str,
    series: &'static str,
    value: fn(&YearRow) -> i64,
) -> Option<Chart> {
    let top = d.trend.iter().map(value).max().unwrap_or(0) as f64;
    let groups = d
        .trend
        .iter()
        .map(|r| Group {
            label: r.year.to_string(),
            bars: vec![Bar {
                series: 0,
                ratio: ratio(value(r) as f64, top),
                text: integer(value(r)),
            }],
        })
        .collect();
    chart(
        ChartKind::Columns,
        caption.to_owned(),
        vec![series],
        groups,
        None,
        "evolution",
    )
}

/// People trained per year, one column each.
pub fn trend_chart(d: &Dashboard) -> Option<Chart> {
    yearly(
        d,
        "Personnes formées par année",
        "Personnes formées",
        |r| r.people_trained,
    )
}

/// People who declare they can prevent and manage a crisis, per year.
pub fn crisis_trend_chart(d: &Dashboard) -> Option<Chart> {
    yearly(
        d,
        "Personnes déclarant savoir prévenir et gérer une crise, par année",
        "Déclarent savoir gérer une crise",
        |r| r.crisis_capable,
    )
}

// ---------------------------------------------------------------------------
// The whole report

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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::indicators::types::{
        CountRow, Crisis, FilterOptions, Filters, Funnel, Partners, ProgrammeRow, SkillRow,
        Typology, YearRow,
    };

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2032, 1, 15).expect("day")
    }

    fn skill(module: &str, objective: &str, before: Option<f64>, after: Option<f64>) -> SkillRow {
        SkillRow {
            module: module.into(),
            objective: objective.into(),
            answered_after: 3,
            reached_share: Some(2.0 / 3.0),
            paired: 2,
            mean_before: before,
            mean_after: after,
            mean_change: Some(1.0),
            quiz_share: Some(1.0),
        }
    }

    fn count(label: &str, count: i64, share: f64) -> CountRow {
        CountRow {
            label: label.into(),
            count,
            share: Some(share),
        }
    }

    /// A year shaped like the integration fixture, with one large sector.
    fn dashboard() -> Dashboard {
        Dashboard {
            filters: Filters {
                year: 2031,
                ..Default::default()
            },
            options: FilterOptions {
                years: vec![2031, 2030],
                modules: vec![(1, "Module des indicateurs".into())],
                trainers: vec![(7, "Claire Formatrice".into())],
            },
            programme: vec![
                ProgrammeRow {
                    module: "Module des indicateurs".into(),
                    planned: Some(3),
                    held: 2,
                    scheduled: 1,
                    cancelled: 1,
                },
                ProgrammeRow {
                    module: "Module sans session".into(),
                    planned: Some(2),
                    held: 0,
                    scheduled: 0,
                    cancelled: 0,
                },
            ],
            funnel: Funnel {
                enrolled: 7,
                attended_one: 5,
                attended_all: 4,
                people_trained: 4,
                trainee_minutes: 1260,
            },
            typology: Typology {
                sectors: vec![count("Soin", 12, 0.75), count("Logement", 4, 0.25)],
                ..Default::default()
            },
            skills: vec![
                skill("M", "Repérer les signes", Some(2.5), Some(3.5)),
                skill("M", "Orienter", None, Some(4.0)),
            ],
            crisis: Crisis {
                trained: 5,
                respondents: 3,
                capable: 2,
                paired: 2,
                improved: 2,
            },
            partners: Partners {
                structures: 2,
                new_structures: 1,
            },
            trend: vec![
                YearRow {
                    year: 2030,
                    people_trained: 1,
                    ..Default::default()
                },
                YearRow {
                    year: 2031,
                    people_trained: 4,
                    crisis_capable: 2,
                    ..Default::default()
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn numbers_read_the_french_way() {
        assert_eq!(integer(4), "4");
        assert_eq!(integer(2031), "2031", "years are never split");
        assert_eq!(integer(12345), "12\u{202f}345");
        assert_eq!(integer(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(integer(-3), "−3");
        assert_eq!(decimal(3.5), "3,5");
        assert_eq!(decimal(21.0), "21,0");
        assert_eq!(decimal(-0.5), "−0,5");
        assert_eq!(decimal(-0.01), "0,0", "no negative zero");
        assert_eq!(decimal(12345.67), "12\u{202f}345,7");
        assert_eq!(decimal(f64::NAN), "—");
        assert_eq!(percent(2.0 / 3.0), "66,7\u{a0}%");
        assert_eq!(percent(1.0), "100,0\u{a0}%");
        assert_eq!(percent(0.0), "0,0\u{a0}%");
        assert_eq!(cell_text(&Cell::Blank), "—");
        assert_eq!(cell_text(&Cell::Percent(0.5)), "50,0\u{a0}%");
        assert_eq!(cell_text(&Cell::Text("< 5".into())), "< 5");
        assert_eq!(people(1), "1 personne");
        assert_eq!(people(0), "0 personne");
        assert_eq!(people(2), "2 personnes");
    }

    #[test]
    fn sessions_chart_puts_the_programme_beside_what_was_held() {
        let c = sessions_chart(&dashboard()).expect("chart");
        assert_eq!(c.groups.len(), 2);
        let m = &c.groups[0];
        assert_eq!(m.label, "Module des indicateurs");
        assert_eq!(
            m.bars,
            [
                Bar {
                    series: 0,
                    ratio: 1.0,
                    text: "programme 3".into()
                },
                Bar {
                    series: 1,
                    ratio: 2.0 / 3.0,
                    text: "réalisées 2".into()
                },
            ]
        );
        assert_eq!(c.groups[1].bars[1].ratio, 0.0);
        assert_eq!(c.table, "programme");
        assert!(c.note.is_none());
        assert!(
            c.alt.contains("Module des indicateurs\u{a0}: programme 3, réalisées 2 ; Module sans session\u{a0}: programme 2, réalisées 0."),
            "{}",
            c.alt
        );

        // A mode filter: no programme bar, and the chart says why.
        let mut d = dashboard();
        for p in &mut d.programme {
            p.planned = None;
        }
        let c = sessions_chart(&d).expect("chart");
        assert_eq!(c.groups[0].bars.len(), 1);
        assert_eq!(c.groups[0].bars[0].ratio, 1.0);
        assert!(c.note.as_deref().is_some_and(|n| n.contains("filtre")));
        assert!(c.alt.contains("n’est pas comparé"));
    }

    #[test]
    fn small_sectors_get_no_bar_and_are_masked_everywhere() {
        let d = dashboard();
        let c = sectors_chart(&d).expect("chart");
        assert_eq!(c.groups[0].bars[0].ratio, 1.0);
        assert_eq!(c.groups[0].bars[0].text, "12");
        assert_eq!(c.groups[1].bars[0].ratio, 0.0, "no bar for a small cell");
        assert_eq!(c.groups[1].bars[0].text, "< 5");
        assert!(
            !c.alt.contains('4'),
            "the small count never shows: {}",
            c.alt
        );
        assert!(c.note.is_some());
        let r = build(&d, day());
        let sectors = r
            .sections
            .iter()
            .flat_map(|s| &s.tables)
            .find(|t| t.name == "secteurs")
            .expect("table");
        assert_eq!(sectors.rows[1], ["Logement", "< 5", "—"]);
        assert_eq!(sectors.rows[0], ["Soin", "12", "75,0\u{a0}%"]);
        assert_eq!(sectors.headers, ["Secteur", "Personnes formées", "Part"]);
        assert_eq!(sectors.numeric, [false, true, true]);
    }

    #[test]
    fn skills_chart_pairs_before_and_after_on_five() {
        let c = skills_chart(&dashboard()).expect("chart");
        assert_eq!(c.groups.len(), 1, "an objective without pairs is left out");
        let g = &c.groups[0];
        assert_eq!(g.label, "Repérer les signes");
        assert_eq!((g.bars[0].ratio, g.bars[1].ratio), (0.5, 0.7));
        assert_eq!(
            (g.bars[0].text.as_str(), g.bars[1].text.as_str()),
            ("avant 2,5", "après 3,5")
        );

        let mut d = dashboard();
        d.skills.push(skill("N", "Orienter", Some(1.0), Some(5.0)));
        let c = skills_chart(&d).expect("chart");
        assert_eq!(
            c.groups[1].label, "N — Orienter",
            "the module tells objectives apart"
        );
        d.skills.clear();
        assert!(skills_chart(&d).is_none(), "nothing to draw, no chart");
    }

    #[test]
    fn trend_chart_has_one_column_per_year() {
        let c = trend_chart(&dashboard()).expect("chart");
        assert_eq!(c.kind, ChartKind::Columns);
        let years: Vec<(&str, f64, &str)> = c
            .groups
            .iter()
            .map(|g| (g.label.as_str(), g.bars[0].ratio, g.bars[0].text.as_str()))
            .collect();
        assert_eq!(years, [("2030", 0.25, "1"), ("2031", 1.0, "4")]);
        let c = crisis_trend_chart(&dashboard()).expect("chart");
        let years: Vec<(&str, f64, &str)> = c
            .groups
            .iter()
            .map(|g| (g.label.as_str(), g.bars[0].ratio, g.bars[0].text.as_str()))
            .collect();
        assert_eq!(years, [("2030", 0.0, "0"), ("2031", 1.0, "2")]);
        assert_eq!(c.table, "evolution");
        assert!(
            trend_chart(&Dashboard::default()).is_none(),
            "no year, no chart"
        );
        assert_eq!(ratio(3.0, 0.0), 0.0);
        assert_eq!(ratio(-1.0, 4.0), 0.0);
    }

    #[test]
    fn every_table_is_printed_once_under_a_definition_and_charts_precede_their_table() {
        let d = dashboard();
        let r = build(&d, day());
        let printed: Vec<&str> = r
            .sections
            .iter()
            .flat_map(|s| s.tables.iter().map(|t| t.name))
            .collect();
        let exported: Vec<&str> = tables(&d).iter().map(|t| t.name).collect();
        assert_eq!(printed, exported, "same tables, same order, once each");
        for s in &r.sections {
            assert!(!s.definitions.is_empty(), "{}", s.title);
            for c in &s.charts {
                assert_eq!(s.tables.first().map(|t| t.name), Some(c.table));
            }
            for t in &s.tables {
                assert_eq!(t.numeric.len(), t.headers.len());
                assert!(t.rows.iter().all(|row| row.len() == t.headers.len()));
            }
        }
        let crisis_table = r
            .sections
            .iter()
            .flat_map(|s| &s.tables)
            .find(|t| t.name == "crise")
            .expect("table");
        assert_eq!(crisis_table.rows[1], ["Part des répondants", "66,7\u{a0}%"]);
        assert_eq!(crisis_table.numeric, [false, true]);
        let charts = r.sections.iter().map(|s| s.charts.len()).sum::<usize>();
        assert_eq!(charts, 5);
        let crisis = r
            .sections
            .iter()
            .find(|s| s.title.contains("crise"))
            .expect("crisis");
        assert_eq!(crisis.definitions, [def::CRISIS]);
    }

    #[test]
    fn the_report_names_its_year_filters_and_key_figures() {
        let mut d = dashboard();
        let r = build(&d, day());
        assert_eq!(
            r.title,
            "Bilan annuel 2031 — Sensibilisation en santé mentale"
        );
        assert_eq!(r.edited, "Édité le jeudi 15 janvier 2032");
        assert_eq!(r.organisation, ORGANISATION);
        let values: Vec<&str> = r.filters.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "2031",
                "Tous les modules",
                "Toutes les modalités",
                "Tous les formateurs et formatrices"
            ]
        );
        let figures: Vec<&str> = r.highlights.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(
            figures,
            [
                "2 (programme\u{a0}: 5)",
                "4",
                "21,0",
                "2 sur 3 répondants (66,7\u{a0}%)",
                "2 (dont nouvelles\u{a0}: 1)"
            ]
        );
        assert_eq!(
            crisis_sentence(&d),
            "2 personnes sur 3 ayant répondu après la formation (66,7\u{a0}%) déclarent avoir acquis des connaissances et compétences pour prévenir et gérer les situations de crise (4 ou 5 sur 5) ; 2 sont en progrès par rapport à leur auto-évaluation avant la formation."
        );

        d.filters.module_id = Some(1);
        d.filters.mode = Some("distanciel".into());
        d.filters.trainer_id = Some(7);
        let values: Vec<String> = filter_facts(&d).into_iter().map(|f| f.value).collect();
        assert_eq!(
            values,
            [
                "2031",
                "Module des indicateurs",
                "Distanciel",
                "Claire Formatrice"
            ]
        );
        d.filters.module_id = Some(99);
        assert_eq!(filter_facts(&d)[1].value, "Module n° 99");

        d.crisis = Crisis {
            trained: 1,
            respondents: 1,
            capable: 1,
            paired: 1,
            improved: 0,
        };
        assert!(crisis_sentence(&d).starts_with(
            "1 personne sur 1 ayant répondu après la formation (100,0\u{a0}%) déclare avoir"
        ));
        assert!(crisis_sentence(&d).contains("; 0 est en progrès"));
        assert_eq!(highlights(&d)[3].value, "1 sur 1 répondant (100,0\u{a0}%)");
        assert_eq!(file_name(2031), "bilan-indicateurs-2031.pdf");
    }

    fn text_of(pdf: &[u8]) -> String {
        pdf_extract::extract_text_from_mem(pdf)
            .expect("text")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2032, 1, 15, 10, 0, 0)
            .single()
            .expect("instant")
    }

    #[test]
    fn the_pdf_compiles_as_pdf_ua_with_every_figure_and_definition() {
        let mut d = dashboard();
        d.typology.structures = vec![count("Structure #panic(\"x\") ] *a*", 6, 1.0)];
        let pdf = report_pdf(&d, now()).expect("the template compiles to PDF/UA-1");
        assert!(pdf.starts_with(b"%PDF-"));
        let text = text_of(&pdf);
        for expected in [
            "Bilan annuel 2031 — Sensibilisation en santé mentale",
            "Conseil local de santé mentale (CLSM) de Metz",
            "Tous les modules",
            "jeudi 15 janvier 2032",
            "Sessions 2031 par module, au regard du programme",
            "Personnes formées en 2031 par secteur",
            "66,7 %",
            "< 5",
            "avant 2,5",
            "Structure #panic(\"x\") ] *a*",
            "Les effectifs de moins de 5 personnes",
            "Évolution par année",
            "pour protéger l’anonymat",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from {text:?}"
            );
        }
    }

    /// A PDF text string: UTF-16BE with its mark, or (ASCII) PDFDocEncoding.
    fn text_string(bytes: &[u8]) -> String {
        match bytes.strip_prefix(&[0xFE, 0xFF]) {
            Some(utf16) => String::from_utf16_lossy(
                &utf16
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
                    .collect::<Vec<_>>(),
            ),
            None => bytes.iter().map(|b| char::from(*b)).collect(),
        }
    }

    #[test]
    fn each_chart_is_a_tagged_figure_with_its_alternative_text() {
        let d = dashboard();
        let pdf = report_pdf(&d, now()).expect("pdf");
        let doc = pdf_extract::Document::load_mem(&pdf).expect("parse");
        let mut figures: Vec<String> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure"))
            .filter_map(|d| d.get(b"Alt").and_then(|a| a.as_str()).ok())
            .map(text_string)
            .collect();
        let mut expected: Vec<String> = build(&d, day())
            .sections
            .into_iter()
            .flat_map(|s| s.charts.into_iter().map(|c| c.alt))
            .collect();
        assert_eq!(expected.len(), 5);
        assert!(
            expected.iter().any(|a| a.contains("Logement\u{a0}: < 5")),
            "{expected:?}"
        );
        figures.sort();
        expected.sort();
        assert_eq!(figures, expected);
    }

    #[test]
    fn an_empty_year_still_prints() {
        let d = Dashboard {
            filters: Filters {
                year: 2040,
                mode: Some("hybride".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let pdf = report_pdf(&d, now()).expect("pdf");
        let text = text_of(&pdf);
        assert!(text.contains("Bilan annuel 2040"), "{text}");
        assert!(text.contains("Aucune session annulée."), "{text}");
        assert!(text.contains("Hybride"), "{text}");
    }
}
