//! The legal pages: privacy (RGPD) and accessibility statements.

mod accessibility;
mod privacy;

pub use accessibility::AccessibilityPage;
pub use privacy::PrivacyPage;
