//! The message that asks a person to confirm their e-mail address: sent at
//! sign-up, after an address change, and again on request.

#![cfg(feature = "ssr")]

use super::templates::{escape, footer_text, wrap_html};

/// The message kind in `email_outbox`.
pub const KIND: &str = "email_verification";

/// Subject, text and HTML of the message; `link` opens the confirmation page.
pub fn message(display_name: &str, link: &str, valid_hours: i64) -> (String, String, String) {
    let subject = "Relais : confirmez votre adresse e-mail".to_owned();
    let text = format!(
        "Bonjour {display_name},\n\nPour confirmer que cette adresse est bien la vôtre, ouvrez ce lien \
         dans les {valid_hours} heures, puis cliquez sur « Confirmer mon adresse » :\n{link}\n\n\
         Tant que l’adresse n’est pas confirmée, vous ne pouvez pas vous inscrire vous-même à une session \
         ni recevoir de certificat.\n\
         Si vous n’avez pas créé de compte sur Relais, ignorez ce message.\n\n{}",
        footer_text()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>Pour confirmer que cette adresse est bien la vôtre, ouvrez ce lien dans les \
         {valid_hours} heures, puis cliquez sur «&nbsp;Confirmer mon adresse&nbsp;»&nbsp;:</p>\
         <p><a href=\"{link}\">Confirmer mon adresse e-mail</a></p>\
         <p>Tant que l’adresse n’est pas confirmée, vous ne pouvez pas vous inscrire vous-même à une session \
         ni recevoir de certificat.</p>\
         <p>Si vous n’avez pas créé de compte sur Relais, ignorez ce message.</p>",
        escape(display_name),
        link = escape(link)
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_and_the_delay_are_in_both_bodies_and_the_name_is_escaped() {
        let (subject, text, html) = message(
            "<b>Zoé</b>",
            "https://relais.test/adresse/confirmer?jeton=a&b",
            48,
        );
        assert_eq!(subject, "Relais : confirmez votre adresse e-mail");
        assert!(text.contains("https://relais.test/adresse/confirmer?jeton=a&b"));
        assert!(text.contains("48 heures"));
        assert!(html.contains("jeton=a&amp;b"));
        assert!(html.contains("&lt;b&gt;Zoé"));
    }
}
