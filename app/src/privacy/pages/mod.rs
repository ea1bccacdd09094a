//! Privacy's pages.

mod my_data;
mod notice;

pub use my_data::MyDataPage;
pub use notice::PrivacyPage;
