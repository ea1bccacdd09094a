//! « Programme de l’année », for the coordinator.

mod programme;

pub use programme::ProgrammePage;
