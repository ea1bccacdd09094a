//! « Mes données » (`/mes-donnees/consulter`): everything Relais keeps about
//! the signed-in person, one section per kind (the sections of
//! `rules/inventory.rs`), readable, with the JSON download of the same
//! document (`/mes-donnees`) and what is kept for legal reasons until when.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::accounts::rules::Sector;
use crate::agenda::rules::kind::FeedKind;
use crate::assessment::rules::Phase;
use crate::attendance::rules::{Attendance, MarkMethod};
use crate::calendar::{french_date, french_days, french_time};
use crate::error::AppError;
use crate::layout::{ProblemMessage, TableFrame, Title};
use crate::mail::EmailStatus;
use crate::privacy::api::my_data;
use crate::privacy::rules::inventory::heading;
use crate::privacy::{
    CertificateRecord, EmailReceived, EnrolmentRecord, FeedRecord, Instant, JournalEntry,
    LessonRead, LinkSent, PersonalData, PresenceRecord, Profile, QuestionnaireRecord,
    QuizAttemptRecord, RetentionLine, SignInSession, TaughtSession,
};
use crate::roles::Role;
use crate::sessions::rules::{EnrolmentStatus, HalfDay, Status};

#[component]
pub fn MyDataPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_data());
    view! {
        <Title text="Mes données"/>
        <section class="page">
            <h1>"Mes données"</h1>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(d) => view! { <Everything data=d/> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <p>"Veuillez vous connecter pour consulter vos données."</p>
                            <p><A href="/connexion">"Se connecter"</A></p>
                        }.into_any(),
                        Err(error) => view! { <ProblemMessage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Everything(data: PersonalData) -> impl IntoView {
    let PersonalData {
        generated_at,
        profile,
        enrolments,
        attendance,
        quiz_attempts,
        questionnaires,
        lessons_read,
        certificates,
        calendar_feeds,
        sign_in_sessions,
        links_sent,
        emails_received,
        journal,
        sessions_taught,
        retention,
    } = data;
    view! {
        <p class="lead">
            "Voici toutes les données que Relais conserve sur vous, par catégorie, au "
            {when(&generated_at)}". Les secrets (empreintes de vos liens, de vos connexions et de vos "
            "adresses d’agenda) ne sont jamais affichés ; les certificats se téléchargent depuis votre espace."
        </p>
        <p>
            <a class="button button--secondary" href="/mes-donnees" download="mes-donnees-relais.json">
                "Télécharger mes données (JSON)"
            </a>
        </p>
        <p>"Pour corriger vos informations ou demander l’effacement de votre compte : "
            <A href="/profil">"Mon profil"</A>"."</p>
        {section("profil", profile_view(profile))}
        {section("inscriptions", enrolments_view(enrolments))}
        {section("presences", attendance_view(attendance))}
        {section("quiz", quiz_view(quiz_attempts))}
        {section("questionnaires", questionnaires_view(questionnaires))}
        {section("lecons_lues", lessons_view(lessons_read))}
        {section("certificats", certificates_view(certificates))}
        {section("agendas", feeds_view(calendar_feeds))}
        {section("sessions_de_connexion", sign_ins_view(sign_in_sessions))}
        {section("liens_envoyes", links_view(links_sent))}
        {section("courriels_recus", emails_view(emails_received))}
        {section("journal", journal_view(journal))}
        {section("sessions_animees", taught_view(sessions_taught))}
        {section("conservation", retention_view(retention))}
    }
}

/// One kind of data: its heading (`rules/inventory.rs`) and `body`, or
/// « Aucune donnée. » when it has none.
fn section(key: &'static str, body: Option<AnyView>) -> impl IntoView {
    let id = format!("donnees-{}", key.replace('_', "-"));
    let labelled_by = id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=id>{heading(key).to_owned()}</h2>
            {body.unwrap_or_else(|| view! { <p>"Aucune donnée."</p> }.into_any())}
        </section>
    }
}

/// `None` for an empty list, else the view of its items.
fn unless_empty<T>(items: Vec<T>, show: impl FnOnce(Vec<T>) -> AnyView) -> Option<AnyView> {
    (!items.is_empty()).then(|| show(items))
}

// ---- Reading the values -------------------------------------------------

/// « mardi 14 avril 2026 à 9 h 05 » (Metz time).
fn when(at: &Instant) -> String {
    format!(
        "{} à {}",
        french_date(at.date_naive()),
        french_time(at.time())
    )
}

fn maybe_when(at: &Option<Instant>) -> String {
    at.as_ref().map_or_else(|| "—".to_owned(), when)
}

fn day(d: NaiveDate) -> String {
    french_date(d)
}

fn text(value: &Option<String>) -> String {
    value
        .as_deref()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or("—")
        .to_owned()
}

/// A French number: « 3,5 ».
fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    rounded.to_string().replace('.', ",")
}

/// « 6 h 00 ».
fn minutes(total: i32) -> String {
    format!("{} h {:02}", total / 60, total % 60)
}

fn yes_no(value: bool) -> &'static str {
    if value { "oui" } else { "non" }
}

fn role(code: &str) -> String {
    Role::from_code(code).map_or_else(|| code.to_owned(), |r| r.label().to_owned())
}

fn sector(code: &Option<String>) -> String {
    match code.as_deref() {
        Some(c) => Sector::from_code(c).map_or_else(|| c.to_owned(), |s| s.label().to_owned()),
        None => "—".to_owned(),
    }
}

fn enrolment_status(code: &str) -> String {
    EnrolmentStatus::from_code(code).map_or_else(|| code.to_owned(), |s| s.label().to_owned())
}

fn session_status(code: &str) -> String {
    Status::from_code(code).map_or_else(|| code.to_owned(), |s| s.label().to_owned())
}

fn half_day(code: &str) -> String {
    HalfDay::from_code(code).map_or_else(|| code.to_owned(), |h| h.label().to_owned())
}

fn attendance_status(code: &str) -> String {
    Attendance::from_code(code).map_or_else(|| code.to_owned(), |a| a.label().to_owned())
}

fn method(code: &str) -> String {
    MarkMethod::from_code(code).map_or_else(|| code.to_owned(), |m| m.label().to_owned())
}

fn phase(code: &str) -> String {
    Phase::from_code(code).map_or_else(|| code.to_owned(), |p| p.label().to_owned())
}

fn questionnaire_kind(code: &str) -> String {
    match code {
        "auto_evaluation" => "Auto-évaluation".to_owned(),
        "satisfaction_chaud" => "Satisfaction à chaud".to_owned(),
        "satisfaction_froid" => "Satisfaction à froid".to_owned(),
        other => other.to_owned(),
    }
}

fn feed_kind(code: &str) -> String {
    FeedKind::from_code(code).map_or_else(|| code.to_owned(), |k| k.label().to_owned())
}

fn email_status(code: &str) -> String {
    EmailStatus::from_code(code).map_or_else(|| code.to_owned(), |s| s.label().to_owned())
}

fn link_kind(code: &str) -> String {
    match code {
        LinkSent::PASSWORD_RESET => "Réinitialisation du mot de passe".to_owned(),
        LinkSent::EMAIL_VERIFICATION => "Confirmation de l’adresse e-mail".to_owned(),
        other => other.to_owned(),
    }
}

// ---- The sections ------------------------------------------------------

fn profile_view(p: Profile) -> Option<AnyView> {
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

fn enrolments_view(list: Vec<EnrolmentRecord>) -> Option<AnyView> {
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

fn attendance_view(list: Vec<PresenceRecord>) -> Option<AnyView> {
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

fn quiz_view(list: Vec<QuizAttemptRecord>) -> Option<AnyView> {
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

fn questionnaires_view(list: Vec<QuestionnaireRecord>) -> Option<AnyView> {
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

fn lessons_view(list: Vec<LessonRead>) -> Option<AnyView> {
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

fn certificates_view(list: Vec<CertificateRecord>) -> Option<AnyView> {
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

fn feeds_view(list: Vec<FeedRecord>) -> Option<AnyView> {
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

fn sign_ins_view(list: Vec<SignInSession>) -> Option<AnyView> {
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

fn links_view(list: Vec<LinkSent>) -> Option<AnyView> {
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

fn emails_view(list: Vec<EmailReceived>) -> Option<AnyView> {
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

fn journal_view(list: Vec<JournalEntry>) -> Option<AnyView> {
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

fn taught_view(list: Vec<TaughtSession>) -> Option<AnyView> {
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

fn retention_view(list: Vec<RetentionLine>) -> Option<AnyView> {
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
