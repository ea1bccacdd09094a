//! Indicators that stay true over time: people are counted as they were when
//! they trained, answers of people absent throughout never count, and the
//! charts mask small cells as the tables do.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::db::entities::users;
use app::indicators::types::{CountRow, Dashboard};
use app::roles::Role;

use crate::indicators::support::{YEAR, load};
use crate::support::fixtures::structure;
use crate::support::{TestApp, TestUser};

async fn dashboard(app: &TestApp, who: &TestUser) -> Dashboard {
    let year = YEAR.to_string();
    let r = app
        .call(
            &who.client,
            "indicators/dashboard",
            &[("input[annee]", &year)],
        )
        .await;
    let status = r.status();
    let body = r.text().await.expect("body");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("dashboard")
}

fn labels(rows: &[CountRow]) -> Vec<(String, i64)> {
    rows.iter().map(|r| (r.label.clone(), r.count)).collect()
}

/// The client of fixture person `n` (`indicateurs-<n>@example.org`), signed in.
async fn person(app: &TestApp, n: u32) -> TestUser {
    let id = users::Entity::find()
        .filter(users::Column::Email.eq(format!("indicateurs-{n}@example.org")))
        .one(&app.db)
        .await
        .expect("read")
        .expect("person")
        .id;
    app.signed_in_as(id).await
}

#[tokio::test]
async fn people_count_as_they_were_when_they_trained() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let before = dashboard(&app, &coordinator).await;

    // L1 (Structure A, soin, nurse) and L3 (« +Bailleur », logement) move on:
    // new job, new sector, a new structure — through their own profile.
    let elsewhere = structure(&app.db, "Commissariat", "police_securite").await;
    for n in [1, 3] {
        let learner = person(&app, n).await;
        let r = app
            .call(
                &learner.client,
                "accounts/update_profile",
                &[
                    ("input[display_name]", "Personne qui a changé"),
                    ("input[profession]", "Policier·ère"),
                    ("input[sector]", "police_securite"),
                    ("input[structure_id]", &elsewhere.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
        let now = users::Entity::find_by_id(learner.id)
            .one(&app.db)
            .await
            .expect("read")
            .expect("person");
        assert_eq!(now.sector.as_deref(), Some("police_securite"));
    }

    let after = dashboard(&app, &coordinator).await;
    assert_eq!(
        labels(&after.typology.sectors),
        [
            ("Logement et hébergement".to_owned(), 2),
            ("Soin".to_owned(), 2)
        ]
    );
    assert_eq!(after.typology, before.typology);
    assert_eq!(
        (after.partners.structures, after.partners.new_structures),
        (2, 1)
    );
    assert_eq!(after.partners, before.partners);
    assert_eq!(after.trend, before.trend);

    // The anonymised raw data and the sector table keep the old typology too.
    let csv = app
        .get_as(
            &coordinator.client,
            &format!("/exports/indicateurs/{YEAR}/donnees.csv"),
        )
        .await
        .text()
        .await
        .expect("csv");
    assert!(!csv.contains("Police"), "{csv}");
    assert!(!csv.contains("Policier"), "{csv}");
    let sectors = app
        .get_as(
            &coordinator.client,
            &format!("/exports/indicateurs/{YEAR}/secteurs.csv"),
        )
        .await
        .text()
        .await
        .expect("csv");
    assert!(
        sectors.contains("Soin") && !sectors.contains("Police"),
        "{sectors}"
    );
}

#[tokio::test]
async fn answers_of_people_absent_throughout_never_count() {
    let app = TestApp::spawn().await;
    load(&app.db).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let d = dashboard(&app, &coordinator).await;
    // L4 answered « après » (crisis 5) and « à chaud » (1 of 5, would not
    // recommend) although absent from both half-days: none of it counts.
    let c = &d.crisis;
    assert_eq!((c.respondents, c.capable), (3, 2));
    assert_eq!(d.skills[0].answered_after, 3);
    assert_eq!(d.satisfaction.hot_responses, 2);
    assert_eq!(d.satisfaction.overall_mean, Some(4.0));
    assert_eq!(d.satisfaction.recommend_rate, Some(0.5));
}

#[tokio::test]
async fn the_sector_chart_masks_small_cells_as_the_table_does() {
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
    // Two sectors of 2 people each: both small cells.
    let start = html
        .find("aria-labelledby=\"graphique-secteurs-titre\"")
        .expect("the sector chart");
    let chart = &html[start..start + html[start..].find("</svg>").expect("end of chart")];
    assert!(chart.contains("Soin"), "{chart}");
    assert_eq!(chart.matches("&lt; 5").count(), 2, "{chart}");
    assert!(!chart.contains(">2<"), "no exact count: {chart}");
    assert!(
        !chart.contains("chart__bar"),
        "no bar for a masked cell: {chart}"
    );
    // The table beside it masks the same cells.
    let table_start = html
        .find("par secteur</caption>")
        .expect("the sector table");
    let table =
        &html[table_start..table_start + html[table_start..].find("</table>").expect("end")];
    assert_eq!(table.matches("&lt; 5").count(), 2, "{table}");
}
