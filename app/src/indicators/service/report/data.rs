//! What the template reads (`data.json`): the report as plain, formatted data.

use serde::Serialize;

/// A name and its value (a filter, a key figure).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub name: String,
    pub value: String,
}

pub(super) fn fact(name: &str, value: impl Into<String>) -> Fact {
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
