//! Relais, the training platform of the CLSM of Metz: everything the browser and
//! the server share — components, routes, server functions and domain types.
//!
//! Server-only code (database, state, error logging) sits behind the `ssr`
//! feature; the browser build (`hydrate`) gets only what it renders.

// Leptos views are deeply nested types; the release browser build needs room.
#![recursion_limit = "256"]

pub mod accounts;
pub mod agenda;
pub mod assessment;
pub mod attendance;
pub mod auth;
pub mod authoring;
pub mod calendar;
pub mod catalogue;
pub mod certificates;
pub mod confirm;
pub mod error;
pub mod export;
pub mod forms;
pub mod home;
pub mod indicators;
pub mod journal;
pub mod layout;
pub mod legal;
pub mod mail;
pub mod organisation;
pub mod outbox;
pub mod params;
pub mod privacy;
pub mod programme;
pub mod quiz;
pub mod roles;
pub mod sessions;
pub mod shell;
pub mod space;
pub mod starter;
pub mod text;
pub mod visibility;

// Server only: each of these files starts with `#![cfg(feature = "ssr")]`.
pub mod archive;
pub mod audit;
pub mod blocking;
pub mod csp;
pub mod db;
pub mod http;
pub mod pdf;
pub mod state;

pub use shell::{App, shell};

/// The wasm entry point. Pages are rendered on the server and stay plain HTML
/// (every form posts without JavaScript); only the islands — the parts that
/// do something in the browser, `#[island]` components — hydrate, so the
/// browser downloads their code and not the whole application's.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
