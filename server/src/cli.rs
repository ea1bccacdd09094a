//! The command line of the `relais` binary.

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "relais",
    version,
    about = "Relais — la formation en santé mentale du CLSM de Metz"
)]
pub struct Cli {
    /// Load the demonstration data into an empty database before serving.
    #[arg(long, global = true)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the application (the default).
    Serve,
    /// Apply the database migrations, then exit.
    Migrate,
    /// Create a coordinator account; the password is prompted for, or read
    /// from standard input when it is not a terminal.
    CreateCoordinator {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Coordination CLSM")]
        name: String,
    },
    /// Install the three modules' French content (lessons, resources, quizzes,
    /// questionnaires) as drafts to review, in a catalogue that lacks them.
    InstallContent,
}
