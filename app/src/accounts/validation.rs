//! The rules a person's account details follow, checked alike in the browser and on the server.
//!
//! Each check takes what the person typed and returns either the value to store or a
//! [`FieldError`] naming the form field and saying in French what to change. Messages
//! never repeat the input: they may travel in a redirect's query string (forms must work
//! without JavaScript) and end up in logs.
//!
//! Passwords follow OWASP / NIST SP 800-63B: a length between 8 and 128 characters, no
//! composition rules, and a refusal of passwords that are common or easy to guess. The
//! guessability check (`zxcvbn`, with its dictionaries) only runs on the server so the
//! browser's wasm stays small; the browser checks the length, and the server checks all.

/// Why a value was refused: the form field it belongs to and a French message for the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    /// The name of the form field: `email`, `password`, `display_name`, `profession`
    /// or `structure_name`.
    pub field: &'static str,
    /// What to change, in French, without the value that was typed.
    pub message: String,
}

impl FieldError {
    fn new(field: &'static str, message: &str) -> Self {
        FieldError {
            field,
            message: message.to_owned(),
        }
    }
}

/// The longest e-mail address accepted (the SMTP limit on a forward path, less `<>`).
pub const EMAIL_MAX_CHARS: usize = 254;
/// The shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 8;
/// The longest password accepted.
pub const PASSWORD_MAX_CHARS: usize = 128;
/// The shortest name accepted for a person.
pub const DISPLAY_NAME_MIN_CHARS: usize = 2;
/// The longest name accepted for a person.
pub const DISPLAY_NAME_MAX_CHARS: usize = 120;
/// The longest profession accepted.
pub const PROFESSION_MAX_CHARS: usize = 120;
/// The shortest name accepted for a new structure.
pub const STRUCTURE_NAME_MIN_CHARS: usize = 2;
/// The longest name accepted for a new structure.
pub const STRUCTURE_NAME_MAX_CHARS: usize = 200;

const EMAIL_MISSING: &str = "Saisissez votre adresse e-mail.";
const EMAIL_INVALID: &str =
    "Saisissez une adresse e-mail valide, par exemple prenom.nom@structure.fr.";
const EMAIL_NOT_ASCII: &str = "Saisissez une adresse e-mail sans accents ni caractères spéciaux, par exemple prenom.nom@structure.fr.";
const EMAIL_TOO_LONG: &str = "L’adresse e-mail ne peut pas dépasser 254 caractères.";
const PASSWORD_TOO_SHORT: &str = "Le mot de passe doit contenir au moins 8 caractères.";
const PASSWORD_TOO_LONG: &str = "Le mot de passe ne peut pas dépasser 128 caractères.";
const PASSWORD_TOO_COMMON: &str = "Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en un autre, par exemple une phrase de plusieurs mots.";

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

/// Checks the name a person is shown under: trimmed, 2 to 120 characters, on one line.
///
/// Field: `display_name`.
pub fn check_display_name(raw: &str) -> Result<String, FieldError> {
    check_text(
        raw,
        &TextRule {
            field: "display_name",
            min: DISPLAY_NAME_MIN_CHARS,
            max: DISPLAY_NAME_MAX_CHARS,
            too_short: "Saisissez votre nom (au moins 2 caractères).",
            too_long: "Le nom ne peut pas dépasser 120 caractères.",
            forbidden: "Le nom doit tenir sur une ligne, sans caractère de contrôle.",
        },
    )
}

/// Checks the optional profession: trimmed, at most 120 characters, on one line;
/// left empty it is `None`.
///
/// Field: `profession`.
pub fn check_profession(raw: &str) -> Result<Option<String>, FieldError> {
    let profession = check_text(
        raw,
        &TextRule {
            field: "profession",
            min: 0,
            max: PROFESSION_MAX_CHARS,
            too_short: "",
            too_long: "La profession ne peut pas dépasser 120 caractères.",
            forbidden: "La profession doit tenir sur une ligne, sans caractère de contrôle.",
        },
    )?;
    Ok(Some(profession).filter(|p| !p.is_empty()))
}

/// Checks the name of a structure a person adds: trimmed, 2 to 200 characters, on one line.
///
/// Field: `structure_name`.
pub fn check_new_structure_name(raw: &str) -> Result<String, FieldError> {
    check_text(
        raw,
        &TextRule {
            field: "structure_name",
            min: STRUCTURE_NAME_MIN_CHARS,
            max: STRUCTURE_NAME_MAX_CHARS,
            too_short: "Saisissez le nom de la structure (au moins 2 caractères).",
            too_long: "Le nom de la structure ne peut pas dépasser 200 caractères.",
            forbidden: "Le nom de la structure doit tenir sur une ligne, sans caractère de contrôle.",
        },
    )
}

/// The limits and messages of a one-line text field.
struct TextRule {
    field: &'static str,
    min: usize,
    max: usize,
    too_short: &'static str,
    too_long: &'static str,
    forbidden: &'static str,
}

fn check_text(raw: &str, rule: &TextRule) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.chars().any(is_forbidden_in_text) {
        return Err(FieldError::new(rule.field, rule.forbidden));
    }
    let length = text.chars().count();
    if length < rule.min {
        return Err(FieldError::new(rule.field, rule.too_short));
    }
    if length > rule.max {
        return Err(FieldError::new(rule.field, rule.too_long));
    }
    Ok(text.to_owned())
}

/// Characters no one-line text may hold: control characters (CR and LF above all, which
/// would let a name inject headers into an e-mail), Unicode line and paragraph separators,
/// and the bidirectional controls that can make a name display as something else.
fn is_forbidden_in_text(c: char) -> bool {
    let separator = matches!(c, '\u{2028}' | '\u{2029}');
    let bidi =
        matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    c.is_control() || separator || bidi
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn message(result: Result<impl std::fmt::Debug, FieldError>) -> String {
        match result {
            Ok(value) => panic!("expected a refusal, got {value:?}"),
            Err(error) => error.message,
        }
    }

    // E-mail.

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
        assert_eq!(
            message(normalise_email("josé@structure.fr")),
            EMAIL_NOT_ASCII
        );
        // A Cyrillic "а" that looks like a Latin "a".
        assert_eq!(
            message(normalise_email("cаmille@structure.fr")),
            EMAIL_NOT_ASCII
        );
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

    // Password length.

    #[test]
    fn password_length_counts_characters_not_bytes() {
        assert_eq!(
            message(check_password_length("abcdefg")),
            PASSWORD_TOO_SHORT
        );
        assert_eq!(
            message(check_password_length("ééééééé")),
            PASSWORD_TOO_SHORT
        );
        assert_eq!(message(check_password_length("")), PASSWORD_TOO_SHORT);
        assert_eq!(check_password_length("abcdefgh"), Ok(()));
        assert_eq!(check_password_length("éééééééé"), Ok(()));
        assert_eq!(check_password_length(&"é".repeat(128)), Ok(()));
        assert_eq!(check_password_length(&"a".repeat(128)), Ok(()));
        assert_eq!(
            message(check_password_length(&"a".repeat(129))),
            PASSWORD_TOO_LONG
        );
        assert_eq!(
            message(check_password_length(&"é".repeat(129))),
            PASSWORD_TOO_LONG
        );
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

    // One-line texts.

    #[test]
    fn display_name_is_trimmed_and_bounded() {
        assert_eq!(
            check_display_name("  Camille Martin "),
            Ok("Camille Martin".to_owned())
        );
        assert_eq!(check_display_name("Lé"), Ok("Lé".to_owned()));
        assert_eq!(check_display_name("Camille\r\n"), Ok("Camille".to_owned()));
        let longest = "é".repeat(DISPLAY_NAME_MAX_CHARS);
        assert_eq!(check_display_name(&longest), Ok(longest.clone()));
        let error = check_display_name(&format!("{longest}é")).expect_err("121 characters");
        assert_eq!(error.field, "display_name");
        assert_eq!(error.message, "Le nom ne peut pas dépasser 120 caractères.");
        for short in ["", "   ", "é", " C "] {
            assert_eq!(
                message(check_display_name(short)),
                "Saisissez votre nom (au moins 2 caractères).",
                "{short:?}"
            );
        }
    }

    #[test]
    fn display_name_cannot_inject_headers() {
        for raw in [
            "Camille\r\nBcc: victime@exemple.fr",
            "Camille\nMartin",
            "Camille\rMartin",
            "Camille\tMartin",
            "Camille\u{0}",
            "Camille\u{2028}Martin",
            "\u{202E}nitraM",
        ] {
            let error = check_display_name(raw).expect_err(raw);
            assert_eq!(error.field, "display_name");
            assert!(!error.message.contains("Camille"));
        }
    }

    #[test]
    fn profession_is_optional() {
        assert_eq!(check_profession(""), Ok(None));
        assert_eq!(check_profession("  \t "), Ok(None));
        assert_eq!(
            check_profession(" Assistante sociale "),
            Ok(Some("Assistante sociale".to_owned()))
        );
        assert_eq!(check_profession("x"), Ok(Some("x".to_owned())));
        let longest = "é".repeat(PROFESSION_MAX_CHARS);
        assert_eq!(check_profession(&longest), Ok(Some(longest.clone())));
        let error = check_profession(&format!("{longest}é")).expect_err("121 characters");
        assert_eq!(error.field, "profession");
        assert_eq!(
            error.message,
            "La profession ne peut pas dépasser 120 caractères."
        );
        assert_eq!(
            check_profession("Éducatrice\r\nspécialisée").map_err(|e| e.field),
            Err("profession")
        );
    }

    #[test]
    fn structure_name_is_trimmed_and_bounded() {
        assert_eq!(
            check_new_structure_name(" CCAS « Carrefour des solidarités » "),
            Ok("CCAS « Carrefour des solidarités »".to_owned())
        );
        assert_eq!(check_new_structure_name("Lé"), Ok("Lé".to_owned()));
        let longest = "é".repeat(STRUCTURE_NAME_MAX_CHARS);
        assert_eq!(check_new_structure_name(&longest), Ok(longest.clone()));
        assert_eq!(
            message(check_new_structure_name(&format!("{longest}é"))),
            "Le nom de la structure ne peut pas dépasser 200 caractères."
        );
        assert_eq!(
            message(check_new_structure_name(" é ")),
            "Saisissez le nom de la structure (au moins 2 caractères)."
        );
        let error = check_new_structure_name("GEM\r\nL’Albatros").expect_err("two lines");
        assert_eq!(error.field, "structure_name");
    }
}
