//! The retention purge (`app::privacy::service::purge::run`) with the clock
//! moved forward: every duration of the retention list removes what is just
//! past its cut-off and keeps what is just before it; the day's run happens
//! once, however many instances try. Also: signing in records
//! `last_sign_in_at`, and `/confidentialite` prints the configured
//! controller and contact and one line per retention entry.

use chrono::{DateTime, Duration, Months, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use app::db::entities::{
    attendance_marks, audit_log, auth_sessions, calendar_feeds, certificate_revisions,
    certificates, checkin_codes, email_attachments, email_outbox, email_verifications, enrolments,
    password_resets, rate_limits, users,
};
use app::privacy::rules::pseudonym::erased_person;
use app::privacy::rules::retention::{Kind, RETENTION};
use app::privacy::service::purge::{PurgeReport, run};
use app::roles::Role;

use crate::certificates::support::{certificate_of, finished_class, issue};
use crate::sessions::support::create_session;
use crate::support::{TEST_PASSWORD, TestApp, TestDatabase};

/// Just before / just after a cut-off.
const MARGIN: Duration = Duration::minutes(1);

fn years(at: DateTime<Utc>, n: u32) -> DateTime<Utc> {
    at.checked_sub_months(Months::new(12 * n))
        .expect("in range")
}

fn months(at: DateTime<Utc>, n: u32) -> DateTime<Utc> {
    at.checked_sub_months(Months::new(n)).expect("in range")
}

async fn purge(db: &DatabaseConnection, at: DateTime<Utc>) -> PurgeReport {
    run(db, at).await.expect("purge").expect("the day's run")
}

/// Sets an account's creation and last sign-in.
async fn backdate_account(
    db: &DatabaseConnection,
    id: i32,
    created: DateTime<Utc>,
    signed_in: Option<DateTime<Utc>>,
) {
    let mut row: users::ActiveModel = users::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("read")
        .expect("user")
        .into();
    row.created_at = Set(created);
    row.last_sign_in_at = Set(signed_in);
    row.update(db).await.expect("backdate");
}

async fn user(db: &DatabaseConnection, id: i32) -> users::Model {
    users::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("read")
        .expect("user")
}

async fn audit_row(db: &DatabaseConnection, at: DateTime<Utc>) -> i32 {
    audit_log::ActiveModel {
        occurred_at: Set(at),
        action: Set("sign_in_failed".to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("audit row")
    .id
}

async fn email(
    db: &DatabaseConnection,
    key: &str,
    status: &str,
    created: DateTime<Utc>,
    sent: Option<DateTime<Utc>>,
) -> i32 {
    email_outbox::ActiveModel {
        idempotency_key: Set(key.to_owned()),
        kind: Set("test".to_owned()),
        recipient: Set("autre@example.org".to_owned()),
        subject: Set("Objet".to_owned()),
        body_text: Set("Texte".to_owned()),
        body_html: Set("<p>Texte</p>".to_owned()),
        status: Set(status.to_owned()),
        attempts: Set(1),
        next_attempt_at: Set(created),
        created_at: Set(created),
        sent_at: Set(sent),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("email")
    .id
}

async fn attachment(db: &DatabaseConnection, email_id: i32) -> i32 {
    email_attachments::ActiveModel {
        email_id: Set(email_id),
        filename: Set("certificat.pdf".to_owned()),
        content_type: Set("application/pdf".to_owned()),
        content: Set(b"%PDF-".to_vec()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("attachment")
    .id
}

async fn rate_limit(db: &DatabaseConnection, key: &str, window_start: DateTime<Utc>) {
    rate_limits::ActiveModel {
        key: Set(key.to_owned()),
        window_start: Set(window_start),
        hits: Set(3),
    }
    .insert(db)
    .await
    .expect("rate limit");
}

async fn sign_in_session(
    db: &DatabaseConnection,
    token: &str,
    user_id: i32,
    last_seen: DateTime<Utc>,
    expires: DateTime<Utc>,
) {
    auth_sessions::ActiveModel {
        token_hash: Set(token.to_owned()),
        user_id: Set(user_id),
        created_at: Set(last_seen),
        last_seen_at: Set(last_seen),
        expires_at: Set(expires),
    }
    .insert(db)
    .await
    .expect("session");
}

async fn reset_link(
    db: &DatabaseConnection,
    user_id: i32,
    hash: &str,
    expires: DateTime<Utc>,
) -> i32 {
    password_resets::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(hash.to_owned()),
        created_at: Set(expires - Duration::hours(1)),
        expires_at: Set(expires),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("reset link")
    .id
}

async fn confirmation_link(
    db: &DatabaseConnection,
    user_id: i32,
    hash: &str,
    expires: DateTime<Utc>,
) -> i32 {
    email_verifications::ActiveModel {
        user_id: Set(user_id),
        email: Set("gardien@example.org".to_owned()),
        token_hash: Set(hash.to_owned()),
        created_at: Set(expires - Duration::hours(48)),
        expires_at: Set(expires),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("confirmation link")
    .id
}

async fn check_in_code(
    db: &DatabaseConnection,
    slot: i32,
    hash: &str,
    expires: DateTime<Utc>,
) -> i32 {
    checkin_codes::ActiveModel {
        slot_id: Set(slot),
        code_hash: Set(hash.to_owned()),
        created_at: Set(expires - Duration::minutes(15)),
        expires_at: Set(expires),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("check-in code")
    .id
}

async fn feed(
    db: &DatabaseConnection,
    user_id: i32,
    hash: &str,
    revoked: Option<DateTime<Utc>>,
) -> i32 {
    calendar_feeds::ActiveModel {
        user_id: Set(user_id),
        kind: Set("inscriptions".to_owned()),
        token_hash: Set(hash.to_owned()),
        created_at: Set(Utc::now() - Duration::days(30)),
        revoked_at: Set(revoked),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("feed")
    .id
}

/// Moves a half-day so that it ends at `ends` (3 hours long).
async fn end_slot_at(db: &DatabaseConnection, slot: i32, ends: DateTime<Utc>) {
    let mut row: app::db::entities::session_slots::ActiveModel =
        app::db::entities::session_slots::Entity::find_by_id(slot)
            .one(db)
            .await
            .expect("read")
            .expect("slot")
            .into();
    row.starts_at = Set(ends - Duration::hours(3));
    row.ends_at = Set(ends);
    row.update(db).await.expect("move slot");
}

async fn note(db: &DatabaseConnection, slot: i32, enrolment: i32, text: Option<&str>) -> i32 {
    let row = attendance_marks::Entity::find()
        .filter(attendance_marks::Column::SlotId.eq(slot))
        .filter(attendance_marks::Column::EnrolmentId.eq(enrolment))
        .one(db)
        .await
        .expect("read")
        .expect("mark");
    let id = row.id;
    if let Some(text) = text {
        let mut row: attendance_marks::ActiveModel = row.into();
        row.note = Set(Some(text.to_owned()));
        row.update(db).await.expect("note");
    }
    id
}

/// Dates every revision of `certificate` (and the certificate) at `at`.
async fn issued_at(db: &DatabaseConnection, certificate: &certificates::Model, at: DateTime<Utc>) {
    certificate_revisions::Entity::update_many()
        .col_expr(
            certificate_revisions::Column::IssuedAt,
            sea_orm::sea_query::Expr::value(at),
        )
        .filter(certificate_revisions::Column::CertificateId.eq(certificate.id))
        .exec(db)
        .await
        .expect("date revisions");
    let mut row: certificates::ActiveModel = certificate.clone().into();
    row.issued_at = Set(at);
    row.update(db).await.expect("date certificate");
}

async fn revision(db: &DatabaseConnection, certificate_id: i32) -> certificate_revisions::Model {
    certificate_revisions::Entity::find()
        .filter(certificate_revisions::Column::CertificateId.eq(certificate_id))
        .one(db)
        .await
        .expect("read")
        .expect("revision")
}

async fn exists<E: EntityTrait>(db: &DatabaseConnection, id: i32) -> bool
where
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    E::find_by_id(id).one(db).await.expect("read").is_some()
}

#[tokio::test]
async fn every_duration_removes_what_is_past_it_and_nothing_else() {
    let app = TestApp::spawn().await;
    let db = &app.db;
    // The clock, moved forward: the purge runs an hour from now.
    let at = Utc::now() + Duration::hours(1);
    let coordinator = app.signed_in(Role::Coordinator).await;

    // Certificates (6 years after issue) and apology reasons (6 years after
    // the half-day): a class whose certificates are issued, then moved back.
    let c = finished_class(&app, 2, 2).await;
    issue(&app, &coordinator, c.session, None).await;
    let (alice, alice_enrolment) = (&c.learners[0].0, c.learners[0].1);
    let (bob, bob_enrolment) = (&c.learners[1].0, c.learners[1].1);
    let old_certificate = certificate_of(&app, alice_enrolment).await;
    let new_certificate = certificate_of(&app, bob_enrolment).await;
    issued_at(db, &old_certificate, years(at, 6) - MARGIN).await;
    issued_at(db, &new_certificate, years(at, 6) + MARGIN).await;
    end_slot_at(db, c.slots[0], years(at, 6) - MARGIN).await;
    end_slot_at(db, c.slots[1], years(at, 6) + MARGIN).await;
    let old_note = note(db, c.slots[0], alice_enrolment, Some("Malade")).await;
    let new_note = note(db, c.slots[1], alice_enrolment, Some("Train annulé")).await;

    // Accounts: 3 years after the last activity.
    let inactive = app.create_user(Role::Learner, "inactive@example.org").await;
    backdate_account(db, inactive.id, years(at, 4), Some(years(at, 3) - MARGIN)).await;
    let signed_in = app.create_user(Role::Learner, "connecte@example.org").await;
    backdate_account(db, signed_in.id, years(at, 4), Some(years(at, 3) + MARGIN)).await;
    let coordinator_kept = app
        .create_user(Role::Coordinator, "coord@example.org")
        .await;
    backdate_account(db, coordinator_kept.id, years(at, 5), Some(years(at, 5))).await;
    // Teaching a session still to come; enrolled in it long ago.
    let teaching = app
        .create_user(Role::Trainer, "formateur@example.org")
        .await;
    let upcoming = create_session(&app, &coordinator, Some(teaching.id), 30).await;
    backdate_account(db, teaching.id, years(at, 5), None).await;
    let enrolled = app.create_user(Role::Learner, "inscrit@example.org").await;
    backdate_account(db, enrolled.id, years(at, 5), None).await;
    enrolments::ActiveModel {
        session_id: Set(upcoming),
        user_id: Set(enrolled.id),
        status: Set("confirmee".to_owned()),
        enrolled_at: Set(years(at, 5)),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("enrolment");

    // Journal: 1 year.
    let old_audit = audit_row(db, years(at, 1) - MARGIN).await;
    let new_audit = audit_row(db, years(at, 1) + MARGIN).await;
    // E-mails: 3 months after sending (creation for the abandoned ones).
    let old_sent = email(
        db,
        "t:1",
        "sent",
        years(at, 1),
        Some(months(at, 3) - MARGIN),
    )
    .await;
    let old_attachment = attachment(db, old_sent).await;
    let new_sent = email(
        db,
        "t:2",
        "sent",
        years(at, 1),
        Some(months(at, 3) + MARGIN),
    )
    .await;
    let old_failed = email(db, "t:3", "failed", months(at, 3) - MARGIN, None).await;
    let new_failed = email(db, "t:4", "failed", months(at, 3) + MARGIN, None).await;
    let waiting = email(db, "t:5", "queued", years(at, 1), None).await;
    // Rate limits: 1 day after their window started.
    rate_limit(db, "test:old", at - Duration::days(1) - MARGIN).await;
    rate_limit(db, "test:new", at - Duration::days(1) + MARGIN).await;
    // Sessions, links, codes: at their expiry; feeds: at their revocation.
    let keeper = coordinator.id;
    sign_in_session(db, "expired", keeper, at - Duration::hours(1), at - MARGIN).await;
    sign_in_session(
        db,
        "idle",
        keeper,
        at - Duration::hours(2) - MARGIN,
        at + Duration::hours(5),
    )
    .await;
    sign_in_session(db, "live", keeper, at - MARGIN, at + MARGIN).await;
    let old_reset = reset_link(db, keeper, "reset-old", at - MARGIN).await;
    let new_reset = reset_link(db, keeper, "reset-new", at + MARGIN).await;
    let old_link = confirmation_link(db, keeper, "confirm-old", at - MARGIN).await;
    let new_link = confirmation_link(db, keeper, "confirm-new", at + MARGIN).await;
    let old_code = check_in_code(db, c.slots[1], "code-old", at - MARGIN).await;
    let new_code = check_in_code(db, c.slots[1], "code-new", at + MARGIN).await;
    let revoked = feed(db, keeper, "feed-revoked", Some(at - MARGIN)).await;
    let live = feed(db, keeper, "feed-live", None).await;
    let revoking = feed(db, keeper, "feed-revoking", Some(at + MARGIN)).await;

    let report = purge(db, at).await;

    // Exactly one of each was past its cut-off (two e-mails, two sessions).
    let expected = [
        (Kind::InactiveAccounts, 1),
        (Kind::CertificateHolders, 1),
        (Kind::ApologyReasons, 1),
        (Kind::Journal, 1),
        (Kind::SentEmails, 2),
        (Kind::RateLimits, 1),
        (Kind::SignInSessions, 2),
        (Kind::ResetLinks, 1),
        (Kind::ConfirmationLinks, 1),
        (Kind::CheckInCodes, 1),
        (Kind::RevokedFeeds, 1),
    ];
    assert_eq!(expected.len(), RETENTION.len());
    for (kind, count) in expected {
        assert_eq!(report.count(kind), count, "{kind:?}: {report:?}");
    }

    // Accounts.
    let erased = user(db, inactive.id).await;
    assert!(erased.erased_at.is_some());
    assert_eq!(erased.email, None);
    assert_eq!(erased.display_name, erased_person(inactive.id));
    for kept in [
        signed_in.id,
        coordinator_kept.id,
        enrolled.id,
        teaching.id,
        alice.id,
    ] {
        let row = user(db, kept).await;
        assert!(row.erased_at.is_none() && row.email.is_some(), "{kept}");
    }

    // Certificates: the old one has no name nor file, but is still verifiable.
    let old = revision(db, old_certificate.id).await;
    assert_eq!(old.holder_name, erased_person(alice.id));
    assert!(old.pdf.is_empty());
    let new = revision(db, new_certificate.id).await;
    assert_eq!(new.holder_name, "Apprenant·e 2");
    assert!(new.pdf.starts_with(b"%PDF-"));
    let download = |id: i32| format!("/exports/certificats/{id}.pdf");
    let status = app
        .get_as(&alice.client, &download(old_certificate.id))
        .await
        .status();
    assert_eq!(status, 404);
    let status = app
        .get_as(&bob.client, &download(new_certificate.id))
        .await
        .status();
    assert_eq!(status, 200);
    let (status, page) = app
        .get_html(&format!("/verifier/{}", old_certificate.verification_code))
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(!page.contains("Apprenant·e 1"), "{page}");
    let row = certificate_of(&app, alice_enrolment).await;
    assert_eq!(row.number, old_certificate.number);

    // Apology reasons.
    let reason = |id: i32| async move {
        attendance_marks::Entity::find_by_id(id)
            .one(db)
            .await
            .expect("read")
            .expect("mark")
            .note
    };
    assert_eq!(reason(old_note).await, None);
    assert_eq!(reason(new_note).await.as_deref(), Some("Train annulé"));

    // The rest.
    assert!(!exists::<audit_log::Entity>(db, old_audit).await);
    assert!(exists::<audit_log::Entity>(db, new_audit).await);
    assert!(!exists::<email_outbox::Entity>(db, old_sent).await);
    assert!(!exists::<email_attachments::Entity>(db, old_attachment).await);
    assert!(!exists::<email_outbox::Entity>(db, old_failed).await);
    for kept in [new_sent, new_failed, waiting] {
        assert!(exists::<email_outbox::Entity>(db, kept).await, "{kept}");
    }
    let counters: Vec<String> = rate_limits::Entity::find()
        .filter(rate_limits::Column::Key.starts_with("test:"))
        .all(db)
        .await
        .expect("read")
        .into_iter()
        .map(|r| r.key)
        .collect();
    assert_eq!(counters, ["test:new"]);
    for (token, kept) in [("expired", false), ("idle", false), ("live", true)] {
        let found = auth_sessions::Entity::find_by_id(token.to_owned())
            .one(db)
            .await
            .expect("read");
        assert_eq!(found.is_some(), kept, "{token}");
    }
    assert!(!exists::<password_resets::Entity>(db, old_reset).await);
    assert!(exists::<password_resets::Entity>(db, new_reset).await);
    assert!(!exists::<email_verifications::Entity>(db, old_link).await);
    assert!(exists::<email_verifications::Entity>(db, new_link).await);
    assert!(!exists::<checkin_codes::Entity>(db, old_code).await);
    assert!(exists::<checkin_codes::Entity>(db, new_code).await);
    assert!(!exists::<calendar_feeds::Entity>(db, revoked).await);
    assert!(exists::<calendar_feeds::Entity>(db, live).await);
    assert!(exists::<calendar_feeds::Entity>(db, revoking).await);
}

#[tokio::test]
async fn the_purge_runs_once_a_day() {
    let app = TestApp::spawn().await;
    let db = &app.db;
    let at = Utc::now() + Duration::days(1);
    assert!(run(db, at).await.expect("first run").is_some());

    // Later the same day: nothing is claimed, nothing changes.
    let old = audit_row(db, years(at, 2)).await;
    let again = run(db, at + Duration::hours(20) - MARGIN)
        .await
        .expect("second run");
    assert_eq!(again, None);
    assert!(exists::<audit_log::Entity>(db, old).await);

    // The next day's run takes it.
    let next = purge(db, at + Duration::hours(20)).await;
    assert_eq!(next.count(Kind::Journal), 1);
    assert!(!exists::<audit_log::Entity>(db, old).await);
}

#[tokio::test]
async fn two_runs_started_at_once_make_one() {
    let app = TestApp::spawn().await;
    let at = Utc::now() + Duration::days(1);
    let (a, b) = tokio::join!(run(&app.db, at), run(&app.db, at));
    let runs = [a.expect("first"), b.expect("second")];
    assert_eq!(runs.iter().filter(|r| r.is_some()).count(), 1, "{runs:?}");
}

#[tokio::test]
async fn signing_in_records_the_last_sign_in() {
    let app = TestApp::spawn().await;
    let person = app
        .create_user(Role::Learner, "connexion@example.org")
        .await;
    assert_eq!(user(&app.db, person.id).await.last_sign_in_at, None);
    let before = Utc::now() - Duration::seconds(1);
    let response = app
        .sign_in(&person.client, &person.email, TEST_PASSWORD)
        .await;
    assert_eq!(response.status(), 200);
    let at = user(&app.db, person.id)
        .await
        .last_sign_in_at
        .expect("recorded");
    assert!(
        at >= before && at <= Utc::now() + Duration::seconds(1),
        "{at}"
    );
}

/// The migration takes each existing account's last sign-in from the
/// journal, and seeds the purge's run at the epoch.
#[tokio::test]
async fn existing_accounts_take_their_last_sign_in_from_the_journal() {
    use migrations::{Migrator, MigratorTrait};

    let database = TestDatabase::create().await;
    let db = sea_orm::Database::connect(database.url())
        .await
        .expect("connect");
    let before_retention = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261207_000019_add_retention")
        .expect("the retention migration") as u32;
    Migrator::up(&db, Some(before_retention))
        .await
        .expect("the migrations before retention");
    let now = Utc::now();
    for (id, email) in [(1, "journal@example.org"), (2, "jamais@example.org")] {
        users::Entity::insert(users::ActiveModel {
            id: Set(id),
            email: Set(Some(email.to_owned())),
            display_name: Set("Camille Martin".to_owned()),
            role: Set("learner".to_owned()),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec_without_returning(&db)
        .await
        .expect("account");
    }
    for at in [now - Duration::days(40), now] {
        audit_log::ActiveModel {
            occurred_at: Set(at),
            actor_id: Set(Some(1)),
            action: Set("sign_in".to_owned()),
            ..Default::default()
        }
        .insert(&db)
        .await
        .expect("journal");
    }
    Migrator::up(&db, None)
        .await
        .expect("retention's migration");

    let last = user(&db, 1).await.last_sign_in_at.expect("taken");
    assert!((last - now).num_milliseconds().abs() < 5, "{last} / {now}");
    assert_eq!(user(&db, 2).await.last_sign_in_at, None);
    let run = app::db::entities::job_runs::Entity::find_by_id("purge".to_owned())
        .one(&db)
        .await
        .expect("read")
        .expect("the purge's row");
    assert_eq!(run.ran_at, DateTime::<Utc>::UNIX_EPOCH);
    db.close().await.expect("close");
}

/// The `<li>` of the page's retention list.
fn retention_items(page: &str) -> usize {
    let start = page
        .find("<ul class=\"retention\"")
        .expect("the retention list");
    let list = &page[start..];
    let end = list.find("</ul>").expect("its end");
    list[..end].matches("<li").count()
}

#[tokio::test]
async fn the_privacy_page_prints_the_configuration_and_every_duration() {
    let app = TestApp::spawn_with(&[
        (
            "RELAIS_PRIVACY_CONTROLLER",
            "Hôpital de démonstration de Relais",
        ),
        ("RELAIS_PRIVACY_CONTACT", "dpd@hopital-demo.example"),
        ("RELAIS_PRIVACY_DPO", "Déléguée de démonstration"),
    ])
    .await;
    let (status, page) = app.get_html("/confidentialite").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Hôpital de démonstration de Relais"),
        "{page}"
    );
    assert!(page.contains("mailto:dpd@hopital-demo.example"), "{page}");
    assert!(page.contains("Déléguée de démonstration"), "{page}");
    assert_eq!(retention_items(&page), RETENTION.len(), "{page}");
    for entry in RETENTION {
        assert!(page.contains(entry.what), "{}", entry.what);
    }
    let notice: app::privacy::PrivacyNotice = app
        .server_fn("privacy/notice", &[])
        .await
        .json()
        .await
        .expect("notice");
    assert_eq!(notice.contact, "dpd@hopital-demo.example");
    assert_eq!(notice.retention.len(), RETENTION.len());
}

#[tokio::test]
async fn without_configuration_the_page_names_the_defaults() {
    let app = TestApp::spawn().await;
    let (status, page) = app.get_html("/confidentialite").await;
    assert_eq!(status, 200);
    assert!(
        page.contains(server::config::DEFAULT_PRIVACY_CONTROLLER),
        "{page}"
    );
    assert!(
        page.contains(server::config::DEFAULT_PRIVACY_CONTACT),
        "{page}"
    );
    assert!(page.contains("joignable par l’intermédiaire"), "{page}");
    assert_eq!(retention_items(&page), RETENTION.len());
}
