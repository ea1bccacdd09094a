//! Rules shared by every spreadsheet export (CSV and XLSX).
//!
//! A CSV file may be opened with `,` or with `;` as separator (French
//! spreadsheets default to `;`). Relais writes `,`, quotes every field, and
//! neutralises a formula at the start of a cell *and* after every `,` or `;`
//! inside it, so that even a reader splitting on the other separator never
//! meets a cell that starts a formula.

/// A cell that a spreadsheet would read as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) is prefixed with an apostrophe, so an
/// export never runs what a person typed in a name or a free-text answer.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some(c) if starts_formula(c) => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// A CSV text cell: [`neutralise`]d at its start and after each `,` or `;`
/// (spaces after the separator skipped), where another reader would start a cell.
pub fn csv_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len() + 1);
    let mut cell_start = true;
    for c in cell.chars() {
        if cell_start && starts_formula(c) {
            out.push('\'');
        }
        cell_start = matches!(c, ',' | ';') || (cell_start && c == ' ');
        out.push(c);
    }
    out
}

fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// The writer of every CSV export: UTF-8 with its byte-order mark (so
/// spreadsheets read the accents), `,` between fields, every field quoted,
/// rows of any length.
#[cfg(feature = "ssr")]
pub fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .flexible(true)
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(vec![0xEF, 0xBB, 0xBF])
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, neutralise};

    #[test]
    fn formulas_are_defused_and_text_kept() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+33 6"), "'+33 6");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Élise Martin"), "Élise Martin");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn csv_cells_are_defused_after_every_separator() {
        assert_eq!(csv_cell("x;=1+1;"), "x;'=1+1;");
        assert_eq!(csv_cell("a, =SOMME(A1)"), "a, '=SOMME(A1)");
        assert_eq!(csv_cell("=1;@x,+2"), "'=1;'@x,'+2");
        assert_eq!(csv_cell("Martin-Durand, Élise"), "Martin-Durand, Élise");
        assert_eq!(csv_cell("3 - 2"), "3 - 2");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_hostile_name_reads_as_text_whatever_the_separator() {
        let mut out = super::csv_writer();
        out.write_record(["x;=1+1;", "ok"].map(csv_cell))
            .expect("row");
        let bytes = out.into_inner().expect("bytes");
        let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
        // A careful reader (quotes respected) and a naive one (split on the separator).
        for (separator, quoting) in [(b',', true), (b';', true), (b',', false), (b';', false)] {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(separator)
                .quoting(quoting)
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            for record in reader.records() {
                for field in record.expect("record").iter() {
                    let first = field.trim_start_matches([' ', '"']).chars().next();
                    assert!(
                        !first.is_some_and(super::starts_formula),
                        "{field:?} read with {:?}",
                        separator as char
                    );
                }
            }
        }
    }
}
