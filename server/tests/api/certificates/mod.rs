//! Certificates: eligibility, issuing, the PDF, who may download it, and its
//! delivery by email.

mod access;
mod issuing;
mod mail;
pub mod support;
