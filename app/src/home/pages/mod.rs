//! The home page's component.

mod home;

pub use home::HomePage;
