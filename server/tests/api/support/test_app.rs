//! `TestApp`: one running server and its own database, for one test.

use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, EntityTrait};
use tokio::sync::oneshot;

use app::roles::Role;
use server::{Application, Config};

pub const TEST_PASSWORD: &str = "une longue phrase de passe";

/// One argon2 hash of [`TEST_PASSWORD`] for the whole test binary.
async fn test_password_hash() -> String {
    static HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    HASH.get_or_init(|| async {
        app::auth::password::hash(TEST_PASSWORD.to_owned())
            .await
            .expect("hash")
    })
    .await
    .clone()
}

/// A person with an account, and a browser-like client of their own.
pub struct TestUser {
    pub id: i32,
    pub email: String,
    pub client: reqwest::Client,
}

/// A browser-like client. A request that gets no complete answer within a
/// minute fails its test instead of holding the whole run until CI's limit.
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("HTTP client")
}

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend() -> Backend {
    match std::env::var("RELAIS_TEST_DATABASE").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

/// A database that exists for one test and is removed afterwards.
pub enum TestDatabase {
    Sqlite {
        url: String,
        _dir: tempfile::TempDir,
    },
    Postgres {
        url: String,
        admin_url: String,
        name: String,
    },
}

impl TestDatabase {
    pub async fn create() -> TestDatabase {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        match backend() {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}/relais.db?mode=rwc", dir.path().display());
                TestDatabase::Sqlite { url, _dir: dir }
            }
            Backend::Postgres => {
                let admin_url = std::env::var("RELAIS_TEST_POSTGRES_URL")
                    .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned());
                let name = format!(
                    "relais_test_{}_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::Relaxed),
                    chrono::Utc::now().timestamp_micros() % 1_000_000
                );
                let admin = Database::connect(&admin_url)
                    .await
                    .expect("connect to PostgreSQL");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create the test database");
                admin.close().await.expect("close admin connection");
                let (base, _) = admin_url
                    .rsplit_once('/')
                    .expect("database URL with a path");
                TestDatabase::Postgres {
                    url: format!("{base}/{name}"),
                    admin_url,
                    name,
                }
            }
        }
    }

    pub fn url(&self) -> &str {
        match self {
            TestDatabase::Sqlite { url, .. } | TestDatabase::Postgres { url, .. } => url,
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres {
            admin_url, name, ..
        } = self
        {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs outside async: use a short-lived runtime on its own thread.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                rt.block_on(async move {
                    let admin = Database::connect(&admin_url).await?;
                    admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await?;
                    admin.close().await
                })
                .map_err(std::io::Error::other)
            })
            .join();
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    /// Where the application writes its `.eml` files (no SMTP server).
    pub mail_dir: std::path::PathBuf,
    pub client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    // Last: the database goes after the server that uses it.
    _database: TestDatabase,
}

/// The test configuration for `database_url`; `extra` variables win over its defaults.
pub fn test_config(database_url: &str, extra: &[(&str, &str)]) -> Config {
    let url = database_url.to_owned();
    // One folder per application: erasure deletes the files naming a person,
    // and test people share names.
    static APPS: AtomicU32 = AtomicU32::new(0);
    let mail_dir = std::env::temp_dir().join(format!(
        "relais-test-outbox/{}-{}",
        std::process::id(),
        APPS.fetch_add(1, Ordering::Relaxed)
    ));
    let extra: std::collections::HashMap<String, String> = extra
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Config::from_lookup(move |name| {
        if let Some(value) = extra.get(name) {
            return Some(value.clone());
        }
        match name {
            "DATABASE_URL" => Some(url.clone()),
            "RELAIS_ADDR" => Some("127.0.0.1:0".to_owned()),
            "RELAIS_MAIL_DIR" => Some(mail_dir.display().to_string()),
            // Fixtures write the database directly, which no cache hears of:
            // the public pages' cache is on only where a test asks for it
            // (`platform/page_cache.rs`).
            "RELAIS_PAGE_CACHE_MS" => Some("0".to_owned()),
            _ => None,
        }
    })
    .expect("test configuration")
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(&[]).await
    }

    /// A test app configured with `vars` on top of [`test_config`]'s defaults.
    pub async fn spawn_with(vars: &[(&str, &str)]) -> TestApp {
        let database = TestDatabase::create().await;
        let config = test_config(database.url(), vars);
        let mail_dir = config.mail_dir.clone();
        let application = Application::build(config)
            .await
            .expect("application builds");
        let port = application.port();
        let db = application.db().clone();
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(application.run_until(async move {
            let _ = rx.await;
        }));
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            db,
            mail_dir,
            client: new_client(),
            shutdown: Some(tx),
            server: Some(server),
            _database: database,
        }
    }

    /// A test app with the demonstration data loaded.
    pub async fn spawn_with_demo() -> TestApp {
        let app = TestApp::spawn().await;
        server::demo::load_if_empty(&app.db)
            .await
            .expect("demo data loads");
        app
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.get_as(&self.client, path).await
    }

    pub async fn get_html(&self, path: &str) -> (u16, String) {
        self.page_as(&self.client, path).await
    }

    /// GETs `path` with `client`: a download or a page as that person.
    pub async fn get_as(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        client
            .get(self.url(path))
            .send()
            .await
            .expect("GET request")
    }

    /// The status and the HTML of the page at `path` as `client`'s person sees it.
    pub async fn page_as(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let response = self.get_as(client, path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// Calls a server function as the browser's hydrated code does (URL-encoded form, JSON answer).
    pub async fn server_fn(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.call(&self.client, endpoint, form).await
    }

    /// Creates an account with [`TEST_PASSWORD`] (not signed in).
    pub async fn create_user(&self, role: Role, email: &str) -> TestUser {
        let account = app::accounts::service::NewAccount {
            email: email.to_owned(),
            display_name: format!("Personne {role:?}"),
            role,
            profession: None,
            sector: Some("action_sociale".to_owned()),
            structure_id: None,
            email_verified: true,
        };
        let user =
            app::accounts::service::create_with_hash(&self.db, account, test_password_hash().await)
                .await
                .expect("create account");
        TestUser {
            id: user.id,
            email: email.to_owned(),
            client: new_client(),
        }
    }

    /// An account of `role` whose client carries a live session (opened directly, without argon2).
    pub async fn signed_in(&self, role: Role) -> TestUser {
        static N: AtomicU32 = AtomicU32::new(0);
        let email =
            format!("{role:?}{}@example.org", N.fetch_add(1, Ordering::Relaxed)).to_lowercase();
        let user = self.create_user(role, &email).await;
        self.with_session(user).await
    }

    /// The existing account `user_id` (made by a fixture), its client signed in.
    pub async fn signed_in_as(&self, user_id: i32) -> TestUser {
        let email = app::db::entities::users::Entity::find_by_id(user_id)
            .one(&self.db)
            .await
            .expect("read")
            .expect("account")
            .email
            .unwrap_or_default();
        let user = TestUser {
            id: user_id,
            email,
            client: new_client(),
        };
        self.with_session(user).await
    }

    /// `user` with a client that carries a live session.
    async fn with_session(&self, user: TestUser) -> TestUser {
        let token = app::auth::session::create(&self.db, user.id, chrono::Utc::now())
            .await
            .expect("session");
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        jar.add_cookie_str(
            &format!("relais_session={token}"),
            &self.address.parse().expect("url"),
        );
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(jar)
            .build()
            .expect("client");
        TestUser { client, ..user }
    }

    /// Calls a server function with `client` (URL-encoded form, JSON answer).
    pub async fn call(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("Accept", "application/json")
            .form(form)
            .send()
            .await
            .expect("server function request")
    }

    /// Signs `email` in through the real server function, on `client`.
    pub async fn sign_in(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        self.call(
            client,
            "accounts/sign_in",
            &[("input[email]", email), ("input[password]", password)],
        )
        .await
    }

    /// Who the server says `client` is.
    pub async fn who_am_i(&self, client: &reqwest::Client) -> Option<app::auth::CurrentUser> {
        self.call(client, "accounts/who_am_i", &[])
            .await
            .json()
            .await
            .expect("who_am_i JSON")
    }

    /// Stops the server and waits for it to finish cleanly.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            server
                .await
                .expect("server task")
                .expect("server stops cleanly");
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// A TCP port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Polls `/healthz` on `port` for up to 20 s; true once it answers 200.
pub async fn wait_until_healthy(port: u16) -> bool {
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/healthz");
    for _ in 0..200 {
        if let Ok(r) = client.get(&url).send().await
            && r.status().is_success()
        {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    false
}
