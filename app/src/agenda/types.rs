//! What the « Mon agenda » page shows and posts.

use serde::{Deserialize, Serialize};

use crate::agenda::rules::kind::FeedKind;

/// One live feed of the signed-in person (never its address: only a hash is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedLine {
    pub id: i32,
    pub kind: FeedKind,
    /// « mardi 14 avril 2026 ».
    pub created_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedsOverview {
    pub feeds: Vec<FeedLine>,
    /// The kinds this person may create.
    pub kinds: Vec<FeedKind>,
    /// The address just created, shown this once.
    pub fresh: Option<FreshFeed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreshFeed {
    pub kind: FeedKind,
    pub url: String,
}

/// The create form: `input[kind]` is `inscriptions` or `animation`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeedChoice {
    pub kind: String,
}

/// The revoke form: `input[feed_id]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeedRef {
    pub feed_id: i32,
}
