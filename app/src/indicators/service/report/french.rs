//! French number formatting: every value the report prints, as text.

use crate::indicators::rules::tables::Cell;

/// No-break space, before « % » and « : ».
pub(super) const NBSP: char = '\u{a0}';
/// Narrow no-break space, between groups of thousands.
const THIN: char = '\u{202f}';
/// What an empty cell shows.
const NONE: &str = "—";

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
pub(super) fn people(n: i64) -> String {
    let noun = if n.abs() > 1 { "personnes" } else { "personne" };
    format!("{} {noun}", integer(n))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
