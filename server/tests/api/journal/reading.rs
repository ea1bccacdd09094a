//! The journal shows what real actions wrote — a revoked certificate, a
//! cancelled session, a changed role, a failed sign-in — in French, newest
//! first, and its filters by session, person and dates select the right ones.

use app::roles::Role;

use crate::certificates::support::{certificate_of, finished_class, issue};
use crate::journal::support::{days, journal};
use crate::sessions::support::create_session;
use crate::support::TestApp;

fn actions(j: &app::journal::types::Journal) -> Vec<&str> {
    j.entries.iter().map(|e| e.action.as_str()).collect()
}

#[tokio::test]
async fn the_journal_shows_real_actions_and_filters_them() {
    let app = TestApp::spawn().await;
    let c = finished_class(&app, 1, 1).await;
    let holder = &c.learners[0].0;
    issue(&app, &c.trainer, c.session, None).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let cert = certificate_of(&app, c.learners[0].1).await;
    let other = create_session(&app, &c.trainer, None, 10).await;
    let target = app.signed_in(Role::Learner).await;

    // Four real actions, through the interface.
    let revoked = app
        .call(
            &coordinator.client,
            "certificates/revoke",
            &[
                ("input[session_id]", &c.session.to_string()),
                ("input[certificate_id]", &cert.id.to_string()),
                ("input[reason]", "Erreur de saisie"),
                ("input[confirm]", "true"),
            ],
        )
        .await;
    assert_eq!(revoked.status(), 200);
    let cancelled = app
        .call(
            &c.trainer.client,
            "sessions/cancel",
            &[
                ("input[session_id]", &other.to_string()),
                ("input[reason]", "Salle indisponible"),
            ],
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    let promoted = app
        .call(
            &coordinator.client,
            "accounts/change_role",
            &[
                ("input[user_id]", &target.id.to_string()),
                ("input[role]", "trainer"),
            ],
        )
        .await;
    assert_eq!(promoted.status(), 200);
    let wrong = app
        .sign_in(
            &crate::support::new_client(),
            &holder.email,
            "pas le bon mot de passe",
        )
        .await;
    assert_eq!(wrong.status(), 422);

    let all = journal(&app, &coordinator, &[]).await;
    assert_eq!(
        actions(&all),
        [
            "Échec de connexion",
            "Rôle modifié",
            "Session annulée",
            "Certificat révoqué"
        ]
    );
    assert_eq!(all.older, None);
    let revocation = &all.entries[3];
    assert_eq!(revocation.actor, "Personne Coordinator");
    assert_eq!(revocation.session.as_ref().map(|s| s.id), Some(c.session));
    assert_eq!(revocation.concerns, format!("Certificat n° {}", cert.id));
    assert!(
        revocation
            .details
            .contains(&("Motif".to_owned(), "Erreur de saisie".to_owned())),
        "{revocation:?}"
    );
    assert!(
        revocation
            .details
            .contains(&("Participant·e".to_owned(), "Apprenant·e 1".to_owned())),
        "{revocation:?}"
    );
    let failed = &all.entries[0];
    assert_eq!(failed.actor, "Système");
    assert_eq!(failed.concerns, "Personne : Apprenant·e 1");
    assert_eq!(
        all.entries[1].details,
        [
            ("Rôle avant".to_owned(), "Apprenant·e".to_owned()),
            ("Rôle après".to_owned(), "Formateur·rice".to_owned())
        ]
    );
    assert_eq!(all.entries[2].session.as_ref().map(|s| s.id), Some(other));
    assert!(all.sessions.iter().any(|s| s.id == c.session));
    // The filter's lists stay bounded at any age: the team, not every learner
    // (a learner is reached from « Comptes » with `?personne=<id>`).
    assert!(all.people.iter().any(|p| p.id == coordinator.id));
    assert!(!all.people.iter().any(|p| p.id == holder.id));

    // By session: the target or the details name it.
    let (s, o) = (c.session.to_string(), other.to_string());
    let of_session = journal(&app, &coordinator, &[("session", &s)]).await;
    assert_eq!(actions(&of_session), ["Certificat révoqué"]);
    let of_other = journal(&app, &coordinator, &[("session", &o)]).await;
    assert_eq!(actions(&of_other), ["Session annulée"]);

    // By person: who acted, or whom it concerns.
    let by = |id: i32| id.to_string();
    let holder_id = by(holder.id);
    let of_holder = journal(&app, &coordinator, &[("person", &holder_id)]).await;
    assert!(
        of_holder.people.iter().any(|p| p.id == holder.id),
        "the person filtered on is offered"
    );
    assert_eq!(
        actions(&of_holder),
        ["Échec de connexion", "Certificat révoqué"]
    );
    let coordinator_id = by(coordinator.id);
    let of_coordinator = journal(&app, &coordinator, &[("person", &coordinator_id)]).await;
    assert_eq!(
        actions(&of_coordinator),
        ["Rôle modifié", "Certificat révoqué"]
    );
    let trainer_id = by(c.trainer.id);
    let both = journal(
        &app,
        &coordinator,
        &[("person", &trainer_id), ("session", &o)],
    )
    .await;
    assert_eq!(actions(&both), ["Session annulée"]);

    // By dates (Paris days, both included).
    let (today, yesterday, tomorrow) = days();
    let today_only = journal(&app, &coordinator, &[("from", &today), ("to", &today)]).await;
    assert_eq!(today_only.entries.len(), 4);
    assert!(
        journal(&app, &coordinator, &[("from", &tomorrow)])
            .await
            .entries
            .is_empty()
    );
    assert!(
        journal(&app, &coordinator, &[("to", &yesterday)])
            .await
            .entries
            .is_empty()
    );

    // The page, rendered on the server: French labels, links, the GET form, no address.
    let (status, html) = app
        .page_as(&coordinator.client, "/coordination/journal")
        .await;
    assert_eq!(status, 200);
    for expected in [
        "Journal des actions",
        "Certificat révoqué",
        "Session annulée",
        "Rôle modifié",
        "Échec de connexion",
        "Système",
        "Motif : Erreur de saisie",
        "Rôle avant : Apprenant·e",
        &format!("href=\"/sessions/{}\"", c.session),
        "method=\"get\"",
        "name=\"personne\"",
        "name=\"du\"",
    ] {
        assert!(html.contains(expected), "{expected:?} missing from {html}");
    }
    assert!(!html.contains(&holder.email), "an address in the journal");
    let (_, filtered) = app
        .page_as(
            &coordinator.client,
            &format!("/coordination/journal?session={s}&personne=&du={today}&au="),
        )
        .await;
    assert!(filtered.contains("Certificat révoqué"));
    assert!(!filtered.contains("Rôle modifié"));
    assert!(
        filtered.contains(&format!("<option value=\"{s}\" selected")),
        "{filtered}"
    );

    // Pilotage's navigation leads there.
    let (_, home) = app.page_as(&coordinator.client, "/mon-espace").await;
    assert!(home.contains("href=\"/coordination/journal\""));
}

#[tokio::test]
async fn bad_filters_are_refused_in_french() {
    let app = TestApp::spawn().await;
    let coordinator = app.signed_in(Role::Coordinator).await;

    for (query, expected) in [
        ("session=abc", "« Session »"),
        ("personne=camille%40example.org", "« Personne »"),
        ("du=2026-02-30", "« Du »"),
        ("au=31%2F12%2F2026", "AAAA-MM-JJ"),
        ("du=2026-12-31&au=2026-01-01", "doit précéder"),
        ("avant=-4", "première page"),
    ] {
        let (status, html) = app
            .page_as(
                &coordinator.client,
                &format!("/coordination/journal?{query}"),
            )
            .await;
        assert_eq!(status, 422, "{query}");
        assert!(
            html.contains(expected),
            "{query}: {expected:?} missing from {html}"
        );
        assert!(html.contains("Revenir au journal sans filtre"));
    }
    let refused =
        crate::journal::support::read(&app, &coordinator, &[("session", "1 OR 1=1")]).await;
    assert_eq!(refused.status(), 422);
}
