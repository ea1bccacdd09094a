//! The coordinator's indicators against the hand-computed fixture of
//! `support.rs` (cancelled session, waiting list, excused
//! absence, people who answered only the pre-test or only the post-test),
//! the filters, the refusals, and the exports read back.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use app::indicators::types::{CountRow, Dashboard};
use app::roles::Role;

use crate::indicators::support::{BAILLEUR, YEAR, load, refused_but_to_the_coordinator};
use crate::support::{TestApp, TestUser};

async fn dashboard(app: &TestApp, who: &TestUser, form: &[(&str, &str)]) -> Dashboard {
    let r = app.call(&who.client, "indicators/dashboard", form).await;
    let status = r.status();
    let body = r.text().await.expect("body");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("dashboard")
}

fn labels(rows: &[CountRow]) -> Vec<(String, i64)> {
    rows.iter().map(|r| (r.label.clone(), r.count)).collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[tokio::test]
async fn every_indicator_matches_the_hand_computation() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let year = YEAR.to_string();
    let d = dashboard(&app, &coordinator, &[("input[annee]", &year)]).await;

    // Sessions against the programme, per mode, cancellation reasons.
    assert_eq!(d.programme.len(), 2);
    let m = &d.programme[0];
    assert_eq!(
        (m.planned, m.held, m.scheduled, m.cancelled),
        (Some(3), 2, 1, 1)
    );
    assert_eq!(d.programme[1].module, "Module sans session");
    assert_eq!(d.programme[1].planned, Some(2));
    assert_eq!(d.programme[1].held, 0);
    let modes: Vec<(&str, i64, i64, i64)> = d
        .modes
        .iter()
        .map(|r| (r.mode.as_str(), r.held, r.scheduled, r.cancelled))
        .collect();
    assert_eq!(
        modes,
        [
            ("Présentiel", 1, 0, 1),
            ("Distanciel", 1, 0, 0),
            ("Hybride", 0, 1, 0)
        ]
    );
    assert_eq!(
        labels(&d.cancel_reasons),
        [("Formateur indisponible".to_owned(), 1)]
    );

    // The funnel: the waiting list and the cancelled session do not count;
    // an excused absence is not attendance; late is.
    let f = &d.funnel;
    assert_eq!(
        (f.enrolled, f.attended_one, f.attended_all, f.people_trained),
        (7, 5, 4, 4)
    );
    assert_eq!(f.trainee_minutes, 1260, "21 hours");

    // Typology of the 4 people trained.
    assert_eq!(
        labels(&d.typology.sectors),
        [
            ("Logement et hébergement".to_owned(), 2),
            ("Soin".to_owned(), 2)
        ]
    );
    assert!(close(d.typology.sectors[0].share, 0.5));
    assert_eq!(
        labels(&d.typology.structures),
        [(BAILLEUR.to_owned(), 2), ("Structure A".to_owned(), 2)]
    );
    assert_eq!(d.typology.professions.len(), 2);

    // Skills per objective: L1 2→4, L2 3→3, L3 5 (after only), L6 1 (before only).
    assert_eq!(d.skills.len(), 2);
    let o1 = &d.skills[0];
    assert_eq!(o1.objective, "Repérer les signes");
    assert_eq!((o1.answered_after, o1.paired), (3, 2));
    assert!(close(o1.reached_share, 2.0 / 3.0));
    assert!(close(o1.mean_before, 2.5) && close(o1.mean_after, 3.5));
    assert!(close(o1.mean_change, 1.0));
    assert!(close(o1.quiz_share, 1.0), "{:?}", o1.quiz_share);
    let o2 = &d.skills[1];
    assert!(close(o2.mean_before, 1.5) && close(o2.mean_after, 4.5));
    assert!(close(o2.mean_change, 3.0));
    assert!(close(o2.quiz_share, 0.0));

    // The crisis indicator: L1 (4) and L2 (5) capable; L3 (3) not; both paired improved.
    let c = &d.crisis;
    assert_eq!(
        (c.trained, c.respondents, c.capable, c.paired, c.improved),
        (5, 3, 2, 2, 2)
    );

    let s = &d.satisfaction;
    assert_eq!((s.hot_responses, s.cold_responses), (2, 1));
    assert!(close(s.overall_mean, 4.0));
    assert!(close(s.recommend_rate, 0.5));
    assert!(close(s.used_rate, 1.0) && close(s.usefulness_mean, 4.0));

    // Structure B already had someone trained in 2030: only A is new.
    assert_eq!((d.partners.structures, d.partners.new_structures), (2, 1));

    let trend: Vec<(i32, i64, i64, i64, i64)> = d
        .trend
        .iter()
        .map(|r| {
            (
                r.year,
                r.held,
                r.people_trained,
                r.trainee_minutes,
                r.crisis_capable,
            )
        })
        .collect();
    assert_eq!(trend, [(YEAR - 1, 1, 1, 180, 0), (YEAR, 2, 4, 1260, 2)]);
    assert!(d.trend[0].overall_mean.is_none());
    assert!(close(d.trend[1].overall_mean, 4.0));
    assert!(d.trend[0].recommend_rate.is_none() && d.trend[0].used_rate.is_none());
    assert!(close(d.trend[1].recommend_rate, 0.5) && close(d.trend[1].used_rate, 1.0));
    // Partners per year: B in 2030 (new then); A and B in 2031, only A new.
    let partners: Vec<(i64, i64)> = d
        .trend
        .iter()
        .map(|r| (r.structures, r.new_structures))
        .collect();
    assert_eq!(partners, [(1, 1), (2, 1)]);
}

#[tokio::test]
async fn filters_narrow_every_figure_and_bad_values_are_refused() {
    let app = TestApp::spawn().await;
    let fixture = load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let year = YEAR.to_string();

    let remote = dashboard(
        &app,
        &coordinator,
        &[("input[annee]", &year), ("input[modalite]", "distanciel")],
    )
    .await;
    assert_eq!(remote.programme[0].planned, None, "not comparable by mode");
    let f = &remote.funnel;
    assert_eq!(
        (
            f.enrolled,
            f.attended_all,
            f.people_trained,
            f.trainee_minutes
        ),
        (2, 2, 2, 360)
    );
    assert_eq!(remote.crisis.respondents, 0);
    // With the mode filter, the 2030 session (in a room) is out of scope: B is new too.
    assert_eq!(remote.partners.new_structures, 2);

    let trainer = fixture.trainer_2.to_string();
    let taught = dashboard(
        &app,
        &coordinator,
        &[("input[annee]", &year), ("input[formateur]", &trainer)],
    )
    .await;
    assert_eq!(taught.funnel, remote.funnel);

    let other = fixture.other_module.to_string();
    let empty = dashboard(
        &app,
        &coordinator,
        &[("input[annee]", &year), ("input[module]", &other)],
    )
    .await;
    assert_eq!(empty.funnel.enrolled, 0);
    assert_eq!(empty.programme.len(), 1);
    assert_eq!(empty.programme[0].planned, Some(2));
    assert!(empty.skills.is_empty());
    let module = fixture.module.to_string();
    let same = dashboard(
        &app,
        &coordinator,
        &[("input[annee]", &year), ("input[module]", &module)],
    )
    .await;
    assert_eq!(same.funnel.people_trained, 4);

    for (field, value, message) in [
        ("input[annee]", "26", "quatre chiffres"),
        ("input[modalite]", "avion", "modalité"),
        ("input[module]", "abc", "module"),
    ] {
        let r = app
            .call(
                &coordinator.client,
                "indicators/dashboard",
                &[(field, value)],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.expect("body").contains(message));
    }
}

#[tokio::test]
async fn the_exports_read_back_with_small_cells_masked_and_formulas_defused() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;

    let r = app
        .get_as(
            &coordinator.client,
            &format!("/exports/indicateurs/{YEAR}.xlsx"),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let bytes = r.bytes().await.expect("bytes").to_vec();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("xlsx");
    let names = book.sheet_names();
    for sheet in [
        "programme",
        "participation",
        "secteurs",
        "crise",
        "evolution",
        "definitions",
    ] {
        assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
    }
    let participation = book.worksheet_range("participation").expect("sheet");
    let row = participation
        .rows()
        .find(|r| r.first() == Some(&Data::String("Personnes formées".into())))
        .expect("row");
    assert_eq!(row[1], Data::Float(4.0));
    let structures = book.worksheet_range("structures").expect("sheet");
    let bailleur = structures
        .rows()
        .find(|r| matches!(r.first(), Some(Data::String(s)) if s.contains("Bailleur")))
        .expect("row");
    assert_eq!(bailleur[0], Data::String(format!("'{BAILLEUR}")));
    assert_eq!(bailleur[1], Data::String("< 5".into()));
    assert_eq!(bailleur[2], Data::Empty);

    let r = app
        .get_as(
            &coordinator.client,
            &format!("/exports/indicateurs/{YEAR}/participation.csv?modalite=distanciel"),
        )
        .await;
    assert_eq!(r.status(), 200);
    let text = r.text().await.expect("csv");
    let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let values: Vec<(String, String)> = rows
        .records()
        .map(|r| {
            let r = r.expect("record");
            (r[0].to_owned(), r[1].to_owned())
        })
        .collect();
    assert!(values.contains(&("Personnes formées".into(), "2".into())));
    assert!(values.contains(&("Heures-stagiaires".into(), "6.0".into())));

    let bad = app
        .get_as(&coordinator.client, "/exports/indicateurs/26.xlsx")
        .await;
    assert_eq!(bad.status(), 422);
    let unknown = app
        .get_as(
            &coordinator.client,
            &format!("/exports/indicateurs/{YEAR}/inconnu.csv"),
        )
        .await;
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn only_the_coordinator_downloads_the_indicators() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    for path in [
        format!("/exports/indicateurs/{YEAR}.xlsx"),
        format!("/exports/indicateurs/{YEAR}/secteurs.csv"),
    ] {
        refused_but_to_the_coordinator(&app, &path).await;
    }
    let page = app.signed_in(Role::Trainer).await;
    let (_, body) = app.page_as(&page.client, "/coordination/indicateurs").await;
    assert!(
        !body.contains("Personnes formées"),
        "no figures for a trainer"
    );
}

#[tokio::test]
async fn the_page_shows_charts_with_their_tables_and_definitions() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let (status, html) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/indicateurs?annee={YEAR}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Indicateurs du contrat local de santé"));
    assert_eq!(html.matches("role=\"img\"").count(), 5, "five charts");
    assert!(html.contains("Personnes déclarant savoir prévenir et gérer une crise, par année"));
    assert!(html.contains("Personnes formées en 2031 par secteur"));
    assert!(html.contains("les effectifs de moins de 5 personnes sont masqués"));
    assert!(html.contains(&format!("/exports/indicateurs/{YEAR}.xlsx")));
    assert!(html.contains("2 personne(s) sur 3 ayant répondu"));
}
