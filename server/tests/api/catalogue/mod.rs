//! Catalogue: the published modules, their lessons and each learner's progress.

mod lessons;
mod modules;
