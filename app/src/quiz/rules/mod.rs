//! The quiz's pure rules, compiled for both targets and unit-tested: how stored
//! choices make an answer key, how posted form fields become answers, how an
//! answer is normalised and graded, how it is put into words, and (server only,
//! it draws random numbers) the order in which one attempt shows its questions.

pub mod describe;
pub mod form;
pub mod grading;
pub mod key;
#[cfg(feature = "ssr")]
pub mod layout;
pub mod normalise;
