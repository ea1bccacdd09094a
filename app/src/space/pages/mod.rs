//! The pages of « Mon espace »: one home page, with a part for each role and
//! the learner's progress table.

mod learner;
mod progress;
mod space;
mod staff;
mod to_close;

pub use space::SpacePage;
