//! The certificate as a document: what it prints (a plain value, hashed to
//! tell a correction from a repeat), its QR code, and the PDF through the
//! shared Typst engine (template `certificate.typ`).

use chrono::{DateTime, Utc};
use qrcode::QrCode;
use qrcode::render::svg;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::organisation::{CARRIER, CITY, FORMAL_NAME};
use crate::pdf::{Template, render};

const TEMPLATE: Template = Template {
    name: "certificate.typ",
    source: include_str!("document/certificate.typ"),
};

/// What the certificate certifies. Two issues with the same content are the
/// same certificate; any difference (a corrected name, a mark changed, a
/// trainer added) makes a new revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Content {
    pub number: String,
    pub holder_name: String,
    pub holder_structure: Option<String>,
    pub training_title: String,
    pub objectives: Vec<String>,
    pub mode: String,
    pub dates: String,
    /// « 7 h ».
    pub attended_hours: String,
    /// « 2 demi-journées suivies sur 2 ».
    pub attended_half_days: String,
    pub trainers: Vec<String>,
    /// The verification address, printed and in the QR code.
    pub verify_url: String,
}

impl Content {
    /// SHA-256 (hex) of the content.
    pub fn hash(&self) -> Result<String, AppError> {
        let bytes = serde_json::to_vec(self).map_err(AppError::internal)?;
        Ok(hex::encode(Sha256::digest(bytes)))
    }
}

/// `data.json` of the template.
#[derive(Debug, Clone, Serialize)]
struct Data<'a> {
    title: &'static str,
    organisation: &'static str,
    carrier: &'static str,
    #[serde(flatten)]
    content: &'a Content,
    /// « Fait à Metz, le mardi 16 avril 2030. »
    issued: String,
    /// « Révision 2 » from the second issue on.
    revision: Option<String>,
    /// The QR code of `verify_url`, as SVG.
    qr: String,
}

/// The QR code of `url`, as an SVG document.
pub fn qr_svg(url: &str) -> Result<String, AppError> {
    let code = QrCode::new(url.as_bytes()).map_err(AppError::internal)?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build())
}

/// The PDF of `content`, issued on `issued_on` (« mardi 16 avril 2030 »).
/// CPU-bound: call from `spawn_blocking`.
pub fn certificate_pdf(
    content: &Content,
    revision: i32,
    issued_on: &str,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, AppError> {
    let data = Data {
        title: "Certificat de réalisation",
        organisation: FORMAL_NAME,
        carrier: CARRIER,
        content,
        issued: format!("Fait à {CITY}, le {issued_on}."),
        revision: (revision > 1).then(|| format!("Révision {revision}")),
        qr: qr_svg(&content.verify_url)?,
    };
    render(TEMPLATE, &data, now).map_err(AppError::internal)
}

#[cfg(test)]
mod tests;
