//! The geometry of the dashboard's SVG charts, as plain numbers: horizontal
//! bars scaled to the largest value, and the points of a year-over-year line.

/// One bar: its value's length in the drawing's units and its vertical place.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub y: f64,
    pub length: f64,
}

/// Bars of `values`, the largest `span` long, one every `step` units.
pub fn bars(values: &[(String, f64)], span: f64, step: f64) -> Vec<Bar> {
    let top = values.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    values
        .iter()
        .enumerate()
        .map(|(i, (label, value))| Bar {
            label: label.clone(),
            value: *value,
            y: i as f64 * step,
            length: if top > 0.0 {
                value.max(0.0) / top * span
            } else {
                0.0
            },
        })
        .collect()
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

    #[test]
    fn the_largest_bar_spans_the_width() {
        let b = bars(&[("a".into(), 2.0), ("b".into(), 8.0)], 400.0, 30.0);
        assert_eq!(b[0].length, 100.0);
        assert_eq!(b[1].length, 400.0);
        assert_eq!(b[1].y, 30.0);
    }

    #[test]
    fn nothing_to_draw_draws_nothing() {
        let b = bars(&[("a".into(), 0.0)], 400.0, 30.0);
        assert_eq!(b[0].length, 0.0);
        assert_eq!(line_points(&[0.0, 0.0], 100.0, 50.0), "0.0,50.0 100.0,50.0");
    }

    #[test]
    fn a_line_rises_with_its_values() {
        assert_eq!(
            line_points(&[1.0, 2.0, 4.0], 200.0, 40.0),
            "0.0,30.0 100.0,20.0 200.0,0.0"
        );
    }
}
