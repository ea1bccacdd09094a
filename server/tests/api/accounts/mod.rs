//! Accounts: sign-up, sign-in and sessions, password reset, roles, erasure.

mod lifecycle;
