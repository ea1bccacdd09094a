//! Turning an outbox row and its attachments into a MIME message: plain text
//! and HTML as alternatives, attachments beside them.
//!
//! Header values go through lettre's typed builder, which encodes them: a line
//! break in a subject cannot start a new header, and a recipient that does
//! not parse as one address is refused (the message then fails permanently).

use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};

use app::db::entities::{email_attachments, email_outbox};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("invalid recipient address: {0}")]
    Recipient(#[from] lettre::address::AddressError),
    #[error("invalid attachment content type: {0}")]
    ContentType(#[from] lettre::message::header::ContentTypeErr),
    #[error("cannot build the message: {0}")]
    Message(#[from] lettre::error::Error),
}

/// Who messages come from; built once from `RELAIS_MAIL_FROM`.
#[derive(Debug, Clone)]
pub struct Composer {
    from: Mailbox,
}

impl Composer {
    pub fn new(mail_from: &str) -> Result<Composer, lettre::address::AddressError> {
        Ok(Composer {
            from: mail_from.parse()?,
        })
    }

    pub fn build(
        &self,
        row: &email_outbox::Model,
        attachments: Vec<email_attachments::Model>,
    ) -> Result<Message, BuildError> {
        let to: Mailbox = row.recipient.parse()?;
        let bodies =
            MultiPart::alternative_plain_html(row.body_text.clone(), row.body_html.clone());
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .message_id(Some(self.message_id(row)));
        if attachments.is_empty() {
            return Ok(builder.multipart(bodies)?);
        }
        let mut mixed = MultiPart::mixed().multipart(bodies);
        for file in attachments {
            let content_type = ContentType::parse(&file.content_type)?;
            mixed =
                mixed.singlepart(Attachment::new(file.filename).body(file.content, content_type));
        }
        Ok(builder.multipart(mixed)?)
    }

    /// The same for every attempt at one row, so a copy sent in the duplicate
    /// window (see the module `crate::mail`) can be recognised by mail clients.
    fn message_id(&self, row: &email_outbox::Model) -> String {
        format!(
            "<relais.{}.{}@{}>",
            row.id,
            row.created_at.timestamp(),
            self.from.email.domain()
        )
    }
}
