//! The French text of the convocation sent when a place in a session is
//! confirmed (directly or from the waiting list), plain text and HTML.

#![cfg(feature = "ssr")]

use super::session_details::SessionDetails;
use super::templates::{escape, footer_text, wrap_html};

/// What the convocation says; every field is already in local French form.
#[derive(Debug, Clone)]
pub struct Convocation {
    pub display_name: String,
    pub module_title: String,
    pub session_title: String,
    pub promoted: bool,
    pub mode_label: String,
    /// « mardi 14 avril 2026, 9 h 00 – 12 h 30 ».
    pub slots: Vec<String>,
    pub place: Option<String>,
    pub visio_url: Option<String>,
    pub link: String,
}

/// Subject, text and HTML of the convocation.
pub fn convocation(c: &Convocation) -> (String, String, String) {
    let subject = format!("Relais : convocation à la session « {} »", c.session_title);
    let intro = if c.promoted {
        "Une place s’est libérée : votre inscription, jusqu’ici sur liste d’attente, est confirmée."
    } else {
        "Votre inscription est confirmée."
    };
    let details = SessionDetails {
        module_title: &c.module_title,
        session_title: &c.session_title,
        mode_label: &c.mode_label,
        slots: &c.slots,
        place: c.place.as_deref(),
        visio_url: c.visio_url.as_deref(),
        slots_heading: "Dates et horaires",
    };
    let mut text = format!(
        "Bonjour {},\n\n{intro}\n\n{}",
        c.display_name,
        details.text()
    );
    text.push_str(&format!(
        "\nLe fichier joint (convocation.ics) ajoute ces créneaux à votre agenda.\n\
         Détails de la session et annulation : {}\n\n{}",
        c.link,
        footer_text()
    ));

    let mut html = format!(
        "<p>Bonjour {},</p><p>{intro}</p>{}",
        escape(&c.display_name),
        details.html()
    );
    html.push_str(&format!(
        "<p>Le fichier joint (convocation.ics) ajoute ces créneaux à votre agenda.</p>\
         <p><a href=\"{}\">Détails de la session et annulation</a></p>",
        escape(&c.link)
    ));
    (subject, text, wrap_html(&html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_escaped_in_html() {
        let (subject, text, html) = convocation(&Convocation {
            display_name: "<b>Léa</b>".into(),
            module_title: "Crise & désescalade".into(),
            session_title: "Groupe \"A\"".into(),
            promoted: true,
            mode_label: "Hybride".into(),
            slots: vec!["mardi 14 avril 2026, 9 h 00 – 12 h 30".into()],
            place: Some("1 rue <du> Pont".into()),
            visio_url: Some("https://visio.example.org/?a=1&b=2".into()),
            link: "https://relais.test/sessions/3".into(),
        });
        assert!(subject.contains("Groupe \"A\""));
        assert!(html.contains("&lt;b&gt;Léa&lt;/b&gt;"));
        assert!(html.contains("Crise &amp; désescalade"));
        assert!(html.contains("1 rue &lt;du&gt; Pont"));
        assert!(html.contains("a=1&amp;b=2"));
        assert!(!html.contains("<b>"));
        assert!(text.contains("liste d’attente"));
        assert!(text.contains("mardi 14 avril 2026, 9 h 00 – 12 h 30"));
    }
}
