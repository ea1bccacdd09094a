//! `relais`: serve the platform, migrate the database, load the demo.

use anyhow::Context;
use clap::Parser;

use server::cli::{Cli, Command};
use server::{Application, Config, db, demo, shutdown, telemetry};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    let cli = Cli::parse();
    let config = Config::from_env().context("invalid configuration")?;
    if cli.demo {
        config.check_demo().context("invalid configuration")?;
    }
    tracing::info!(database = %config.database_label(), "starting");

    let database = db::connect(&config).await?;
    db::migrate(&database).await?;
    if cli.demo {
        demo::load_if_empty(&database)
            .await
            .context("loading the demonstration data")?;
    }
    match cli.command.unwrap_or(Command::Serve) {
        Command::Migrate => {
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::CreateCoordinator { email, name } => {
            let password = read_password().context("reading the password")?;
            let account = app::accounts::service::NewAccount {
                email,
                display_name: name,
                role: app::roles::Role::Coordinator,
                profession: Some("Coordonnateur·rice du CLSM".to_owned()),
                sector: Some("institutions_collectivites".to_owned()),
                structure_id: None,
                email_verified: true,
            };
            match app::accounts::service::create_with_password(&database, account, password).await {
                Ok(user) => {
                    println!("Compte de coordination créé (n° {}).", user.id);
                    Ok(())
                }
                Err(e) => anyhow::bail!("{e}"),
            }
        }
        Command::InstallContent => {
            match app::starter::service::install_for(&database, None, chrono::Utc::now()).await {
                Ok(installed) => {
                    println!(
                        "Contenu de départ installé : {}, en brouillon. Relisez-le dans l’Atelier, puis publiez-le.",
                        installed.summary()
                    );
                    Ok(())
                }
                Err(e) => anyhow::bail!("{e}"),
            }
        }
        Command::Serve => {
            let mut app = Application::with_database(config, database).await?;
            if cli.demo {
                app.enable_demo_mode();
            }
            app.run_until(shutdown::signal()).await
        }
    }
}

/// Prompts without echo on a terminal; otherwise reads one line from stdin.
fn read_password() -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        Ok(rpassword::prompt_password("Mot de passe : ")?)
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}
