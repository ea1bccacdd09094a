//! The rules a person's account details follow, checked alike in the browser and on the server.
//!
//! Each check takes what the person typed and returns either the value to store or a
//! [`FieldError`] naming the form field and saying in French what to change. Messages
//! never repeat the input: they may travel in a redirect's query string (forms must work
//! without JavaScript) and end up in logs.

mod email;
mod password;
pub mod sector;
mod structure;
mod text;
pub mod verification;

pub use email::{EMAIL_MAX_CHARS, normalise_email};
pub use password::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, check_password};
pub use sector::Sector;
pub use structure::{StructureDetails, check_merge, check_structure};
pub use text::{
    CITY_MAX_CHARS, DISPLAY_NAME_MAX_CHARS, DISPLAY_NAME_MIN_CHARS, PROFESSION_MAX_CHARS,
    STRUCTURE_NAME_MAX_CHARS, STRUCTURE_NAME_MIN_CHARS, check_city, check_display_name,
    check_new_structure_name, check_profession,
};

/// Why a value was refused: the form field it belongs to and a French message for the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// The name of the form field: `email`, `password`, `display_name`, `profession`
    /// or `structure_name`.
    pub field: &'static str,
    /// What to change, in French, without the value that was typed.
    pub message: String,
}

impl FieldError {
    pub(super) fn new(field: &'static str, message: &str) -> Self {
        FieldError {
            field,
            message: message.to_owned(),
        }
    }
}

/// The message of a refusal, for the tests of every rule.
#[cfg(test)]
fn message(result: Result<impl std::fmt::Debug, FieldError>) -> String {
    match result {
        Ok(value) => panic!("expected a refusal, got {value:?}"),
        Err(error) => error.message,
    }
}
