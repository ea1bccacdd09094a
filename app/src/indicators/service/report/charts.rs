//! The report's charts: bars scaled to 0–1, with their alternative text.

use super::data::{Bar, Chart, ChartKind, Group};
use super::french::{NBSP, decimal, integer};
use crate::indicators::rules::charts::typology_rows;
use crate::indicators::rules::figures::is_small;
use crate::indicators::types::{Dashboard, YearRow};

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

/// People trained per sector, from the same masked figures as the table
/// (`rules::charts::typology_rows`): a small cell gets no bar, only « < 5 ».
pub fn sectors_chart(d: &Dashboard) -> Option<Chart> {
    let rows = &d.typology.sectors;
    let shown = typology_rows(rows);
    let top = shown.iter().filter_map(|r| r.value).fold(0.0, f64::max);
    let groups = shown
        .into_iter()
        .map(|r| {
            let bar = Bar {
                series: 0,
                ratio: r.value.map_or(0.0, |v| ratio(v, top)),
                text: r.value.map_or(r.text, |v| integer(v as i64)),
            };
            Group {
                label: r.label,
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
