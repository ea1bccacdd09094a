//! The French of the generated self-assessment items: « Je me sens capable
//! de » followed by an objective written as an infinitive clause
//! (« Identifier ses propres représentations… »). The preposition elides
//! before a vowel or a mute h (« d’identifier »), and the clause is put in
//! the first person where it speaks of the learner themself: reflexive
//! verbs (« s’appuyer » → « m’appuyer »), « soi » → « moi », and the
//! possessives of the professional's own things (« ses propres », « sa
//! fonction ») — not those of the people they accompany (« en recherchant
//! son adhésion » stays).

/// Infinitives that start with an aspirated h: no elision before them.
const ASPIRATED_H: &[&str] = &[
    "hacher",
    "haïr",
    "handicaper",
    "hanter",
    "harceler",
    "hasarder",
    "hâter",
    "hausser",
    "héler",
    "heurter",
    "hiérarchiser",
    "hisser",
    "hurler",
    "huer",
];

/// Nouns that, after « son », « sa » or « ses » in an objective, name the
/// learner's own role or work (so the possessive becomes « mon », « ma »,
/// « mes »).
const OWN_NOUNS: &[&str] = &[
    "fonction",
    "fonctions",
    "rôle",
    "métier",
    "mission",
    "missions",
    "pratique",
    "pratiques",
    "poste",
    "posture",
    "limites",
    "compétences",
    "représentations",
    "connaissances",
];

/// Whether a word starts with a sound that makes « de » elide.
pub fn elides_before(word: &str) -> bool {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) if "aàâäeéèêëiîïoôöuùûüyÿœæ".contains(c) => true,
        Some('h') => {
            let starts_vowel = chars
                .next()
                .is_some_and(|c| "aàâäeéèêëiîïoôöuùûüy".contains(c));
            starts_vowel && !ASPIRATED_H.iter().any(|h| lower.starts_with(h))
        }
        _ => false,
    }
}

/// « de » before `clause`, elided when it must be: « de repérer »,
/// « d’identifier », « d’utiliser », « de hiérarchiser ».
pub fn de(clause: &str) -> String {
    if elides_before(clause) {
        format!("d’{clause}")
    } else {
        format!("de {clause}")
    }
}

/// `clause` with the reflexive pronouns and the possessives of the learner's
/// own things in the first person.
pub fn first_person(clause: &str) -> String {
    let clause = clause.replace('\'', "’");
    let mut out: Vec<String> = Vec::new();
    let words: Vec<&str> = clause.split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| words[p]);
        let next = words.get(i + 1).copied().unwrap_or("");
        let next_bare = next.trim_end_matches([',', '.', ';', ':']);
        // A reflexive pronoun: first word of the clause, or after « en » (gerund).
        let reflexive_place = i == 0 || previous == Some("en");
        let changed = match *word {
            "se" if reflexive_place => "me".to_owned(),
            w if reflexive_place && w.starts_with("s’") => format!("m’{}", &w["s’".len()..]),
            "soi" | "soi," | "soi." | "soi-même" | "soi-même," | "soi-même." => {
                word.replacen("soi", "moi", 1)
            }
            "son" | "sa" | "ses"
                if next_bare == "propre"
                    || next_bare == "propres"
                    || OWN_NOUNS.contains(&next_bare) =>
            {
                match *word {
                    "son" => "mon",
                    "sa" => "ma",
                    _ => "mes",
                }
                .to_owned()
            }
            w => w.to_owned(),
        };
        out.push(changed);
    }
    out.join(" ")
}

/// « Repérer les signes. » → « repérer les signes »: an objective as the
/// clause after « capable de » (an initialism keeps its capitals).
pub fn as_clause(label: &str) -> String {
    let label = label.trim().trim_end_matches('.').trim();
    let mut chars = label.chars();
    match chars.next() {
        Some(first) if !chars.clone().next().is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => label.to_owned(),
    }
}

/// The self-assessment item of an objective: « Je me sens capable
/// d’identifier mes propres représentations… ».
pub fn capable_of(objective: &str) -> String {
    format!(
        "Je me sens capable {}.",
        de(&first_person(&as_clause(objective)))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn de_elides_before_a_vowel_or_a_mute_h() {
        assert_eq!(de("identifier"), "d’identifier");
        assert_eq!(de("utiliser"), "d’utiliser");
        assert_eq!(de("alerter"), "d’alerter");
        assert_eq!(de("organiser"), "d’organiser");
        assert_eq!(de("évaluer"), "d’évaluer");
        assert_eq!(de("habiter"), "d’habiter");
        assert_eq!(de("repérer"), "de repérer");
        assert_eq!(de("hiérarchiser"), "de hiérarchiser");
        assert_eq!(de("hurler"), "de hurler");
        assert_eq!(de(""), "de ");
    }

    #[test]
    fn the_learner_speaks_of_themself_in_the_first_person() {
        assert_eq!(
            first_person("identifier ses propres représentations"),
            "identifier mes propres représentations"
        );
        assert_eq!(
            first_person("décrire les liens, en s’appuyant sur les données"),
            "décrire les liens, en m’appuyant sur les données"
        );
        assert_eq!(first_person("se protéger"), "me protéger");
        assert_eq!(
            first_person("s'appuyer sur l'équipe"),
            "m’appuyer sur l’équipe"
        );
        assert_eq!(
            first_person("agir dans les limites de sa fonction"),
            "agir dans les limites de ma fonction"
        );
        assert_eq!(first_person("prendre soin de soi"), "prendre soin de moi");
    }

    #[test]
    fn the_possessives_of_other_people_stay() {
        let clause = "orienter une personne, en recherchant son adhésion";
        assert_eq!(first_person(clause), clause);
        assert_eq!(
            first_person("la prévenir et la gérer, sa famille présente"),
            "la prévenir et la gérer, sa famille présente"
        );
    }

    #[test]
    fn objectives_become_items() {
        assert_eq!(
            capable_of("Identifier ses propres représentations des troubles psychiques."),
            "Je me sens capable d’identifier mes propres représentations des troubles psychiques."
        );
        assert_eq!(
            capable_of("Utiliser des techniques de désescalade."),
            "Je me sens capable d’utiliser des techniques de désescalade."
        );
        assert_eq!(
            capable_of("Repérer les signes."),
            "Je me sens capable de repérer les signes."
        );
        assert_eq!(as_clause("EMPP : la solliciter"), "EMPP : la solliciter");
    }
}
