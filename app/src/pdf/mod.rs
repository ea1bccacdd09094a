//! PDF documents (server only): a Typst template compiled with data, to
//! tagged, accessible PDF bytes. Used by the attendance sheet, and later by
//! certificates and the annual report.
//!
//! Data never enters the Typst markup: it is serialised to JSON and served to
//! the template as the virtual file `data.json`, which the template reads
//! with `json("data.json")`. A name holding `#`, `]` or `$` is then only ever
//! a string shown as text, never code (see the tests).
//!
//! The fonts are the ones bundled by `typst-assets` (nothing is read from the
//! system or downloaded), so a document looks the same on every server.

#![cfg(feature = "ssr")]

mod template;
mod world;

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::Serialize;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use template::Template;
use world::SheetWorld;

/// Why a document could not be produced. These are bugs in a template (or
/// data it did not expect), never the user's fault: callers log and answer 500.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the data could not be serialised: {0}")]
    Data(#[from] serde_json::Error),
    #[error("template {template} does not compile: {messages}")]
    Compile {
        template: &'static str,
        messages: String,
    },
    #[error("template {template} could not be exported to PDF: {messages}")]
    Export {
        template: &'static str,
        messages: String,
    },
}

fn messages(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Compiles `template` with `data` (read by the template as `data.json`) and
/// returns the PDF. `now` is the creation date written in the metadata.
///
/// This is CPU work of tens of milliseconds: call it from
/// `tokio::task::spawn_blocking`, not directly in an async handler.
pub fn render(
    template: Template,
    data: &impl Serialize,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, PdfError> {
    let world = SheetWorld::new(template, serde_json::to_vec(data)?);
    let compiled = typst::compile::<PagedDocument>(&world);
    // Keep Typst's memoisation cache from growing with every document.
    typst::comemo::evict(10);
    let document = compiled.output.map_err(|errors| PdfError::Compile {
        template: template.name,
        messages: messages(&errors),
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(template.name.to_owned()),
        timestamp: timestamp(now),
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| PdfError::Export {
            template: template.name,
            messages: e.message().to_string(),
        })?,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| PdfError::Export {
        template: template.name,
        messages: messages(&errors),
    })
}

fn timestamp(now: DateTime<Utc>) -> Option<Timestamp> {
    let datetime = Datetime::from_ymd_hms(
        now.year(),
        u8::try_from(now.month()).ok()?,
        u8::try_from(now.day()).ok()?,
        u8::try_from(now.hour()).ok()?,
        u8::try_from(now.minute()).ok()?,
        u8::try_from(now.second()).ok()?,
    )?;
    Some(Timestamp::new_utc(datetime))
}

#[cfg(test)]
pub(crate) mod tests;
