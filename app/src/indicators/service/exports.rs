//! The dashboard's tables written as CSV (one table) and XLSX (one sheet per
//! table, with a bold header row, number formats and the definitions). Text
//! cells are neutralised against formula injection in both.

use rust_xlsxwriter::{Format, FormatBorder, Workbook};

use crate::error::AppError;
use crate::export::{csv_cell, csv_writer, neutralise};
use crate::indicators::rules::tables::{Cell, Table};

/// One table as CSV (see [`csv_writer`]).
pub fn csv(table: &Table) -> Result<Vec<u8>, AppError> {
    let mut out = csv_writer();
    out.write_record(table.headers.iter().map(|h| csv_cell(h)))
        .map_err(AppError::internal)?;
    for row in &table.rows {
        out.write_record(row.iter().map(|c| csv_cell(&c.csv())))
            .map_err(AppError::internal)?;
    }
    out.into_inner().map_err(AppError::internal)
}

/// Every table in one workbook, a sheet each, then a sheet of definitions.
pub fn xlsx(tables: &[Table], definitions: &[(&str, &str)]) -> Result<Vec<u8>, AppError> {
    let mut workbook = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border_bottom(FormatBorder::Thin);
    let real = Format::new().set_num_format("0.0");
    let percent = Format::new().set_num_format("0.0%");
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.name).map_err(AppError::internal)?;
        sheet
            .write_string_with_format(0, 0, neutralise(&table.title), &title)
            .map_err(AppError::internal)?;
        for (col, h) in table.headers.iter().enumerate() {
            let col = col as u16;
            sheet
                .write_string_with_format(2, col, neutralise(h), &header)
                .map_err(AppError::internal)?;
            sheet
                .set_column_width(col, if col == 0 { 48 } else { 18 })
                .map_err(AppError::internal)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 3;
            for (col, cell) in row.iter().enumerate() {
                let col = col as u16;
                let written = match cell {
                    Cell::Text(t) => sheet.write_string(r, col, neutralise(t)).map(|_| ()),
                    Cell::Int(n) => sheet.write_number(r, col, *n as f64).map(|_| ()),
                    Cell::Real(v) => sheet
                        .write_number_with_format(r, col, *v, &real)
                        .map(|_| ()),
                    Cell::Percent(v) => sheet
                        .write_number_with_format(r, col, *v, &percent)
                        .map(|_| ()),
                    Cell::Blank => Ok(()),
                };
                written.map_err(AppError::internal)?;
            }
        }
        sheet.set_freeze_panes(3, 0).map_err(AppError::internal)?;
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name("definitions").map_err(AppError::internal)?;
    sheet
        .write_string_with_format(0, 0, "Définitions des indicateurs", &title)
        .map_err(AppError::internal)?;
    sheet.set_column_width(0, 28).map_err(AppError::internal)?;
    sheet.set_column_width(1, 120).map_err(AppError::internal)?;
    let wrap = Format::new().set_text_wrap();
    for (i, (name, text)) in definitions.iter().enumerate() {
        let r = i as u32 + 2;
        sheet
            .write_string_with_format(r, 0, *name, &header)
            .map_err(AppError::internal)?;
        sheet
            .write_string_with_format(r, 1, *text, &wrap)
            .map_err(AppError::internal)?;
    }
    workbook.save_to_buffer().map_err(AppError::internal)
}
