//! The notice telling every coordinator that someone asked for the erasure
//! of their account. It names nobody: the request is found in « Comptes »,
//! behind the sign-in, and a message may be forwarded or kept for years.

#![cfg(feature = "ssr")]

use super::templates::{escape, footer_text, wrap_html};

/// The message kind in `email_outbox`.
pub const KIND: &str = "erasure_requested";

/// Subject, text and HTML of the notice; `accounts_url` is « Comptes ».
pub fn erasure_requested(accounts_url: &str) -> (String, String, String) {
    let subject =
        "Relais : une demande d’effacement de compte attend votre confirmation".to_owned();
    let text = format!(
        "Bonjour,\n\nUne personne a demandé l’effacement de son compte Relais. \
         La demande attend votre confirmation dans « Comptes » (elle y figure en tête de liste) :\n\
         {accounts_url}\n\n\
         Le RGPD demande d’y répondre dans un délai d’un mois.\n\n{}",
        footer_text()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour,</p><p>Une personne a demandé l’effacement de son compte Relais. \
         La demande attend votre confirmation dans <a href=\"{url}\">« Comptes »</a> \
         (elle y figure en tête de liste).</p>\
         <p>Le RGPD demande d’y répondre dans un délai d’un mois.</p>",
        url = escape(accounts_url)
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::erasure_requested;

    #[test]
    fn the_notice_links_to_the_accounts_page() {
        let (subject, text, html) =
            erasure_requested("https://relais.example.fr/coordination/comptes");
        assert!(subject.contains("demande d’effacement"));
        assert!(text.contains("https://relais.example.fr/coordination/comptes"));
        assert!(html.contains("href=\"https://relais.example.fr/coordination/comptes\""));
    }
}
