//! `privacy/notice`: public; what the privacy page prints from the
//! configuration (controller, contact, DPO) and the retention list.

use leptos::prelude::*;

use crate::error::AppError;
use crate::privacy::PrivacyNotice;

#[server(endpoint = "privacy/notice")]
pub async fn read_privacy_notice() -> Result<PrivacyNotice, AppError> {
    crate::http::respond(async move {
        let settings = crate::state::app_state()?.settings;
        Ok(PrivacyNotice {
            controller: settings.privacy_controller.clone(),
            contact: settings.privacy_contact.clone(),
            dpo: settings.privacy_dpo.clone(),
            retention: crate::privacy::rules::retention::lines(),
        })
    })
    .await
}
