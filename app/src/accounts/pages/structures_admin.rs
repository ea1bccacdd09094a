//! « Structures », for the coordinator: the partner structures and those
//! waiting for validation.

use crate::layout::{TableFrame, Title};
use leptos::prelude::*;

use crate::accounts::api::{CreateStructure, ReviewStructure, list_all_structures};
use crate::accounts::rules::Sector;
use crate::forms::{ActionError, Field};

#[component]
pub fn StructuresAdminPage() -> impl IntoView {
    let review = ServerAction::<ReviewStructure>::new();
    let create = ServerAction::<CreateStructure>::new();
    let rows = Resource::new(
        move || (review.version().get(), create.version().get()),
        |_| list_all_structures(),
    );
    view! {
        <Title text="Structures partenaires"/>
        <section class="page">
            <h1>"Structures partenaires"</h1>
            <ActionError result=review.value()/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    rows.await.map(|rows| view! {
                        <TableFrame caption=format!("{} structure(s)", rows.len()) columns=&["Nom", "Secteur", "Ville", "État"]>
                            {rows.into_iter().map(|s| {
                                let sector = Sector::from_code(&s.sector).map(|x| x.label()).unwrap_or("—");
                                let id = s.id.to_string();
                                view! {
                                    <tr>
                                        <th scope="row">{s.name}</th>
                                        <td>{sector}</td>
                                        <td>{s.city.unwrap_or_default()}</td>
                                        <td>
                                            {if s.reviewed {
                                                view! { <span>"Validée"</span> }.into_any()
                                            } else {
                                                view! {
                                                    <ActionForm action=review attr:class="inline-form">
                                                        <span>"À valider"</span>
                                                        <input type="hidden" name="structure_id" value=id/>
                                                        <button type="submit">"Valider"</button>
                                                    </ActionForm>
                                                }.into_any()
                                            }}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </TableFrame>
                    })
                })}
            </Suspense>
            <h2>"Ajouter une structure"</h2>
            <ActionError result=create.value()/>
            <ActionForm action=create>
                <Field id="structure-name" label="Nom de la structure" name="input[name]" required=true/>
                <label for="structure-sector">"Secteur (obligatoire)"</label>
                <select id="structure-sector" name="input[sector]" required>
                    <option value="">"Choisissez…"</option>
                    {Sector::ALL.iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                </select>
                <Field id="structure-city" label="Ville" name="input[city]"/>
                <p><button type="submit">"Ajouter la structure"</button></p>
            </ActionForm>
        </section>
    }
}
