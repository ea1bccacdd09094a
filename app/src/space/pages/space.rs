//! « Mon espace »: each person's home once signed in, saying what to do next.
//! Later features add their items (questionnaires, certificates).

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;

use super::learner::LearnerHomeView;
use super::progress::ProgressTable;
use super::staff::{CoordinatorHomeView, TrainerHomeView};
use crate::accounts::pages::use_session;
use crate::assessment::api::pending_questionnaires;
use crate::assessment::pages::PendingQuestionnaires;
use crate::catalogue::api::my_progress;
use crate::certificates::api::my_certificates;
use crate::certificates::pages::MyCertificates;
use crate::roles::Role;
use crate::space::api::{load_coordinator_home, load_learner_home, load_trainer_home};

#[component]
pub fn SpacePage() -> impl IntoView {
    let session = use_session();
    // Created here, not inside the `Suspend` below: a resource created after an
    // `.await` would run without the request's context on the server.
    let progress = Resource::new(|| (), |_| my_progress());
    let learner = Resource::new(|| (), |_| load_learner_home());
    let certificates = Resource::new(
        || (),
        move |_| async move {
            match session.user.await {
                Some(_) => my_certificates().await,
                None => Ok(Vec::new()),
            }
        },
    );
    // The staff homes wait for the person: a learner's page never calls them.
    let trainer = Resource::new(
        || (),
        move |_| async move {
            match session.user.await.map(|u| u.role) {
                Some(Role::Trainer | Role::Coordinator) => load_trainer_home().await.map(Some),
                _ => Ok(None),
            }
        },
    );
    let coordinator = Resource::new(
        || (),
        move |_| async move {
            match session.user.await.map(|u| u.role) {
                Some(Role::Coordinator) => load_coordinator_home().await.map(Some),
                _ => Ok(None),
            }
        },
    );
    let questionnaires = Resource::new(
        || (),
        move |_| async move {
            match session.user.await {
                Some(_) => pending_questionnaires().await,
                None => Ok(Vec::new()),
            }
        },
    );
    view! {
        <Title text="Mon espace"/>
        <section class="page">
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match session.user.await {
                        None => view! {
                            <h1>"Mon espace"</h1>
                            <p>"Veuillez vous connecter pour accéder à votre espace."</p>
                            <p><A href="/connexion">"Se connecter"</A></p>
                        }.into_any(),
                        Some(user) => view! {
                            <h1>{format!("Bonjour {}", user.display_name)}</h1>
                            <p>"Vous êtes connecté·e en tant que "<strong>{user.role.label()}</strong>"."</p>
                            {(!user.email_verified).then(|| view! {
                                <p class="notice" role="status">
                                    "Confirmez votre adresse e-mail : ouvrez le lien que Relais vient de vous envoyer. \
                                     Tant qu’elle n’est pas confirmée, vous ne pouvez pas vous inscrire vous-même à une session. "
                                    <A href="/profil">"Recevoir un nouveau lien"</A>
                                </p>
                            })}
                            <ul class="steps">
                                <li><A href="/formations">"Parcourir les formations"</A></li>
                                <li><A href="/sessions">"S’inscrire à une session"</A></li>
                                <li><A href="/mon-agenda">"Mon agenda : mes sessions dans Outlook, Google ou Apple"</A></li>
                                <li><A href="/profil">"Mon profil et mes données"</A></li>
                                {(user.role == Role::Coordinator).then(|| view! {
                                    <li><A href="/coordination/comptes">"Gérer les comptes"</A></li>
                                })}
                            </ul>
                            <CoordinatorHomeView home=coordinator/>
                            <TrainerHomeView home=trainer/>
                            <PendingQuestionnaires pending=questionnaires/>
                            <LearnerHomeView home=learner staff=user.role != Role::Learner/>
                            <MyCertificates certificates/>
                            <ProgressTable progress/>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
