//! Deleting and archiving content: what nobody has used is deleted once the
//! box is ticked; what has served (read, attempted, planned) is archived
//! instead, hidden from learners and new sessions, and restored at will;
//! every refusal stores nothing, every change is audited.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::*;
use crate::sessions::support::{form, post};
use crate::support::TestApp;
use app::authoring::types::ModuleOutline;
use app::catalogue::ModuleDetail;
use app::db::entities::{audit_log, lesson_progress, lessons, modules, questions, quizzes};
use app::roles::Role;

fn target(kind: &'static str, id: i32) -> [(&'static str, String); 2] {
    [
        ("input[target]", kind.to_owned()),
        ("input[id]", id.to_string()),
    ]
}

async fn delete(
    app: &TestApp,
    who: &TestUser,
    kind: &'static str,
    id: i32,
    ticked: bool,
) -> reqwest::Response {
    let [t, i] = target(kind, id);
    let mut form = vec![(t.0, t.1.as_str()), (i.0, i.1.as_str())];
    if ticked {
        form.push(("input[confirmed]", "on"));
    }
    app.call(&who.client, "authoring/delete", &form).await
}

async fn archive(
    app: &TestApp,
    who: &TestUser,
    kind: &'static str,
    id: i32,
    archived: bool,
) -> reqwest::Response {
    let [t, i] = target(kind, id);
    let archived = archived.to_string();
    app.call(
        &who.client,
        "authoring/archive",
        &[
            (t.0, t.1.as_str()),
            (i.0, i.1.as_str()),
            ("input[archived]", &archived),
        ],
    )
    .await
}

async fn body_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn audits(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(&app.db)
        .await
        .expect("audit")
}

async fn lesson_exists(app: &TestApp, id: i32) -> Option<lessons::Model> {
    lessons::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("query")
}

#[tokio::test]
async fn unused_content_is_deleted_once_confirmed_and_what_has_been_read_is_archived() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let learner = app.signed_in(Role::Learner).await;
    let module_id = new_module(&app, &trainer, "Santé mentale au travail").await;
    let read = new_lesson(&app, &trainer, module_id, "Repérer", "Les signes.").await;
    let unused = new_lesson(&app, &trainer, module_id, "Brouillon", "À écrire.").await;
    publish(&app, &trainer, "lesson", read).await;
    publish(&app, &trainer, "module", module_id).await;

    // Without the box ticked, nothing is deleted.
    let (status, message) = body_of(delete(&app, &trainer, "lesson", unused, false).await).await;
    assert_eq!(status, 422);
    assert!(
        message.contains("Cochez la case de confirmation"),
        "{message}"
    );
    assert!(lesson_exists(&app, unused).await.is_some());

    // Ticked, the unused lesson goes, with an audit entry naming it.
    let response = delete(&app, &trainer, "lesson", unused, true).await;
    assert_eq!(response.status(), 200);
    assert!(lesson_exists(&app, unused).await.is_none());
    let deleted = audits(&app, "content_deleted").await;
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].actor_id, Some(trainer.id));
    assert_eq!(deleted[0].target_type.as_deref(), Some("lesson"));
    assert_eq!(
        deleted[0].details.as_ref().expect("details")["title"],
        "Brouillon"
    );

    // A lesson someone has read is not deleted: it is archived.
    let marked = app
        .call(
            &learner.client,
            "catalogue/mark_lesson",
            &[
                ("input[lesson_id]", &read.to_string()),
                ("input[done]", "true"),
            ],
        )
        .await;
    assert_eq!(marked.status(), 200);
    let (status, message) = body_of(delete(&app, &trainer, "lesson", read, true).await).await;
    assert_eq!(status, 422);
    assert!(
        message.contains("Cette leçon a déjà servi (1 lecture terminée)"),
        "{message}"
    );
    assert!(lesson_exists(&app, read).await.is_some());

    assert_eq!(
        archive(&app, &trainer, "lesson", read, true).await.status(),
        200
    );
    let lesson = lesson_exists(&app, read).await.expect("kept");
    assert!(lesson.archived_at.is_some());
    assert!(!lesson.published, "archiving withdraws the lesson");
    let progress = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LessonId.eq(read))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(progress, 1, "what the learner did is kept");
    let slug = [("slug", "sante-mentale-au-travail")];
    let seen: ModuleDetail = ok(&app, &learner, "catalogue/module", &slug).await;
    assert!(seen.lessons.is_empty(), "learners no longer see it");
    assert_eq!(audits(&app, "content_archived").await.len(), 1);

    // Archived, it is not published again until restored.
    let response = app
        .call(
            &trainer.client,
            "authoring/publish",
            &[
                ("input[target]", "lesson"),
                ("input[id]", &read.to_string()),
                ("input[published]", "true"),
            ],
        )
        .await;
    let (status, message) = body_of(response).await;
    assert_eq!(status, 422);
    assert!(
        message.contains("restaurez-le avant de le publier"),
        "{message}"
    );

    assert_eq!(
        archive(&app, &trainer, "lesson", read, false)
            .await
            .status(),
        200
    );
    let lesson = lesson_exists(&app, read).await.expect("kept");
    assert!(lesson.archived_at.is_none());
    assert!(!lesson.published, "restored as a draft");
    assert_eq!(audits(&app, "content_restored").await.len(), 1);
    publish(&app, &trainer, "lesson", read).await;
    let seen: ModuleDetail = ok(&app, &learner, "catalogue/module", &slug).await;
    assert_eq!(seen.lessons.len(), 1);

    // The workshop says which items are archived.
    assert_eq!(
        archive(&app, &trainer, "lesson", read, true).await.status(),
        200
    );
    let outline: ModuleOutline = ok(
        &app,
        &trainer,
        "authoring/module",
        &[("module_id", &module_id.to_string())],
    )
    .await;
    assert!(outline.lessons.iter().all(|l| l.archived));
    assert!(!outline.archived);
}

#[tokio::test]
async fn a_module_of_sessions_is_archived_not_deleted_and_is_not_planned_again() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let module_id = new_module(&app, &coordinator, "Précarité").await;
    let created = post(
        &app,
        &coordinator.client,
        "sessions/create",
        &form(module_id, 10, Some(coordinator.id)),
    )
    .await;
    assert_eq!(created.status(), 200);
    let session: i32 = created.json().await.expect("id");

    let (status, message) =
        body_of(delete(&app, &coordinator, "module", module_id, true).await).await;
    assert_eq!(status, 422);
    assert!(
        message.contains("Ce module a déjà servi (1 session)"),
        "{message}"
    );
    // Planned sessions keep their module in use.
    let (status, message) =
        body_of(archive(&app, &coordinator, "module", module_id, true).await).await;
    assert_eq!(status, 422);
    assert!(
        message.contains("Ce module a 1 session prévue"),
        "{message}"
    );
    let stored = modules::Entity::find_by_id(module_id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("kept");
    assert!(stored.archived_at.is_none());

    let cancelled = app
        .call(
            &coordinator.client,
            "sessions/cancel",
            &[
                ("input[session_id]", &session.to_string()),
                ("input[reason]", "Salle indisponible"),
            ],
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    assert_eq!(
        archive(&app, &coordinator, "module", module_id, true)
            .await
            .status(),
        200
    );
    let stored = modules::Entity::find_by_id(module_id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("kept");
    assert!(stored.archived_at.is_some());

    // A new session of an archived module is refused, and nothing is stored.
    let before = app::db::entities::training_sessions::Entity::find()
        .count(&app.db)
        .await
        .expect("count");
    let refused = post(
        &app,
        &coordinator.client,
        "sessions/create",
        &form(module_id, 10, Some(coordinator.id)),
    )
    .await;
    let (status, message) = body_of(refused).await;
    assert_eq!(status, 422);
    assert!(message.contains("Ce module est archivé"), "{message}");
    let after = app::db::entities::training_sessions::Entity::find()
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(before, after);
    let rows: Vec<app::authoring::types::ModuleRow> =
        ok(&app, &coordinator, "authoring/modules", &[]).await;
    assert!(
        rows.iter()
            .any(|m| m.id == module_id && m.archived && !m.published)
    );
}

#[tokio::test]
async fn an_unused_module_is_deleted_with_everything_in_it() {
    let app = TestApp::spawn().await;
    let trainer = app.signed_in(Role::Trainer).await;
    let module_id = new_module(&app, &trainer, "Module d’essai").await;
    new_lesson(&app, &trainer, module_id, "Une leçon", "Texte.").await;
    let quiz_id = new_quiz(&app, &trainer, module_id).await;
    let quiz = quiz_id.to_string();
    let (kind, answers) = EVERY_KIND[0];
    ok::<()>(
        &app,
        &trainer,
        "authoring/save_question",
        &question_form(&quiz, None, kind, "Vrai ?", answers),
    )
    .await;

    assert_eq!(
        delete(&app, &trainer, "module", module_id, true)
            .await
            .status(),
        200
    );
    assert!(
        modules::Entity::find_by_id(module_id)
            .one(&app.db)
            .await
            .expect("query")
            .is_none()
    );
    let left = (
        lessons::Entity::find()
            .filter(lessons::Column::ModuleId.eq(module_id))
            .count(&app.db)
            .await
            .expect("count"),
        quizzes::Entity::find()
            .filter(quizzes::Column::ModuleId.eq(module_id))
            .count(&app.db)
            .await
            .expect("count"),
        questions::Entity::find()
            .filter(questions::Column::QuizId.eq(quiz_id))
            .count(&app.db)
            .await
            .expect("count"),
    );
    assert_eq!(left, (0, 0, 0));
    // Deleting what is already gone says so.
    assert_eq!(
        delete(&app, &trainer, "module", module_id, true)
            .await
            .status(),
        404
    );
}
