//! Certificates on the server: loading a cohort and its eligibility, the
//! document, issuing, revoking, the rule form, verification and downloads.

pub mod cohort;
pub mod content;
pub mod document;
pub mod downloads;
pub mod issue;
pub mod load;
pub mod revoke;
pub mod verify;

/// The file name of a certificate: its number only, nothing personal.
pub fn file_name(number: &str) -> String {
    format!("certificat-{number}.pdf")
}
