use super::*;
use crate::sessions::types::SlotForm;

fn form() -> SessionForm {
    SessionForm {
        module_id: "3".into(),
        title: "Sensibilisation — printemps".into(),
        mode: "hybride".into(),
        place_address: "1 rue du Pont, Metz".into(),
        place_room: "Salle Jury".into(),
        visio_url: "https://visio.example.org/salle?id=1".into(),
        capacity: "12".into(),
        programme_year: "2026".into(),
        trainer_1: "7".into(),
        trainer_2: "7".into(),
        slot_1: SlotForm {
            day: "2026-04-15".into(),
            half_day: "apres_midi".into(),
            ..Default::default()
        },
        slot_2: SlotForm {
            day: "2026-04-14".into(),
            half_day: "matin".into(),
            start: "08:45".into(),
            end: "12:00".into(),
        },
        ..Default::default()
    }
}

#[test]
fn a_complete_form_gives_a_sorted_draft_with_default_hours() {
    let draft = parse_session_form(&form()).expect("valid");
    assert_eq!(draft.capacity, 12);
    assert_eq!(draft.trainers, [7]);
    assert_eq!(draft.slots.len(), 2);
    assert_eq!(draft.slots[0].half_day, HalfDay::Morning);
    assert_eq!(
        draft.slots[0].start,
        NaiveTime::from_hms_opt(8, 45, 0).expect("t")
    );
    assert_eq!(
        draft.slots[1].start,
        NaiveTime::from_hms_opt(13, 30, 0).expect("t")
    );
    assert_eq!(
        draft.slots[1].end,
        NaiveTime::from_hms_opt(17, 0, 0).expect("t")
    );
}

#[test]
fn each_mode_requires_its_place_or_link() {
    let mut f = form();
    f.mode = "distanciel".into();
    f.visio_url = String::new();
    assert!(
        parse_session_form(&f)
            .expect_err("refused")
            .message()
            .contains("visioconférence")
    );
    f.visio_url = "http://visio.example.org".into();
    assert!(
        parse_session_form(&f)
            .expect_err("refused")
            .message()
            .contains("https://")
    );
    f.visio_url = "https://visio.example.org/a b".into();
    assert!(parse_session_form(&f).is_err());
    f.visio_url = "https://visio.example.org/a".into();
    let draft = parse_session_form(&f).expect("remote");
    assert_eq!(
        draft.place_address, None,
        "no address kept for a remote session"
    );

    let mut f = form();
    f.mode = "presentiel".into();
    f.place_address = "  ".into();
    assert!(
        parse_session_form(&f)
            .expect_err("refused")
            .message()
            .contains("adresse")
    );
    f.place_address = "Metz".into();
    assert_eq!(parse_session_form(&f).expect("in person").visio_url, None);
}

#[test]
fn bad_values_are_named_in_french() {
    type Change = fn(&mut SessionForm);
    let cases: [(Change, &str); 7] = [
        (|f| f.capacity = "0".into(), "capacité"),
        (|f| f.capacity = "douze".into(), "capacité"),
        (|f| f.title = " ".into(), "titre"),
        (|f| f.mode = "visio".into(), "modalité"),
        (|f| f.module_id = String::new(), "module"),
        (
            |f| {
                f.slot_2.day = "2026-04-15".into();
                f.slot_2.half_day = "apres_midi".into();
            },
            "même date",
        ),
        (|f| f.slot_2.end = "08:00".into(), "fin"),
    ];
    for (change, word) in cases {
        let mut f = form();
        change(&mut f);
        let err = parse_session_form(&f).expect_err(word);
        assert!(err.message().contains(word), "{err}");
    }
}

#[test]
fn at_least_one_slot_is_needed() {
    let mut f = form();
    f.slot_1 = SlotForm::default();
    f.slot_2 = SlotForm::default();
    assert!(
        parse_session_form(&f)
            .expect_err("refused")
            .message()
            .contains("au moins un créneau")
    );
    f.slot_3.start = "09:00".into();
    assert!(
        parse_session_form(&f)
            .expect_err("refused")
            .message()
            .contains("Créneau 3")
    );
}

#[test]
fn the_deadline_is_read_as_local_date_and_time() {
    let mut f = form();
    f.enrolment_deadline = "2026-04-10T18:00".into();
    let draft = parse_session_form(&f).expect("valid");
    assert_eq!(
        draft.enrolment_deadline.map(|d| d.to_string()),
        Some("2026-04-10 18:00:00".into())
    );
    f.enrolment_deadline = "demain".into();
    assert!(parse_session_form(&f).is_err());
}

#[test]
fn title_address_and_room_hold_on_one_line() {
    for field in ["title", "address", "room"] {
        let mut f = form();
        let text = "Groupe\r\nBcc: x@evil.example".to_owned();
        match field {
            "title" => f.title = text,
            "address" => f.place_address = text,
            _ => f.place_room = text,
        }
        let refusal = parse_session_form(&f).expect_err(field);
        assert!(
            refusal.message().contains("tiennent chacun sur une ligne"),
            "{field}"
        );
    }
}
