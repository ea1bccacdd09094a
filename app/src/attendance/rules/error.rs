//! Why attendance refuses a request, in the French the person reads. Every
//! refusal is a bad input for the caller to correct, so each becomes
//! [`AppError::Invalid`] with its message.

use crate::error::AppError;

use super::limits::APOLOGY_MAX_CHARS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AttendanceError {
    #[error("Ce statut de présence n’existe pas.")]
    UnknownStatus,
    #[error("Le motif de l’excuse ne doit pas dépasser {APOLOGY_MAX_CHARS} caractères.")]
    ApologyTooLong,
    #[error("Cette demi-journée a commencé : prévenez directement votre formatrice ou formateur.")]
    HalfDayStarted,
    #[error("Il n’y a pas d’excuse à retirer pour cette demi-journée.")]
    NoApology,
    #[error("L’appel d’une demi-journée se signe une fois celle-ci commencée.")]
    NotStarted,
    #[error("Le code de présence compte 6 chiffres : vérifiez votre saisie.")]
    CodeFormat,
    #[error(
        "Aucune demi-journée de cette session n’est en cours : le code de présence est accepté de 15 minutes avant son début jusqu’à sa fin."
    )]
    NoHalfDayUnderWay,
    #[error("Les codes de présence servent aux sessions à distance ou hybrides.")]
    CodesNeedVisio,
    #[error(
        "Un code de présence se crée pendant la demi-journée (à partir de 15 minutes avant son début)."
    )]
    CodeOutsideWindow,
    #[error(
        "Ce code de présence est incorrect : vérifiez les 6 chiffres affichés par votre formatrice ou formateur."
    )]
    WrongCode,
    #[error("Ce code de présence a expiré : saisissez le code affiché en ce moment.")]
    ExpiredCode,
    #[error("Cette session est annulée : il n’y a pas d’émargement.")]
    SessionCancelled,
    #[error("Seules les inscriptions confirmées de cette session sont émargées.")]
    NotConfirmedHere,
    #[error(
        "Seules les personnes dont l’inscription est confirmée peuvent émarger pour cette session."
    )]
    NotConfirmedCaller,
}

impl From<AttendanceError> for AppError {
    fn from(refusal: AttendanceError) -> Self {
        AppError::invalid(refusal.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_bad_input_with_their_message() {
        assert_eq!(
            AppError::from(AttendanceError::ApologyTooLong),
            AppError::Invalid(
                "Le motif de l’excuse ne doit pas dépasser 300 caractères.".to_owned()
            )
        );
    }
}
