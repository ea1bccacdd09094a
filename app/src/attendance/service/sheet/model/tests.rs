use chrono::{NaiveDate, TimeZone, Utc};

use super::*;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("instant")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn session() -> SessionRow {
    SessionRow {
        id: 12,
        title: "Groupe du printemps".into(),
        module_title: "Prévention et gestion des situations de crise".into(),
        mode: "hybride".into(),
        place_address: Some("1 place d’Armes, Metz".into()),
        place_room: Some("Salle 2".into()),
        visio_url: Some("https://visio.example.org/x".into()),
    }
}

/// Saturday 24 October 2026 (summer time, UTC+2) and Monday 26 October
/// (winter time, UTC+1): the clocks went back on Sunday 25.
fn slots() -> Vec<SlotRow> {
    vec![
        SlotRow {
            id: 2,
            day: day(2026, 10, 26),
            half_day: "matin".into(),
            starts_at: utc(2026, 10, 26, 8, 0),
            ends_at: utc(2026, 10, 26, 11, 30),
            confirmed_at: None,
            confirmed_by: None,
        },
        SlotRow {
            id: 1,
            day: day(2026, 10, 24),
            half_day: "apres_midi".into(),
            starts_at: utc(2026, 10, 24, 11, 30),
            ends_at: utc(2026, 10, 24, 15, 0),
            confirmed_at: Some(utc(2026, 10, 24, 15, 5)),
            confirmed_by: Some("Claire Formatrice".into()),
        },
    ]
}

fn learner(enrolment_id: i32, name: &str, structure: Option<&str>) -> LearnerRow {
    LearnerRow {
        enrolment_id,
        name: name.into(),
        structure: structure.map(Into::into),
    }
}

fn mark(slot_id: i32, enrolment_id: i32, status: &str, at: DateTime<Utc>) -> MarkRow {
    MarkRow {
        slot_id,
        enrolment_id,
        status: status.into(),
        method: "appel".into(),
        recorded_at: at,
    }
}

fn rows(learners: Vec<LearnerRow>, marks: Vec<MarkRow>) -> SheetRows {
    SheetRows {
        session: session(),
        trainers: vec!["Claire Formatrice".into()],
        slots: slots(),
        learners,
        marks,
    }
}

fn now() -> DateTime<Utc> {
    utc(2026, 10, 26, 17, 2)
}

#[test]
fn slots_read_in_paris_time_across_the_clock_change() {
    let sheet = build_sheet(rows(vec![], vec![]), now());
    let labels: Vec<_> = sheet.slots.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Samedi 24 octobre 2026, après-midi",
            "Lundi 26 octobre 2026, matin"
        ]
    );
    // 11:30 UTC is 13:30 in summer; 08:00 UTC is 9:00 in winter.
    assert_eq!(sheet.slots[0].hours, "13 h 30 – 17 h 00");
    assert_eq!(sheet.slots[1].hours, "9 h 00 – 12 h 30");
    assert_eq!(
        (sheet.slots[1].starts.as_str(), sheet.slots[1].ends.as_str()),
        ("09:00", "12:30")
    );
    assert_eq!(
        sheet.dates,
        "samedi 24 octobre 2026 et lundi 26 octobre 2026"
    );
    assert_eq!(
        sheet.issued,
        "Document établi le lundi 26 octobre 2026 à 18 h 02 (heure de Paris)."
    );
}

#[test]
fn the_trainer_signature_is_shown_or_missing() {
    let sheet = build_sheet(rows(vec![], vec![]), now());
    assert_eq!(
        sheet.slots[0].confirmation,
        "Appel signé le samedi 24 octobre 2026 à 17 h 05 par Claire Formatrice"
    );
    assert!(sheet.slots[0].signed);
    assert_eq!(sheet.slots[1].confirmation, NOT_SIGNED);
    assert!(!sheet.slots[1].signed);

    let mut unsigned_by = rows(vec![], vec![]);
    unsigned_by.slots[1].confirmed_by = None;
    let sheet = build_sheet(unsigned_by, now());
    assert_eq!(
        sheet.slots[0].confirmation,
        "Appel signé le samedi 24 octobre 2026 à 17 h 05"
    );
}

#[test]
fn statuses_times_and_rates_per_learner() {
    let sheet = build_sheet(
        rows(
            vec![
                learner(10, "Zoé Martin", Some("CCAS de Metz")),
                learner(11, "élise Bernard", None),
                learner(12, "Dan Petit", Some("GEM L’Albatros")),
            ],
            vec![
                mark(1, 10, "present", utc(2026, 10, 24, 11, 32)),
                mark(2, 10, "retard", utc(2026, 10, 26, 8, 20)),
                mark(1, 11, "absent_excuse", utc(2026, 10, 20, 9, 0)),
                mark(2, 11, "absent", utc(2026, 10, 26, 8, 5)),
                // Corrected two days after the half-day.
                mark(1, 12, "present", utc(2026, 10, 26, 9, 0)),
            ],
        ),
        now(),
    );
    let names: Vec<_> = sheet.learners.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Dan Petit", "élise Bernard", "Zoé Martin"]);

    let zoe = &sheet.learners[2];
    assert_eq!(zoe.structure, "CCAS de Metz");
    assert_eq!(zoe.cells[0].status, "Présent·e");
    assert_eq!(zoe.cells[0].time, "13 h 32");
    assert_eq!(zoe.cells[0].method, "Appel");
    assert_eq!(zoe.cells[0].recorded_at, "2026-10-24 13:32");
    assert_eq!(zoe.cells[1].status, "En retard");
    assert_eq!(zoe.cells[1].time, "9 h 20");
    assert_eq!(
        (zoe.rate.as_str(), zoe.rate_percent),
        ("100\u{202f}%", Some(100))
    );

    let elise = &sheet.learners[1];
    assert_eq!(elise.structure, "");
    assert_eq!(elise.cells[0].status, "Absent·e excusé·e");
    assert_eq!(elise.cells[0].time, "", "no signature time for an absence");
    assert_eq!(elise.cells[1].status, "Absent·e");
    assert_eq!(
        (elise.rate.as_str(), elise.rate_percent),
        ("0\u{202f}%", Some(0))
    );

    let dan = &sheet.learners[0];
    assert_eq!(dan.cells[0].time, "26/10/2026 à 10 h 00");
    assert_eq!(dan.cells[1].status, NO_MARK);
    assert_eq!(dan.cells[1].recorded_at, "");
    assert_eq!(dan.rate, "50\u{202f}%");

    // 3 attended half-days out of 3 learners × 2.
    assert_eq!(sheet.session_rate, "50\u{202f}%");
}

#[test]
fn session_facts_are_in_french() {
    let sheet = build_sheet(rows(vec![], vec![]), now());
    assert_eq!(sheet.organisation, NAME_AND_CARRIER);
    assert_eq!(sheet.mode, "Hybride");
    assert_eq!(
        sheet.place.as_deref(),
        Some("1 place d’Armes, Metz — Salle 2")
    );
    assert_eq!(sheet.title, "Feuille d’émargement — Groupe du printemps");
    assert_eq!(sheet.session_rate, "—", "no learners: no rate");
}

#[test]
fn no_slots_means_no_rate_and_no_dates() {
    let mut r = rows(vec![learner(1, "Ana", None)], vec![]);
    r.slots.clear();
    r.session.place_address = None;
    r.session.place_room = Some("  ".into());
    let sheet = build_sheet(r, now());
    assert_eq!(sheet.learners[0].rate, "—");
    assert_eq!(sheet.learners[0].rate_percent, None);
    assert_eq!(sheet.dates, "—");
    assert_eq!(sheet.place, None);
}

#[test]
fn hostile_names_are_kept_verbatim() {
    let hostile = "#panic(\"x\") ] *gras* $x$ \\ <b>=1+1";
    let sheet = build_sheet(
        rows(
            vec![learner(1, hostile, Some("=HYPERLINK(\"http://x\")"))],
            vec![],
        ),
        now(),
    );
    assert_eq!(sheet.learners[0].name, hostile);
    assert_eq!(sheet.learners[0].structure, "=HYPERLINK(\"http://x\")");
}
