//! Server functions of « Mon agenda », one per file.

mod create_feed;
mod my_feeds;
mod revoke_feed;

pub use create_feed::*;
pub use my_feeds::*;
pub use revoke_feed::*;
