//! The pages of certificates: a session's certificates (rule, eligibility,
//! issuing with a progress bar), the public verification page, and the
//! learner's list in « Mon espace ».

mod cohort;
mod issue;
mod lines;
mod mine;
mod rule;
mod verify;

pub use cohort::CertificatesPage;
pub use mine::MyCertificates;
pub use verify::VerifyPage;

/// The download address of a certificate's PDF.
pub fn certificate_href(certificate_id: i32) -> String {
    format!("/exports/certificats/{certificate_id}.pdf")
}
