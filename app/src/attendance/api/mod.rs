//! Server functions of attendance, one per file. Their endpoints keep the
//! `sessions/` prefix they were published under (forms and load tests post
//! to them).

mod attendance;
mod check_in;
mod confirm_slot;
mod new_checkin_code;
mod roll_call;
mod send_apology;
mod set_mark;
mod withdraw_apology;

pub use attendance::*;
pub use check_in::*;
pub use confirm_slot::*;
pub use new_checkin_code::*;
pub use roll_call::*;
pub use send_apology::*;
pub use set_mark::*;
pub use withdraw_apology::*;

/// The body every attendance write shares: the signed-in caller, the state,
/// the server's time, and the error's status on the response.
#[cfg(feature = "ssr")]
async fn as_caller<T, F, Fut>(work: F) -> Result<T, crate::error::AppError>
where
    F: FnOnce(
        crate::state::AppState,
        crate::auth::CurrentUser,
        chrono::DateTime<chrono::Utc>,
    ) -> Fut,
    Fut: Future<Output = Result<T, crate::error::AppError>>,
{
    crate::http::respond(async move {
        let user = crate::auth::require_signed_in().await?;
        let state = crate::state::app_state()?;
        work(state, user, chrono::Utc::now()).await
    })
    .await
}
