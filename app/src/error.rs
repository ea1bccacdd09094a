//! The one error type that crosses the wire.
//!
//! Policy: every failure a person can meet is one of these variants, each with
//! a French message written for them and one HTTP status. Causes of internal
//! failures are logged on the server (see [`AppError::internal`]) and never
//! serialised: the browser only ever learns the variant and its message.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("Cette page ou cette ressource n’existe pas.")]
    NotFound,
    #[error("Veuillez vous connecter pour continuer.")]
    Unauthenticated,
    #[error("Vous n’avez pas accès à cette ressource.")]
    Forbidden,
    /// Bad input: the message says what to correct.
    #[error("{0}")]
    Invalid(String),
    /// The request conflicts with what is stored (duplicate, already done...).
    #[error("{0}")]
    Conflict(String),
    #[error("Trop de tentatives. Veuillez patienter quelques minutes avant de réessayer.")]
    TooManyRequests,
    #[error("Le service est momentanément indisponible. Veuillez réessayer dans un instant.")]
    Internal,
    /// The request never reached the server function, or its answer could not be read.
    #[error("La communication avec le serveur a échoué. Vérifiez votre connexion et réessayez.")]
    Transport,
}

impl AppError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::Invalid(_) => 422,
            AppError::Conflict(_) => 409,
            AppError::TooManyRequests => 429,
            AppError::Internal => 500,
            AppError::Transport => 502,
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::Invalid(message.into())
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        AppError::Conflict(message.into())
    }
}

/// A domain rule's "no": the French sentence that tells the person what to
/// correct. Rule functions (`*/rules/`) return it instead of a bare `String`;
/// services pass it on with `?`, and it always reaches the browser as
/// [`AppError::Invalid`] (422).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(String);

impl Refusal {
    pub fn new(message: impl Into<String>) -> Self {
        Refusal(message.into())
    }

    pub fn message(&self) -> &str {
        &self.0
    }
}

/// `refusal!("Créneau {n} : indiquez la date.")`: a [`Refusal`] from a
/// `format!` message.
#[macro_export]
macro_rules! refusal {
    ($($arg:tt)*) => {
        $crate::error::Refusal::new(format!($($arg)*))
    };
}

impl PartialEq<&str> for Refusal {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl From<String> for Refusal {
    fn from(message: String) -> Self {
        Refusal(message)
    }
}

impl From<&str> for Refusal {
    fn from(message: &str) -> Self {
        Refusal(message.to_owned())
    }
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        AppError::Invalid(refusal.0)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Arguments that do not parse are bad input, not a broken server.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::Invalid("Le formulaire envoyé est incomplet ou mal formé.".to_owned())
            }
            ServerFnErrorErr::ServerError(_)
            | ServerFnErrorErr::MiddlewareError(_)
            | ServerFnErrorErr::Registration(_)
            | ServerFnErrorErr::Response(_) => AppError::Internal,
            ServerFnErrorErr::Request(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Serialization(_) => AppError::Transport,
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    impl AppError {
        /// Logs the whole cause chain and returns the opaque [`AppError::Internal`].
        pub fn internal(cause: impl Into<anyhow::Error>) -> Self {
            let cause = cause.into();
            tracing::error!(error = format!("{cause:#}"), "internal error");
            AppError::Internal
        }
    }

    impl From<sea_orm::DbErr> for AppError {
        fn from(err: sea_orm::DbErr) -> Self {
            match err.sql_err() {
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::Conflict(
                    "Cet élément existe déjà : vérifiez les informations saisies.".to_owned(),
                ),
                _ => AppError::internal(err),
            }
        }
    }

    impl axum::response::IntoResponse for AppError {
        fn into_response(self) -> axum::response::Response {
            let status = axum::http::StatusCode::from_u16(self.status())
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
            (status, self.to_string()).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_match_the_policy() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::invalid("x").status(), 422);
        assert_eq!(
            AppError::from(Refusal::new("Corrigez la date.")),
            AppError::Invalid("Corrigez la date.".to_owned())
        );
        assert_eq!(AppError::Conflict("x".into()).status(), 409);
        assert_eq!(AppError::TooManyRequests.status(), 429);
        assert_eq!(AppError::Internal.status(), 500);
    }

    #[test]
    fn internal_errors_serialise_without_their_cause() {
        let bytes = AppError::Internal.ser();
        let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
        assert_eq!(text, "\"Internal\"");
        assert_eq!(AppError::de(bytes), AppError::Internal);
    }

    #[test]
    fn malformed_arguments_are_bad_input_in_french() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args("x".into()));
        assert!(matches!(err, AppError::Invalid(ref m) if m.contains("formulaire")));
    }
}
