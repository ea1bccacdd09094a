//! The French text sent to everyone enrolled (or waiting) when a session is
//! cancelled, with the reason given by the team.

#![cfg(feature = "ssr")]

use super::templates::{escape, footer_text, wrap_html};

/// Subject, text and HTML of the cancellation notice.
pub fn session_cancelled(
    display_name: &str,
    session_title: &str,
    first_day: &str,
    reason: &str,
    link: &str,
) -> (String, String, String) {
    let subject = format!("Relais : la session « {session_title} » est annulée");
    let text = format!(
        "Bonjour {display_name},\n\nLa session « {session_title} » prévue le {first_day} est annulée.\n\
         Motif : {reason}\n\nVotre inscription est annulée. Les autres sessions sont sur {link}\n\n{}",
        footer_text()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>La session « {} » prévue le {} est annulée.</p><p>Motif&nbsp;: {}</p>\
         <p>Votre inscription est annulée. <a href=\"{}\">Voir les autres sessions</a></p>",
        escape(display_name),
        escape(session_title),
        escape(first_day),
        escape(reason),
        escape(link)
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_is_escaped() {
        let (_, text, html) = session_cancelled(
            "Léa",
            "Groupe A",
            "mardi 16 avril 2030",
            "<i>grève</i>",
            "https://relais.test/sessions",
        );
        assert!(html.contains("&lt;i&gt;grève&lt;/i&gt;"));
        assert!(text.contains("Motif : <i>grève</i>"));
    }
}
