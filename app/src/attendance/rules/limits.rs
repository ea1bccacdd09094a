//! The bounds of what a learner types for attendance, shared by the rules
//! and their refusals.

/// Longest apology reason, in characters.
pub const APOLOGY_MAX_CHARS: usize = 300;
