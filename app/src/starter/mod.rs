//! « Contenu de départ »: the French content of the three modules (lessons,
//! resources, quizzes, questionnaires), installed on an empty catalogue by the
//! coordinator (a button on « Les formations ») or by `relais install-content`,
//! as drafts to review before publication. The demo installs the same content,
//! published.

pub mod api;
pub mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;

pub use pages::StarterOffer;
