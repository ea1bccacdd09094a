//! The French text of the message that carries a certificate of completion
//! (the PDF is attached), plain text and HTML.

#![cfg(feature = "ssr")]

use super::templates::{escape, footer_text, wrap_html};

#[derive(Debug, Clone)]
pub struct CertificateMail {
    pub display_name: String,
    pub training_title: String,
    pub number: String,
    /// A correction of a certificate sent before.
    pub corrected: bool,
    /// « Mon espace », where every certificate stays downloadable.
    pub space_link: String,
}

/// Subject, text and HTML of the message.
pub fn certificate_mail(c: &CertificateMail) -> (String, String, String) {
    let subject = if c.corrected {
        format!(
            "Relais : certificat de réalisation corrigé — {}",
            c.training_title
        )
    } else {
        format!(
            "Relais : votre certificat de réalisation — {}",
            c.training_title
        )
    };
    let intro = if c.corrected {
        "Votre certificat de réalisation a été corrigé : la version jointe remplace la précédente. Son numéro ne change pas."
    } else {
        "Vous trouverez ci-joint votre certificat de réalisation."
    };
    let text = format!(
        "Bonjour {},\n\n{intro}\n\nFormation : {}\nNuméro du certificat : {}\n\n\
         Vos certificats restent téléchargeables depuis votre espace : {}\n\n{}",
        c.display_name,
        c.training_title,
        c.number,
        c.space_link,
        footer_text()
    );
    let html = wrap_html(&format!(
        "<p>Bonjour {},</p><p>{intro}</p><dl><dt>Formation</dt><dd>{}</dd>\
         <dt>Numéro du certificat</dt><dd>{}</dd></dl>\
         <p><a href=\"{}\">Vos certificats restent téléchargeables depuis votre espace</a>.</p>",
        escape(&c.display_name),
        escape(&c.training_title),
        escape(&c.number),
        escape(&c.space_link),
    ));
    (subject, text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_corrections_said() {
        let mail = CertificateMail {
            display_name: "<b>Léa</b>".into(),
            training_title: "Crise & désescalade".into(),
            number: "RELAIS-2030-000001".into(),
            corrected: false,
            space_link: "https://relais.test/mon-espace".into(),
        };
        let (subject, text, html) = certificate_mail(&mail);
        assert!(subject.contains("Crise & désescalade"));
        assert!(text.contains("RELAIS-2030-000001"));
        assert!(html.contains("&lt;b&gt;Léa&lt;/b&gt;"));
        assert!(html.contains("Crise &amp; désescalade"));
        let (subject, text, _) = certificate_mail(&CertificateMail {
            corrected: true,
            ..mail
        });
        assert!(subject.contains("corrigé"));
        assert!(text.contains("remplace la précédente"));
    }
}
