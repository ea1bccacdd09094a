//! The geometry of the dashboard's SVG charts, as plain numbers: horizontal
//! bars scaled to the largest value, and the points of a year-over-year line.
//! A chart shows no more than the tables: the typology's small cells are
//! masked the same way (`figures::masked`), with no bar.

use super::figures::{is_small, masked};
use crate::indicators::types::CountRow;

/// One row of a bar chart as it may be shown: `value` is `None` for a masked
/// cell (it gets no bar); `text` is what is printed beside the bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub label: String,
    pub value: Option<f64>,
    pub text: String,
}

impl Shown {
    /// A value shown as it is.
    pub fn plain(label: impl Into<String>, value: f64) -> Shown {
        Shown {
            label: label.into(),
            value: Some(value),
            text: number(value),
        }
    }
}

/// The typology lines as a chart may show them: exactly what the tables
/// show (`tables::typology_table`): a small cell reads « < 5 » and has no bar.
pub fn typology_rows(rows: &[CountRow]) -> Vec<Shown> {
    rows.iter()
        .map(|r| {
            if is_small(r.count) {
                Shown {
                    label: r.label.clone(),
                    value: None,
                    text: masked(r.count),
                }
            } else {
                Shown::plain(r.label.clone(), r.count as f64)
            }
        })
        .collect()
}

/// One bar: its length in the drawing's units, its vertical place and the
/// text beside it; a masked row has no bar (`length` 0, `drawn` false).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub text: String,
    pub drawn: bool,
    pub y: f64,
    pub length: f64,
}

/// Bars of `rows`, the largest shown value `span` long, one every `step` units.
pub fn bars(rows: &[Shown], span: f64, step: f64) -> Vec<Bar> {
    let top = rows.iter().filter_map(|r| r.value).fold(0.0, f64::max);
    rows.iter()
        .enumerate()
        .map(|(i, r)| Bar {
            label: r.label.clone(),
            text: r.text.clone(),
            drawn: r.value.is_some(),
            y: i as f64 * step,
            length: match r.value {
                Some(v) if top > 0.0 => v.max(0.0) / top * span,
                _ => 0.0,
            },
        })
        .collect()
}

/// A number as the charts print it: « 12 », « 3,5 ».
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}").replace('.', ",")
    }
}

/// SVG `points` of a line through `values`, spread over `width` and scaled
/// so that the largest value touches the top of `height` (y grows downward).
pub fn line_points(values: &[f64], width: f64, height: f64) -> String {
    let top = values.iter().copied().fold(0.0, f64::max);
    let step = if values.len() > 1 {
        width / (values.len() - 1) as f64
    } else {
        0.0
    };
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let y = if top > 0.0 {
                height - v.max(0.0) / top * height
            } else {
                height
            };
            format!("{:.1},{:.1}", i as f64 * step, y)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(values: &[(&str, f64)]) -> Vec<Shown> {
        values.iter().map(|(l, v)| Shown::plain(*l, *v)).collect()
    }

    #[test]
    fn the_largest_bar_spans_the_width() {
        let b = bars(&plain(&[("a", 2.0), ("b", 8.0)]), 400.0, 30.0);
        assert_eq!(b[0].length, 100.0);
        assert_eq!(b[1].length, 400.0);
        assert_eq!(b[1].y, 30.0);
        assert_eq!(b[1].text, "8");
    }

    #[test]
    fn nothing_to_draw_draws_nothing() {
        let b = bars(&plain(&[("a", 0.0)]), 400.0, 30.0);
        assert_eq!(b[0].length, 0.0);
        assert_eq!(line_points(&[0.0, 0.0], 100.0, 50.0), "0.0,50.0 100.0,50.0");
    }

    fn row(label: &str, count: i64) -> CountRow {
        CountRow {
            label: label.into(),
            count,
            share: None,
        }
    }

    #[test]
    fn small_typology_cells_are_masked_on_charts_as_in_tables() {
        let rows = [row("Soin", 12), row("Logement", 3), row("Autre", 0)];
        let shown = typology_rows(&rows);
        assert_eq!(shown[0], Shown::plain("Soin", 12.0));
        assert_eq!(
            shown[1].value, None,
            "no value of a small cell reaches the chart"
        );
        assert_eq!(shown[1].text, masked(3));
        assert_eq!(shown[1].text, "< 5");
        assert_eq!(shown[2].text, "0");
        let b = bars(&shown, 300.0, 28.0);
        assert!(b[0].drawn && !b[1].drawn);
        assert_eq!((b[0].length, b[1].length), (300.0, 0.0));
        assert!(b.iter().all(|bar| !bar.text.contains('3')));
    }

    #[test]
    fn numbers_are_french() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(3.25), "3,2");
    }

    #[test]
    fn a_line_rises_with_its_values() {
        assert_eq!(
            line_points(&[1.0, 2.0, 4.0], 200.0, 40.0),
            "0.0,30.0 100.0,20.0 200.0,0.0"
        );
    }
}
