//! The attendance sheet (feuille d'émargement) of a session, the legal proof
//! of training: as PDF, as CSV, and both in one ZIP.
//!
//! Server only: the sheet is only ever produced by the download routes. Its
//! model is a plain function of the rows (`model`, unit-tested without a
//! database); `load` reads the rows behind the managers-only rule; `pdf` and
//! `csv` turn the model into files (the ZIP comes from [`crate::archive`]).

pub mod csv;
pub mod load;
pub mod model;
pub mod pdf;

pub use csv::sheet_csv;
pub use load::load_sheet;
pub use model::Sheet;
pub use pdf::sheet_pdf;

/// The file names inside the archive and of the single downloads: the
/// session id only, nothing personal.
pub fn file_name(session_id: i32, extension: &str) -> String {
    format!("emargement-session-{session_id}.{extension}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_hold_only_the_session_id() {
        assert_eq!(super::file_name(12, "zip"), "emargement-session-12.zip");
    }
}
