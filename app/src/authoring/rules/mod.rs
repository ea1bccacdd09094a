//! The rules of the authoring forms, plain functions compiled for both targets
//! and unit-tested: the one-textarea answers format, the checks of every field
//! with their French messages, how an item moves among its siblings, and when
//! content may be deleted or archived.

pub mod answers_format;
pub mod fields;
pub mod ordering;
pub mod removal;
