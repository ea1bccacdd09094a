//! The French text sent to everyone still enrolled (or waiting) when a
//! cancelled session is reopened: it takes place after all, with the reason
//! given by the team.

#![cfg(feature = "ssr")]

use super::templates::{escape, footer_text, wrap_html};

/// Subject, text and HTML of the notice; `waiting` for a person on the
/// waiting list (their place there is kept, nothing more).
pub fn session_reopened(
    display_name: &str,
    session_title: &str,
    first_day: &str,
    reason: &str,
    waiting: bool,
    link: &str,
) -> (String, String, String) {
    let subject = format!("Relais : la session « {session_title} » a finalement lieu");
    let place = if waiting {
        "Vous restez sur la liste d’attente : nous vous écrirons si une place se libère."
    } else {
        "Votre inscription est maintenue : nous vous attendons."
    };
    let text = format!(
        "Bonjour {display_name},\n\nLa session « {session_title} » prévue le {first_day}, \
         que nous vous avions annoncée comme annulée, a finalement lieu.\n\
         Motif : {reason}\n\n{place}\nLe détail de la session : {link}\n\n{}",
        footer_text()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>La session « {} » prévue le {}, que nous vous avions annoncée \
         comme annulée, a finalement lieu.</p><p>Motif&nbsp;: {}</p><p>{}</p>\
         <p><a href=\"{}\">Voir le détail de la session</a></p>",
        escape(display_name),
        escape(session_title),
        escape(first_day),
        escape(reason),
        escape(place),
        escape(link)
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_says_the_session_takes_place_and_escapes_the_reason() {
        let (subject, text, html) = session_reopened(
            "Léa",
            "Groupe A",
            "mardi 16 avril 2030",
            "<i>salle trouvée</i>",
            false,
            "https://relais.test/sessions/3",
        );
        assert_eq!(
            subject,
            "Relais : la session « Groupe A » a finalement lieu"
        );
        assert!(text.contains("a finalement lieu"));
        assert!(text.contains("Votre inscription est maintenue"));
        assert!(html.contains("&lt;i&gt;salle trouvée&lt;/i&gt;"));
        assert!(text.contains("Motif : <i>salle trouvée</i>"));
    }

    #[test]
    fn people_waiting_are_told_they_still_wait() {
        let (_, text, _) = session_reopened("Léa", "A", "lundi", "ok", true, "https://x");
        assert!(text.contains("Vous restez sur la liste d’attente"));
        assert!(!text.contains("inscription est maintenue"));
    }
}
