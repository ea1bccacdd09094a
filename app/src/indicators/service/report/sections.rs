//! The report's groups of tables, and each export table as printed.

use super::data::ReportTable;
use super::french::cell_text;
use crate::indicators::rules::definitions as def;
use crate::indicators::rules::figures::masked;
use crate::indicators::rules::tables::{Cell, Table};

/// Each group of the report: its title, the definitions printed under it and
/// the export tables it holds, in order. Every table of [`tables`] is in
/// exactly one group (see the tests).
///
/// [`tables`]: crate::indicators::rules::tables::tables
pub(super) const SECTIONS: [(&str, &[&str], &[&str]); 8] = [
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
