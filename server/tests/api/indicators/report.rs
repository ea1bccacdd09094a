//! The annual report PDF (« bilan annuel ») of the indicators, against the
//! hand-computed fixture of `support.rs`: the figures printed are
//! the dashboard's, small typology cells are masked, the filters are named,
//! and only the coordinator downloads it.

use app::roles::Role;

use crate::indicators::support::{BAILLEUR, YEAR, load, refused_but_to_the_coordinator};
use crate::support::documents::pdf_words;
use crate::support::{TestApp, TestUser};

async fn download(app: &TestApp, who: &TestUser, query: &str) -> String {
    let r = app
        .get_as(
            &who.client,
            &format!("/exports/indicateurs/{YEAR}/bilan.pdf{query}"),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert_eq!(
        r.headers()["content-disposition"],
        format!("attachment; filename=\"bilan-indicateurs-{YEAR}.pdf\"")
    );
    assert_eq!(r.headers()["cache-control"], "no-store");
    let pdf = r.bytes().await.expect("bytes");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    pdf_words(&pdf)
}

fn assert_has(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e:?} missing from {text:?}");
    }
}

#[tokio::test]
async fn the_report_prints_the_hand_computed_figures_with_small_cells_masked() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let text = download(&app, &coordinator, "").await;
    assert_has(
        &text,
        &[
            "Bilan annuel 2031 — Sensibilisation en santé mentale",
            "Conseil local de santé mentale (CLSM) de Metz",
            "Tous les modules",
            "Toutes les modalités",
            "Tous les formateurs et formatrices",
            "Édité le",
            // Sessions: 2 held of 3 planned for the module, 5 in the programme.
            "Sessions réalisées 2 (programme : 5)",
            "programme 3",
            "réalisées 2",
            "Module sans session",
            "Formateur indisponible",
            // People trained, trainee-hours.
            "Personnes formées 4",
            "Heures-stagiaires 21,0",
            "Inscriptions confirmées 7",
            // The crisis indicator: 2 of the 3 respondents, both improved.
            "2 personnes sur 3 ayant répondu après la formation (66,7 %) déclarent avoir acquis",
            "2 sont en progrès",
            "Déclarent savoir prévenir et gérer une situation de crise 2 sur 3 répondants (66,7 %)",
            "Taux de réponse 60,0 %",
            // Skills: objective 1 before 2,5, after 3,5; 2 of 3 at 4 or 5.
            "Repérer les signes",
            "avant 2,5",
            "après 3,5",
            "avant 1,5",
            "après 4,5",
            "66,7 %",
            // Satisfaction and partners.
            "Satisfaction globale (sur 5) 4,0",
            "Recommanderaient 50,0 %",
            "Structures avec au moins une personne formée 2",
            "Dont nouvelles structures 1",
            // Every typology cell of the fixture has fewer than 5 people.
            &format!("{BAILLEUR} < 5 —"),
            "Soin < 5 —",
            "Les effectifs de moins de 5 personnes sont masqués",
            // The definitions are printed.
            "Une absence excusée n’est pas une présence.",
            "pour protéger l’anonymat",
            // The trend, a chart and its table.
            "Personnes formées par année",
            "Évolution par année",
        ],
    );
    // No typology count is printed.
    assert!(!text.contains(&format!("{BAILLEUR} 2")), "{text}");
}

#[tokio::test]
async fn the_report_keeps_and_names_the_filters() {
    let app = TestApp::spawn().await;
    let fixture = load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let text = download(
        &app,
        &coordinator,
        &format!(
            "?module={}&modalite=distanciel&formateur={}",
            fixture.module, fixture.trainer_2
        ),
    )
    .await;
    assert_has(
        &text,
        &[
            "Module Module des indicateurs",
            "Modalité Distanciel",
            "Personne 101",
            // Only the remote session: 2 people, 6 hours, no programme.
            "Personnes formées 2",
            "Heures-stagiaires 6,0",
            "Le programme, fixé par module, n’est pas comparé",
        ],
    );
    assert!(!text.contains("Personnes formées 4"), "{text}");

    // The dashboard links to the report of the same selection.
    let (_, page) = app
        .page_as(
            &coordinator.client,
            &format!(
                "/coordination/indicateurs?annee={YEAR}&module={}",
                fixture.module
            ),
        )
        .await;
    assert!(
        page.contains(&format!(
            "/exports/indicateurs/{YEAR}/bilan.pdf?module={}",
            fixture.module
        )),
        "no link to the report"
    );
    assert!(page.contains(&format!("Bilan annuel {YEAR} (PDF)")));
}

#[tokio::test]
async fn only_the_coordinator_gets_the_report_and_bad_values_are_refused_in_french() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let path = format!("/exports/indicateurs/{YEAR}/bilan.pdf");
    refused_but_to_the_coordinator(&app, &path).await;

    let coordinator = app.signed_in(Role::Coordinator).await;
    for (p, message) in [
        (
            "/exports/indicateurs/26/bilan.pdf".to_owned(),
            "L’année doit être une année à quatre chiffres",
        ),
        (
            format!("{path}?modalite=avion"),
            "La modalité choisie n’existe pas.",
        ),
    ] {
        let r = app.get_as(&coordinator.client, &p).await;
        assert_eq!(r.status(), 422, "{p}");
        let body = r.text().await.expect("body");
        assert!(body.contains(message), "{p}: {body}");
    }
}
