//! The French text telling a holder that their certificate of completion was
//! revoked, with the reason the coordinator gave, plain text and HTML.

#![cfg(feature = "ssr")]

use super::templates::{escape, footer_text, wrap_html};

#[derive(Debug, Clone)]
pub struct RevokedMail {
    pub display_name: String,
    pub training_title: String,
    pub number: String,
    /// « 3 décembre 2026 ».
    pub revoked_on: String,
    pub reason: String,
}

/// Subject, text and HTML of the notice.
pub fn certificate_revoked_mail(m: &RevokedMail) -> (String, String, String) {
    let subject = format!(
        "Relais : votre certificat de réalisation est révoqué — {}",
        m.training_title
    );
    let text = format!(
        "Bonjour {},\n\nVotre certificat de réalisation n° {} (formation : {}) a été révoqué le {} : \
         il n’est plus valable et n’est plus téléchargeable.\n\nMotif : {}\n\n\
         Pour toute question, contactez l’équipe du CLSM.\n\n{}",
        m.display_name,
        m.number,
        m.training_title,
        m.revoked_on,
        m.reason,
        footer_text()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>Votre certificat de réalisation a été révoqué le {}&nbsp;: \
         il n’est plus valable et n’est plus téléchargeable.</p>\
         <dl><dt>Formation</dt><dd>{}</dd><dt>Numéro du certificat</dt><dd>{}</dd>\
         <dt>Motif</dt><dd>{}</dd></dl>\
         <p>Pour toute question, contactez l’équipe du CLSM.</p>",
        escape(&m.display_name),
        escape(&m.revoked_on),
        escape(&m.training_title),
        escape(&m.number),
        escape(&m.reason),
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_gives_the_reason_and_escapes_it() {
        let (subject, text, html) = certificate_revoked_mail(&RevokedMail {
            display_name: "Léa".into(),
            training_title: "Crise & désescalade".into(),
            number: "RELAIS-2030-000001".into(),
            revoked_on: "3 décembre 2030".into(),
            reason: "<i>présence non justifiée</i>".into(),
        });
        assert!(subject.contains("révoqué"));
        assert!(subject.contains("Crise & désescalade"));
        assert!(text.contains("RELAIS-2030-000001"));
        assert!(text.contains("révoqué le 3 décembre 2030"));
        assert!(text.contains("Motif : <i>présence non justifiée</i>"));
        assert!(html.contains("&lt;i&gt;présence non justifiée&lt;/i&gt;"));
        assert!(html.contains("Crise &amp; désescalade"));
    }
}
