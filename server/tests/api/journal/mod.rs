//! The journal (`/coordination/journal`): the audit log read by the
//! coordinator, with entries that real actions wrote, its filters, its keyset
//! paging and who may read it.

mod access;
mod paging;
mod reading;
pub mod support;
