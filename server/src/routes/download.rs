//! The one shape of a file download. Every export answers with it: the
//! browser saves the file under its name, and nothing keeps a copy (it holds
//! the caller's data). Nothing personal goes in the URL: routes know the
//! caller from the session cookie.

use axum::{
    http::header,
    response::{IntoResponse, Response},
};

pub const CSV: &str = "text/csv; charset=utf-8";
pub const PDF: &str = "application/pdf";
pub const ZIP: &str = "application/zip";
pub const JSON: &str = "application/json; charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `body` to save as `name`, never cached.
pub fn download(content_type: &'static str, name: String, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}
