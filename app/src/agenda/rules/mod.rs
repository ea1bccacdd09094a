//! What « Mon agenda » decides without a database: the kinds of feed and who
//! may have each.

pub mod kind;
