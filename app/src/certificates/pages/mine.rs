//! « Mes certificats » in « Mon espace »: each certificate to download, or
//! said revoked (no download).

use leptos::prelude::*;

use super::certificate_href;
use crate::certificates::types::MyCertificate;
use crate::error::AppError;

/// `certificates` comes from the page (a resource created inside a
/// `Suspend` would run without the request's context on the server).
#[component]
pub fn MyCertificates(
    certificates: Resource<Result<Vec<MyCertificate>, AppError>>,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = certificates.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <h2>"Mes certificats"</h2>
                    <ul>
                        {list.into_iter().map(|c| match c.revoked_on.clone() {
                            None => view! {
                                <li>
                                    <a href=certificate_href(c.certificate_id) download="">
                                        {format!("Certificat de réalisation — {} (PDF)", c.training_title)}
                                    </a>
                                    {format!(" · {} · n° {}", c.training_dates, c.number)}
                                </li>
                            }.into_any(),
                            Some(on) => view! {
                                <li>
                                    {format!("Certificat de réalisation — {} · {} · n° {} : ", c.training_title, c.training_dates, c.number)}
                                    <strong>{format!("révoqué le {on}, il n’est plus valable.")}</strong>
                                </li>
                            }.into_any(),
                        }).collect_view()}
                    </ul>
                })
            })}
        </Suspense>
    }
}
