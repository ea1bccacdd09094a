//! The legal pages every public service owes its users.

mod accessibility;
mod privacy;

pub use accessibility::AccessibilityPage;
pub use privacy::PrivacyPage;
