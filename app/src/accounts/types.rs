//! What crosses the wire in accounts: the forms people post and what the
//! pages show back.

use serde::{Deserialize, Serialize};

use crate::roles::Role;

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
    /// The person has proved they receive mail at `email`.
    pub email_verified: bool,
    pub erasure_requested: bool,
    pub erased: bool,
}

/// The coordinator's last account search and one page of the accounts it
/// finds (see `service::accounts_admin::list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountList {
    /// The search, as the coordinator typed it (trimmed); empty lists everyone.
    pub query: String,
    /// How many accounts the search finds, on every page.
    pub total: u64,
    pub rows: Vec<AccountRow>,
    /// The id of the last row, when more accounts follow (`?apres=<id>`).
    pub next: Option<i32>,
    /// This is not the first page.
    pub later_page: bool,
}

/// The learner's own profile, as the profile form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub display_name: String,
    pub email: Option<String>,
    pub profession: Option<String>,
    pub sector: Option<String>,
    pub structure_id: Option<i32>,
    /// The name of the person's structure, shown even when it is no longer
    /// offered (retired, or waiting for review), so saving keeps it.
    pub structure_name: Option<String>,
    pub erasure_requested: bool,
    /// The address is confirmed (see `accounts::service::verification`).
    pub email_verified: bool,
}

/// The sign-up form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SignUpForm {
    pub email: String,
    pub display_name: String,
    pub password: String,
    #[serde(default)]
    pub profession: String,
    #[serde(default)]
    pub sector: String,
    /// The id of a listed structure, or empty.
    #[serde(default)]
    pub structure_id: String,
    /// A structure not in the list, typed in.
    #[serde(default)]
    pub new_structure: String,
    /// "on" when the consent box is ticked.
    #[serde(default)]
    pub consent: Option<String>,
}

/// The sign-in form.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignInForm {
    pub email: String,
    pub password: String,
}

/// The profile form; a field left out reads as empty (and the service
/// refuses an empty name).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub display_name: String,
    pub profession: String,
    pub sector: String,
    pub structure_id: String,
}

/// « Mot de passe oublié ? »: the address to send a reset link to.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResetRequestForm {
    pub email: String,
}

/// The new password, with the token of the reset link.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewPasswordForm {
    pub token: String,
    pub password: String,
}

/// The token of an address-confirmation link, posted by its page's button.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ConfirmEmailForm {
    pub token: String,
}

/// The coordinator confirms the address of the account `user_id`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AddressConfirmation {
    pub user_id: i32,
}

/// The coordinator gives an account another role.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoleChange {
    pub user_id: i32,
    pub role: String,
}

/// The coordinator deactivates or reactivates an account.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActiveChange {
    pub user_id: i32,
    /// "true" to reactivate, "false" to deactivate.
    pub active: bool,
}

/// One partner structure in the coordinator's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureRow {
    pub id: i32,
    pub name: String,
    pub sector: String,
    pub city: Option<String>,
    pub reviewed: bool,
    /// No longer offered at sign-up or in profiles (kept for history).
    pub retired: bool,
    /// How many accounts belong to it.
    pub people: u64,
}

/// One page of « Structures » (see `service::structures::page`), and every
/// structure as the merge form offers them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureList {
    /// The name or city searched for (trimmed); empty lists every structure.
    pub search: String,
    /// How many structures the search finds, on every page.
    pub total: u64,
    pub rows: Vec<StructureRow>,
    /// The id of the last row, when more structures follow (`?apres=<id>`).
    pub next: Option<i32>,
    /// This is not the first page.
    pub later_page: bool,
    /// Every structure, by name, for the merge form: (id, name, retired).
    pub choices: Vec<(i32, String, bool)>,
}

/// A structure the coordinator adds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NewStructureForm {
    pub name: String,
    pub sector: String,
    #[serde(default)]
    pub city: String,
}

/// The coordinator corrects a structure's name, sector and city.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StructureEdit {
    pub structure_id: i32,
    pub name: String,
    pub sector: String,
    #[serde(default)]
    pub city: String,
}

/// The coordinator merges the structure `from_id` into `into_id`: its people
/// move, it disappears. `confirmed` is the ticked box saying it is final.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StructureMerge {
    pub from_id: i32,
    pub into_id: i32,
    #[serde(default)]
    pub confirmed: Option<String>,
}

/// The coordinator retires a structure (`retired: true`) or restores it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StructureRetirement {
    pub structure_id: i32,
    pub retired: bool,
}

/// The coordinator gives an account another e-mail address.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EmailChange {
    pub user_id: i32,
    pub email: String,
}

/// A person changes their own e-mail address, with their current password.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MyEmailChange {
    pub email: String,
    pub password: String,
}
