//! The workshop's pages (« Atelier »), all usable without JavaScript.

pub use leptos::prelude::*;
