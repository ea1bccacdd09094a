//! The notices sent when an account's e-mail address changes: one to the new
//! address (it now signs in with it), one to the old address (so a change the
//! person did not make does not go unnoticed). Neither repeats the other
//! address.

#![cfg(feature = "ssr")]

use super::templates::{escape, footer_text, wrap_html};

/// The message kind in `email_outbox`.
pub const KIND: &str = "email_changed";

/// Who made the change, as the notices say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedBy {
    /// The person, from their profile.
    Themselves,
    /// The coordination, from « Comptes ».
    Coordination,
}

impl ChangedBy {
    fn sentence(self) -> &'static str {
        match self {
            ChangedBy::Themselves => "depuis votre profil",
            ChangedBy::Coordination => "par la coordination",
        }
    }
}

/// Subject, text and HTML of the notice sent to the new address.
pub fn to_new_address(display_name: &str, by: ChangedBy) -> (String, String, String) {
    let subject = "Relais : votre nouvelle adresse e-mail".to_owned();
    let text = format!(
        "Bonjour {display_name},\n\nL’adresse e-mail de votre compte Relais a été modifiée {by} : \
         c’est désormais cette adresse qui vous permet de vous connecter et qui reçoit les messages de Relais.\n\n{}",
        footer_text(),
        by = by.sentence()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>L’adresse e-mail de votre compte Relais a été modifiée {}&nbsp;: \
         c’est désormais cette adresse qui vous permet de vous connecter et qui reçoit les messages de Relais.</p>",
        escape(display_name),
        by.sentence()
    ));
    (subject, text, html)
}

/// Subject, text and HTML of the notice sent to the old address.
pub fn to_old_address(display_name: &str, by: ChangedBy) -> (String, String, String) {
    let subject = "Relais : l’adresse e-mail de votre compte a changé".to_owned();
    let text = format!(
        "Bonjour {display_name},\n\nL’adresse e-mail de votre compte Relais a été remplacée {by} : \
         cette adresse-ci ne recevra plus les messages de Relais.\n\
         Si vous n’êtes pas à l’origine de ce changement, contactez la coordination au plus vite.\n\n{}",
        footer_text(),
        by = by.sentence()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>L’adresse e-mail de votre compte Relais a été remplacée {}&nbsp;: \
         cette adresse-ci ne recevra plus les messages de Relais.</p>\
         <p>Si vous n’êtes pas à l’origine de ce changement, contactez la coordination au plus vite.</p>",
        escape(display_name),
        by.sentence()
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_who_changed_it_is_said() {
        let (_, text, html) = to_new_address("<b>Léa</b>", ChangedBy::Coordination);
        assert!(html.contains("&lt;b&gt;Léa&lt;/b&gt;"));
        assert!(text.contains("par la coordination"));
        let (subject, text, _) = to_old_address("Léa", ChangedBy::Themselves);
        assert!(subject.contains("a changé"));
        assert!(text.contains("depuis votre profil"));
        assert!(text.contains("contactez la coordination"));
    }
}
