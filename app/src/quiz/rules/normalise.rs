//! Short answers are compared after normalisation, so that case, accents, spacing and
//! the punctuation around an answer never decide whether a learner was right.
//!
//! The steps, in order:
//! 1. Unicode NFD, then every combining mark is dropped (`é` → `e`, `ç` → `c`);
//! 2. lowercase;
//! 3. the ligatures `œ` and `æ` become `oe` and `ae`, and the typographic apostrophe `’`
//!    becomes `'` — French keyboards and phones type either form;
//! 4. whitespace and sentence punctuation are trimmed from both ends (`« le 3114. »` → `le
//!    3114`); signs such as `-`, `+` or `%` are kept because they change a number's meaning;
//! 5. runs of inner whitespace (including the French non-breaking spaces) become one space.
//!
//! Inner punctuation is kept: `l'EMPP` and `l EMPP` stay different answers.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// The form under which two short answers are compared.
pub fn normalise(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let folded = folded
        .replace('œ', "oe")
        .replace('æ', "ae")
        .replace(['’', 'ʼ'], "'");
    let trimmed = folded.trim_matches(|c: char| c.is_whitespace() || is_edge_punctuation(c));
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Punctuation that ends or frames a sentence rather than belonging to the answer.
fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '\''
            | '"'
            | '«'
            | '»'
            | '“'
            | '”'
            | '‘'
            | '‹'
            | '›'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '¿'
            | '¡'
            | '–'
            | '—'
    )
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn case_and_accents_do_not_matter() {
        assert_eq!(
            normalise("Équipe Mobile Psychiatrie-Précarité"),
            "equipe mobile psychiatrie-precarite"
        );
        assert_eq!(normalise("CŒUR"), "coeur");
        assert_eq!(normalise("Ça"), "ca");
    }

    #[test]
    fn composed_and_decomposed_accents_are_the_same_answer() {
        assert_eq!(normalise("d\u{e9}j\u{e0}"), normalise("de\u{301}ja\u{300}"));
        assert_eq!(normalise("d\u{e9}j\u{e0}"), "deja");
    }

    #[test]
    fn spaces_are_trimmed_and_collapsed() {
        assert_eq!(
            normalise("  centre   médico-psychologique \t"),
            "centre medico-psychologique"
        );
        assert_eq!(normalise("le\u{a0}15"), "le 15");
        assert_eq!(normalise("le\u{202f}\n 15"), "le 15");
    }

    #[test]
    fn surrounding_punctuation_is_dropped() {
        assert_eq!(normalise("  Le 3114. "), "le 3114");
        assert_eq!(normalise("« le CMP »"), "le cmp");
        assert_eq!(normalise("(EMPP) !"), "empp");
        assert_eq!(normalise("Le 15…"), "le 15");
        assert_eq!(normalise("— le 15 ?"), "le 15");
    }

    #[test]
    fn inner_punctuation_and_signs_are_kept() {
        assert_eq!(normalise("l’EMPP"), "l'empp");
        assert_eq!(normalise("l'EMPP"), "l'empp");
        assert_eq!(normalise("-5"), "-5");
        assert_eq!(normalise("50 %"), "50 %");
        assert_eq!(normalise("1.5"), "1.5");
    }

    #[test]
    fn nothing_but_spaces_and_punctuation_is_empty() {
        assert_eq!(normalise(""), "");
        assert_eq!(normalise("   "), "");
        assert_eq!(normalise(" ... ?! "), "");
    }
}
