//! What keeps the platform running: sign-in sessions, password-reset tokens,
//! rate-limit counters (in the database, so several server instances share
//! them), the email outbox and the audit log.

use sea_orm_migration::{prelude::*, schema::*};

use crate::checks::{fk, index, one_of};
use crate::m20261122_000001_create_people::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Only a hash of the session token is stored: a database leak opens no session.
        manager
            .create_table(
                Table::create()
                    .table(AuthSessions::Table)
                    .col(string_len(AuthSessions::TokenHash, 128).primary_key())
                    .col(integer(AuthSessions::UserId))
                    .col(timestamp_with_time_zone(AuthSessions::CreatedAt))
                    .col(timestamp_with_time_zone(AuthSessions::LastSeenAt))
                    .col(timestamp_with_time_zone(AuthSessions::ExpiresAt))
                    .foreign_key(&mut fk(
                        AuthSessions::Table,
                        AuthSessions::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(AuthSessions::Table, &["user_id"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PasswordResets::Table)
                    .col(pk_auto(PasswordResets::Id))
                    .col(integer(PasswordResets::UserId))
                    .col(string_len(PasswordResets::TokenHash, 128))
                    .col(timestamp_with_time_zone(PasswordResets::CreatedAt))
                    .col(timestamp_with_time_zone(PasswordResets::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PasswordResets::UsedAt))
                    .foreign_key(&mut fk(
                        PasswordResets::Table,
                        PasswordResets::UserId,
                        Users::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(PasswordResets::Table, &["token_hash"], true))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RateLimits::Table)
                    .col(string_len(RateLimits::Key, 200).primary_key())
                    .col(timestamp_with_time_zone(RateLimits::WindowStart))
                    .col(integer(RateLimits::Hits))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EmailOutbox::Table)
                    .col(pk_auto(EmailOutbox::Id))
                    // One logical message, e.g. "certificate:42": queuing it twice does nothing.
                    .col(string_len(EmailOutbox::IdempotencyKey, 200))
                    .col(string_len(EmailOutbox::Kind, 40))
                    .col(string_len(EmailOutbox::Recipient, 254))
                    .col(string_len(EmailOutbox::Subject, 300))
                    .col(text(EmailOutbox::BodyText))
                    .col(text(EmailOutbox::BodyHtml))
                    .col(
                        string_len(EmailOutbox::Status, 20)
                            .default("queued")
                            .check(one_of(
                                EmailOutbox::Status,
                                &["queued", "sending", "sent", "failed"],
                            )),
                    )
                    .col(integer(EmailOutbox::Attempts).default(0))
                    .col(timestamp_with_time_zone(EmailOutbox::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(EmailOutbox::LeaseUntil))
                    .col(text_null(EmailOutbox::LastError))
                    .col(timestamp_with_time_zone(EmailOutbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(EmailOutbox::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(EmailOutbox::Table, &["idempotency_key"], true))
            .await?;
        manager
            .create_index(index(
                EmailOutbox::Table,
                &["status", "next_attempt_at"],
                false,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EmailAttachments::Table)
                    .col(pk_auto(EmailAttachments::Id))
                    .col(integer(EmailAttachments::EmailId))
                    .col(string_len(EmailAttachments::Filename, 200))
                    .col(string_len(EmailAttachments::ContentType, 100))
                    .col(blob(EmailAttachments::Content))
                    .foreign_key(&mut fk(
                        EmailAttachments::Table,
                        EmailAttachments::EmailId,
                        EmailOutbox::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(EmailAttachments::Table, &["email_id"], false))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_auto(AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::OccurredAt))
                    .col(integer_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 60))
                    .col(string_len_null(AuditLog::TargetType, 40))
                    .col(integer_null(AuditLog::TargetId))
                    .col(json_null(AuditLog::Details))
                    .foreign_key(&mut fk(
                        AuditLog::Table,
                        AuditLog::ActorId,
                        Users::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(AuditLog::Table, &["occurred_at"], false))
            .await?;
        manager
            .create_index(index(AuditLog::Table, &["target_type", "target_id"], false))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditLog::Table.into_iden(),
            EmailAttachments::Table.into_iden(),
            EmailOutbox::Table.into_iden(),
            RateLimits::Table.into_iden(),
            PasswordResets::Table.into_iden(),
            AuthSessions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum AuthSessions {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum PasswordResets {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum RateLimits {
    Table,
    Key,
    WindowStart,
    Hits,
}

#[derive(DeriveIden)]
enum EmailOutbox {
    Table,
    Id,
    IdempotencyKey,
    Kind,
    Recipient,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    NextAttemptAt,
    LeaseUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum EmailAttachments {
    Table,
    Id,
    EmailId,
    Filename,
    ContentType,
    Content,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    OccurredAt,
    ActorId,
    Action,
    TargetType,
    TargetId,
    Details,
}
