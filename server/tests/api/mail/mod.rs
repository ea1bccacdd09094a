//! The mail worker (`server/src/mail`): delivery through a real SMTP server,
//! faults and retries, several instances, and a crash mid-delivery.

mod crash;
mod delivery;
mod faults;
mod instances;
