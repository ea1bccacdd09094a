//! The `.eml` files the server keeps when no SMTP server is configured
//! (`RELAIS_MAIL_DIR`): each is decoded (headers, every text part, in any
//! transfer encoding) and deleted when it is addressed to the erased person
//! or names them. Those files stand in for the recipients' mailboxes, so a
//! message to someone else that quoted them goes too.

use std::path::{Path, PathBuf};

use super::Identity;
use crate::error::AppError;
use crate::privacy::rules::pseudonym;

/// Deletes every file of `dir` that names `who`; returns how many.
pub async fn scrub(dir: PathBuf, who: Identity) -> Result<usize, AppError> {
    crate::blocking::run(move || scrub_now(&dir, &who)).await?
}

fn scrub_now(dir: &Path, who: &Identity) -> Result<usize, AppError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(AppError::internal(e)),
    };
    let identifiers = who.identifiers();
    let mut deleted = 0;
    for entry in entries {
        let path = entry.map_err(AppError::internal)?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("eml") {
            continue;
        }
        let Ok(raw) = std::fs::read(&path) else {
            continue; // gone meanwhile
        };
        if names(&raw, &identifiers) {
            match std::fs::remove_file(&path) {
                Ok(()) => deleted += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(AppError::internal(e)),
            }
        }
    }
    Ok(deleted)
}

/// Whether the message's decoded headers or text name any identifier; a
/// file that cannot be parsed is searched as raw text.
fn names(raw: &[u8], identifiers: &[&str]) -> bool {
    let mentions = |text: &str| pseudonym::rewrite(text, identifiers, "").is_some();
    let Ok(mail) = mailparse::parse_mail(raw) else {
        return mentions(&String::from_utf8_lossy(raw));
    };
    mail.headers.iter().any(|h| mentions(&h.get_value()))
        || mail.parts().any(|part| {
            part.ctype.mimetype.starts_with("text/")
                && part.get_body().is_ok_and(|body| mentions(&body))
        })
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn a_name_is_found_in_an_encoded_body_and_an_address_in_a_header() {
        let mail =
            b"From: relais@example.org\r\nTo: zoe@example.org\r\nSubject: =?utf-8?q?Bonjour?=\r\n\
Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\
Qm9uam91ciBab8OpIE1hcnRpbg==\r\n";
        assert!(names(mail, &["Zoé Martin"]));
        assert!(names(mail, &["ZOE@example.org"]));
        assert!(!names(mail, &["Léa Dupont", "lea@example.org"]));
    }
}
