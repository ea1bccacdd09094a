//! The French text of the session reminders: two days before, and on the
//! morning of a distance day with the visio link. Plain text and HTML.

#![cfg(feature = "ssr")]

use super::session_details::SessionDetails;
use super::templates::{escape, footer_text, wrap_html};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    TwoDays,
    Today,
}

/// What a reminder says; every field is already in local French form.
#[derive(Debug, Clone)]
pub struct Reminder {
    pub when: When,
    pub display_name: String,
    pub module_title: String,
    pub session_title: String,
    pub mode_label: String,
    /// « mardi 14 avril 2026, 9 h 00 – 12 h 30 »: all slots, or today's.
    pub slots: Vec<String>,
    pub place: Option<String>,
    pub visio_url: Option<String>,
    pub link: String,
}

/// Subject, text and HTML of a reminder.
pub fn reminder(r: &Reminder) -> (String, String, String) {
    let (subject, intro) = match r.when {
        When::TwoDays => (
            format!(
                "Relais : rappel, la session « {} » approche",
                r.session_title
            ),
            "Votre session de formation commence dans deux jours.",
        ),
        When::Today => (
            format!("Relais : votre session « {} » aujourd’hui", r.session_title),
            "Votre session de formation a lieu aujourd’hui, à distance : voici le lien pour la rejoindre.",
        ),
    };
    let details = SessionDetails {
        module_title: &r.module_title,
        session_title: &r.session_title,
        mode_label: &r.mode_label,
        slots: &r.slots,
        place: r.place.as_deref(),
        visio_url: r.visio_url.as_deref(),
        slots_heading: "Horaires",
    };
    let mut text = format!(
        "Bonjour {},\n\n{intro}\n\n{}",
        r.display_name,
        details.text()
    );
    text.push_str(&format!(
        "\nDétails de la session : {}\n\n{}",
        r.link,
        footer_text()
    ));

    let mut html = format!(
        "<p>Bonjour {},</p><p>{intro}</p>{}",
        escape(&r.display_name),
        details.html()
    );
    html.push_str(&format!(
        "<p><a href=\"{}\">Détails de la session</a></p>",
        escape(&r.link)
    ));
    (subject, text, wrap_html(&html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_reminder_carries_the_link_and_escapes_html() {
        let (subject, text, html) = reminder(&Reminder {
            when: When::Today,
            display_name: "<b>Léa</b>".into(),
            module_title: "Crise".into(),
            session_title: "Groupe A".into(),
            mode_label: "Distanciel".into(),
            slots: vec!["mardi 14 avril 2026, 9 h 00 – 12 h 30".into()],
            place: None,
            visio_url: Some("https://visio.example.org/?a=1&b=2".into()),
            link: "https://relais.test/sessions/3".into(),
        });
        assert!(subject.contains("aujourd’hui"));
        assert!(text.contains("https://visio.example.org/?a=1&b=2"));
        assert!(html.contains("a=1&amp;b=2"));
        assert!(html.contains("&lt;b&gt;Léa"));
    }
}
