//! HTTP details of the current request, for server functions (server only):
//! the client's address, cookies to set, and the status of an error answer.

#![cfg(feature = "ssr")]

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, StatusCode, header, request::Parts};
use cookie::{Cookie, SameSite};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::error::AppError;

/// The client's address: the TCP peer, or the address a trusted reverse proxy
/// forwards (see [`crate::auth::client`]); forwarding headers from anyone else
/// are ignored, since anyone can forge them to escape a rate limit.
pub fn client_ip() -> Option<IpAddr> {
    use crate::auth::client::{ForwardingHeaders, client_address};
    let parts = use_context::<Parts>()?;
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>()?.0.ip();
    let state = crate::state::app_state().ok()?;
    let values = |name: &str| -> Vec<&str> {
        parts
            .headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect()
    };
    let (forwarded, x_forwarded_for) = (values("forwarded"), values("x-forwarded-for"));
    Some(client_address(
        peer,
        ForwardingHeaders {
            forwarded: &forwarded,
            x_forwarded_for: &x_forwarded_for,
        },
        &state.settings.trusted_proxies,
    ))
}

/// A plain HTML form post (no JavaScript): the answer must stay a redirect.
fn is_form_post() -> bool {
    use_context::<Parts>().is_some_and(|p| {
        p.headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// The value of the request's cookie `name`, if it is set and not empty.
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|h| Cookie::split_parse(h.to_owned()).filter_map(Result::ok))
        .find(|c| c.name() == name && !c.value().is_empty())
        .map(|c| c.value().to_owned())
}

/// A `Set-Cookie` value for something the next pages of this browser read
/// back and that scripts never see: HttpOnly, SameSite=Strict, path `/` (pages
/// and `/api/…` both read it), `max_age` seconds (0 removes it).
pub fn private_cookie(name: &str, value: String, max_age: i64, secure: bool) -> String {
    Cookie::build((name.to_owned(), value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age))
        .build()
        .to_string()
}

pub fn append_set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// Gives the error its HTTP status (except for plain form posts, which are
/// redirected back to their page with the error) and returns it.
pub fn fail(error: AppError) -> AppError {
    if !is_form_post()
        && let Some(response) = use_context::<ResponseOptions>()
    {
        response.set_status(
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    error
}

/// Runs a server function body and gives any error its status.
///
/// The body goes on the heap at once. Held inline, a server function's future
/// is kilobytes (every query's state), and a page's resource moves it several
/// times before the first poll: profiled on « Mon espace », those copies were
/// a fifth of the request's instructions. Boxed, what moves is a pointer.
pub fn respond<T>(
    body: impl Future<Output = Result<T, AppError>>,
) -> impl Future<Output = Result<T, AppError>> {
    let body = Box::pin(body);
    async move { body.await.map_err(fail) }
}

/// The body of a server function that acts for the signed-in person: gives
/// `work` the state, the caller and the server's time, and the error its
/// status (401 when nobody is signed in).
pub async fn as_signed_in<T, F, Fut>(work: F) -> Result<T, AppError>
where
    F: FnOnce(
        crate::state::AppState,
        crate::auth::CurrentUser,
        chrono::DateTime<chrono::Utc>,
    ) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        work(state, user, chrono::Utc::now()).await
    })
    .await
}
