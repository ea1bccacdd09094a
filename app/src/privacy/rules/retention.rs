//! How long Relais keeps each kind of personal data: THE one list
//! ([`RETENTION`]). The privacy page (`/confidentialite`) prints it and the
//! daily purge (`privacy/service/purge.rs`) applies it, so a duration is
//! changed here and nowhere else.

use chrono::{DateTime, Duration, Months, Utc};

use crate::privacy::types::RetentionLine;

/// What the purge does for one entry of the list: one kind of data each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Learners' and trainers' accounts, erased (pseudonymised).
    InactiveAccounts,
    /// The holder's name and the PDF of each certificate revision.
    CertificateHolders,
    /// The reasons given for an absence (`attendance_marks.note`).
    ApologyReasons,
    /// The audit log (« Journal »).
    Journal,
    /// Sent and abandoned e-mails, with their attachments.
    SentEmails,
    /// Rate-limit counters.
    RateLimits,
    /// Sign-in sessions.
    SignInSessions,
    /// Password-reset links.
    ResetLinks,
    /// Address-confirmation links.
    ConfirmationLinks,
    /// Check-in codes of distance half-days.
    CheckInCodes,
    /// Revoked calendar feed addresses.
    RevokedFeeds,
}

impl Kind {
    /// Its name in logs and reports.
    pub const fn code(self) -> &'static str {
        match self {
            Kind::InactiveAccounts => "inactive_accounts",
            Kind::CertificateHolders => "certificate_holders",
            Kind::ApologyReasons => "apology_reasons",
            Kind::Journal => "journal",
            Kind::SentEmails => "sent_emails",
            Kind::RateLimits => "rate_limits",
            Kind::SignInSessions => "sign_in_sessions",
            Kind::ResetLinks => "reset_links",
            Kind::ConfirmationLinks => "confirmation_links",
            Kind::CheckInCodes => "check_in_codes",
            Kind::RevokedFeeds => "revoked_feeds",
        }
    }
}

/// How long data is kept after the moment its entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Days(u32),
    Months(u32),
    Years(u32),
    /// Until that moment itself (an expiry, a revocation): gone once it has passed.
    UntilThen,
}

/// One line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub kind: Kind,
    /// What is kept, in French, as the privacy page names it.
    pub what: &'static str,
    pub keep: Keep,
    /// From what moment, in French (« après la dernière activité »).
    pub from: &'static str,
    /// Why, in French (« pour … »).
    pub why: &'static str,
}

/// Every retention duration of Relais, in the order the privacy page lists them.
pub const RETENTION: &[Retention] = &[
    Retention {
        kind: Kind::InactiveAccounts,
        what: "Comptes des stagiaires et des formateurs (nom, adresse e-mail, profession, \
               structure) ; ceux de la coordination sont conservés",
        keep: Keep::Years(3),
        from: "après la dernière activité (dernière connexion, dernière inscription à une \
               session, dernière session animée), puis le compte est effacé : présences et \
               certificats restent, au nom d’une « personne effacée »",
        why: "pour retrouver votre parcours d’une formation à l’autre",
    },
    Retention {
        kind: Kind::CertificateHolders,
        what: "Nom du titulaire et fichier PDF des certificats de réalisation (le numéro du \
               certificat et le fait qu’il a été délivré restent, sans nom)",
        keep: Keep::Years(6),
        from: "après leur délivrance",
        why: "pour prouver aux financeurs la réalisation de la formation (obligation légale)",
    },
    Retention {
        kind: Kind::ApologyReasons,
        what: "Motifs d’absence notés à l’émargement",
        keep: Keep::Years(6),
        from: "après la demi-journée concernée",
        why: "pour justifier les absences sur les feuilles d’émargement (obligation légale)",
    },
    Retention {
        kind: Kind::Journal,
        what: "Journal des actions (connexions, actions sensibles)",
        keep: Keep::Years(1),
        from: "après l’action",
        why: "pour la sécurité du service et la traçabilité des actions sensibles",
    },
    Retention {
        kind: Kind::SentEmails,
        what: "Courriels envoyés ou abandonnés, et leurs pièces jointes",
        keep: Keep::Months(3),
        from: "après leur envoi (après leur création pour ceux qui n’ont pu partir)",
        why: "pour vérifier qu’un message est bien parti et le renvoyer au besoin",
    },
    Retention {
        kind: Kind::RateLimits,
        what: "Compteurs de tentatives (connexion, inscription, liens), sans adresse en clair",
        keep: Keep::Days(1),
        from: "après le début de leur période de comptage",
        why: "pour protéger les comptes contre les essais répétés",
    },
    Retention {
        kind: Kind::SignInSessions,
        what: "Sessions de connexion",
        keep: Keep::UntilThen,
        from: "jusqu’à leur expiration (2 heures sans activité, 12 heures au plus)",
        why: "pour vous garder connecté",
    },
    Retention {
        kind: Kind::ResetLinks,
        what: "Liens de réinitialisation du mot de passe",
        keep: Keep::UntilThen,
        from: "jusqu’à leur expiration",
        why: "pour vous permettre de changer de mot de passe",
    },
    Retention {
        kind: Kind::ConfirmationLinks,
        what: "Liens de confirmation d’adresse e-mail",
        keep: Keep::UntilThen,
        from: "jusqu’à leur expiration (48 heures)",
        why: "pour confirmer que l’adresse est bien la vôtre",
    },
    Retention {
        kind: Kind::CheckInCodes,
        what: "Codes de présence des demi-journées à distance",
        keep: Keep::UntilThen,
        from: "jusqu’à leur expiration",
        why: "pour émarger à distance",
    },
    Retention {
        kind: Kind::RevokedFeeds,
        what: "Adresses d’agenda (iCal) révoquées",
        keep: Keep::UntilThen,
        from: "jusqu’à leur révocation",
        why: "pour abonner votre agenda à vos sessions",
    },
];

/// The entry of `kind`.
pub fn entry(kind: Kind) -> &'static Retention {
    RETENTION
        .iter()
        .find(|r| r.kind == kind)
        .expect("every kind has its entry (tested)")
}

/// The instant before which (inclusive) data kept for `keep` is gone at
/// `now`: data whose moment is at or before it is removed. Months and years
/// are calendar ones (a day missing from the month is its last day).
pub fn cut_off(keep: Keep, now: DateTime<Utc>) -> DateTime<Utc> {
    let months = |n: u32| {
        now.checked_sub_months(Months::new(n))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    };
    match keep {
        Keep::Days(n) => now - Duration::days(i64::from(n)),
        Keep::Months(n) => months(n),
        Keep::Years(n) => months(n.saturating_mul(12)),
        Keep::UntilThen => now,
    }
}

/// Every entry with its cut-off at `now`, in the list's order.
pub fn cut_offs(now: DateTime<Utc>) -> Vec<(Kind, DateTime<Utc>)> {
    RETENTION
        .iter()
        .map(|r| (r.kind, cut_off(r.keep, now)))
        .collect()
}

/// « 3 ans », « 3 mois », « 1 jour »; nothing for [`Keep::UntilThen`].
pub fn duration_text(keep: Keep) -> Option<String> {
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
    match keep {
        Keep::Days(n) => Some(plural(n, "jour", "jours")),
        Keep::Months(n) => Some(format!("{n} mois")),
        Keep::Years(n) => Some(plural(n, "an", "ans")),
        Keep::UntilThen => None,
    }
}

/// How long, in French: « 3 ans après la dernière activité … », or the
/// moment alone for [`Keep::UntilThen`] (« jusqu’à leur expiration »).
pub fn how_long(entry: &Retention) -> String {
    match duration_text(entry.keep) {
        Some(duration) => format!("{duration} {}", entry.from),
        None => entry.from.to_owned(),
    }
}

/// The list as the privacy page prints it (and the export of `/mes-donnees`).
pub fn lines() -> Vec<RetentionLine> {
    RETENTION
        .iter()
        .map(|r| RetentionLine {
            what: r.what.to_owned(),
            duration: how_long(r),
            why: r.why.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    const ALL: [Kind; 11] = [
        Kind::InactiveAccounts,
        Kind::CertificateHolders,
        Kind::ApologyReasons,
        Kind::Journal,
        Kind::SentEmails,
        Kind::RateLimits,
        Kind::SignInSessions,
        Kind::ResetLinks,
        Kind::ConfirmationLinks,
        Kind::CheckInCodes,
        Kind::RevokedFeeds,
    ];

    #[test]
    fn every_kind_has_exactly_one_entry() {
        assert_eq!(RETENTION.len(), ALL.len());
        for kind in ALL {
            assert_eq!(RETENTION.iter().filter(|r| r.kind == kind).count(), 1);
            assert_eq!(entry(kind).kind, kind);
        }
        let mut codes: Vec<&str> = ALL.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ALL.len());
    }

    #[test]
    fn the_durations_are_the_announced_ones() {
        assert_eq!(entry(Kind::InactiveAccounts).keep, Keep::Years(3));
        assert_eq!(entry(Kind::CertificateHolders).keep, Keep::Years(6));
        assert_eq!(entry(Kind::ApologyReasons).keep, Keep::Years(6));
        assert_eq!(entry(Kind::Journal).keep, Keep::Years(1));
        assert_eq!(entry(Kind::SentEmails).keep, Keep::Months(3));
        assert_eq!(entry(Kind::RateLimits).keep, Keep::Days(1));
        for kind in [
            Kind::SignInSessions,
            Kind::ResetLinks,
            Kind::ConfirmationLinks,
            Kind::CheckInCodes,
            Kind::RevokedFeeds,
        ] {
            assert_eq!(entry(kind).keep, Keep::UntilThen);
        }
    }

    #[test]
    fn cut_offs_count_back_calendar_years_months_and_days() {
        let now = at(2032, 3, 15, 10);
        assert_eq!(cut_off(Keep::Years(3), now), at(2029, 3, 15, 10));
        assert_eq!(cut_off(Keep::Years(6), now), at(2026, 3, 15, 10));
        assert_eq!(cut_off(Keep::Months(3), now), at(2031, 12, 15, 10));
        assert_eq!(cut_off(Keep::Days(1), now), at(2032, 3, 14, 10));
        assert_eq!(cut_off(Keep::UntilThen, now), now);
    }

    #[test]
    fn a_missing_day_becomes_the_last_of_the_month() {
        assert_eq!(
            cut_off(Keep::Years(6), at(2032, 2, 29, 8)),
            at(2026, 2, 28, 8)
        );
        assert_eq!(
            cut_off(Keep::Months(3), at(2027, 5, 31, 8)),
            at(2027, 2, 28, 8)
        );
    }

    #[test]
    fn cut_offs_follow_the_list() {
        let now = at(2030, 1, 1, 0);
        let all = cut_offs(now);
        assert_eq!(all.len(), RETENTION.len());
        assert_eq!(all[0], (Kind::InactiveAccounts, at(2027, 1, 1, 0)));
        assert!(all.iter().all(|(_, cut)| *cut <= now));
    }

    #[test]
    fn durations_read_in_french() {
        assert_eq!(duration_text(Keep::Years(1)).as_deref(), Some("1 an"));
        assert_eq!(duration_text(Keep::Years(3)).as_deref(), Some("3 ans"));
        assert_eq!(duration_text(Keep::Months(3)).as_deref(), Some("3 mois"));
        assert_eq!(duration_text(Keep::Days(1)).as_deref(), Some("1 jour"));
        assert_eq!(duration_text(Keep::Days(2)).as_deref(), Some("2 jours"));
        assert_eq!(duration_text(Keep::UntilThen), None);
        assert_eq!(
            how_long(entry(Kind::Journal)),
            "1 an après l’action".to_owned()
        );
        assert_eq!(
            how_long(entry(Kind::ResetLinks)),
            "jusqu’à leur expiration".to_owned()
        );
    }

    #[test]
    fn the_page_gets_one_line_per_entry() {
        let lines = lines();
        assert_eq!(lines.len(), RETENTION.len());
        for (line, entry) in lines.iter().zip(RETENTION) {
            assert_eq!(line.what, entry.what);
            assert!(line.why.starts_with("pour "), "{}", line.why);
            assert!(!line.duration.is_empty());
            assert!(!line.what.contains("  "), "{}", line.what);
            assert!(!line.duration.contains("  "), "{}", line.duration);
        }
    }
}
