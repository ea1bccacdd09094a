//! The signed-in person as every feature sees them: the guard answers with it,
//! services take it to decide what the caller may see, pages show its name.

use serde::{Deserialize, Serialize};

use crate::roles::Role;

/// The signed-in person, as every page needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i32,
    pub display_name: String,
    pub role: Role,
    /// The person has confirmed their e-mail address.
    pub email_verified: bool,
}
