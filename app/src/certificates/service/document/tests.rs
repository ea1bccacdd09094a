use super::*;

const HOSTILE: &str = "Zoé #panic(\"x\") ] *gras* $x$";

fn content() -> Content {
    Content {
        number: "RELAIS-2030-000042".into(),
        holder_name: HOSTILE.into(),
        holder_structure: Some("CCAS Carrefour des solidarités".into()),
        training_title: "Prévention et gestion des situations de crise".into(),
        objectives: vec!["Repérer une situation de crise".into()],
        mode: "Hybride".into(),
        dates: "mardi 16 avril 2030".into(),
        attended_hours: "6 h 30".into(),
        attended_half_days: "2 demi-journées suivies sur 2".into(),
        trainers: vec!["Claire Formatrice".into()],
        verify_url: "https://relais.test/verifier/abcDEF123_-".into(),
    }
}

fn words(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf)
        .expect("text")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_certificate_prints_every_field_as_text() {
    let pdf = certificate_pdf(&content(), 2, "mardi 16 avril 2030", Utc::now()).expect("pdf");
    let text = words(&pdf);
    for expected in [
        "Certificat de réalisation",
        HOSTILE,
        "CCAS Carrefour des solidarités",
        "Prévention et gestion des situations de crise",
        "Repérer une situation de crise",
        "Hybride",
        "mardi 16 avril 2030",
        "6 h 30",
        "Claire Formatrice",
        "RELAIS-2030-000042",
        "https://relais.test/verifier/abcDEF123_-",
        "Fait à Metz",
        "Centre hospitalier de Jury",
        "Révision 2",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from {text:?}"
        );
    }
}

#[test]
fn the_hash_changes_with_the_content_only() {
    let a = content();
    assert_eq!(a.hash().expect("hash"), content().hash().expect("hash"));
    let b = Content {
        attended_hours: "3 h".into(),
        ..content()
    };
    assert_ne!(a.hash().expect("hash"), b.hash().expect("hash"));
    assert_eq!(a.hash().expect("hash").len(), 64);
}

#[test]
fn the_qr_code_is_an_svg() {
    let svg = qr_svg("https://relais.test/verifier/abc").expect("svg");
    assert!(svg.contains("<svg"), "{svg}");
}
