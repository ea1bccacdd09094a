//! The French text of each message, plain text and HTML. Every value that
//! comes from a person is HTML-escaped in the HTML body.

#![cfg(feature = "ssr")]

use crate::organisation::NAME as ORGANISATION;

pub(crate) fn escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

pub(crate) fn footer_text() -> String {
    format!(
        "—\nRelais · {ORGANISATION}\nCe message vous est envoyé automatiquement ; merci de ne pas y répondre."
    )
}

pub(crate) fn wrap_html(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><body style=\"font-family:sans-serif;color:#1b1f24\">{body}\
         <hr><p style=\"color:#4a5563;font-size:0.9em\">Relais · {ORGANISATION}<br>\
         Ce message vous est envoyé automatiquement ; merci de ne pas y répondre.</p></body></html>"
    )
}

/// Subject, text and HTML of the password-reset message.
pub fn password_reset(display_name: &str, link: &str) -> (String, String, String) {
    let subject = "Relais : réinitialisation de votre mot de passe".to_owned();
    let text = format!(
        "Bonjour {display_name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans les 30 minutes :\n{link}\n\n\
         Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n\n{}",
        footer_text()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>Pour choisir un nouveau mot de passe, ouvrez ce lien dans les 30 minutes&nbsp;:</p>\
         <p><a href=\"{link}\">Choisir un nouveau mot de passe</a></p>\
         <p>Si vous n’êtes pas à l’origine de cette demande, ignorez ce message&nbsp;: votre mot de passe reste inchangé.</p>",
        escape(display_name),
        link = escape(link)
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_in_html() {
        let (_, text, html) =
            password_reset("<script>x</script>", "https://relais.test/r?jeton=a&b");
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("jeton=a&amp;b"));
        assert!(text.contains("https://relais.test/r?jeton=a&b"));
    }
}
