//! The starter content's one piece of page: the offer on an empty catalogue.

mod offer;

pub use offer::StarterOffer;
