//! Certificates: eligibility, issuing, the PDF, who may download it, its
//! delivery by email, and revoking it.

mod access;
mod issuing;
mod mail;
mod revoking;
pub mod support;
