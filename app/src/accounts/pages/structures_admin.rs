//! « Structures », for the coordinator: the partner structures and those
//! waiting for validation; add, correct, retire or restore, and merge two.

use crate::layout::{TableFrame, Title};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::accounts::StructureRow;
use crate::accounts::api::{
    CreateStructure, EditStructure, MergeStructures, RetireStructure, ReviewStructure,
    list_all_structures,
};
use crate::accounts::rules::{CITY_MAX_CHARS, STRUCTURE_NAME_MAX_CHARS, Sector};
use crate::confirm::CONFIRMED;
use crate::forms::{ActionError, Field};
use crate::forms::{FormOutcome, QueryNotice};

#[component]
pub fn StructuresAdminPage() -> impl IntoView {
    let review = ServerAction::<ReviewStructure>::new();
    let create = ServerAction::<CreateStructure>::new();
    let edit = ServerAction::<EditStructure>::new();
    let retire = ServerAction::<RetireStructure>::new();
    let merge = ServerAction::<MergeStructures>::new();
    let query = use_query_map();
    let rows = Resource::new(
        move || {
            let q = query.read();
            (
                q.get("recherche"),
                q.get("apres"),
                review.version().get(),
                create.version().get(),
                edit.version().get(),
                retire.version().get(),
                merge.version().get(),
            )
        },
        |(search, after, ..)| list_all_structures(search, after),
    );
    view! {
        <Title text="Structures partenaires"/>
        <section class="page">
            <h1>"Structures partenaires"</h1>
            <QueryNotice param="ajoutee" text="La structure a été ajoutée."/>
            <QueryNotice param="fusionnee" text="Les structures ont été fusionnées : les personnes ont rejoint la structure choisie."/>
            <FormOutcome param="validee" text="La structure a été validée : elle est proposée à l’inscription." result=review.value()/>
            <FormOutcome param="modifiee" text="La structure a été modifiée." result=edit.value()/>
            <FormOutcome param="retiree" text="La structure a été retirée : elle n’est plus proposée, ses membres la gardent." result=retire.value()/>
            <QueryNotice param="restauree" text="La structure a été restaurée : elle est de nouveau proposée."/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    rows.await.map(|list| {
                        let caption = if list.later_page || list.next.is_some() {
                            format!("{} structure(s), {} sur cette page", list.total, list.rows.len())
                        } else {
                            format!("{} structure(s)", list.total)
                        };
                        view! {
                            <SearchForm search=list.search.clone()/>
                            <TableFrame caption columns=&["Nom", "Secteur", "Ville", "Personnes", "État", "Actions"]>
                                {list.rows.into_iter().map(|s| view! { <StructureLine s review edit retire/> }).collect_view()}
                            </TableFrame>
                            <StructuresPager search=list.search next=list.next later_page=list.later_page/>
                            <MergeForm choices=list.choices merge/>
                        }
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

/// A search by name or city: a GET form (a structure's name is not personal).
#[component]
fn SearchForm(search: String) -> impl IntoView {
    view! {
        <Form method="GET" action="">
            <label for="structures-recherche">"Rechercher par nom ou ville"</label>
            <input id="structures-recherche" type="search" name="recherche" value=search maxlength="200"/>
            " "
            <button type="submit">"Rechercher"</button>
        </Form>
    }
}

/// Plain links between pages, the search kept: they work without JavaScript.
#[component]
fn StructuresPager(search: String, next: Option<i32>, later_page: bool) -> impl IntoView {
    let base = if search.is_empty() {
        "/coordination/structures".to_owned()
    } else {
        let encoded: String = form_urlencoded::byte_serialize(search.as_bytes()).collect();
        format!("/coordination/structures?recherche={encoded}")
    };
    let join = if search.is_empty() { '?' } else { '&' };
    view! {
        <crate::layout::Pager
            label="Pages de la liste des structures"
            first=(base.clone(), "Premières structures")
            next=next.map(|id| (format!("{base}{join}apres={id}"), "Structures suivantes"))
            later_page
        />
    }
}

/// One structure: its details, its state and what the coordinator can do with it.
#[component]
fn StructureLine(
    s: StructureRow,
    review: ServerAction<ReviewStructure>,
    edit: ServerAction<EditStructure>,
    retire: ServerAction<RetireStructure>,
) -> impl IntoView {
    let sector = Sector::from_code(&s.sector)
        .map(|x| x.label())
        .unwrap_or("—");
    let id = s.id.to_string();
    let state = if s.retired {
        view! { <span>"Retirée"</span> }.into_any()
    } else if s.reviewed {
        view! { <span>"Validée"</span> }.into_any()
    } else {
        let id = id.clone();
        view! {
            <ActionForm action=review attr:class="inline-form">
                <span>"À valider"</span>
                <input type="hidden" name="structure_id" value=id/>
                <button type="submit">"Valider"</button>
            </ActionForm>
        }
        .into_any()
    };
    let (name_id, sector_id, city_id) = (
        format!("structure-{id}-nom"),
        format!("structure-{id}-secteur"),
        format!("structure-{id}-ville"),
    );
    let current_sector = s.sector.clone();
    let (id_edit, id_retire) = (id.clone(), id);
    let hidden_name = format!(" {}", s.name);
    let hidden_name_retire = hidden_name.clone();
    let (name, name_value) = (s.name.clone(), s.name);
    let city = s.city.unwrap_or_default();
    let city_value = city.clone();
    let (people, retired) = (s.people, s.retired);
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>{sector}</td>
            <td>{city}</td>
            <td>{people}</td>
            <td>{state}</td>
            <td>
                <details>
                    <summary>"Modifier"<span class="visually-hidden">{hidden_name}</span></summary>
                    <ActionForm action=edit>
                        <input type="hidden" name="input[structure_id]" value=id_edit/>
                        <label for=name_id.clone()>"Nom de la structure (obligatoire)"</label>
                        <input id=name_id name="input[name]" value=name_value required maxlength=STRUCTURE_NAME_MAX_CHARS/>
                        <label for=sector_id.clone()>"Secteur (obligatoire)"</label>
                        <select id=sector_id name="input[sector]" required>
                            {Sector::ALL.iter().map(|x| view! {
                                <option value=x.code() selected=x.code() == current_sector>{x.label()}</option>
                            }).collect_view()}
                        </select>
                        <label for=city_id.clone()>"Ville"</label>
                        <input id=city_id name="input[city]" value=city_value maxlength=CITY_MAX_CHARS/>
                        <p><button type="submit">"Enregistrer la structure"</button></p>
                    </ActionForm>
                </details>
                <ActionForm action=retire attr:class="inline-form">
                    <input type="hidden" name="input[structure_id]" value=id_retire/>
                    <input type="hidden" name="input[retired]" value=(!retired).to_string()/>
                    <button type="submit" class="button--secondary">
                        {if retired { "Restaurer" } else { "Retirer" }}
                        <span class="visually-hidden">{hidden_name_retire}</span>
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
}

/// Merging one structure into another: irreversible, so a box to tick.
#[component]
fn MergeForm(
    choices: Vec<(i32, String, bool)>,
    merge: ServerAction<MergeStructures>,
) -> impl IntoView {
    let option = |(id, name, _): &(i32, String, bool)| {
        view! { <option value=id.to_string()>{name.clone()}</option> }
    };
    let from = choices.iter().map(option).collect_view();
    let into = choices
        .iter()
        .filter(|(_, _, retired)| !retired)
        .map(option)
        .collect_view();
    view! {
        <h2>"Fusionner deux structures"</h2>
        <p>"Les personnes de la structure fusionnée rejoignent l’autre structure, puis la structure fusionnée disparaît. "
           "Cette action est définitive."</p>
        <ActionError result=merge.value()/>
        <ActionForm action=merge>
            <label for="merge-from">"Structure à fusionner, qui disparaîtra (obligatoire)"</label>
            <select id="merge-from" name="input[from_id]" required>
                <option value="">"Choisissez…"</option>
                {from}
            </select>
            <label for="merge-into">"Structure qui accueille ses membres (obligatoire)"</label>
            <select id="merge-into" name="input[into_id]" required>
                <option value="">"Choisissez…"</option>
                {into}
            </select>
            <p>
                <input type="checkbox" id="merge-confirmed" name="input[confirmed]" value=CONFIRMED required/>
                <label for="merge-confirmed">"Je confirme la fusion : elle est définitive."</label>
            </p>
            <p><button type="submit">"Fusionner les structures"</button></p>
        </ActionForm>
    }
}
