//! The catalogue's pure rules: Markdown rendered to safe HTML (server only,
//! its crates are not compiled for the browser).

#[cfg(feature = "ssr")]
pub mod markdown;
