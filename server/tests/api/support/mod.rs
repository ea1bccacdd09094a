//! What every test shares: the running `TestApp` (with `page_as`, a page as a
//! given person sees it), the rows tests insert directly (`fixtures`), the SMTP
//! server of the mail tests, and reading downloaded documents back.

pub mod documents;
pub mod fixtures;
pub mod smtp;
mod test_app;

pub use test_app::*;
