//! One view per section of « Mes données », `None` when it has no data.

use leptos::prelude::*;

use super::values::*;
use crate::calendar::french_days;
use crate::layout::TableFrame;
use crate::privacy::{
    CertificateRecord, EmailReceived, EnrolmentRecord, FeedRecord, JournalEntry, LessonRead,
    LinkSent, PresenceRecord, Profile, QuestionnaireRecord, QuizAttemptRecord, RetentionLine,
    SignInSession, TaughtSession,
};

pub(super) fn profile_view(p: Profile) -> Option<AnyView> {
    let rows: Vec<(&'static str, String)> = vec![
        ("Prénom et nom", p.name),
        ("Adresse e-mail", text(&p.email)),
        ("Rôle", role(&p.role)),
        ("Profession", text(&p.profession)),
        ("Secteur d’activité", sector(&p.sector)),
        ("Structure", text(&p.structure)),
        ("Compte actif", yes_no(p.active).to_owned()),
        ("Compte créé le", when(&p.created_at)),
        ("Dernière modification le", when(&p.updated_at)),
        ("Adresse confirmée le", maybe_when(&p.email_verified_at)),
        ("Dernière connexion le", maybe_when(&p.last_sign_in_at)),
        ("Effacement demandé le", maybe_when(&p.erasure_requested_at)),
    ];
    Some(
        view! {
            <dl class="facts">
                {rows.into_iter().map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
        }
        .into_any(),
    )
}

pub(super) fn enrolments_view(list: Vec<EnrolmentRecord>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Vos inscriptions aux sessions, avec le profil qu’elles ont gardé pour les indicateurs"
                columns=&["Session", "Module", "Dates", "Statut", "Inscription le", "Confirmée le", "Annulée le",
                    "Secteur à l’inscription", "Profession à l’inscription", "Structure à l’inscription"]>
                {list.into_iter().map(|e| view! {
                    <tr>
                        <th scope="row">{e.session}</th>
                        <td>{e.module}</td>
                        <td>{french_days(&e.dates)}</td>
                        <td>{enrolment_status(&e.status)}</td>
                        <td>{when(&e.enrolled_at)}</td>
                        <td>{maybe_when(&e.confirmed_at)}</td>
                        <td>{maybe_when(&e.cancelled_at)}</td>
                        <td>{sector(&e.snapshot_sector)}</td>
                        <td>{text(&e.snapshot_profession)}</td>
                        <td>{text(&e.snapshot_structure)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn attendance_view(list: Vec<PresenceRecord>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Votre présence à chaque demi-journée"
                columns=&["Demi-journée", "Session", "Statut", "Mode de relevé", "Enregistrée le", "Motif d’absence"]>
                {list.into_iter().map(|m| view! {
                    <tr>
                        <th scope="row">{format!("{}, {}", day(m.day), half_day(&m.half_day).to_lowercase())}</th>
                        <td>{m.session}</td>
                        <td>{attendance_status(&m.status)}</td>
                        <td>{method(&m.method)}</td>
                        <td>{when(&m.recorded_at)}</td>
                        <td>{text(&m.note)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn quiz_view(list: Vec<QuizAttemptRecord>) -> Option<AnyView> {
    unless_empty(list, |list| {
        let answers = list.clone();
        view! {
            <TableFrame caption="Vos tentatives aux quiz"
                columns=&["Quiz", "Tentative", "Commencée le", "Envoyée le", "Score", "Réussie"]>
                {list.into_iter().map(|a| view! {
                    <tr>
                        <th scope="row">{a.quiz}</th>
                        <td>{format!("n° {}", a.number)}</td>
                        <td>{when(&a.started_at)}</td>
                        <td>{maybe_when(&a.submitted_at)}</td>
                        <td>{match (a.score, a.max_score) {
                            (Some(s), Some(m)) => format!("{} sur {}", number(s), number(m)),
                            (Some(s), None) => number(s),
                            _ => "—".to_owned(),
                        }}</td>
                        <td>{a.passed.map_or("—", yes_no)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
            {answers.into_iter().filter(|a| !a.answers.is_empty()).map(|a| view! {
                <TableFrame caption=format!("Vos réponses au quiz « {} », tentative n° {}", a.quiz, a.number)
                    columns=&["Question", "Votre réponse", "Points", "Enregistrée le"]>
                    {a.answers.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.question}</th>
                            <td>{text(&Some(r.answer_text))}</td>
                            <td>{r.points.map_or_else(|| "—".to_owned(), number)}</td>
                            <td>{when(&r.saved_at)}</td>
                        </tr>
                    }).collect_view()}
                </TableFrame>
            }).collect_view()}
        }
        .into_any()
    })
}

pub(super) fn questionnaires_view(list: Vec<QuestionnaireRecord>) -> Option<AnyView> {
    unless_empty(list, |list| {
        list.into_iter()
            .map(|q| {
                let caption = format!(
                    "{} ({}), session « {} », envoyé le {}",
                    questionnaire_kind(&q.kind),
                    phase(&q.phase).to_lowercase(),
                    q.session,
                    when(&q.submitted_at)
                );
                view! {
                    <TableFrame caption columns=&["Question", "Votre réponse"]>
                        {q.answers.into_iter().map(|a| view! {
                            <tr>
                                <th scope="row">{a.question}</th>
                                <td>{match (a.value_int, a.value_text) {
                                    (Some(v), Some(t)) => format!("{v} — {t}"),
                                    (Some(v), None) => v.to_string(),
                                    (None, t) => text(&t),
                                }}</td>
                            </tr>
                        }).collect_view()}
                    </TableFrame>
                }
            })
            .collect_view()
            .into_any()
    })
}

pub(super) fn lessons_view(list: Vec<LessonRead>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Les leçons que vous avez terminées" columns=&["Leçon", "Module", "Terminée le"]>
                {list.into_iter().map(|l| view! {
                    <tr>
                        <th scope="row">{l.lesson}</th>
                        <td>{l.module}</td>
                        <td>{when(&l.completed_at)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn certificates_view(list: Vec<CertificateRecord>) -> Option<AnyView> {
    unless_empty(list, |list| {
        let versions: Vec<(String, crate::privacy::CertificateRevisionRecord)> = list
            .iter()
            .flat_map(|c| c.revisions.iter().map(|r| (c.number.clone(), r.clone())))
            .collect();
        view! {
            <TableFrame caption="Vos certificats de réalisation"
                columns=&["Numéro", "Session", "Délivré le", "Temps suivi", "Code de vérification", "Révoqué le", "Motif de la révocation"]>
                {list.into_iter().map(|c| view! {
                    <tr>
                        <th scope="row">{c.number}</th>
                        <td>{c.session}</td>
                        <td>{when(&c.issued_at)}</td>
                        <td>{minutes(c.attended_minutes)}</td>
                        <td>{c.verification_code}</td>
                        <td>{maybe_when(&c.revoked_at)}</td>
                        <td>{text(&c.revocation_reason)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
            {(!versions.is_empty()).then(|| view! {
                <TableFrame caption="Ce que chaque version de vos certificats a imprimé"
                    columns=&["Certificat", "Version", "Nom imprimé", "Formation", "Dates", "Temps suivi", "Délivrée le"]>
                    {versions.into_iter().map(|(number, r)| view! {
                        <tr>
                            <th scope="row">{number}</th>
                            <td>{r.version}</td>
                            <td>{r.holder_name}</td>
                            <td>{r.training_title}</td>
                            <td>{r.training_dates}</td>
                            <td>{minutes(r.attended_minutes)}</td>
                            <td>{when(&r.issued_at)}</td>
                        </tr>
                    }).collect_view()}
                </TableFrame>
            })}
        }
        .into_any()
    })
}

pub(super) fn feeds_view(list: Vec<FeedRecord>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Vos adresses d’agenda (l’adresse elle-même n’est pas conservée)"
                columns=&["Agenda", "Créée le", "Révoquée le"]>
                {list.into_iter().map(|f| view! {
                    <tr>
                        <th scope="row">{feed_kind(&f.kind)}</th>
                        <td>{when(&f.created_at)}</td>
                        <td>{maybe_when(&f.revoked_at)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn sign_ins_view(list: Vec<SignInSession>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Vos connexions ouvertes sur vos appareils"
                columns=&["Ouverte le", "Dernière activité le", "Expire le"]>
                {list.into_iter().map(|s| view! {
                    <tr>
                        <th scope="row">{when(&s.created_at)}</th>
                        <td>{when(&s.last_seen_at)}</td>
                        <td>{when(&s.expires_at)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn links_view(list: Vec<LinkSent>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Les liens qui vous ont été envoyés (le lien lui-même n’est pas conservé)"
                columns=&["Lien", "Adresse", "Envoyé le", "Valable jusqu’au", "Utilisé le"]>
                {list.into_iter().map(|l| view! {
                    <tr>
                        <th scope="row">{link_kind(&l.kind)}</th>
                        <td>{text(&l.email)}</td>
                        <td>{when(&l.created_at)}</td>
                        <td>{when(&l.expires_at)}</td>
                        <td>{maybe_when(&l.used_at)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn emails_view(list: Vec<EmailReceived>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Les courriels envoyés à vos adresses (leur texte n’est pas repris ici)"
                columns=&["Objet", "Destinataire", "Créé le", "Envoyé le", "État", "Pièces jointes"]>
                {list.into_iter().map(|m| view! {
                    <tr>
                        <th scope="row">{m.subject}</th>
                        <td>{m.recipient}</td>
                        <td>{when(&m.created_at)}</td>
                        <td>{maybe_when(&m.sent_at)}</td>
                        <td>{email_status(&m.status)}</td>
                        <td>{if m.attachments.is_empty() { "—".to_owned() } else { m.attachments.join(", ") }}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn journal_view(list: Vec<JournalEntry>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Les actions que vous avez faites ou qui vous concernent"
                columns=&["Date", "Action", "Faite par vous"]>
                {list.into_iter().map(|j| view! {
                    <tr>
                        <th scope="row">{when(&j.occurred_at)}</th>
                        <td>{j.label}</td>
                        <td>{yes_no(j.by_you)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn taught_view(list: Vec<TaughtSession>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Les sessions que vous animez ou que vous avez créées"
                columns=&["Session", "Module", "Dates", "Statut", "Vous l’animez", "Créée par vous"]>
                {list.into_iter().map(|s| view! {
                    <tr>
                        <th scope="row">{s.session}</th>
                        <td>{s.module}</td>
                        <td>{french_days(&s.dates)}</td>
                        <td>{session_status(&s.status)}</td>
                        <td>{yes_no(s.trainer)}</td>
                        <td>{yes_no(s.created_by_you)}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

pub(super) fn retention_view(list: Vec<RetentionLine>) -> Option<AnyView> {
    unless_empty(list, |list| {
        view! {
            <TableFrame caption="Ce que Relais conserve, combien de temps et pourquoi"
                columns=&["Données", "Durée de conservation", "Raison"]>
                {list.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.what}</th>
                        <td>{r.duration}</td>
                        <td>{r.why}</td>
                    </tr>
                }).collect_view()}
            </TableFrame>
        }
        .into_any()
    })
}

/// `None` for an empty list, else the view of its items.
fn unless_empty<T>(items: Vec<T>, show: impl FnOnce(Vec<T>) -> AnyView) -> Option<AnyView> {
    (!items.is_empty()).then(|| show(items))
}
