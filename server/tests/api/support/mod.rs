//! What every test shares: the running `TestApp`, the SMTP server of the mail
//! tests, and the rows tests insert directly (`fixtures`).

pub mod smtp;
mod test_app;

pub use test_app::*;
