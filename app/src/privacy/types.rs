//! What privacy's server functions send to the pages.
//!
//! [`PersonalData`] is everything Relais keeps about one person (RGPD art. 15 and
//! 20): the JSON download of `GET /mes-donnees` and the page
//! `/mes-donnees/consulter` show the same value. Its keys are French and come
//! in a stable order (the fields' order); the sections are listed, with their
//! French headings, in `rules/inventory.rs::SECTIONS`. Instants are given in
//! Metz time with their offset (`2030-04-16T09:00:00+02:00`); codes are the
//! values the database stores. Secrets (hashes of links, sessions and feeds)
//! and documents (certificate PDFs, e-mail bodies) are never part of it.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// An instant, in Metz time with its offset.
pub type Instant = DateTime<FixedOffset>;

/// What the page « Mes données » receives: the document with its long
/// sections cut to their latest entries (`rules/page_cap.rs`), and for each
/// section cut, its key and how many entries only the download holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MyDataPage {
    pub data: PersonalData,
    pub left_out: Vec<(String, usize)>,
}

/// Everything Relais keeps about one person, by kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonalData {
    #[serde(rename = "genere_le")]
    pub generated_at: Instant,
    #[serde(rename = "profil")]
    pub profile: Profile,
    #[serde(rename = "inscriptions")]
    pub enrolments: Vec<EnrolmentRecord>,
    #[serde(rename = "presences")]
    pub attendance: Vec<PresenceRecord>,
    #[serde(rename = "quiz")]
    pub quiz_attempts: Vec<QuizAttemptRecord>,
    #[serde(rename = "questionnaires")]
    pub questionnaires: Vec<QuestionnaireRecord>,
    #[serde(rename = "lecons_lues")]
    pub lessons_read: Vec<LessonRead>,
    #[serde(rename = "certificats")]
    pub certificates: Vec<CertificateRecord>,
    #[serde(rename = "agendas")]
    pub calendar_feeds: Vec<FeedRecord>,
    #[serde(rename = "sessions_de_connexion")]
    pub sign_in_sessions: Vec<SignInSession>,
    #[serde(rename = "liens_envoyes")]
    pub links_sent: Vec<LinkSent>,
    #[serde(rename = "courriels_recus")]
    pub emails_received: Vec<EmailReceived>,
    #[serde(rename = "journal")]
    pub journal: Vec<JournalEntry>,
    #[serde(rename = "sessions_animees")]
    pub sessions_taught: Vec<TaughtSession>,
    #[serde(rename = "conservation")]
    pub retention: Vec<RetentionLine>,
}

/// The account as it is today.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    #[serde(rename = "nom")]
    pub name: String,
    #[serde(rename = "adresse_email")]
    pub email: Option<String>,
    /// `learner`, `trainer` or `coordinator`.
    pub role: String,
    pub profession: Option<String>,
    /// The sector's code (`accounts::rules::Sector`).
    #[serde(rename = "secteur")]
    pub sector: Option<String>,
    pub structure: Option<String>,
    #[serde(rename = "compte_actif")]
    pub active: bool,
    #[serde(rename = "compte_cree_le")]
    pub created_at: Instant,
    #[serde(rename = "modifie_le")]
    pub updated_at: Instant,
    #[serde(rename = "adresse_confirmee_le")]
    pub email_verified_at: Option<Instant>,
    #[serde(rename = "derniere_connexion_le")]
    pub last_sign_in_at: Option<Instant>,
    #[serde(rename = "effacement_demande_le")]
    pub erasure_requested_at: Option<Instant>,
}

/// One enrolment in a session, with the typology it kept for the indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrolmentRecord {
    pub session: String,
    pub module: String,
    /// The days of the session's half-days.
    pub dates: Vec<NaiveDate>,
    /// `confirmee`, `liste_attente` or `annulee` (`sessions::rules::EnrolmentStatus`).
    #[serde(rename = "statut")]
    pub status: String,
    #[serde(rename = "inscrit_le")]
    pub enrolled_at: Instant,
    #[serde(rename = "confirme_le")]
    pub confirmed_at: Option<Instant>,
    #[serde(rename = "annule_le")]
    pub cancelled_at: Option<Instant>,
    #[serde(rename = "secteur_a_l_inscription")]
    pub snapshot_sector: Option<String>,
    #[serde(rename = "profession_a_l_inscription")]
    pub snapshot_profession: Option<String>,
    #[serde(rename = "structure_a_l_inscription")]
    pub snapshot_structure: Option<String>,
}

/// One half-day's attendance mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PresenceRecord {
    pub session: String,
    #[serde(rename = "jour")]
    pub day: NaiveDate,
    /// `matin` or `apres_midi`.
    #[serde(rename = "demi_journee")]
    pub half_day: String,
    /// `present`, `retard`, `absent_excuse` or `absent` (`attendance::rules::Attendance`).
    #[serde(rename = "statut")]
    pub status: String,
    /// How it was taken (`attendance::rules::MarkMethod`).
    #[serde(rename = "methode")]
    pub method: String,
    #[serde(rename = "enregistre_le")]
    pub recorded_at: Instant,
    /// The reason of an apology, as written.
    #[serde(rename = "motif")]
    pub note: Option<String>,
}

/// One quiz attempt with every answer saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizAttemptRecord {
    pub quiz: String,
    #[serde(rename = "tentative")]
    pub number: i32,
    #[serde(rename = "commencee_le")]
    pub started_at: Instant,
    #[serde(rename = "a_rendre_avant")]
    pub deadline_at: Option<Instant>,
    #[serde(rename = "envoyee_le")]
    pub submitted_at: Option<Instant>,
    pub score: Option<f64>,
    #[serde(rename = "score_maximal")]
    pub max_score: Option<f64>,
    #[serde(rename = "reussie")]
    pub passed: Option<bool>,
    #[serde(rename = "reponses")]
    pub answers: Vec<QuizAnswerRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizAnswerRecord {
    /// The question's prompt.
    pub question: String,
    /// The answer as stored (choice numbers, text, pairs or ranks).
    #[serde(rename = "reponse")]
    pub response: serde_json::Value,
    /// The same answer in words (the labels of the choices it names).
    #[serde(rename = "reponse_lisible")]
    pub answer_text: String,
    pub points: Option<f64>,
    #[serde(rename = "enregistree_le")]
    pub saved_at: Instant,
}

/// One questionnaire answered, with every answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireRecord {
    pub session: String,
    /// `auto_evaluation`, `satisfaction_chaud` or `satisfaction_froid`.
    #[serde(rename = "questionnaire")]
    pub kind: String,
    /// `avant`, `apres`, `retrospectif`, `chaud` or `froid`.
    pub phase: String,
    #[serde(rename = "envoye_le")]
    pub submitted_at: Instant,
    #[serde(rename = "reponses")]
    pub answers: Vec<QuestionnaireAnswerRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireAnswerRecord {
    /// The item's prompt.
    pub question: String,
    /// A scale's value.
    #[serde(rename = "valeur")]
    pub value_int: Option<i32>,
    /// A written answer.
    #[serde(rename = "texte")]
    pub value_text: Option<String>,
}

/// A lesson marked as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonRead {
    #[serde(rename = "lecon")]
    pub lesson: String,
    pub module: String,
    #[serde(rename = "lue_le")]
    pub completed_at: Instant,
}

/// A certificate and its versions (never the PDF itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificateRecord {
    #[serde(rename = "numero")]
    pub number: String,
    pub session: String,
    /// The code of its public verification page (`/verifier/<code>`).
    #[serde(rename = "code_de_verification")]
    pub verification_code: String,
    #[serde(rename = "delivre_le")]
    pub issued_at: Instant,
    #[serde(rename = "minutes_suivies")]
    pub attended_minutes: i32,
    #[serde(rename = "revoque_le")]
    pub revoked_at: Option<Instant>,
    #[serde(rename = "motif_de_revocation")]
    pub revocation_reason: Option<String>,
    #[serde(rename = "versions")]
    pub revisions: Vec<CertificateRevisionRecord>,
}

/// What one version of a certificate printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificateRevisionRecord {
    pub version: i32,
    #[serde(rename = "nom_imprime")]
    pub holder_name: String,
    #[serde(rename = "formation")]
    pub training_title: String,
    #[serde(rename = "dates")]
    pub training_dates: String,
    #[serde(rename = "minutes_suivies")]
    pub attended_minutes: i32,
    #[serde(rename = "delivree_le")]
    pub issued_at: Instant,
}

/// A calendar address (never the address itself: only its hash is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedRecord {
    /// `inscriptions` or `animation`.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(rename = "cree_le")]
    pub created_at: Instant,
    #[serde(rename = "revoque_le")]
    pub revoked_at: Option<Instant>,
}

/// A signed-in session (never its cookie: only its hash is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignInSession {
    #[serde(rename = "ouverte_le")]
    pub created_at: Instant,
    #[serde(rename = "derniere_activite_le")]
    pub last_seen_at: Instant,
    #[serde(rename = "expire_le")]
    pub expires_at: Instant,
}

/// A link sent by e-mail (never the link: only its hash is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkSent {
    /// [`LinkSent::PASSWORD_RESET`] or [`LinkSent::EMAIL_VERIFICATION`].
    #[serde(rename = "type")]
    pub kind: String,
    /// The address a confirmation link was sent to.
    #[serde(rename = "adresse_email")]
    pub email: Option<String>,
    #[serde(rename = "cree_le")]
    pub created_at: Instant,
    #[serde(rename = "expire_le")]
    pub expires_at: Instant,
    #[serde(rename = "utilise_le")]
    pub used_at: Option<Instant>,
}

impl LinkSent {
    pub const PASSWORD_RESET: &'static str = "reinitialisation_du_mot_de_passe";
    pub const EMAIL_VERIFICATION: &'static str = "confirmation_de_l_adresse";
}

/// An e-mail sent to one of the person's addresses (never its body).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmailReceived {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(rename = "destinataire")]
    pub recipient: String,
    #[serde(rename = "objet")]
    pub subject: String,
    #[serde(rename = "cree_le")]
    pub created_at: Instant,
    #[serde(rename = "envoye_le")]
    pub sent_at: Option<Instant>,
    /// `queued`, `sending`, `sent` or `failed` (`mail::EmailStatus`).
    #[serde(rename = "statut")]
    pub status: String,
    #[serde(rename = "pieces_jointes")]
    pub attachments: Vec<String>,
}

/// An entry of the audit log the person made or that is about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    #[serde(rename = "date")]
    pub occurred_at: Instant,
    /// The action's code.
    pub action: String,
    /// Its French name (`journal::rules::labels`).
    #[serde(rename = "libelle")]
    pub label: String,
    /// Whether the person did it (otherwise it is about them).
    #[serde(rename = "par_vous")]
    pub by_you: bool,
}

/// A session the person teaches or planned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaughtSession {
    pub session: String,
    pub module: String,
    pub dates: Vec<NaiveDate>,
    /// `prevue`, `realisee` or `annulee` (`sessions::rules::Status`).
    #[serde(rename = "statut")]
    pub status: String,
    /// Whether the person is one of its trainers.
    #[serde(rename = "formateur")]
    pub trainer: bool,
    /// Whether the person created it.
    #[serde(rename = "creee_par_vous")]
    pub created_by_you: bool,
}

/// What is kept, how long, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetentionLine {
    #[serde(rename = "donnees")]
    pub what: String,
    #[serde(rename = "duree")]
    pub duration: String,
    #[serde(rename = "raison")]
    pub why: String,
}

/// What the privacy page (`/confidentialite`) prints that depends on the
/// configuration or on the retention list: who is responsible, whom to write
/// to, and every retention duration (`rules/retention.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrivacyNotice {
    /// The controller (« responsable du traitement », `RELAIS_PRIVACY_CONTROLLER`).
    pub controller: String,
    /// The address for questions and requests (`RELAIS_PRIVACY_CONTACT`).
    pub contact: String,
    /// The data protection officer (`RELAIS_PRIVACY_DPO`); `None`: the
    /// controller's, reached through the contact.
    pub dpo: Option<String>,
    pub retention: Vec<RetentionLine>,
}
