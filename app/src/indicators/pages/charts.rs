//! Accessible SVG charts drawn on the server: each is an image with a title
//! and a description (`role="img"`), and the page puts its data table beside
//! it for screen readers and copy-paste.

use leptos::prelude::*;

use crate::indicators::rules::charts::{Shown, bars, line_points, number};

const LABEL_WIDTH: f64 = 230.0;
const SPAN: f64 = 300.0;
const STEP: f64 = 28.0;

/// Horizontal bars, one per row; a masked row (`value` `None`) has no bar,
/// only its text (« < 5 »).
#[component]
pub fn BarChart(id: String, title: String, rows: Vec<Shown>) -> impl IntoView {
    let height = (rows.len().max(1) as f64) * STEP + 8.0;
    let drawn = bars(&rows, SPAN, STEP);
    let title_id = format!("{id}-titre");
    let labelled = title_id.clone();
    view! {
        <svg class="chart" role="img" aria-labelledby=labelled
            viewBox=format!("0 0 {} {height}", LABEL_WIDTH + SPAN + 60.0)>
            <title id=title_id>{title}</title>
            {drawn.into_iter().map(|b| view! {
                <g>
                    <text x=LABEL_WIDTH - 8.0 y=b.y + 18.0 text-anchor="end" class="chart__label">
                        {short(&b.label)}
                    </text>
                    {b.drawn.then(|| view! {
                        <rect x=LABEL_WIDTH y=b.y + 4.0 width=b.length.max(1.0) height=STEP - 10.0 class="chart__bar"/>
                    })}
                    <text x=LABEL_WIDTH + b.length + 6.0 y=b.y + 18.0 class="chart__value">
                        {b.text}
                    </text>
                </g>
            }).collect_view()}
        </svg>
    }
}

/// Two bars per row (before, after), on a scale of 0 to 5.
#[component]
pub fn PairChart(id: String, title: String, rows: Vec<(String, f64, f64)>) -> impl IntoView {
    let height = (rows.len().max(1) as f64) * STEP * 2.0 + 8.0;
    let title_id = format!("{id}-titre");
    let labelled = title_id.clone();
    let scale = SPAN / 5.0;
    view! {
        <svg class="chart" role="img" aria-labelledby=labelled
            viewBox=format!("0 0 {} {height}", LABEL_WIDTH + SPAN + 60.0)>
            <title id=title_id>{title}</title>
            {rows.into_iter().enumerate().map(|(i, (label, before, after))| {
                let y = i as f64 * STEP * 2.0;
                view! {
                    <g>
                        <text x=LABEL_WIDTH - 8.0 y=y + 18.0 text-anchor="end" class="chart__label">{short(&label)}</text>
                        <rect x=LABEL_WIDTH y=y + 4.0 width=(before * scale).max(1.0) height=STEP - 12.0 class="chart__bar chart__bar--before"/>
                        <text x=LABEL_WIDTH + before * scale + 6.0 y=y + 17.0 class="chart__value">{format!("avant {}", number(before))}</text>
                        <rect x=LABEL_WIDTH y=y + STEP width=(after * scale).max(1.0) height=STEP - 12.0 class="chart__bar"/>
                        <text x=LABEL_WIDTH + after * scale + 6.0 y=y + STEP + 13.0 class="chart__value">{format!("après {}", number(after))}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

/// A line through one value per year.
#[component]
pub fn LineChart(id: String, title: String, points: Vec<(i32, f64)>) -> impl IntoView {
    let (width, height) = (480.0, 140.0);
    let values: Vec<f64> = points.iter().map(|(_, v)| *v).collect();
    let line = line_points(&values, width, height);
    let step = if points.len() > 1 {
        width / (points.len() - 1) as f64
    } else {
        0.0
    };
    let title_id = format!("{id}-titre");
    let labelled = title_id.clone();
    view! {
        <svg class="chart" role="img" aria-labelledby=labelled
            viewBox=format!("-30 -20 {} {}", width + 60.0, height + 50.0)>
            <title id=title_id>{title}</title>
            <polyline points=line class="chart__line" fill="none"/>
            {points.into_iter().enumerate().map(|(i, (year, v))| view! {
                <text x=i as f64 * step y=height + 22.0 text-anchor="middle" class="chart__label">{year}</text>
                <text x=i as f64 * step y=height + 40.0 text-anchor="middle" class="chart__value">{number(v)}</text>
            }).collect_view()}
        </svg>
    }
}

/// Long labels are cut in the drawing (the table beside holds them whole).
fn short(label: &str) -> String {
    if label.chars().count() <= 32 {
        label.to_owned()
    } else {
        format!("{}…", label.chars().take(31).collect::<String>())
    }
}
