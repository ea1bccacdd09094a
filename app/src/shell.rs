//! The HTML document and the route table.

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::accounts::pages::{
    AccountsAdminPage, ConfirmEmailPage, ForgotPasswordPage, NewPasswordPage, ProfilePage,
    SignInPage, SignUpPage, StructuresAdminPage,
};
use crate::agenda::AgendaPage;
use crate::assessment::pages::{CohortPage, EditorPage, LearnerAssessmentPage};
use crate::attendance::pages::RollCallPage;
use crate::authoring::pages::{LessonEditPage, ModuleEditPage, QuizEditPage, WorkshopPage};
use crate::catalogue::{CataloguePage, LessonReadPage, ModulePage};
use crate::certificates::pages::{CertificatesPage, VerifyPage};
use crate::home::HomePage;
use crate::indicators::pages::IndicatorsPage;
use crate::journal::JournalPage;
use crate::layout::{Layout, NotFound};
use crate::legal::AccessibilityPage;
use crate::outbox::{OutboxMessagePage, OutboxPage};
use crate::privacy::pages::{MyDataPage, PrivacyPage};
use crate::programme::ProgrammePage;
use crate::quiz::pages::{AttemptPage, QuizPage, QuizResultsPage};
use crate::sessions::pages::{EditSessionPage, NewSessionPage, SessionPage, SessionsPage};
use crate::space::SpacePage;

/// The document sent by the server around the application.
///
/// Pages are server-rendered HTML; only islands hydrate (`lib.rs::hydrate`).
/// Every route is rendered with `SsrMode::Async`: the whole page, header
/// included, is resolved before it is sent, so it works without JavaScript
/// (out-of-order streaming would leave parts in `<template>`s that only a
/// script can reveal).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="fr">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content="Relais : la formation de sensibilisation en santé mentale du CLSM de Metz."/>
                <link rel="icon" href="data:,"/>
                <AutoReload options=options.clone()/>
                <HashedStylesheet options=options.clone() id="relais"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/formations") view=CataloguePage ssr=SsrMode::Async/>
                    <Route path=path!("/formations/:slug") view=ModulePage ssr=SsrMode::Async/>
                    <Route path=path!("/formations/:slug/lecons/:id") view=LessonReadPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions") view=SessionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/nouvelle") view=NewSessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/:id") view=SessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/:id/modifier") view=EditSessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/:id/auto-evaluation") view=LearnerAssessmentPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/:id/questionnaires") view=CohortPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/:id/questionnaires/items") view=EditorPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/:id/appel/:slot_id") view=RollCallPage ssr=SsrMode::Async/>
                    <Route path=path!("/sessions/:id/certificats") view=CertificatesPage ssr=SsrMode::Async/>
                    <Route path=path!("/verifier/:code") view=VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/quiz/:id") view=QuizPage ssr=SsrMode::Async/>
                    <Route path=path!("/quiz/:id/resultats") view=QuizResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("/quiz/tentatives/:id") view=AttemptPage ssr=SsrMode::Async/>
                    <Route path=path!("/atelier") view=WorkshopPage ssr=SsrMode::Async/>
                    <Route path=path!("/atelier/modules/:id") view=ModuleEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/atelier/lecons/:id") view=LessonEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/atelier/quiz/:id") view=QuizEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/confidentialite") view=PrivacyPage ssr=SsrMode::Async/>
                    <Route path=path!("/accessibilite") view=AccessibilityPage ssr=SsrMode::Async/>
                    <Route path=path!("/connexion") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/inscription") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe-oublie") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe/nouveau") view=NewPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/adresse/confirmer") view=ConfirmEmailPage ssr=SsrMode::Async/>
                    <Route path=path!("/mon-espace") view=SpacePage ssr=SsrMode::Async/>
                    <Route path=path!("/mon-agenda") view=AgendaPage ssr=SsrMode::Async/>
                    <Route path=path!("/profil") view=ProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("/mes-donnees/consulter") view=MyDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/coordination/comptes") view=AccountsAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/coordination/structures") view=StructuresAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/coordination/courriels") view=OutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/coordination/indicateurs") view=IndicatorsPage ssr=SsrMode::Async/>
                    <Route path=path!("/coordination/programme") view=ProgrammePage ssr=SsrMode::Async/>
                    <Route path=path!("/coordination/journal") view=JournalPage ssr=SsrMode::Async/>
                    <Route path=path!("/coordination/courriels/:id") view=OutboxMessagePage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
