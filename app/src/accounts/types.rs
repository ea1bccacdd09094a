//! What the browser learns about accounts.

use serde::{Deserialize, Serialize};

use crate::roles::Role;

/// The signed-in person, as every page needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i32,
    pub display_name: String,
    pub role: Role,
}

/// A partner structure one can choose at sign-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureOption {
    pub id: i32,
    pub name: String,
}

/// One account in the coordinator's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: i32,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub structure: Option<String>,
    pub active: bool,
    pub erasure_requested: bool,
    pub erased: bool,
}

/// The learner's own profile, as the profile form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub display_name: String,
    pub email: Option<String>,
    pub profession: Option<String>,
    pub sector: Option<String>,
    pub structure_id: Option<i32>,
    pub erasure_requested: bool,
}
