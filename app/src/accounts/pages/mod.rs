//! The pages of accounts.

mod admin;
mod confirm_email;
mod forgot;
mod new_password;
mod profile;
mod session;
mod sign_in;
mod sign_up;
mod structures_admin;

pub use admin::AccountsAdminPage;
pub use confirm_email::ConfirmEmailPage;
pub use forgot::ForgotPasswordPage;
pub use new_password::NewPasswordPage;
pub use profile::ProfilePage;
pub use session::{Session, provide_session, use_session};
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
pub use structures_admin::StructuresAdminPage;
