//! The trainer's questionnaire editor: every saved edit says so (with and
//! without JavaScript) and is audited; the generated items are French.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::db::entities::{questionnaire_items, questionnaires};

use crate::assessment::support::{assessed_class, edit, editor_of};
use crate::attendance::support::audit;
use crate::support::TestApp;

#[tokio::test]
async fn a_saved_edit_shows_its_success_message_and_is_audited() {
    let app = TestApp::spawn().await;
    let c = assessed_class(&app, 1).await;
    let t = &c.trainer;
    let first = editor_of(&app, t, c.session).await.items[0].id;
    let page = format!("/sessions/{}/questionnaires/items", c.session);

    // Without JavaScript the form posts and comes back to the editor.
    let posted = t
        .client
        .post(app.url("/api/assessment/edit_item"))
        .header("Accept", "text/html")
        .header("Referer", app.url(&page))
        .form(&[
            ("input[session_id]", c.session.to_string()),
            ("input[action]", "update".to_owned()),
            ("input[item_id]", first.to_string()),
            ("input[prompt]", "Je sais repérer les signes.".to_owned()),
            ("input[objective_id]", String::new()),
        ])
        .send()
        .await
        .expect("POST");
    assert!(posted.status().is_redirection(), "{}", posted.status());
    let location = posted
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .expect("location")
        .to_owned();
    assert_eq!(location, format!("{page}?enregistre=update"));
    let (status, html) = app.page_as(&t.client, &location).await;
    assert_eq!(status, 200);
    assert!(html.contains("Affirmation enregistrée."), "{html}");
    assert!(html.contains("Je sais repérer les signes."));
    let (_, plain) = app.page_as(&t.client, &page).await;
    assert!(!plain.contains("Affirmation enregistrée."));

    let added = edit(&app, t, c.session, "add", None, "Je connais le réseau.").await;
    assert_eq!(added.status(), 200);
    let (_, html) = app
        .page_as(&t.client, &format!("{page}?enregistre=add"))
        .await;
    assert!(html.contains("Affirmation ajoutée."));

    let entries = audit(&app, "assessment_item_edited").await;
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.actor_id == Some(t.id)));
}

#[tokio::test]
async fn every_generated_self_assessment_item_is_grammatical() {
    let app = TestApp::spawn_with_demo().await;
    let ids: Vec<i32> = questionnaires::Entity::find()
        .filter(questionnaires::Column::Kind.eq("auto_evaluation"))
        .all(&app.db)
        .await
        .expect("questionnaires")
        .into_iter()
        .map(|q| q.id)
        .collect();
    let items = questionnaire_items::Entity::find()
        .filter(questionnaire_items::Column::QuestionnaireId.is_in(ids))
        .all(&app.db)
        .await
        .expect("items");
    assert!(items.len() > 10, "{}", items.len());
    let vowels = "aeiouyéèêâîôûh";
    for item in &items {
        let p = item.prompt.as_str();
        if let Some(rest) = p.strip_prefix("Je me sens capable de ") {
            let first = rest.chars().next().expect("a clause");
            assert!(
                !vowels.contains(first) || rest.starts_with("hiérarch"),
                "no elision: {p}"
            );
        }
        for wrong in [
            " ses propres",
            " sa fonction",
            "en s’",
            "en s'",
            " de soi.",
            " de soi,",
        ] {
            assert!(!p.contains(wrong), "« {wrong} » in: {p}");
        }
    }
    let prompts: Vec<&str> = items.iter().map(|i| i.prompt.as_str()).collect();
    for expected in [
        "Je me sens capable d’identifier mes propres représentations",
        "Je me sens capable d’utiliser des techniques de désescalade",
        "Je me sens capable d’alerter l’interlocuteur adapté",
        "dans les limites de ma fonction",
        "en m’appuyant sur les données",
        "en recherchant son adhésion",
    ] {
        assert!(
            prompts.iter().any(|p| p.contains(expected)),
            "{expected}: {prompts:#?}"
        );
    }
}
