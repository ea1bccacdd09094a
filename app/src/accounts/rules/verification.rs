//! Confirming an e-mail address: how long a link lasts, which link still
//! works, and what an unconfirmed address may not do yet.

use chrono::{DateTime, Duration, Utc};

/// A confirmation link works this long after it is sent.
pub const VERIFICATION_VALIDITY: Duration = Duration::hours(48);

/// The refusal of a link used, replaced, expired, or sent to an address the
/// account no longer has.
pub const LINK_INVALID: &str = "Ce lien de confirmation n’est plus valable (déjà utilisé, remplacé par un plus récent ou expiré). Demandez-en un nouveau depuis « Mon profil ».";

/// Why someone whose address is not confirmed cannot enrol themself.
pub const ENROLMENT_NEEDS_ADDRESS: &str = "Confirmez d’abord votre adresse e-mail : ouvrez le lien que Relais vous a envoyé, ou demandez-en un nouveau depuis « Mon profil ».";

/// Whether a link sent to `sent_to` still confirms an account whose address
/// is `current` at `now`: unused, unexpired, and for the address it has today.
pub fn link_usable(
    used_at: Option<DateTime<Utc>>,
    expires_at: DateTime<Utc>,
    sent_to: &str,
    current: Option<&str>,
    now: DateTime<Utc>,
) -> bool {
    used_at.is_none() && now < expires_at && current == Some(sent_to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 12, 6, hour, 0, 0)
            .single()
            .expect("instant")
    }

    #[test]
    fn only_an_unused_unexpired_link_for_the_current_address_works() {
        let to = "zoe@example.org";
        assert!(link_usable(None, at(12), to, Some(to), at(11)));
        assert!(
            !link_usable(Some(at(10)), at(12), to, Some(to), at(11)),
            "used"
        );
        assert!(!link_usable(None, at(12), to, Some(to), at(12)), "expired");
        assert!(
            !link_usable(None, at(12), to, Some("autre@example.org"), at(11)),
            "the address changed since"
        );
        assert!(!link_usable(None, at(12), to, None, at(11)), "erased");
    }
}
