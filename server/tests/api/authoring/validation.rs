//! Bad input gets a 422 with a French message and leaves the stored data as it was.

use sea_orm::{EntityTrait, PaginatorTrait};

use super::*;
use crate::support::TestApp;
use app::authoring::types::ModuleOutline;
use app::db::entities::{modules, questions, quizzes};
use app::roles::Role;

#[tokio::test]
async fn bad_input_is_refused_in_french_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let module_id = new_module(&app, &coordinator, "Crise").await;
    let other_module = new_module(&app, &coordinator, "Autre").await;
    let quiz_id = new_quiz(&app, &coordinator, module_id).await;
    let quiz = quiz_id.to_string();
    let modules_before = modules::Entity::find().count(&app.db).await.expect("count");

    let message = refused(
        &app,
        &coordinator,
        "authoring/create_module",
        &[("input[title]", "  "), ("input[duration_minutes]", "60")],
    )
    .await;
    assert!(message.contains("Le titre est obligatoire."), "{message}");
    let message = refused(
        &app,
        &coordinator,
        "authoring/create_module",
        &[
            ("input[title]", "Sans durée"),
            ("input[duration_minutes]", "0"),
        ],
    )
    .await;
    assert!(message.contains("La durée doit être"), "{message}");
    assert_eq!(
        modules::Entity::find().count(&app.db).await.expect("count"),
        modules_before
    );

    for (kind, answers, expected) in [
        ("single_choice", "* A\n* B", "qu’une bonne réponse"),
        ("single_choice", "A\nB", "« * »"),
        ("true_false", "peut-être", "« vrai » ou « faux »"),
        ("matching", "A => 1\nB", "ligne 2"),
        ("ordering", "Seul", "au moins deux"),
        ("short_answer", "3114\n3114", "deux fois"),
        ("unknown", "x", "type de la question"),
    ] {
        let form = question_form(&quiz, None, kind, "Question ?", answers);
        let message = refused(&app, &coordinator, "authoring/save_question", &form).await;
        assert!(message.contains(expected), "{kind}: {message}");
    }
    let mut form = question_form(&quiz, None, "true_false", "Question ?", "vrai");
    form.retain(|(k, _)| *k != "input[points]");
    form.push(("input[points]", "11"));
    let message = refused(&app, &coordinator, "authoring/save_question", &form).await;
    assert!(message.contains("entre 1 et 10"), "{message}");
    assert_eq!(
        questions::Entity::find()
            .count(&app.db)
            .await
            .expect("count"),
        0
    );

    // An objective of another module is refused.
    let other = other_module.to_string();
    ok::<()>(
        &app,
        &coordinator,
        "authoring/update_module",
        &[
            ("input[id]", &other),
            ("input[title]", "Autre"),
            ("input[duration_minutes]", "60"),
            ("input[objectives]", "Un objectif d’ailleurs"),
        ],
    )
    .await;
    let foreign: ModuleOutline = ok(
        &app,
        &coordinator,
        "authoring/module",
        &[("module_id", &other)],
    )
    .await;
    let objective = foreign.objectives[0].id.to_string();
    let mut form = question_form(&quiz, None, "true_false", "Question ?", "vrai");
    form.retain(|(k, _)| *k != "input[objective_id]");
    form.push(("input[objective_id]", &objective));
    let message = refused(&app, &coordinator, "authoring/save_question", &form).await;
    assert!(message.contains("n’appartient pas au module"), "{message}");

    // Settings out of bounds leave the quiz as it was; an empty quiz is not published.
    let message = refused(
        &app,
        &coordinator,
        "authoring/update_quiz",
        &[
            ("input[id]", &quiz),
            ("input[title]", "Quiz changé"),
            ("input[pass_mark_percent]", "150"),
        ],
    )
    .await;
    assert!(message.contains("entre 0 et 100"), "{message}");
    let stored = quizzes::Entity::find_by_id(quiz_id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("quiz");
    assert_eq!(
        (stored.title.as_str(), stored.pass_mark_percent),
        ("Quiz final", 70)
    );
    let message = refused(
        &app,
        &coordinator,
        "authoring/publish",
        &[
            ("input[target]", "quiz"),
            ("input[id]", &quiz),
            ("input[published]", "true"),
        ],
    )
    .await;
    assert!(message.contains("pas de question"), "{message}");

    // A resource needs an address unless it is a contact.
    let module = module_id.to_string();
    let message = refused(
        &app,
        &coordinator,
        "authoring/create_resource",
        &[
            ("input[module_id]", &module),
            ("input[kind]", "link"),
            ("input[title]", "Psycom"),
            ("input[url]", "javascript:alert(1)"),
        ],
    )
    .await;
    assert!(message.contains("https://"), "{message}");
}
