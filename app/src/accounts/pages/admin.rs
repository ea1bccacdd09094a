//! « Comptes », for the coordinator: search, change roles, deactivate, erase.

use crate::layout::{TableFrame, Title};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::accounts::AccountRow;
use crate::accounts::api::{
    ChangeEmail, ChangeRole, ConfirmAddress, ConfirmErasure, SearchAccounts, SetActive,
    list_accounts,
};
use crate::confirm::CONFIRMED;
use crate::forms::{ActionError, FormOutcome, QueryNotice};
use crate::roles::Role;

#[component]
pub fn AccountsAdminPage() -> impl IntoView {
    let search = ServerAction::<SearchAccounts>::new();
    let change_role = ServerAction::<ChangeRole>::new();
    let set_active = ServerAction::<SetActive>::new();
    let erase = ServerAction::<ConfirmErasure>::new();
    let change_email = ServerAction::<ChangeEmail>::new();
    let confirm_address = ServerAction::<ConfirmAddress>::new();
    let query = use_query_map();
    let accounts = Resource::new(
        move || {
            (
                query.read().get("apres"),
                search.version().get(),
                change_role.version().get(),
                set_active.version().get(),
                erase.version().get(),
                change_email.version().get(),
                confirm_address.version().get(),
            )
        },
        |(after, ..)| list_accounts(after),
    );
    view! {
        <Title text="Comptes"/>
        <section class="page">
            <h1>"Comptes"</h1>
            <FormOutcome param="adresse" text="L’adresse e-mail a été modifiée ; l’ancienne et la nouvelle adresse en sont informées." result=change_email.value()/>
            <FormOutcome param="adresse_confirmee" text="L’adresse e-mail est confirmée." result=confirm_address.value()/>
            <FormOutcome param="role" text="Le rôle a été modifié." result=change_role.value()/>
            <QueryNotice param="reactive" text="Le compte a été réactivé."/>
            <FormOutcome param="desactive" text="Le compte a été désactivé et ses sessions fermées." result=set_active.value()/>
            <FormOutcome param="efface" text="Le compte a été effacé : l’identité de la personne n’est plus conservée." result=erase.value()/>
            <ActionError result=search.value()/>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    accounts.await.map(|list| view! {
                        <SearchForm search query=list.query.clone()/>
                        <TableFrame caption=caption(list.total, list.rows.len(), list.later_page) columns=&["Nom", "Adresse e-mail", "Structure", "Rôle", "État"]>
                            // Keyed by the row's state: a row whose account changed is
                            // rebuilt, so no select keeps a stale choice.
                            <For
                                each=move || list.rows.clone()
                                key=|r| (r.id, r.email.clone(), r.email_verified, r.role, r.active, r.erasure_requested, r.erased)
                                let(row)
                            >
                                <AccountLine row change_role set_active erase change_email confirm_address/>
                            </For>
                        </TableFrame>
                        <AccountsPager next=list.next later_page=list.later_page/>
                    })
                })}
            </Suspense>
        </section>
    }
}

/// « 120 compte(s), 50 sur cette page » once the list needs more than one.
fn caption(total: u64, shown: usize, later_page: bool) -> String {
    if later_page || total > shown as u64 {
        format!("{total} compte(s), {shown} sur cette page")
    } else {
        format!("{total} compte(s)")
    }
}

/// Plain links between pages: they work without JavaScript.
#[component]
fn AccountsPager(next: Option<i32>, later_page: bool) -> impl IntoView {
    view! {
        <crate::layout::Pager
            label="Pages de la liste des comptes"
            first=("/coordination/comptes".to_owned(), "Premiers comptes")
            next=next.map(|id| (format!("/coordination/comptes?apres={id}"), "Comptes suivants"))
            later_page
        />
    }
}

/// The search, posted rather than put in the URL (it is often an address).
#[component]
fn SearchForm(search: ServerAction<SearchAccounts>, query: String) -> impl IntoView {
    let searching = !query.is_empty();
    view! {
        <ActionForm action=search>
            <label for="query">"Rechercher par nom ou adresse e-mail"</label>
            <input id="query" type="search" name="query" value=query maxlength="254" autocomplete="off"/>
            <p><button type="submit">"Rechercher"</button></p>
        </ActionForm>
        {searching.then(|| view! {
            <ActionForm action=search>
                <input type="hidden" name="query" value=""/>
                <p><button type="submit" class="button--secondary">"Afficher tous les comptes"</button></p>
            </ActionForm>
        })}
    }
}

#[component]
fn AccountLine(
    row: AccountRow,
    change_role: ServerAction<ChangeRole>,
    set_active: ServerAction<SetActive>,
    erase: ServerAction<ConfirmErasure>,
    change_email: ServerAction<ChangeEmail>,
    confirm_address: ServerAction<ConfirmAddress>,
) -> impl IntoView {
    let select_id = format!("role-{}", row.id);
    let id = row.id.to_string();
    let (id_active, id_erase, id_confirm) = (id.clone(), id.clone(), id.clone());
    let confirm_id = format!("confirmer-effacement-{}", row.id);
    let (email_id, id_email) = (format!("adresse-{}", row.id), id.clone());
    let email_label = format!("Nouvelle adresse e-mail de {}", row.display_name);
    let role_label = format!("Rôle de {}", row.display_name);
    let erase_label = format!(
        "Je confirme l’effacement définitif du compte de {}",
        row.display_name
    );
    let state = if row.erased {
        "Effacé"
    } else if !row.active {
        "Désactivé"
    } else if row.erasure_requested {
        "Effacement demandé"
    } else {
        "Actif"
    };
    view! {
        <tr>
            <th scope="row">{row.display_name.clone()}</th>
            <td>
                {row.email.clone().unwrap_or_default()}
                {(!row.erased).then(|| view! {
                    <details>
                        <summary>"Modifier l’adresse"</summary>
                        <ActionForm action=change_email>
                            <input type="hidden" name="input[user_id]" value=id_email.clone()/>
                            <label for=email_id.clone()>{email_label.clone()}</label>
                            <input id=email_id.clone() type="email" name="input[email]" required autocomplete="off"/>
                            <button type="submit">"Enregistrer l’adresse"</button>
                        </ActionForm>
                    </details>
                })}
            </td>
            <td>{row.structure.clone().unwrap_or_default()}</td>
            <td>
                <ActionForm action=change_role attr:class="inline-form">
                    <input type="hidden" name="input[user_id]" value=id/>
                    <label for=select_id.clone() class="visually-hidden">{role_label}</label>
                    <select id=select_id name="input[role]">
                        {Role::ALL.into_iter().map(|r| view! {
                            <option value=r.code() selected=r == row.role>{r.label()}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit">"Modifier le rôle"</button>
                </ActionForm>
            </td>
            <td>
                <span>{state}</span>
                " · "
                <a href=format!("/coordination/journal?personne={}", row.id)>
                    "Journal"<span class="visually-hidden">{format!(" de {}", row.display_name)}</span>
                </a>
                {(!row.erased && !row.email_verified).then(|| {
                    let name = row.display_name.clone();
                    view! {
                        <span>" — adresse à confirmer"</span>
                        <ActionForm action=confirm_address attr:class="inline-form">
                            <input type="hidden" name="input[user_id]" value=id_confirm.clone()/>
                            <button type="submit" class="button--secondary">
                                "Confirmer l’adresse"
                                <span class="visually-hidden">{format!(" de {name}")}</span>
                            </button>
                        </ActionForm>
                    }
                })}
                {(!row.erased).then(|| view! {
                    <ActionForm action=set_active attr:class="inline-form">
                        <input type="hidden" name="input[user_id]" value=id_active.clone()/>
                        <input type="hidden" name="input[active]" value=(!row.active).to_string()/>
                        <button type="submit" class="button--secondary">
                            {if row.active { "Désactiver" } else { "Réactiver" }}
                        </button>
                    </ActionForm>
                })}
                {(row.erasure_requested && !row.erased).then(|| view! {
                    <ActionForm action=erase attr:class="inline-form">
                        <input type="hidden" name="user_id" value=id_erase.clone()/>
                        <input type="checkbox" id=confirm_id.clone() name="confirmed" value=CONFIRMED required/>
                        <label for=confirm_id.clone()>
                            {erase_label.clone()}
                        </label>
                        <button type="submit" class="button--secondary">"Confirmer l’effacement"</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}
