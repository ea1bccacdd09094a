//! Unit tests of the annual report: charts, sections, key figures and the PDF.

use chrono::TimeZone;

use super::*;
use crate::indicators::rules::definitions as def;
use crate::indicators::types::{
    CountRow, Crisis, FilterOptions, Filters, Funnel, Partners, ProgrammeRow, SkillRow, Typology,
    YearRow,
};
use crate::pdf::tests::text_string;

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
