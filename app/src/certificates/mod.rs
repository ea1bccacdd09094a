//! Certificates of completion (certificats de réalisation): the session's
//! eligibility rule and who meets it, issuing a cohort's certificates as
//! PDF (emailed, revised on correction, same number forever), the public
//! verification page and the downloads.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
