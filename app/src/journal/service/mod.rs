//! The journal on the server: reading one filtered page of the audit log.

pub mod read;
