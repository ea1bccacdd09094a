//! The role matrix: every server function, called as a visitor, a learner, a
//! trainer and a coordinator; only the allowed pairs get through.
//!
//! Each later feature adds its server functions to [`cases`]. The test fails
//! if a registered server function is missing from the table, so none can be
//! added without saying who may call it.

use std::collections::BTreeSet;

use app::roles::Role;

use crate::support::TestApp;

/// Who may call a server function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    SignedIn,
    Only(&'static [Role]),
}

pub struct Case {
    pub endpoint: &'static str,
    pub form: Vec<(&'static str, String)>,
    pub access: Access,
}

fn case(endpoint: &'static str, access: Access, form: &[(&'static str, &str)]) -> Case {
    Case {
        endpoint,
        access,
        form: form.iter().map(|(k, v)| (*k, v.to_string())).collect(),
    }
}

const COORDINATOR: &[Role] = &[Role::Coordinator];
const AUTHORS: &[Role] = &[Role::Trainer, Role::Coordinator];

/// Every server function, with arguments that pass validation where possible
/// (`target` is an account the calls may modify). Calls that end the caller's
/// session come last.
fn cases(target: i32) -> Vec<Case> {
    let target = target.to_string();
    let this_year = chrono::Datelike::year(&chrono::Utc::now()).to_string();
    vec![
        case("catalogue/list_modules", Access::Public, &[]),
        case(
            "catalogue/module",
            Access::Public,
            &[("slug", "sensibilisation-sante-mentale")],
        ),
        case(
            "catalogue/lesson",
            Access::SignedIn,
            &[
                ("slug", "sensibilisation-sante-mentale"),
                ("lesson_id", "1"),
            ],
        ),
        case(
            "catalogue/mark_lesson",
            Access::SignedIn,
            &[("input[lesson_id]", "1"), ("input[done]", "true")],
        ),
        case("catalogue/my_progress", Access::Public, &[]),
        case("quiz/overview", Access::SignedIn, &[("quiz_id", "1")]),
        case(
            "quiz/start_attempt",
            Access::SignedIn,
            &[("input[quiz_id]", "1")],
        ),
        case("quiz/attempt", Access::SignedIn, &[("attempt_id", "1")]),
        case(
            "quiz/answer_attempt",
            Access::SignedIn,
            &[("input[attempt_id]", "1"), ("input[action]", "save")],
        ),
        case("quiz/results", Access::Only(AUTHORS), &[("quiz_id", "1")]),
        case("accounts/who_am_i", Access::Public, &[]),
        case("privacy/notice", Access::Public, &[]),
        case("accounts/demo_mode", Access::Public, &[]),
        case("accounts/list_structures", Access::Public, &[]),
        case(
            "accounts/sign_in",
            Access::Public,
            &[
                ("input[email]", "personne@example.org"),
                ("input[password]", "mauvais mot de passe"),
            ],
        ),
        case(
            "accounts/sign_up",
            Access::Public,
            &[
                ("input[email]", "x"),
                ("input[display_name]", "X"),
                ("input[password]", "x"),
            ],
        ),
        case(
            "accounts/request_password_reset",
            Access::Public,
            &[("input[email]", "personne@example.org")],
        ),
        case(
            "accounts/reset_password",
            Access::Public,
            &[
                ("input[token]", "faux"),
                ("input[password]", "une phrase assez longue"),
            ],
        ),
        case(
            "accounts/confirm_email",
            Access::Public,
            &[("input[token]", "faux")],
        ),
        case("accounts/resend_verification", Access::SignedIn, &[]),
        case(
            "accounts/confirm_address",
            Access::Only(COORDINATOR),
            &[("input[user_id]", &target)],
        ),
        case("accounts/my_profile", Access::SignedIn, &[]),
        case(
            "accounts/update_profile",
            Access::SignedIn,
            &[
                ("input[display_name]", "Nom Modifié"),
                ("input[profession]", ""),
                ("input[sector]", ""),
                ("input[structure_id]", ""),
            ],
        ),
        case("accounts/list_accounts", Access::Only(COORDINATOR), &[]),
        case(
            "accounts/search_accounts",
            Access::Only(COORDINATOR),
            &[("query", "example.org")],
        ),
        case(
            "accounts/change_role",
            Access::Only(COORDINATOR),
            &[("input[user_id]", &target), ("input[role]", "learner")],
        ),
        case(
            "accounts/set_active",
            Access::Only(COORDINATOR),
            &[("input[user_id]", &target), ("input[active]", "true")],
        ),
        case(
            "accounts/confirm_erasure",
            Access::Only(COORDINATOR),
            &[("user_id", &target), ("confirmed", "on")],
        ),
        case(
            "accounts/list_all_structures",
            Access::Only(COORDINATOR),
            &[],
        ),
        case(
            "accounts/review_structure",
            Access::Only(COORDINATOR),
            &[("structure_id", "1")],
        ),
        case(
            "accounts/create_structure",
            Access::Only(COORDINATOR),
            &[
                ("input[name]", "Structure de test"),
                ("input[sector]", "autre"),
                ("input[city]", "Metz"),
            ],
        ),
        case(
            "accounts/edit_structure",
            Access::Only(COORDINATOR),
            &[
                ("input[structure_id]", "1"),
                ("input[name]", "Structure corrigée"),
                ("input[sector]", "autre"),
                ("input[city]", "Metz"),
            ],
        ),
        case(
            "accounts/retire_structure",
            Access::Only(COORDINATOR),
            &[("input[structure_id]", "1"), ("input[retired]", "false")],
        ),
        case(
            "accounts/merge_structures",
            Access::Only(COORDINATOR),
            &[
                ("input[from_id]", "1"),
                ("input[into_id]", "1"),
                ("input[confirmed]", "on"),
            ],
        ),
        case(
            "accounts/change_email",
            Access::Only(COORDINATOR),
            &[
                ("input[user_id]", &target),
                ("input[email]", "cible.nouvelle@example.org"),
            ],
        ),
        case(
            "accounts/change_my_email",
            Access::SignedIn,
            &[
                ("input[email]", "moi.nouvelle@example.org"),
                ("input[password]", "mauvais mot de passe"),
            ],
        ),
        case("outbox/summary", Access::Only(COORDINATOR), &[]),
        case(
            "outbox/message",
            Access::Only(COORDINATOR),
            &[("email_id", "1")],
        ),
        case(
            "outbox/requeue",
            Access::Only(COORDINATOR),
            &[("email_id", "1")],
        ),
        // Authoring: the trainer's calls come first and create module, lesson,
        // quiz and question 1, which the later cases then use.
        case(
            "authoring/create_module",
            Access::Only(AUTHORS),
            &[
                ("input[title]", "Module de test"),
                ("input[duration_minutes]", "60"),
            ],
        ),
        case("authoring/modules", Access::Only(AUTHORS), &[]),
        case(
            "authoring/module",
            Access::Only(AUTHORS),
            &[("module_id", "1")],
        ),
        case(
            "authoring/update_module",
            Access::Only(AUTHORS),
            &[
                ("input[id]", "1"),
                ("input[title]", "Module modifié"),
                ("input[summary]", "Résumé"),
                ("input[duration_minutes]", "90"),
                ("input[audience]", "Tous"),
                ("input[prerequisites]", "Aucun"),
                ("input[objectives]", "Repérer\nOrienter"),
            ],
        ),
        case(
            "authoring/create_lesson",
            Access::Only(AUTHORS),
            &[
                ("input[module_id]", "1"),
                ("input[title]", "Leçon de test"),
                ("input[estimated_minutes]", "10"),
            ],
        ),
        case(
            "authoring/lesson",
            Access::Only(AUTHORS),
            &[("lesson_id", "1")],
        ),
        case(
            "authoring/update_lesson",
            Access::Only(AUTHORS),
            &[
                ("input[id]", "1"),
                ("input[title]", "Leçon modifiée"),
                ("input[estimated_minutes]", "12"),
                ("input[body_markdown]", "## Texte"),
            ],
        ),
        case(
            "authoring/preview",
            Access::Only(AUTHORS),
            &[("markdown", "**gras**")],
        ),
        case(
            "authoring/create_resource",
            Access::Only(AUTHORS),
            &[
                ("input[module_id]", "1"),
                ("input[kind]", "link"),
                ("input[title]", "Psycom"),
                ("input[url]", "https://www.psycom.org"),
                ("input[description]", ""),
            ],
        ),
        case(
            "authoring/create_quiz",
            Access::Only(AUTHORS),
            &[("input[module_id]", "1"), ("input[title]", "Quiz de test")],
        ),
        case("authoring/quiz", Access::Only(AUTHORS), &[("quiz_id", "1")]),
        case(
            "authoring/update_quiz",
            Access::Only(AUTHORS),
            &[
                ("input[id]", "1"),
                ("input[title]", "Quiz modifié"),
                ("input[pass_mark_percent]", "80"),
                ("input[max_attempts]", ""),
                ("input[time_limit_minutes]", "20"),
            ],
        ),
        case(
            "authoring/save_question",
            Access::Only(AUTHORS),
            &[
                ("input[quiz_id]", "1"),
                ("input[kind]", "true_false"),
                ("input[prompt]", "La santé mentale concerne tout le monde."),
                ("input[feedback]", ""),
                ("input[objective_id]", ""),
                ("input[points]", "1"),
                ("input[answers]", "vrai"),
            ],
        ),
        case(
            "authoring/publish",
            Access::Only(AUTHORS),
            &[
                ("input[target]", "lesson"),
                ("input[id]", "1"),
                ("input[published]", "true"),
            ],
        ),
        // Archiving and deleting act on ids nobody uses: the module and quiz
        // above serve the cases below.
        case(
            "authoring/archive",
            Access::Only(AUTHORS),
            &[
                ("input[target]", "module"),
                ("input[id]", "999"),
                ("input[archived]", "true"),
            ],
        ),
        case(
            "authoring/delete",
            Access::Only(AUTHORS),
            &[
                ("input[target]", "quiz"),
                ("input[id]", "999"),
                ("input[confirmed]", "on"),
            ],
        ),
        case(
            "authoring/move",
            Access::Only(AUTHORS),
            &[
                ("input[target]", "question"),
                ("input[id]", "2"),
                ("input[direction]", "up"),
            ],
        ),
        case(
            "authoring/delete_resource",
            Access::Only(AUTHORS),
            &[("resource_id", "1")],
        ),
        case(
            "authoring/delete_question",
            Access::Only(AUTHORS),
            &[("question_id", "1")],
        ),
        case(
            "sessions/list",
            Access::Public,
            &[("input[month]", "2030-04")],
        ),
        case("sessions/detail", Access::Public, &[("session_id", "1")]),
        case("sessions/manage_list", Access::Only(AUTHORS), &[]),
        case("sessions/form_options", Access::Only(AUTHORS), &[]),
        case(
            "sessions/create",
            Access::Only(AUTHORS),
            &[
                ("input[module_id]", "1"),
                ("input[title]", "Session de la matrice"),
                ("input[mode]", "distanciel"),
                ("input[visio_url]", "https://visio.example.org/a"),
                ("input[capacity]", "12"),
                ("input[programme_year]", "2030"),
                ("input[slot_1][day]", "2030-04-16"),
                ("input[slot_1][half_day]", "matin"),
            ],
        ),
        case(
            "sessions/update",
            Access::Only(AUTHORS),
            &[("input[session_id]", "1"), ("input[title]", "Modifiée")],
        ),
        // Attendance: session 1 (slot 1) is the one the trainer created above.
        case(
            "sessions/roll_call",
            Access::Only(AUTHORS),
            &[("session_id", "1"), ("slot_id", "1")],
        ),
        case(
            "sessions/set_mark",
            Access::Only(AUTHORS),
            &[
                ("input[session_id]", "1"),
                ("input[slot_id]", "1"),
                ("input[enrolment_id]", "1"),
                ("input[status]", "present"),
            ],
        ),
        case(
            "sessions/confirm_slot",
            Access::Only(AUTHORS),
            &[("input[session_id]", "1"), ("input[slot_id]", "1")],
        ),
        // Questionnaires of session 1: learners reach only their own
        // enrolment (404 otherwise), trainers only the sessions they teach.
        case(
            "assessment/learner_view",
            Access::SignedIn,
            &[("session_id", "1")],
        ),
        case(
            "assessment/submit",
            Access::SignedIn,
            &[
                ("input[session_id]", "1"),
                ("input[phase]", "avant"),
                ("input[questionnaire_id]", "1"),
            ],
        ),
        case("assessment/pending", Access::SignedIn, &[]),
        case(
            "assessment/editor",
            Access::Only(AUTHORS),
            &[("session_id", "1")],
        ),
        case(
            "assessment/edit_item",
            Access::Only(AUTHORS),
            &[
                ("input[session_id]", "1"),
                ("input[action]", "add"),
                ("input[prompt]", "Je sais orienter."),
            ],
        ),
        case("programme/read", Access::Only(COORDINATOR), &[]),
        case(
            "programme/save",
            Access::Only(COORDINATOR),
            &[("input[year]", &this_year), ("input[note]", "")],
        ),
        case(
            "assessment/cohort",
            Access::Only(AUTHORS),
            &[("session_id", "1")],
        ),
        case(
            "sessions/new_checkin_code",
            Access::Only(AUTHORS),
            &[("input[session_id]", "1"), ("input[slot_id]", "1")],
        ),
        case(
            "sessions/attendance",
            Access::Public,
            &[("session_id", "1")],
        ),
        case(
            "sessions/check_in",
            Access::SignedIn,
            &[("input[session_id]", "1"), ("input[code]", "123456")],
        ),
        case(
            "sessions/send_apology",
            Access::SignedIn,
            &[
                ("input[session_id]", "1"),
                ("input[slot_id]", "1"),
                ("input[reason]", ""),
            ],
        ),
        case(
            "sessions/withdraw_apology",
            Access::SignedIn,
            &[("input[session_id]", "1"), ("input[slot_id]", "1")],
        ),
        case(
            "sessions/duplicate",
            Access::Only(AUTHORS),
            &[("input[session_id]", "1")],
        ),
        case(
            "sessions/cancel",
            Access::Only(AUTHORS),
            &[("input[session_id]", "1"), ("input[reason]", "Motif")],
        ),
        // Without a reason nor the confirmation: refused (422), session 1 stays.
        case(
            "sessions/reopen",
            Access::Only(AUTHORS),
            &[("input[session_id]", "1"), ("input[reason]", "")],
        ),
        case(
            "sessions/delete",
            Access::Only(AUTHORS),
            &[("input[session_id]", "1")],
        ),
        case(
            "sessions/add_learners",
            Access::Only(AUTHORS),
            &[
                ("input[session_id]", "1"),
                ("input[emails]", "personne@example.org"),
            ],
        ),
        case("space/learner_home", Access::Public, &[]),
        case("space/trainer_home", Access::Only(AUTHORS), &[]),
        case(
            "indicators/dashboard",
            Access::Only(COORDINATOR),
            &[("input[annee]", "2026")],
        ),
        case("space/coordinator_home", Access::Only(COORDINATOR), &[]),
        case(
            "sessions/enrol",
            Access::SignedIn,
            &[("input[session_id]", "1")],
        ),
        case(
            "sessions/cancel_enrolment",
            Access::SignedIn,
            &[("input[enrolment_id]", "1")],
        ),
        // Certificates: session 1 is the one the trainer created above.
        case(
            "certificates/cohort",
            Access::Only(AUTHORS),
            &[("session_id", "1")],
        ),
        case(
            "certificates/set_rule",
            Access::Only(AUTHORS),
            &[
                ("input[session_id]", "1"),
                ("input[min_attendance_percent]", "100"),
            ],
        ),
        case(
            "certificates/issue",
            Access::Only(AUTHORS),
            &[("input[session_id]", "1"), ("input[batch]", "10")],
        ),
        case(
            "certificates/verify",
            Access::Public,
            &[("code", "inconnu")],
        ),
        case("certificates/mine", Access::SignedIn, &[]),
        case(
            "certificates/revoke",
            Access::Only(COORDINATOR),
            &[
                ("input[session_id]", "1"),
                ("input[certificate_id]", "1"),
                ("input[reason]", "Motif"),
                ("input[confirm]", "true"),
            ],
        ),
        case(
            "journal/read",
            Access::Only(COORDINATOR),
            &[("query[session]", ""), ("query[before]", "")],
        ),
        case(
            "agenda/create_feed",
            Access::Only(AUTHORS),
            &[("input[kind]", "animation")],
        ),
        case("agenda/my_feeds", Access::SignedIn, &[]),
        case("privacy/my_data", Access::SignedIn, &[]),
        case(
            "agenda/revoke_feed",
            Access::SignedIn,
            &[("input[feed_id]", "1")],
        ),
        case("starter/offer", Access::Public, &[]),
        case("starter/install", Access::Only(COORDINATOR), &[]),
        case("accounts/request_erasure", Access::SignedIn, &[]),
        case("accounts/sign_out", Access::Public, &[]),
    ]
}

fn allowed(access: Access, role: Option<Role>) -> bool {
    match (access, role) {
        (Access::Public, _) => true,
        (_, None) => false,
        (Access::SignedIn, Some(_)) => true,
        (Access::Only(roles), Some(role)) => roles.contains(&role),
    }
}

#[tokio::test]
async fn every_server_function_enforces_its_roles() {
    let app = TestApp::spawn().await;
    let target = app.signed_in(Role::Learner).await;
    let learner = app.signed_in(Role::Learner).await;
    let trainer = app.signed_in(Role::Trainer).await;
    let coordinator = app.signed_in(Role::Coordinator).await;
    let visitor = crate::support::new_client();
    let callers = [
        (None, &visitor),
        (Some(Role::Learner), &learner.client),
        (Some(Role::Trainer), &trainer.client),
        (Some(Role::Coordinator), &coordinator.client),
    ];
    let cases = cases(target.id);

    let mut failures = Vec::new();
    for case in &cases {
        for (role, client) in callers {
            let form: Vec<(&str, &str)> = case.form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let status = app
                .call(client, case.endpoint, &form)
                .await
                .status()
                .as_u16();
            let denied = status == 401 || status == 403;
            let expected_allowed = allowed(case.access, role);
            if denied == expected_allowed {
                failures.push(format!(
                    "{} as {role:?}: status {status}, expected allowed={expected_allowed}",
                    case.endpoint
                ));
            }
            if !expected_allowed {
                let expected = if role.is_none() { 401 } else { 403 };
                if status != expected {
                    failures.push(format!(
                        "{} as {role:?}: status {status}, expected {expected}",
                        case.endpoint
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "role matrix violations:\n{}",
        failures.join("\n")
    );

    let tested: BTreeSet<String> = cases
        .iter()
        .map(|c| format!("/api/{}", c.endpoint))
        .collect();
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    let missing: Vec<_> = registered.difference(&tested).collect();
    assert!(
        missing.is_empty(),
        "server functions missing from the role matrix: {missing:?}"
    );
}
