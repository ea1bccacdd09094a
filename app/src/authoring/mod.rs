//! Authoring: trainers and the coordinator write modules, lessons, resources,
//! quizzes and questions, reorder them and decide when learners see them.
//!
//! The rules of the forms ([`rules`]) are plain functions compiled for both
//! targets; the server functions ([`api`]) check the caller's role and every
//! field again on the server.

pub mod api;
pub mod pages;
pub mod rules;
pub mod types;

#[cfg(feature = "ssr")]
pub mod service;
