//! The French text of the follow-up invitation (évaluation à froid), sent
//! three months after a course, plain text and HTML.

#![cfg(feature = "ssr")]

use super::templates::{escape, footer_text, wrap_html};

#[derive(Debug, Clone)]
pub struct FollowUpMail {
    pub display_name: String,
    pub training_title: String,
    /// « jusqu’au 21 avril 2027 »: the last day to answer, in French.
    pub until: String,
    /// The learner's questionnaire page (sign-in required).
    pub link: String,
}

/// Subject, text and HTML of the message.
pub fn follow_up_mail(m: &FollowUpMail) -> (String, String, String) {
    let subject = format!(
        "Relais : trois mois après la formation « {} », votre avis",
        m.training_title
    );
    let intro = "Il y a trois mois, vous avez suivi cette formation. Avez-vous utilisé ce que vous avez appris ? Quelques exemples nous aident à faire évoluer la formation.";
    let text = format!(
        "Bonjour {},\n\n{intro}\n\nFormation : {}\nLe questionnaire prend deux minutes ; il reste ouvert {}.\n\n\
         Répondre : {}\n\nVos réponses sont présentées aux formateurs sans votre nom.\n\n{}",
        m.display_name,
        m.training_title,
        m.until,
        m.link,
        footer_text()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>{intro}</p><p>Formation&nbsp;: {}</p>\
         <p>Le questionnaire prend deux minutes&nbsp;; il reste ouvert {}.</p>\
         <p><a href=\"{}\">Répondre au questionnaire</a></p>\
         <p>Vos réponses sont présentées aux formateurs sans votre nom.</p>",
        escape(&m.display_name),
        escape(&m.training_title),
        escape(&m.until),
        escape(&m.link),
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_invitation_links_to_the_questionnaire_and_escapes_names() {
        let (subject, text, html) = follow_up_mail(&FollowUpMail {
            display_name: "<i>Léa</i>".into(),
            training_title: "Crise & précarité".into(),
            until: "jusqu’au 21 avril 2027".into(),
            link: "https://relais.test/sessions/4/auto-evaluation".into(),
        });
        assert!(subject.contains("trois mois"));
        assert!(text.contains("https://relais.test/sessions/4/auto-evaluation"));
        assert!(text.contains("jusqu’au 21 avril 2027"));
        assert!(html.contains("&lt;i&gt;Léa"));
        assert!(html.contains("Crise &amp; précarité"));
    }
}
