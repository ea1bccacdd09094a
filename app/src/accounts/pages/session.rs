//! The signed-in person, shared by every component of the page: one resource,
//! fetched again at every navigation (sign-in and sign-up end with one) and
//! when the header's sign-out completes.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::accounts::api::{SignOut, who_am_i};
use crate::auth::CurrentUser;

#[derive(Clone, Copy)]
pub struct Session {
    pub user: Resource<Option<CurrentUser>>,
    pub sign_out: ServerAction<SignOut>,
}

pub fn provide_session() {
    let sign_out = ServerAction::<SignOut>::new();
    let location = use_location();
    let user = Resource::new(
        move || (location.pathname.get(), sign_out.version().get()),
        // A failure to learn who is signed in shows the visitor's view.
        |_| async move { who_am_i().await.ok().flatten() },
    );
    provide_context(Session { user, sign_out });
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
