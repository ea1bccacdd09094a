//! The legal pages: the accessibility statement (the privacy notice is
//! `privacy/pages/notice.rs`).

mod accessibility;

pub use accessibility::AccessibilityPage;
