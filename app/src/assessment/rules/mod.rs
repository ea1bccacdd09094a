//! The rules of questionnaires as plain functions: phases and kinds, when
//! each phase is open, the default items (and their French, `french`), the versioning decision and the
//! cohort figures (paired change). No database.

pub mod cohort;
pub mod defaults;
pub mod french;
pub mod phase;
pub mod validate;
pub mod versioning;
pub mod windows;

pub use phase::{Kind, Phase};
