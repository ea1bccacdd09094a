//! The export gives every instant in Metz time, with its offset.

use chrono::{DateTime, Utc};

use crate::privacy::Instant;

/// `instant` in Metz time, with its offset.
pub(super) fn local(instant: DateTime<Utc>) -> Instant {
    instant
        .with_timezone(&chrono_tz::Europe::Paris)
        .fixed_offset()
}
