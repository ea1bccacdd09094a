//! The application as a whole: the binary, health check, schema rules, demo
//! data, the French shell, and the role check of every server function.

mod bad_arguments;
mod binary;
mod demo;
mod headers;
mod health;
mod page_cache;
mod pages;
mod role_matrix;
mod schema;
