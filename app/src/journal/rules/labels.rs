//! The French name of each kind of audit entry (the `action` codes that
//! `crate::audit::record` writes) and of what an entry is about. A test reads
//! every `audit::record` call in `app/src` so that no code goes unnamed.

/// Every action code written in `app/src`, with its French label.
pub const ACTIONS: &[(&str, &str)] = &[
    ("sign_up", "Création de compte"),
    ("sign_in", "Connexion"),
    ("sign_in_failed", "Échec de connexion"),
    ("password_reset", "Mot de passe réinitialisé"),
    ("erasure_requested", "Demande d’effacement du compte"),
    ("erased", "Compte effacé"),
    ("role_changed", "Rôle modifié"),
    ("deactivated", "Compte désactivé"),
    ("reactivated", "Compte réactivé"),
    ("structure_created", "Structure créée"),
    ("structure_reviewed", "Structure vérifiée"),
    ("published", "Contenu publié"),
    ("withdrawn", "Contenu retiré"),
    ("enrolment_cancelled", "Inscription annulée"),
    ("session_cancelled", "Session annulée"),
    ("session_held", "Session réalisée"),
    ("attendance_corrected", "Émargement corrigé"),
    ("attendance_slot_signed", "Appel signé"),
    ("programme_updated", "Programme modifié"),
    ("email_requeued", "Courriel renvoyé"),
    ("certificate_revoked", "Certificat révoqué"),
    ("session_updated", "Session modifiée"),
    ("session_corrected", "Session réalisée corrigée"),
    ("session_reopened", "Session rétablie"),
    ("session_deleted", "Session supprimée"),
    ("structure_edited", "Structure modifiée"),
    ("structures_merged", "Structures fusionnées"),
    ("structure_retired", "Structure retirée"),
    ("structure_restored", "Structure rétablie"),
    ("email_changed", "Adresse électronique modifiée"),
    ("email_change_failed", "Échec du changement d’adresse"),
    ("email_verified", "Adresse électronique confirmée"),
    ("assessment_item_edited", "Questionnaire modifié"),
    ("starter_content_installed", "Contenu de départ installé"),
    ("content_deleted", "Contenu supprimé"),
    ("content_archived", "Contenu archivé"),
    ("content_restored", "Contenu restauré"),
];

/// The French label of an action code; an unknown code is shown as it is.
pub fn action_label(code: &str) -> String {
    ACTIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| format!("Action « {code} »"), |(_, l)| (*l).to_owned())
}

/// What kind of thing an entry's target is, in French (`target_type`).
pub fn target_label(target_type: &str) -> &'static str {
    match target_type {
        "user" => "Personne",
        "training_session" => "Session",
        "session_slot" => "Demi-journée",
        "attendance_mark" => "Émargement",
        "enrolment" => "Inscription",
        "programme" => "Programme",
        "email" => "Courriel",
        "structure" => "Structure",
        "certificate" => "Certificat",
        "module" => "Module",
        "lesson" => "Leçon",
        "resource" => "Ressource",
        "quiz" => "Quiz",
        "question" => "Question",
        _ => "Élément",
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// The string literals of `text` (no escapes in action codes).
    fn literals(text: &str) -> Vec<String> {
        text.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    /// The arguments of the call whose `(` starts `text`, split at top-level commas.
    fn arguments(text: &str) -> Vec<String> {
        let (mut depth, mut quoted) = (0, false);
        let (mut args, mut current) = (Vec::new(), String::new());
        for c in text.chars() {
            if c == '"' {
                quoted = !quoted;
            }
            if !quoted {
                match c {
                    '(' | '[' | '{' => {
                        depth += 1;
                        if depth == 1 {
                            continue;
                        }
                    }
                    ')' | ']' | '}' => {
                        depth -= 1;
                        if depth == 0 {
                            args.push(current.trim().to_owned());
                            return args;
                        }
                    }
                    ',' if depth == 1 => {
                        args.push(std::mem::take(&mut current).trim().to_owned());
                        continue;
                    }
                    _ => {}
                }
            }
            current.push(c);
        }
        args
    }

    /// The action codes a file writes: each call's third argument, a literal
    /// or a variable whose `let` holds the literals.
    fn codes_in(source: &str) -> Vec<String> {
        let needle = concat!("audit::", "record(");
        let mut codes = Vec::new();
        for (at, _) in source.match_indices(needle) {
            let args = arguments(&source[at + needle.len() - 1..]);
            let action = args.get(2).expect("an action argument");
            if action.starts_with('"') {
                codes.extend(literals(action));
            } else {
                let binding = format!("let {action} = ");
                let start = source.find(&binding).expect("the action's binding");
                let end = start + source[start..].find(';').expect("end of the binding");
                codes.extend(literals(&source[start..end]));
            }
        }
        codes
    }

    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.extend(codes_in(&std::fs::read_to_string(&path).expect("read")));
            }
        }
    }

    #[test]
    fn every_action_written_in_app_src_has_a_french_label() {
        let mut written = Vec::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut written,
        );
        let written: BTreeSet<String> = written.into_iter().collect();
        // The scan itself works: it finds the calls this module names.
        assert!(written.len() >= 20, "{written:?}");
        for code in [
            "certificate_revoked",
            "published",
            "withdrawn",
            "deactivated",
        ] {
            assert!(written.contains(code), "{code} not found by the scan");
        }
        let labelled: BTreeSet<String> = ACTIONS.iter().map(|(c, _)| (*c).to_owned()).collect();
        let missing: Vec<_> = written.difference(&labelled).collect();
        assert!(
            missing.is_empty(),
            "actions without a French label: {missing:?}"
        );
        let unused: Vec<_> = labelled.difference(&written).collect();
        assert!(
            unused.is_empty(),
            "labels of actions never written: {unused:?}"
        );
    }

    #[test]
    fn labels_are_french_and_distinct() {
        assert_eq!(action_label("certificate_revoked"), "Certificat révoqué");
        assert_eq!(action_label("sign_in"), "Connexion");
        assert_eq!(action_label("inconnu"), "Action « inconnu »");
        let labels: BTreeSet<&str> = ACTIONS.iter().map(|(_, l)| *l).collect();
        assert_eq!(labels.len(), ACTIONS.len());
        assert_eq!(target_label("training_session"), "Session");
        assert_eq!(target_label("autre"), "Élément");
    }

    #[test]
    fn the_scan_reads_literals_and_bindings() {
        let source = concat!(
            "let action = if on { \"reactivated\" } else { \"deactivated\" };\n",
            "crate::audit::",
            "record(db, Some(me.id), action, Some((\"user\", 1)), None).await?;\n",
            "crate::audit::",
            "record(&txn, None, \"session_held\", Some((\"training_session\", f(1, 2))), Some(json!({ \"a\": 1 }))).await?;\n",
        );
        assert_eq!(
            codes_in(source),
            ["reactivated", "deactivated", "session_held"]
        );
    }
}
