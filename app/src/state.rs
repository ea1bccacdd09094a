//! The application state built once at start-up and handed to every page and
//! server function through the Leptos context (server only).

#![cfg(feature = "ssr")]

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::{LeptosOptions, use_context};
use sea_orm::DatabaseConnection;

use crate::error::AppError;

/// Settings the application code needs (the server's full configuration stays in `server`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// The public address, e.g. `https://relais.example.fr`, for links in emails.
    pub public_url: String,
    /// Demonstration mode: shows the demo accounts on the sign-in page.
    pub demo: bool,
    /// Reverse proxies whose forwarding headers name the client (`RELAIS_TRUSTED_PROXIES`).
    pub trusted_proxies: crate::auth::client::TrustedProxies,
    /// Places one person may hold at once by enrolling themself
    /// (`RELAIS_MAX_UPCOMING_ENROLMENTS`, see `sessions::rules::seats`).
    pub max_upcoming_enrolments: u32,
    /// The folder of the `.eml` files messages are written to when no SMTP
    /// server is configured (`RELAIS_MAIL_DIR`); erasure scrubs them too.
    pub mail_dir: Option<std::path::PathBuf>,
    /// The controller the privacy page names (`RELAIS_PRIVACY_CONTROLLER`).
    pub privacy_controller: String,
    /// The address for questions about personal data (`RELAIS_PRIVACY_CONTACT`).
    pub privacy_contact: String,
    /// The data protection officer (`RELAIS_PRIVACY_DPO`); `None`: reached
    /// through the contact.
    pub privacy_dpo: Option<String>,
}

impl Settings {
    /// Cookies carry `Secure` when Relais is served over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
}

/// The state, from inside a server function or a server-rendered component.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        AppError::internal(anyhow::anyhow!("AppState missing from the Leptos context"))
    })
}
