//! « Archiver ou supprimer », at the foot of a module's, a lesson's and a
//! quiz's page: archive (or restore) it, or delete it for good once the box
//! is ticked. The server says when deleting is not possible (the item has
//! served) and why.

use leptos::prelude::*;

use crate::authoring::api::{ArchiveContent, DeleteContent};
use crate::confirm::CONFIRMED;
use crate::forms::ActionError;

#[component]
pub fn RemovalSection(
    /// `module`, `lesson` or `quiz`.
    target: &'static str,
    id: i32,
    archived: bool,
    #[prop(into)] name: String,
) -> impl IntoView {
    let archive = ServerAction::<ArchiveContent>::new();
    let delete = ServerAction::<DeleteContent>::new();
    let what = match target {
        "module" => "ce module",
        "lesson" => "cette leçon",
        _ => "ce quiz",
    };
    let explanation = if archived {
        format!(
            "Restaurer {what} le remet en brouillon ; publiez-le ensuite pour le rendre visible."
        )
    } else {
        format!(
            "Archiver {what} le cache des personnes en formation et des nouvelles sessions, en gardant tout ce qui a été fait (sessions, lectures, réponses). On peut le restaurer."
        )
    };
    let hidden_name = format!(" « {name} »");
    let confirm_label = format!("Je confirme la suppression définitive de « {name} »");
    view! {
        <section aria-labelledby="retirer">
            <h2 id="retirer">"Archiver ou supprimer"</h2>
            <p>{explanation}</p>
            <ActionForm action=archive attr:class="inline-form">
                <input type="hidden" name="input[target]" value=target/>
                <input type="hidden" name="input[id]" value=id/>
                <input type="hidden" name="input[archived]" value=(!archived).to_string()/>
                <button type="submit" class="button--secondary">
                    {if archived { "Restaurer" } else { "Archiver" }}
                    <span class="visually-hidden">{hidden_name}</span>
                </button>
            </ActionForm>
            <ActionError result=archive.value()/>
            <h3 id="supprimer">"Supprimer définitivement"</h3>
            <p>"Possible seulement si personne ne l’a encore utilisé ; sinon, archivez-le."</p>
            <ActionForm action=delete attr:aria-labelledby="supprimer">
                <input type="hidden" name="input[target]" value=target/>
                <input type="hidden" name="input[id]" value=id/>
                <p class="checkbox">
                    <input type="checkbox" id="confirmer-suppression" name="input[confirmed]" value=CONFIRMED required/>
                    <label for="confirmer-suppression">{confirm_label}</label>
                </p>
                <p><button type="submit" class="button--secondary">"Supprimer définitivement"</button></p>
            </ActionForm>
            <ActionError result=delete.value()/>
        </section>
    }
}
