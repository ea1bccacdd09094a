//! The attendance sheet downloads: who may fetch them, and what the PDF, the
//! CSV and the ZIP hold for a session with marks written directly in the
//! tables (as the roll call would).

use std::io::{Cursor, Read};

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use app::db::entities::session_slots;
use app::roles::Role;

use crate::sessions::support::{create_session, enrol, enrolment_rows, slot_rows};
use crate::support::fixtures::{mark, rename, structure};
use crate::support::{TestApp, TestUser, new_client};

const HOSTILE: &str = "Zoé #panic(\"x\") ] *gras* $x$";
const MODULE: &str = "Prévention et gestion des situations de crise";

fn utc(h: u32, m: u32) -> DateTime<Utc> {
    // 16 April 2030: Paris is UTC+2.
    Utc.with_ymd_and_hms(2030, 4, 16, h, m, 0)
        .single()
        .expect("instant")
}

struct Fixture {
    app: TestApp,
    session: i32,
    trainer: TestUser,
    other_trainer: TestUser,
    learner: TestUser,
    coordinator: TestUser,
}

/// A session on 16 April 2030 (morning, afternoon) taught by « Claire
/// Formatrice », with two confirmed learners, one waiting, marks and the
/// morning's roll call signed.
async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let other_trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let learner = app.signed_in(Role::Learner).await;
    let hostile = app.signed_in(Role::Learner).await;
    let waiting = app.signed_in(Role::Learner).await;
    let session = create_session(&app, &trainer, None, 2).await;
    for who in [&learner, &hostile, &waiting] {
        assert_eq!(enrol(&app, who, session).await.status(), 200);
    }
    let ccas = structure(&app.db, "CCAS Carrefour des solidarités", "action_sociale").await;
    rename(&app.db, trainer.id, "Claire Formatrice", None).await;
    rename(&app.db, learner.id, "Élise Bernard", Some(ccas)).await;
    rename(&app.db, hostile.id, HOSTILE, None).await;
    rename(&app.db, waiting.id, "Wanda Attente", None).await;

    let enrolments = enrolment_rows(&app, session).await;
    let enrolment_of = |user: &TestUser| {
        enrolments
            .iter()
            .find(|e| e.user_id == user.id)
            .expect("enrolment")
            .id
    };
    let slots = slot_rows(&app, session).await;
    let (morning, afternoon) = (slots[0].id, slots[1].id);
    mark(
        &app.db,
        morning,
        enrolment_of(&learner),
        "present",
        utc(7, 5),
    )
    .await;
    mark(
        &app.db,
        afternoon,
        enrolment_of(&learner),
        "retard",
        utc(12, 20),
    )
    .await;
    mark(
        &app.db,
        morning,
        enrolment_of(&hostile),
        "absent_excuse",
        utc(6, 0),
    )
    .await;
    let mut signed: session_slots::ActiveModel = slots[0].clone().into();
    signed.confirmed_at = Set(Some(utc(10, 35)));
    signed.confirmed_by = Set(Some(trainer.id));
    signed.update(&app.db).await.expect("sign");
    Fixture {
        app,
        session,
        trainer,
        other_trainer,
        learner,
        coordinator,
    }
}

fn path(session: i32, ext: &str) -> String {
    format!("/exports/sessions/{session}/emargement.{ext}")
}

/// The session page as `who` sees it.
async fn page(app: &TestApp, who: &TestUser, session: i32) -> String {
    let (status, page) = app
        .page_as(&who.client, &format!("/sessions/{session}"))
        .await;
    assert_eq!(status, 200);
    page
}

/// All whitespace (line breaks, non-breaking spaces) as single spaces.
fn flat(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdf_text(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    flat(&pdf_extract::extract_text_from_mem(bytes).expect("PDF text"))
}

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).expect("UTF-8 mark");
    csv::Reader::from_reader(body)
        .records()
        .map(|r| r.expect("row"))
        .collect()
}

#[tokio::test]
async fn only_the_sessions_trainers_and_the_coordinator_get_the_sheets() {
    let f = fixture().await;
    for ext in ["pdf", "csv", "zip"] {
        let p = path(f.session, ext);
        assert_eq!(
            f.app.get_as(&f.trainer.client, &p).await.status(),
            200,
            "{p}"
        );
        assert_eq!(
            f.app.get_as(&f.coordinator.client, &p).await.status(),
            200,
            "{p}"
        );
        assert_eq!(
            f.app.get_as(&f.other_trainer.client, &p).await.status(),
            403,
            "{p}"
        );
        assert_eq!(
            f.app.get_as(&f.learner.client, &p).await.status(),
            403,
            "{p}"
        );
        assert_eq!(f.app.get_as(&new_client(), &p).await.status(), 401, "{p}");
        let link = format!("href=\"{p}\"");
        assert!(
            page(&f.app, &f.trainer, f.session).await.contains(&link),
            "{link}"
        );
        assert!(!page(&f.app, &f.learner, f.session).await.contains(&link));
        let missing = path(f.session + 1000, ext);
        assert_eq!(
            f.app.get_as(&f.coordinator.client, &missing).await.status(),
            404
        );
    }
}

#[tokio::test]
async fn the_pdf_shows_the_module_learners_statuses_and_signature() {
    let f = fixture().await;
    let started = std::time::Instant::now();
    let response = f
        .app
        .get_as(&f.trainer.client, &path(f.session, "pdf"))
        .await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("body");
    eprintln!(
        "émargement PDF: {} bytes in {:?}",
        bytes.len(),
        started.elapsed()
    );
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(
        headers["content-disposition"],
        format!(
            "attachment; filename=\"emargement-session-{}.pdf\"",
            f.session
        )
    );
    let text = pdf_text(&bytes);
    for expected in [
        "Conseil local de santé mentale de Metz",
        MODULE,
        "Groupe du printemps",
        "Claire Formatrice",
        "Élise Bernard",
        "CCAS Carrefour des solidarités",
        HOSTILE,
        "Présent·e",
        "à 9 h 05",
        "En retard",
        "à 14 h 20",
        "Absent·e excusé·e",
        "Non renseigné",
        "Appel signé le mardi 16 avril 2030 à 12 h 35 par Claire Formatrice",
        "Non signé",
        "9 h 00 – 12 h 30",
        "14 h 00 – 17 h 00",
        "100 %",
        "0 %",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from {text:?}"
        );
    }
    assert!(
        !text.contains("Wanda Attente"),
        "the waiting list is not on the sheet"
    );
}

#[tokio::test]
async fn the_csv_has_one_row_per_learner_and_half_day() {
    let f = fixture().await;
    let response = f
        .app
        .get_as(&f.coordinator.client, &path(f.session, "csv"))
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/csv")
    );
    let rows = csv_rows(&response.bytes().await.expect("body"));
    let summary: Vec<(String, String, String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r[10].to_owned(),
                r[7].to_owned(),
                r[12].to_owned(),
                r[13].to_owned(),
                r[17].to_owned(),
            )
        })
        .collect();
    let row = |name: &str, half: &str, status: &str, time: &str, rate: &str| {
        (
            name.to_owned(),
            half.to_owned(),
            status.to_owned(),
            time.to_owned(),
            rate.to_owned(),
        )
    };
    assert_eq!(
        summary,
        [
            row("Élise Bernard", "Matin", "Présent·e", "9 h 05", "100"),
            row("Élise Bernard", "Après-midi", "En retard", "14 h 20", "100"),
            row(HOSTILE, "Matin", "Absent·e excusé·e", "", "0"),
            row(HOSTILE, "Après-midi", "Non renseigné", "", "0"),
        ]
    );
    let first = &rows[0];
    assert_eq!(&first[0], f.session.to_string());
    assert_eq!(&first[1], MODULE);
    assert_eq!(&first[5], "Claire Formatrice");
    assert_eq!(
        (&first[6], &first[8], &first[9]),
        ("2030-04-16", "09:00", "12:30")
    );
    assert_eq!(&first[11], "CCAS Carrefour des solidarités");
    assert_eq!(&first[15], "2030-04-16 09:05");
    assert_eq!(
        &first[16],
        "Appel signé le mardi 16 avril 2030 à 12 h 35 par Claire Formatrice"
    );
    assert_eq!(&rows[1][16], "Non signé");
}

#[tokio::test]
async fn a_name_made_to_be_a_formula_stays_text_with_either_separator() {
    let f = fixture().await;
    rename(&f.app.db, f.learner.id, "x;=1+1;@SOMME(A1),+2", None).await;
    let bytes = f
        .app
        .get_as(&f.coordinator.client, &path(f.session, "csv"))
        .await
        .bytes()
        .await
        .expect("body");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert!(text.contains("x;'=1+1;'@SOMME(A1),'+2"), "{text}");

    // A spreadsheet set to `,` or to `;`, respecting quotes or splitting blindly.
    for (separator, quoting) in [(b',', true), (b';', true), (b',', false), (b';', false)] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .quoting(quoting)
            .flexible(true)
            .has_headers(false)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.expect("record").iter() {
                let first = cell.trim_start_matches([' ', '"']).chars().next();
                assert!(
                    !matches!(first, Some('=' | '+' | '-' | '@')),
                    "{cell:?} read with {:?} (quotes respected: {quoting})",
                    separator as char
                );
            }
        }
    }
}

#[tokio::test]
async fn the_zip_holds_the_pdf_and_the_csv() {
    let f = fixture().await;
    let response = f
        .app
        .get_as(&f.trainer.client, &path(f.session, "zip"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    assert_eq!(
        response.headers()["content-disposition"],
        format!(
            "attachment; filename=\"emargement-session-{}.zip\"",
            f.session
        )
    );
    let bytes = response.bytes().await.expect("body");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("zip");
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.expect("name").into_owned())
        .collect();
    names.sort();
    let id = f.session;
    assert_eq!(
        names,
        [
            format!("emargement-session-{id}.csv"),
            format!("emargement-session-{id}.pdf")
        ]
    );
    let mut read = |name: String| {
        let mut out = Vec::new();
        archive
            .by_name(&name)
            .expect("entry")
            .read_to_end(&mut out)
            .expect("read");
        out
    };
    let pdf = read(format!("emargement-session-{id}.pdf"));
    assert!(pdf_text(&pdf).contains("Élise Bernard"));
    let csv = read(format!("emargement-session-{id}.csv"));
    let alone = f
        .app
        .get_as(&f.trainer.client, &path(id, "csv"))
        .await
        .bytes()
        .await
        .expect("csv");
    assert_eq!(csv, alone.to_vec(), "the same CSV as the single download");
    assert_eq!(csv_rows(&csv).len(), 4);
}
