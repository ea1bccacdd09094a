//! The HTTP surface: Leptos pages, server functions, plain routes, static files,
//! and the layers every response goes through.

use std::collections::HashSet;
use std::sync::OnceLock;

use axum::{
    Router,
    body::Body,
    extract::State,
    http::{Request, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{MethodRouter, get},
};
use leptos::prelude::provide_context;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, generate_route_list, handle_server_fns_with_context,
};
use tower_http::{CompressionLevel, compression::CompressionLayer, trace::TraceLayer};

use app::{App, shell, state::AppState};

use crate::routes::{
    body_limit, calendar, certificates, csrf, emargement, error_status, health, indicators,
    indicators_raw, indicators_report, my_data, page_cache, quiz_results, security_headers,
    static_files,
};

/// The application's routes, listed once per process. Listing renders the
/// whole application; doing it again while another router of the same process
/// renders pages (several servers in one test binary) left about one response
/// in a thousand hanging, so it is done once.
pub fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState, pages: page_cache::PageCache) -> Router {
    let routes = route_list();
    let page_state = state.clone();
    let fallback_state = state.clone();
    let options = state.leptos_options.clone();
    let headers_state = state.clone();
    let pkg_dir =
        std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let hashed = options.hash_files;
    Router::new()
        .route("/healthz", get(health::healthz))
        .nest("/pkg", static_files::router(&pkg_dir, hashed))
        .route("/mes-donnees", get(my_data::my_data))
        .route("/agenda/{file}", get(calendar::feed))
        .merge(exports())
        .route("/api/{*fn_name}", get(server_fn).post(server_fn))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(page_state.clone());
                app::auth::provide_request_user();
                app::csp::provide_script_nonce();
            },
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || {
                provide_context(fallback_state.clone());
                app::auth::provide_request_user();
                app::csp::provide_script_nonce();
            },
            shell,
        ))
        // Inside compression: it reads a server function's error answer as sent.
        .layer(axum::middleware::from_fn(error_status::for_server_fns))
        .layer(axum::middleware::from_fn(body_limit::limit))
        .layer(axum::middleware::from_fn(csrf::refuse_cross_site))
        .layer(axum::middleware::from_fn_with_state(
            headers_state,
            security_headers::add,
        ))
        // What is compressed here is made per request (pages, server
        // functions' answers, exports): the fastest level, since brotli at
        // tower-http's default (4) was a fifth of a signed-in page's
        // instructions when profiled. The files under `/pkg/` keep the
        // brotli 11 made at build time.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        // Outside compression: a cached page is stored compressed, once.
        .layer(axum::middleware::from_fn_with_state(
            pages,
            page_cache::serve,
        ))
        .layer(
            // Only the method and path are logged: query strings may hold tokens.
            TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
                tracing::info_span!("request", method = %req.method(), path = %loggable(req.uri().path()))
            }),
        )
        .with_state(state)
}

/// The file downloads. A static segment wins over `{file}`, so the raw data
/// and the annual report have their own handlers beside the tables' CSV.
fn exports() -> Router<AppState> {
    #[rustfmt::skip] // one line a route reads as a table
    let files: [(&str, MethodRouter<AppState>); 10] = [
        ("/exports/quiz/{id}/resultats.csv", get(quiz_results::quiz_results_csv)),
        ("/exports/sessions/{id}/emargement.pdf", get(emargement::emargement_pdf)),
        ("/exports/sessions/{id}/emargement.csv", get(emargement::emargement_csv)),
        ("/exports/sessions/{id}/emargement.zip", get(emargement::emargement_zip)),
        ("/exports/certificats/{file}", get(certificates::certificate_pdf)),
        ("/exports/sessions/{id}/certificats.zip", get(certificates::certificates_zip)),
        ("/exports/indicateurs/{file}", get(indicators::workbook)),
        ("/exports/indicateurs/{year}/donnees.csv", get(indicators_raw::raw_csv)),
        ("/exports/indicateurs/{year}/bilan.pdf", get(indicators_report::bilan_pdf)),
        ("/exports/indicateurs/{year}/{file}", get(indicators::table_csv)),
    ];
    files
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| {
            router.route(path, handler)
        })
}

async fn server_fn(State(state): State<AppState>, request: Request<Body>) -> Response {
    if !server_fn_exists(request.uri().path()) {
        return unknown_server_fn();
    }
    handle_server_fns_with_context(
        move || {
            provide_context(state.clone());
            app::auth::provide_request_user();
        },
        request,
    )
    .await
    .into_response()
}

/// Whether `path` is a registered server function (the list is fixed at build time).
fn server_fn_exists(path: &str) -> bool {
    static PATHS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    PATHS
        .get_or_init(|| {
            leptos::server_fn::axum::server_fn_paths()
                .map(|(path, _)| path)
                .collect()
        })
        .contains(path)
}

/// An unknown server function: 404, in French, as any unknown address.
fn unknown_server_fn() -> Response {
    let body = serde_json::to_string(&app::error::AppError::NotFound).unwrap_or_default();
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// The path as logged: a calendar feed's address is its secret, so it is cut.
fn loggable(path: &str) -> &str {
    if path.starts_with("/agenda/") {
        "/agenda/…"
    } else {
        path
    }
}
