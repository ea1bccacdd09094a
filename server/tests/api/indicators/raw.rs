//! The anonymised raw data of the indicators (`donnees.csv`) against the
//! hand-computed fixture of `support.rs`, read back with the
//! `csv` crate: one row per confirmed enrolment in the year's sessions that
//! were not cancelled, attendance and answers per row, nothing that names a
//! person, one number per person, the filters, and who may download it.

use std::collections::{BTreeSet, HashMap};

use app::roles::Role;

use crate::indicators::support::{BAILLEUR, YEAR, load, refused_but_to_the_coordinator};
use crate::support::{TestApp, TestUser};

type Row = HashMap<String, String>;

async fn download(app: &TestApp, who: &TestUser, query: &str) -> (String, Vec<Row>) {
    let r = app
        .get_as(
            &who.client,
            &format!("/exports/indicateurs/{YEAR}/donnees.csv{query}"),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        r.headers()["content-disposition"],
        format!("attachment; filename=\"indicateurs-{YEAR}-donnees.csv\"")
    );
    let text = r.text().await.expect("body");
    assert!(text.starts_with('\u{feff}'), "UTF-8 byte-order mark");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers, app::indicators::rules::raw::HEADERS);
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            assert_eq!(r.len(), headers.len());
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (text, rows)
}

/// The only row matching every `(column, value)`.
fn one<'a>(rows: &'a [Row], wanted: &[(&str, &str)]) -> &'a Row {
    let found: Vec<&Row> = rows
        .iter()
        .filter(|r| wanted.iter().all(|(k, v)| r[*k] == *v))
        .collect();
    assert_eq!(found.len(), 1, "{wanted:?} in {rows:#?}");
    found[0]
}

fn values<'a>(row: &'a Row, columns: &[&str]) -> Vec<&'a str> {
    columns.iter().map(|c| row[*c].as_str()).collect()
}

const ATTENDANCE: [&str; 4] = [
    "Demi-journées prévues",
    "Demi-journées suivies",
    "Heures suivies",
    "Suivi complet",
];
const ANSWERS: [&str; 8] = [
    "Auto-évaluation crise avant",
    "Auto-évaluation crise après",
    "Auto-évaluation moyenne avant",
    "Auto-évaluation moyenne après",
    "Satisfaction globale à chaud",
    "Recommande la formation",
    "À froid, a utilisé les acquis",
    "Utilité à froid",
];

#[tokio::test]
async fn one_anonymous_row_per_participation_with_its_attendance_and_answers() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let (text, rows) = download(&app, &coordinator, "").await;

    // S1: L1–L4 (L5 waits); S2: L1, L6; S4 (planned): L2. Not S3 (cancelled)
    // nor the 2030 session: the dashboard's 7 enrolments.
    assert_eq!(rows.len(), 7, "{rows:#?}");
    assert!(rows.iter().all(|r| r["Année"] == YEAR.to_string()));
    let per_mode = |mode: &str| rows.iter().filter(|r| r["Modalité"] == mode).count();
    assert_eq!(
        (
            per_mode("Présentiel"),
            per_mode("Distanciel"),
            per_mode("Hybride")
        ),
        (4, 2, 1)
    );
    assert!(rows.iter().all(|r| r["Module"] == "Module des indicateurs"));
    let months: BTreeSet<&str> = rows
        .iter()
        .map(|r| r["Mois de la session"].as_str())
        .collect();
    assert_eq!(months, BTreeSet::from(["2031-03", "2031-05", "2031-11"]));

    // L1 in S1: both half-days, answered everything.
    let l1 = one(
        &rows,
        &[
            ("Modalité", "Présentiel"),
            ("Secteur", "Soin"),
            ("Demi-journées suivies", "2"),
        ],
    );
    assert_eq!(values(l1, &ATTENDANCE), ["2", "2", "6.0", "oui"]);
    assert_eq!(
        values(l1, &ANSWERS),
        ["1", "4", "1.5", "4.0", "5", "oui", "oui", "4"]
    );
    // L2 in S1: present then excused, which is not attendance.
    let l2 = one(
        &rows,
        &[
            ("Modalité", "Présentiel"),
            ("Secteur", "Soin"),
            ("Demi-journées suivies", "1"),
        ],
    );
    assert_eq!(values(l2, &ATTENDANCE), ["2", "1", "3.0", "non"]);
    assert_eq!(
        values(l2, &ANSWERS),
        ["2", "5", "2.5", "4.0", "3", "non", "", ""]
    );
    // L3: late twice counts as attended; answered only after the course.
    let l3 = one(
        &rows,
        &[
            ("Modalité", "Présentiel"),
            ("Secteur", "Logement et hébergement"),
        ],
    );
    assert_eq!(values(l3, &ATTENDANCE), ["2", "2", "6.0", "oui"]);
    assert_eq!(values(l3, &ANSWERS), ["", "3", "", "4.0", "", "", "", ""]);
    // L4: absent twice.
    let l4 = one(&rows, &[("Secteur", "Action sociale")]);
    assert_eq!(values(l4, &ATTENDANCE), ["2", "0", "0.0", "non"]);
    assert!(values(l4, &ANSWERS).iter().all(|v| v.is_empty()));
    // L6 in S2: answered only the pre-test.
    let l6 = one(
        &rows,
        &[
            ("Modalité", "Distanciel"),
            ("Secteur", "Logement et hébergement"),
        ],
    );
    assert_eq!(values(l6, &ATTENDANCE), ["1", "1", "3.0", "oui"]);
    assert_eq!(values(l6, &ANSWERS), ["1", "", "1.0", "", "", "", "", ""]);
    // L1 again in S2 (their answers belong to S1), L2 again in S4 (not held yet).
    let l1_remote = one(&rows, &[("Modalité", "Distanciel"), ("Secteur", "Soin")]);
    assert_eq!(l1_remote["Mois de la session"], "2031-05");
    assert_eq!(values(l1_remote, &ATTENDANCE), ["1", "1", "3.0", "oui"]);
    assert!(values(l1_remote, &ANSWERS).iter().all(|v| v.is_empty()));
    let l2_planned = one(&rows, &[("Modalité", "Hybride")]);
    assert_eq!(l2_planned["Mois de la session"], "2031-11");
    assert_eq!(values(l2_planned, &ATTENDANCE), ["1", "0", "0.0", "non"]);

    // The same person has the same number on each row; five people in all.
    assert_eq!(l1["Personne"], l1_remote["Personne"]);
    assert_eq!(l2["Personne"], l2_planned["Personne"]);
    let people: BTreeSet<&str> = rows.iter().map(|r| r["Personne"].as_str()).collect();
    assert_eq!(people, BTreeSet::from(["1", "2", "3", "4", "5"]));
    let others = [l1, l2, l3, l4, l6];
    for (i, a) in others.iter().enumerate() {
        for b in &others[i + 1..] {
            assert_ne!(a["Personne"], b["Personne"], "different people");
        }
    }

    // Two nurses and three educators: fewer than 5 each, so both are grouped.
    assert!(rows.iter().all(|r| r["Profession"] == "Autre (moins de 5)"));
    assert!(!text.contains("Infirmier") && !text.contains("Éducateur"));

    // Nothing that names or dates a person, a structure or a session.
    assert!(!text.contains('@'), "no e-mail");
    for n in (1..=7).chain([100, 101]) {
        assert!(!text.contains(&format!("indicateurs-{n}")));
        assert!(!text.contains(&format!("Personne {n}")), "no name");
    }
    for forbidden in [
        "Structure A",
        "Structure C",
        BAILLEUR,
        "Bailleur",
        "Metz",
        "Session ",
        "visio",
        "2031-03-10",
        "Formateur indisponible",
    ] {
        assert!(!text.contains(forbidden), "{forbidden} in the raw data");
    }
}

#[tokio::test]
async fn the_filters_narrow_the_rows_and_bad_values_are_refused() {
    let app = TestApp::spawn().await;
    let fixture = load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;

    let (_, same) = download(&app, &coordinator, &format!("?module={}", fixture.module)).await;
    assert_eq!(same.len(), 7);
    let (_, none) = download(
        &app,
        &coordinator,
        &format!("?module={}", fixture.other_module),
    )
    .await;
    assert!(none.is_empty(), "the header row only");
    let (_, remote) = download(&app, &coordinator, "?modalite=distanciel").await;
    assert_eq!(remote.len(), 2);
    assert!(remote.iter().all(|r| r["Modalité"] == "Distanciel"));
    let (_, taught) = download(
        &app,
        &coordinator,
        &format!("?formateur={}", fixture.trainer_2),
    )
    .await;
    assert_eq!(taught, remote);
    // Numbers are given within each file: L1 and L6 are 1 and 2 here.
    let people: BTreeSet<&str> = remote.iter().map(|r| r["Personne"].as_str()).collect();
    assert_eq!(people, BTreeSet::from(["1", "2"]));

    for path in [
        "/exports/indicateurs/26/donnees.csv".to_owned(),
        format!("/exports/indicateurs/{YEAR}/donnees.csv?modalite=avion"),
        format!("/exports/indicateurs/{YEAR}/donnees.csv?module=abc"),
    ] {
        let r = app.get_as(&coordinator.client, &path).await;
        assert_eq!(r.status(), 422, "{path}");
    }
}

#[tokio::test]
async fn only_the_coordinator_downloads_the_raw_data() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let path = format!("/exports/indicateurs/{YEAR}/donnees.csv");
    for body in refused_but_to_the_coordinator(&app, &path).await {
        assert!(!body.contains("Demi-journées"), "no data in a refusal");
    }
    // A bad year is refused only once the caller may download at all.
    let learner = app.signed_in(Role::Learner).await;
    let r = app
        .get_as(&learner.client, "/exports/indicateurs/26/donnees.csv")
        .await;
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn the_page_links_to_the_raw_data_with_its_filters() {
    let app = TestApp::spawn().await;
    let fixture = load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let (status, html) = app
        .page_as(
            &coordinator.client,
            &format!(
                "/coordination/indicateurs?annee={YEAR}&modalite=distanciel&module={}",
                fixture.module
            ),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Données anonymisées (CSV)"));
    let href = format!(
        "/exports/indicateurs/{YEAR}/donnees.csv?module={}&modalite=distanciel",
        fixture.module
    );
    assert!(
        html.contains(&href) || html.contains(&href.replace('&', "&amp;")),
        "{href} in the page"
    );
}
