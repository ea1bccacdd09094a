//! The block of session details shared by the convocation and the
//! reminders: module, session, mode, half-days, place and visio link, in
//! plain text and in HTML.

#![cfg(feature = "ssr")]

use super::templates::escape;

/// What the block shows; every field is already in local French form.
pub struct SessionDetails<'a> {
    pub module_title: &'a str,
    pub session_title: &'a str,
    pub mode_label: &'a str,
    /// « mardi 14 avril 2026, 9 h 00 – 12 h 30 ».
    pub slots: &'a [String],
    pub place: Option<&'a str>,
    pub visio_url: Option<&'a str>,
    /// The heading of the half-days, before « (heure de Paris) ».
    pub slots_heading: &'a str,
}

impl SessionDetails<'_> {
    /// Plain text, starting with « Module : » and ending with a line break.
    pub fn text(&self) -> String {
        let mut text = format!(
            "Module : {}\nSession : {}\nModalité : {}\n\n{} (heure de Paris) :\n",
            self.module_title, self.session_title, self.mode_label, self.slots_heading
        );
        for s in self.slots {
            text.push_str(&format!("- {s}\n"));
        }
        if let Some(p) = self.place {
            text.push_str(&format!("\nLieu : {p}\n"));
        }
        if let Some(v) = self.visio_url {
            text.push_str(&format!("\nLien de visioconférence : {v}\n"));
        }
        text
    }

    /// HTML, every value escaped.
    pub fn html(&self) -> String {
        let slots: String = self
            .slots
            .iter()
            .map(|s| format!("<li>{}</li>", escape(s)))
            .collect();
        let mut html = format!(
            "<dl><dt>Module</dt><dd>{}</dd><dt>Session</dt><dd>{}</dd><dt>Modalité</dt><dd>{}</dd></dl>\
             <h2 style=\"font-size:1.1em\">{} (heure de Paris)</h2><ul>{slots}</ul>",
            escape(self.module_title),
            escape(self.session_title),
            escape(self.mode_label),
            self.slots_heading,
        );
        if let Some(p) = self.place {
            html.push_str(&format!("<p>Lieu&nbsp;: {}</p>", escape(p)));
        }
        if let Some(v) = self.visio_url {
            html.push_str(&format!(
                "<p>Lien de visioconférence&nbsp;: <a href=\"{0}\">{0}</a></p>",
                escape(v)
            ));
        }
        html
    }
}
