//! Building the application once — database, migrations, state, router,
//! listener — and running it until asked to stop.
//!
//! Tests build it with `RELAIS_ADDR=127.0.0.1:0` and read [`Application::port`].

use std::future::Future;
use std::sync::Arc;

use anyhow::Context;
use axum::serve::ListenerExt;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use secrecy::ExposeSecret;
use tokio::net::TcpListener;
use tokio::sync::watch;

use app::state::{AppState, Settings};

use crate::config::Config;
use crate::mail::{Mailer, Worker};
use crate::purge::PurgeJob;
use crate::reminders::ReminderJob;
use crate::routes::page_cache::{ChangeStamp, PageCache};
use crate::{db, router};

pub struct Application {
    listener: TcpListener,
    state: AppState,
    port: u16,
    mail_worker: Worker,
    page_cache: PageCache,
}

impl Application {
    /// Connects to the database, migrates it and binds the listening socket.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let db = db::connect(&config).await?;
        db::migrate(&db).await?;
        Application::with_database(config, db).await
    }

    /// Binds the listening socket for an already connected and migrated database.
    pub async fn with_database(
        config: Config,
        db: DatabaseConnection,
    ) -> anyhow::Result<Application> {
        let mailer = Mailer::from_config(&config).await?;
        let mail_worker = Worker::new(db.clone(), mailer, &config.mail_from, config.mail.clone())
            .context("RELAIS_MAIL_FROM is not an email address")?;
        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.addr))?;
        let local = listener.local_addr()?;
        let leptos_options = LeptosOptions::builder()
            .output_name("relais")
            .site_root(config.site_root.clone())
            .site_pkg_dir("pkg")
            .hash_files(crate::routes::static_files::hashed_names())
            .site_addr(local)
            .build();
        let public_url = if config.addr.port() == 0 {
            format!("http://{local}")
        } else {
            config.public_url.clone()
        };
        let state = AppState {
            leptos_options,
            db,
            settings: Arc::new(Settings {
                public_url,
                demo: false,
                trusted_proxies: config.trusted_proxies.clone(),
                max_upcoming_enrolments: config.max_upcoming_enrolments,
                mail_dir: config.smtp_url.is_none().then(|| config.mail_dir.clone()),
                privacy_controller: config.privacy_controller.clone(),
                privacy_contact: config.privacy_contact.clone(),
                privacy_dpo: config.privacy_dpo.clone(),
            }),
        };
        let mut page_cache = PageCache::new(config.page_cache);
        if let Some(stamp) = ChangeStamp::new(&state.db, config.database_url.expose_secret()) {
            page_cache = page_cache.with_personal_pages(
                app::auth::session::cookie_name(state.settings.secure_cookies()),
                stamp,
            );
        }
        Ok(Application {
            listener,
            state,
            port: local.port(),
            mail_worker,
            page_cache,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.state.db
    }

    /// Shows the demo accounts on the sign-in page.
    pub fn enable_demo_mode(&mut self) {
        let mut settings = (*self.state.settings).clone();
        settings.demo = true;
        self.state.settings = Arc::new(settings);
    }

    /// Serves and delivers mail until `shutdown` completes, then lets requests
    /// in flight and the message being sent finish.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let app = router::router(self.state.clone(), self.page_cache.clone());
        // Without TCP_NODELAY every server-rendered response waits ~40 ms (Nagle + delayed ACK).
        let listener = self.listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let (stop_mail, mail_stop) = watch::channel(false);
        let reminders = ReminderJob::new(
            self.state.db.clone(),
            self.state.settings.public_url.clone(),
        )
        .spawn(mail_stop.clone());
        let purge = PurgeJob::new(self.state.db.clone(), self.state.settings.mail_dir.clone())
            .spawn(mail_stop.clone());
        let mail_worker = self.mail_worker.spawn(mail_stop);
        tracing::info!(port = self.port, "Relais is listening");
        let served = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            shutdown.await;
            let _ = stop_mail.send(true);
        })
        .await;
        // If serving failed, the dropped sender stops the worker just the same.
        if let Err(e) = mail_worker.await {
            tracing::error!(error = %e, "the mail worker panicked");
        }
        if let Err(e) = reminders.await {
            tracing::error!(error = %e, "the reminder job panicked");
        }
        if let Err(e) = purge.await {
            tracing::error!(error = %e, "the retention job panicked");
        }
        served.context("server error")?;
        self.state
            .db
            .clone()
            .close()
            .await
            .context("closing the database")?;
        tracing::info!("Relais stopped");
        Ok(())
    }
}
