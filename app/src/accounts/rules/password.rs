//! Passwords follow OWASP / NIST SP 800-63B: a length between 8 and 128 characters, no
//! composition rules, and a refusal of passwords that are common or easy to guess. The
//! guessability check (`zxcvbn`, with its dictionaries) only runs on the server so the
//! browser's wasm stays small; the browser checks the length, and the server checks all.

use super::FieldError;

/// The shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 8;
/// The longest password accepted.
pub const PASSWORD_MAX_CHARS: usize = 128;

const PASSWORD_TOO_SHORT: &str = "Le mot de passe doit contenir au moins 8 caractères.";
const PASSWORD_TOO_LONG: &str = "Le mot de passe ne peut pas dépasser 128 caractères.";
const PASSWORD_TOO_COMMON: &str = "Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en un autre, par exemple une phrase de plusieurs mots.";

/// Checks a new password: 8 to 128 characters (not bytes), any characters, and on the
/// server, not common nor easy to guess.
///
/// `context` holds what the person has told about themselves (their e-mail, their name):
/// a password built from them is refused. The password is neither trimmed nor changed.
///
/// Field: `password`.
pub fn check_password(password: &str, context: &[&str]) -> Result<(), FieldError> {
    check_password_length(password)?;
    if too_easy_to_guess(password, context) {
        return Err(FieldError::new("password", PASSWORD_TOO_COMMON));
    }
    Ok(())
}

fn check_password_length(password: &str) -> Result<(), FieldError> {
    let length = password.chars().count();
    if length < PASSWORD_MIN_CHARS {
        return Err(FieldError::new("password", PASSWORD_TOO_SHORT));
    }
    if length > PASSWORD_MAX_CHARS {
        return Err(FieldError::new("password", PASSWORD_TOO_LONG));
    }
    Ok(())
}

/// Words anyone attacking a Relais account would try first.
#[cfg(feature = "ssr")]
const SITE_WORDS: [&str; 6] = [
    "relais",
    "clsm",
    "metz",
    "sensibilisation",
    "sante",
    "mentale",
];

/// True when zxcvbn estimates the password falls within a million guesses (score 0 or 1).
///
/// The context is given whole and cut into its words ("camille.martin@ccas-metz.fr"
/// also gives "camille", "martin", "ccas", "metz"), so that "martin1974" counts as
/// guessable for Camille Martin.
#[cfg(feature = "ssr")]
fn too_easy_to_guess(password: &str, context: &[&str]) -> bool {
    let words = context
        .iter()
        .chain(SITE_WORDS.iter())
        .flat_map(|item| item.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().count() >= 3);
    let inputs: Vec<&str> = context.iter().copied().chain(words).collect();
    zxcvbn::zxcvbn(password, &inputs).score() < zxcvbn::Score::Two
}

/// The browser leaves the guessability check to the server (see the module doc).
#[cfg(not(feature = "ssr"))]
fn too_easy_to_guess(_password: &str, _context: &[&str]) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::rules::message;

    /// A varied passphrase with accents, cut to `length` characters.
    fn strong_password(length: usize) -> String {
        let text = "Lé chat de Jury mange 47 croissants près du lac, puis s’endort sous le tilleul \
                    en rêvant d’un été à Montigny où les hérons pêchent des écrevisses bleues \
                    et dorées toute la nuit.";
        let password: String = text.chars().take(length).collect();
        assert_eq!(
            password.chars().count(),
            length,
            "the sample text is too short"
        );
        password
    }

    #[test]
    fn password_length_counts_characters_not_bytes() {
        let cases: [(&str, Option<&str>); 9] = [
            ("", Some(PASSWORD_TOO_SHORT)),
            ("abcdefg", Some(PASSWORD_TOO_SHORT)),
            ("ééééééé", Some(PASSWORD_TOO_SHORT)),
            ("abcdefgh", None),
            ("éééééééé", None),
            (&"é".repeat(128), None),
            (&"a".repeat(128), None),
            (&"a".repeat(129), Some(PASSWORD_TOO_LONG)),
            (&"é".repeat(129), Some(PASSWORD_TOO_LONG)),
        ];
        for (password, refusal) in cases {
            let refused = check_password_length(password).err().map(|e| e.message);
            assert_eq!(refused.as_deref(), refusal, "{password:?}");
        }
    }

    #[test]
    fn password_limits_apply_through_check_password() {
        let error = check_password("k7#Qm2!", &[]).expect_err("7 characters");
        assert_eq!(error.field, "password");
        assert_eq!(error.message, PASSWORD_TOO_SHORT);
        assert_eq!(
            message(check_password(&strong_password(129), &[])),
            PASSWORD_TOO_LONG
        );
        assert_eq!(check_password(&strong_password(128), &[]), Ok(()));
    }

    #[test]
    fn password_has_no_composition_rules() {
        // Lower-case letters and spaces only: long enough is strong enough.
        assert_eq!(
            check_password("le chat mange des croissants au lac", &[]),
            Ok(())
        );
        assert_eq!(check_password("k7#Qm2!x", &[]), Ok(()));
        assert_eq!(check_password("é7#Qm2!x", &[]), Ok(()));
        assert_eq!(check_password(&strong_password(8), &[]), Ok(()));
    }

    // Password guessability: a server rule.

    #[cfg(feature = "ssr")]
    #[test]
    fn common_passwords_are_refused() {
        for password in [
            "password",
            "azerty123",
            "motdepasse",
            "Motdepasse1",
            "12345678",
            "qwertyuiop",
            "P@ssw0rd",
            "aaaaaaaa",
            "éééééééé",
            "relais2024",
        ] {
            assert_eq!(
                message(check_password(password, &[])),
                PASSWORD_TOO_COMMON,
                "{password:?}"
            );
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn passwords_built_from_the_person_are_refused() {
        let email = "camille.martin@ccas-metz.fr";
        let context = [email, "Camille Martin"];
        for password in [email, "camillemartin", "martin1974", "ccasmetz"] {
            assert_eq!(
                message(check_password(password, &context)),
                PASSWORD_TOO_COMMON,
                "{password:?}"
            );
        }
        assert_eq!(
            check_password("Trottinette rouge du matin", &context),
            Ok(())
        );
    }

    #[cfg(not(feature = "ssr"))]
    #[test]
    fn the_browser_checks_only_the_length() {
        assert_eq!(check_password("password", &[]), Ok(()));
    }
}
