//! Personal data: the access export, erasure and the retention purge.

mod erasure;
mod export;
mod inventory;
mod page_cap;
mod purge;
