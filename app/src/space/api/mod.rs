//! Server functions of « Mon espace », one per home.

mod coordinator_home;
mod learner_home;
mod trainer_home;

pub use coordinator_home::*;
pub use learner_home::*;
pub use trainer_home::*;
