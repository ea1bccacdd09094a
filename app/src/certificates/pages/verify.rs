//! `/verifier/:code`: the public page a QR code leads to. It confirms the
//! holder's name, the training and its dates — nothing else — or says the
//! certificate is unknown (HTTP 404) or revoked (and when, never why).

use crate::layout::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::certificates::api::verify_certificate;
use crate::certificates::types::Verification;
use crate::error::AppError;
use crate::layout::ProblemMessage;

#[component]
pub fn VerifyPage() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(
        move || params.read().get("code").unwrap_or_default(),
        verify_certificate,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(v) => view! { <Verified v/> }.into_any(),
                    Err(AppError::NotFound) => view! { <Unknown/> }.into_any(),
                    Err(e) => view! { <ProblemMessage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Verified(v: Verification) -> impl IntoView {
    view! {
        <Title text="Vérification d’un certificat"/>
        <section class="page narrow">
            <h1>"Vérification d’un certificat de réalisation"</h1>
            {if let Some(on) = v.revoked_on.clone() {
                view! {
                    <p class="notice notice--error" role="alert">
                        <strong>"Certificat révoqué."</strong>
                        {format!(" Ce certificat a été révoqué le {on} : il n’est plus valable.")}
                    </p>
                }.into_any()
            } else {
                view! {
                    <p class="notice notice--ok">
                        "Ce certificat est authentique : il a été délivré par le Conseil local de santé mentale de Metz."
                    </p>
                }.into_any()
            }}
            <dl>
                <dt>"Titulaire"</dt>
                <dd>{v.holder_name.unwrap_or_else(|| {
                    "Nom non conservé (données personnelles effacées ou durée de conservation écoulée)".to_owned()
                })}</dd>
                <dt>"Formation"</dt>
                <dd>{v.training_title}</dd>
                <dt>"Date"</dt>
                <dd>{v.training_dates}</dd>
            </dl>
        </section>
    }
}

#[component]
fn Unknown() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Certificat inconnu"/>
        <section class="page narrow">
            <h1>"Certificat inconnu"</h1>
            <p>"Aucun certificat ne correspond à cette adresse. Vérifiez qu’elle a été recopiée en entier."</p>
        </section>
    }
}
