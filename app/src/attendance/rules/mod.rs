//! The rules of attendance as plain functions: the statuses and methods of
//! a mark, attendance rates, and when a check-in, a signature or an apology
//! is accepted. No database.

pub mod checkin;
pub mod error;
pub mod limits;
pub mod marks;

pub use error::AttendanceError;
pub use marks::{Attendance, MarkMethod};
