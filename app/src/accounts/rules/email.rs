//! E-mail addresses: one shape, trimmed and lower-cased, so one person has one account.

use super::FieldError;
use super::text::is_forbidden_in_text;

/// The longest e-mail address accepted (the SMTP limit on a forward path, less `<>`).
pub const EMAIL_MAX_CHARS: usize = 254;

const EMAIL_MISSING: &str = "Saisissez votre adresse e-mail.";
const EMAIL_INVALID: &str =
    "Saisissez une adresse e-mail valide, par exemple prenom.nom@structure.fr.";
const EMAIL_NOT_ASCII: &str = "Saisissez une adresse e-mail sans accents ni caractères spéciaux, par exemple prenom.nom@structure.fr.";
const EMAIL_TOO_LONG: &str = "L’adresse e-mail ne peut pas dépasser 254 caractères.";

/// Trims and lower-cases an e-mail address, and checks it has the shape of one.
///
/// Beyond the syntax (checked by `email_address`), the address must have exactly one `@`,
/// a domain with a dot, no spaces, quotes or control characters, at most 254 characters,
/// and only ASCII characters: internationalised addresses are rare among the network's
/// structures, not every mail relay accepts them, and look-alike letters from other
/// alphabets would let two accounts appear to share one address.
///
/// Field: `email`.
pub fn normalise_email(raw: &str) -> Result<String, FieldError> {
    let invalid = || FieldError::new("email", EMAIL_INVALID);
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        return Err(FieldError::new("email", EMAIL_MISSING));
    }
    if email.chars().count() > EMAIL_MAX_CHARS {
        return Err(FieldError::new("email", EMAIL_TOO_LONG));
    }
    if email
        .chars()
        .any(|c| c.is_whitespace() || c == '"' || is_forbidden_in_text(c))
    {
        return Err(invalid());
    }
    if !email.is_ascii() {
        return Err(FieldError::new("email", EMAIL_NOT_ASCII));
    }
    if email.matches('@').count() != 1 {
        return Err(invalid());
    }
    let options = email_address::Options::default()
        .with_required_tld()
        .without_domain_literal()
        .without_display_text();
    email_address::EmailAddress::parse_with_options(&email, options).map_err(|_| invalid())?;
    Ok(email)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::rules::message;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(
            normalise_email("  Camille.MARTIN@CCAS-Metz.fr \n"),
            Ok("camille.martin@ccas-metz.fr".to_owned())
        );
        assert_eq!(
            normalise_email("prenom.nom+relais@structure.fr"),
            Ok("prenom.nom+relais@structure.fr".to_owned())
        );
        assert_eq!(
            normalise_email("a.b@sous.domaine.gouv.fr"),
            Ok("a.b@sous.domaine.gouv.fr".to_owned())
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for raw in [
            "a@b",
            "camille",
            "@structure.fr",
            "camille@",
            "camille@@structure.fr",
            "camille@ccas@structure.fr",
            "camille@.fr",
            "camille@structure.",
            "camille@structure..fr",
            ".camille@structure.fr",
            "camille..martin@structure.fr",
            "camille@[127.0.0.1]",
            "Camille <camille@structure.fr>",
            "\"camille\"@structure.fr",
        ] {
            let error = normalise_email(raw).expect_err(raw);
            assert_eq!(error.field, "email");
            assert_eq!(error.message, EMAIL_INVALID, "{raw:?}");
        }
    }

    #[test]
    fn emails_with_spaces_or_control_characters_are_refused() {
        for raw in [
            "camille martin@structure.fr",
            "camille@struc ture.fr",
            "camille\t@structure.fr",
            "camille@structure.fr\r\nBcc: x@y.fr",
            "camille\u{0}@structure.fr",
            "camille\u{202E}@structure.fr",
        ] {
            assert_eq!(message(normalise_email(raw)), EMAIL_INVALID, "{raw:?}");
        }
    }

    #[test]
    fn empty_email_asks_for_one() {
        assert_eq!(message(normalise_email("")), EMAIL_MISSING);
        assert_eq!(message(normalise_email("   ")), EMAIL_MISSING);
    }

    #[test]
    fn non_ascii_emails_are_refused() {
        // The second holds a Cyrillic "а" that looks like a Latin "a".
        for raw in ["josé@structure.fr", "cаmille@structure.fr"] {
            assert_eq!(message(normalise_email(raw)), EMAIL_NOT_ASCII, "{raw:?}");
        }
    }

    #[test]
    fn email_length_is_capped_at_254() {
        // The longest parts allowed: a 64-character local part, 63-character labels.
        let label = "d".repeat(63);
        let domain = format!("{label}.{label}.{}.fr", "e".repeat(58));
        let longest = format!("{}@{domain}", "a".repeat(64));
        assert_eq!(longest.len(), EMAIL_MAX_CHARS);
        assert_eq!(normalise_email(&longest), Ok(longest.clone()));
        let too_long = format!("a{longest}");
        assert_eq!(message(normalise_email(&too_long)), EMAIL_TOO_LONG);
        let local_too_long = format!("{}@structure.fr", "a".repeat(65));
        assert_eq!(message(normalise_email(&local_too_long)), EMAIL_INVALID);
    }

    #[test]
    fn messages_never_echo_the_input() {
        let raw = "secret.input@@example";
        let error = normalise_email(raw).expect_err("malformed");
        assert!(!error.message.contains("secret"));
        assert_eq!(error.to_string(), error.message);
    }
}
