//! « Comptes » says what was saved (role, deactivation, reactivation,
//! erasure), and erasing an account needs its confirmation box ticked.

use sea_orm::EntityTrait;

use app::db::entities::users;
use app::roles::Role;

use super::{message, submit};
use crate::support::TestApp;

#[tokio::test]
async fn saving_on_the_accounts_page_says_so() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let learner = app.signed_in(Role::Learner).await;
    let id = learner.id.to_string();

    let page = submit(
        &app,
        &coordinator.client,
        "accounts/change_role",
        &[("input[user_id]", &id), ("input[role]", "trainer")],
    )
    .await;
    assert!(page.contains("Le rôle a été modifié."));

    let page = submit(
        &app,
        &coordinator.client,
        "accounts/set_active",
        &[("input[user_id]", &id), ("input[active]", "false")],
    )
    .await;
    assert!(page.contains("Le compte a été désactivé"));
    assert!(
        !page.contains("Le rôle a été modifié."),
        "one notice at a time"
    );

    let page = submit(
        &app,
        &coordinator.client,
        "accounts/set_active",
        &[("input[user_id]", &id), ("input[active]", "true")],
    )
    .await;
    assert!(page.contains("Le compte a été réactivé."));

    let (_, plain) = app
        .page_as(&coordinator.client, "/coordination/comptes")
        .await;
    assert!(
        !plain.contains("a été réactivé"),
        "no notice without a change"
    );
}

#[tokio::test]
async fn erasure_asks_for_an_explicit_confirmation() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let learner = app.signed_in(Role::Learner).await;
    app.call(&learner.client, "accounts/request_erasure", &[])
        .await;
    let id = learner.id.to_string();

    let (_, list) = app
        .page_as(&coordinator.client, "/coordination/comptes")
        .await;
    assert!(
        list.contains("Je confirme l’effacement définitif du compte de"),
        "the box is on the page"
    );
    for ticked in [None, Some("off")] {
        let mut form = vec![("user_id", id.as_str())];
        form.extend(ticked.map(|v| ("confirmed", v)));
        let response = app
            .call(&coordinator.client, "accounts/confirm_erasure", &form)
            .await;
        assert_eq!(response.status().as_u16(), 422);
        assert!(
            message(response)
                .await
                .contains("Cochez la case de confirmation")
        );
    }
    let kept = users::Entity::find_by_id(learner.id).one(&app.db).await;
    let kept = kept.expect("query").expect("row");
    assert!(kept.erased_at.is_none() && kept.email.is_some());

    let page = submit(
        &app,
        &coordinator.client,
        "accounts/confirm_erasure",
        &[("user_id", &id), ("confirmed", "on")],
    )
    .await;

    assert!(page.contains("Le compte a été effacé"));
    let erased = users::Entity::find_by_id(learner.id).one(&app.db).await;
    assert!(erased.expect("query").expect("row").erased_at.is_some());
}
