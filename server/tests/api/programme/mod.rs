//! The year's programme, entered through the interface from an empty
//! database: saved counts reach « Mon espace » and the indicators, every
//! change is audited, bad input stores nothing, a past year is closed.

use chrono::Datelike;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::authoring::{new_lesson, new_module, ok, publish, refused};
use crate::support::{TestApp, TestUser};
use app::db::entities::{audit_log, programme_plans};
use app::programme::types::Programme;
use app::roles::Role;

fn this_year() -> i32 {
    app::calendar::to_local(chrono::Utc::now()).year()
}

/// A published module, made through the workshop as a coordinator would.
async fn published_module(app: &TestApp, who: &TestUser, title: &str) -> i32 {
    let module = new_module(app, who, title).await;
    let lesson = new_lesson(app, who, module, "Repères", "Texte de la leçon.").await;
    publish(app, who, "lesson", lesson).await;
    publish(app, who, "module", module).await;
    module
}

async fn read(app: &TestApp, who: &TestUser, year: i32) -> Programme {
    ok(app, who, "programme/read", &[("year", &year.to_string())]).await
}

async fn plans(app: &TestApp, year: i32) -> Vec<(i32, i32)> {
    let mut rows: Vec<(i32, i32)> = programme_plans::Entity::find()
        .filter(programme_plans::Column::Year.eq(year))
        .all(&app.db)
        .await
        .expect("plans")
        .into_iter()
        .map(|p| (p.module_id, p.planned_sessions))
        .collect();
    rows.sort();
    rows
}

async fn audits(app: &TestApp) -> u64 {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("programme_updated"))
        .count(&app.db)
        .await
        .expect("count")
}

#[tokio::test]
async fn the_coordinator_enters_and_edits_the_programme() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let general = published_module(&app, &coordinator, "Sensibilisation").await;
    let crisis = published_module(&app, &coordinator, "Crise").await;
    let year = this_year();
    let y = year.to_string();
    let (g, c) = (
        format!("input[planned][m{general}]"),
        format!("input[planned][m{crisis}]"),
    );

    let empty = read(&app, &coordinator, year).await;
    assert!(empty.editable);
    assert_eq!(
        empty
            .lines
            .iter()
            .map(|l| (l.module_id, l.planned))
            .collect::<Vec<_>>(),
        vec![(general, 0), (crisis, 0)]
    );

    let changed: usize = ok(
        &app,
        &coordinator,
        "programme/save",
        &[
            ("input[year]", &y),
            (&g, "4"),
            (&c, "2"),
            ("input[note]", " Financement ARS. "),
        ],
    )
    .await;
    assert_eq!(changed, 2);
    assert_eq!(plans(&app, year).await, vec![(general, 4), (crisis, 2)]);
    let saved = read(&app, &coordinator, year).await;
    assert_eq!(saved.note, "Financement ARS.");
    assert!(saved.updated.is_some());
    assert_eq!(audits(&app).await, 1);

    // An edit changes one line; saving the same figures again records nothing.
    let form = [
        ("input[year]", y.as_str()),
        (g.as_str(), "5"),
        (c.as_str(), "2"),
        ("input[note]", "Financement ARS."),
    ];
    for expected in [1, 0] {
        let changed: usize = ok(&app, &coordinator, "programme/save", &form).await;
        assert_eq!(changed, expected);
    }
    assert_eq!(audits(&app).await, 2);
    assert_eq!(plans(&app, year).await, vec![(general, 5), (crisis, 2)]);

    // « Mon espace » and the page show the programme.
    let (status, page) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/programme?annee={year}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Sessions prévues en"), "{page}");
    assert!(page.contains("Financement ARS."));
    let home: app::space::types::CoordinatorHome =
        ok(&app, &coordinator, "space/coordinator_home", &[]).await;
    let line = home
        .lines
        .iter()
        .find(|l| l.module_id == general)
        .expect("the planned module is listed");
    assert_eq!((line.programme, line.held, line.to_schedule), (5, 0, 5));
}

#[tokio::test]
async fn bad_counts_and_closed_years_store_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let module = published_module(&app, &coordinator, "Précarité").await;
    let year = this_year();
    let y = year.to_string();
    let field = format!("input[planned][m{module}]");
    let _: usize = ok(
        &app,
        &coordinator,
        "programme/save",
        &[("input[year]", &y), (&field, "3")],
    )
    .await;

    for (value, expected) in [
        ("-2", "ne peut pas être négatif"),
        ("500", "vérifiez le nombre"),
        ("trois", "indiquez un nombre entier"),
    ] {
        let message = refused(
            &app,
            &coordinator,
            "programme/save",
            &[("input[year]", &y), (&field, value)],
        )
        .await;
        assert!(message.contains(expected), "{value}: {message}");
        assert!(message.contains("« Précarité »"), "{message}");
    }
    let message = refused(
        &app,
        &coordinator,
        "programme/save",
        &[("input[year]", &y), ("input[planned][m99999]", "1")],
    )
    .await;
    assert!(message.contains("n’existe plus"), "{message}");
    let past = (year - 1).to_string();
    let message = refused(
        &app,
        &coordinator,
        "programme/save",
        &[("input[year]", &past), (&field, "1")],
    )
    .await;
    assert!(message.contains("est clos"), "{message}");
    let long = "é".repeat(2001);
    let message = refused(
        &app,
        &coordinator,
        "programme/save",
        &[("input[year]", &y), (&field, "9"), ("input[note]", &long)],
    )
    .await;
    assert!(message.contains("2000 caractères"), "{message}");

    assert_eq!(plans(&app, year).await, vec![(module, 3)]);
    assert!(plans(&app, year - 1).await.is_empty());
    assert_eq!(audits(&app).await, 1);
    assert!(!read(&app, &coordinator, year - 1).await.editable);
}

#[tokio::test]
async fn only_the_coordinator_reads_or_writes_the_programme() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let y = this_year().to_string();
    let response = app
        .call(&trainer.client, "programme/save", &[("input[year]", &y)])
        .await;
    assert_eq!(response.status().as_u16(), 403);
    let (status, _) = app
        .page_as(&trainer.client, "/coordination/programme")
        .await;
    assert_ne!(status, 200);
    assert_eq!(audits(&app).await, 0);
}
