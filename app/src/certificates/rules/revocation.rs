//! Revoking a certificate: irreversible, so it needs a reason (told to the
//! holder, kept, never public) and an explicit confirmation, and a revoked
//! certificate is never revoked again.

use crate::error::Refusal;
use crate::refusal;

/// The longest reason kept (the column holds 500 characters).
pub const REASON_MAX_CHARS: usize = 500;

/// The answer to revoking a certificate revoked already.
pub fn already_revoked() -> Refusal {
    refusal!("Ce certificat est déjà révoqué : rien n’a été modifié.")
}

/// The reason to store, trimmed, once the confirmation is ticked; refused
/// in French otherwise.
pub fn revocation_reason(
    typed: &str,
    confirmed: bool,
    already_revoked: bool,
) -> Result<String, Refusal> {
    if already_revoked {
        return Err(self::already_revoked());
    }
    let reason = typed.trim();
    if reason.is_empty() {
        return Err(refusal!("Indiquez le motif de la révocation."));
    }
    if reason.chars().count() > REASON_MAX_CHARS {
        return Err(refusal!(
            "Le motif de la révocation ne doit pas dépasser {REASON_MAX_CHARS} caractères."
        ));
    }
    if !confirmed {
        return Err(refusal!(
            "Cochez la case de confirmation : la révocation est définitive."
        ));
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_and_the_confirmation_are_required() {
        assert_eq!(
            revocation_reason("  Présence non justifiée  ", true, false).ok(),
            Some("Présence non justifiée".to_owned())
        );
        assert_eq!(
            revocation_reason("   ", true, false).expect_err("refused"),
            "Indiquez le motif de la révocation."
        );
        assert!(
            revocation_reason("Erreur", false, false)
                .expect_err("refused")
                .to_string()
                .contains("confirmation")
        );
    }

    #[test]
    fn the_reason_is_length_limited_in_characters() {
        let longest = "é".repeat(REASON_MAX_CHARS);
        assert!(revocation_reason(&longest, true, false).is_ok());
        let too_long = "é".repeat(REASON_MAX_CHARS + 1);
        assert!(
            revocation_reason(&too_long, true, false)
                .expect_err("refused")
                .to_string()
                .contains("500 caractères")
        );
    }

    #[test]
    fn a_revoked_certificate_is_not_revoked_again() {
        assert!(
            revocation_reason("Autre motif", true, true)
                .expect_err("refused")
                .to_string()
                .contains("déjà révoqué")
        );
    }
}
