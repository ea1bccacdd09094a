use chrono::{TimeZone, Utc};
use serde::Serialize;

use super::*;

const TEMPLATE: Template = Template {
    name: "test.typ",
    source: r#"#let data = json("data.json")
#set document(title: data.title)
#set text(lang: "fr")
= #data.title
#table(columns: 2, table.header([Nom], [Structure]), data.name, data.structure)
"#,
};

#[derive(Serialize)]
struct Data<'a> {
    title: &'a str,
    name: &'a str,
    structure: &'a str,
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 4, 16, 10, 0, 0)
        .single()
        .expect("instant")
}

fn text_of(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("text")
}

#[test]
fn data_is_shown_as_text_never_run_as_markup() {
    let hostile = r#"#panic("x") ] [ *gras* _it_ $x^2$ \ @ref <label> // #"#;
    let structure = r#"")] #let a = 1 #a"#;
    let pdf = render(
        TEMPLATE,
        &Data {
            title: "Feuille d’émargement",
            name: hostile,
            structure,
        },
        now(),
    )
    .expect("the hostile name does not break the document");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = text_of(&pdf);
    for expected in [
        "Feuille d’émargement",
        "#panic(\"x\")",
        "*gras*",
        "$x^2$",
        "#let a = 1 #a",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from {text:?}"
        );
    }
}

/// A PDF text string: UTF-16BE with its mark, or (ASCII) PDFDocEncoding.
pub(crate) fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16_lossy(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
                .collect::<Vec<_>>(),
        ),
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

#[test]
fn the_document_is_tagged_titled_and_in_french() {
    let pdf = render(
        TEMPLATE,
        &Data {
            title: "Titre du document",
            name: "Élise",
            structure: "CCAS",
        },
        now(),
    )
    .expect("pdf");
    let doc = pdf_extract::Document::load_mem(&pdf).expect("parse");
    let catalog = doc.catalog().expect("catalog");
    let lang = catalog
        .get(b"Lang")
        .and_then(|l| l.as_str())
        .expect("/Lang");
    assert!(text_string(lang).starts_with("fr"), "{lang:?}");
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "tagged PDF");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .and_then(|id| doc.get_dictionary(id))
        .expect("/Info");
    let title = info.get(b"Title").and_then(|t| t.as_str()).expect("/Title");
    assert_eq!(text_string(title), "Titre du document");
    assert!(text_of(&pdf).contains("Élise"));
}

#[test]
fn a_broken_template_is_an_error_not_a_panic() {
    let broken = Template {
        name: "broken.typ",
        source: "#let data = json(\"absent.json\")",
    };
    let err = render(
        broken,
        &Data {
            title: "",
            name: "",
            structure: "",
        },
        now(),
    )
    .expect_err("no such file");
    assert!(matches!(err, PdfError::Compile { .. }), "{err}");
}
