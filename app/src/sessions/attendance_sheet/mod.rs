//! The attendance sheet (feuille d'émargement) of a session, the legal proof
//! of training: as PDF, as CSV, and both in one ZIP.
//!
//! Server only: the sheet is only ever produced by the download routes. Its
//! model is a plain function of the rows (`model`, unit-tested without a
//! database); `load` reads the rows behind the managers-only rule; `pdf`,
//! `csv` and `bundle` turn the model into files.

pub mod bundle;
pub mod csv;
pub mod load;
pub mod model;
pub mod pdf;

pub use bundle::{file_name, zip_files};
pub use csv::sheet_csv;
pub use load::load_sheet;
pub use model::Sheet;
pub use pdf::sheet_pdf;
