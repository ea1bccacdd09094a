//! The French shell: every page is server-rendered, in French, with its landmarks.

use crate::support::TestApp;

#[tokio::test]
async fn home_page_is_french_and_has_its_landmarks() {
    let app = TestApp::spawn().await;

    let (status, html) = app.get_html("/").await;

    assert_eq!(status, 200);
    assert!(
        html.contains(r#"<html lang="fr""#),
        "lang attribute: {html:.300}"
    );
    assert!(html.contains("Se former ensemble à la santé mentale"));
    assert!(html.contains(r##"href="#contenu" class="skip-link">Aller au contenu</a>"##));
    assert!(html.contains(r#"aria-label="Navigation principale""#));
    assert!(html.contains(r#"<main id="contenu""#));
    assert!(html.contains("<footer"));
    assert!(html.contains("<title>Accueil · Relais</title>"), "title");
    // The hydration script is referenced, so the browser can take over.
    assert!(html.contains("/pkg/relais.js"));
}

#[tokio::test]
async fn unknown_address_is_a_french_404() {
    let app = TestApp::spawn().await;

    let (status, html) = app.get_html("/cette-page-n-existe-pas").await;

    assert_eq!(status, 404);
    assert!(html.contains("Page introuvable"));
    assert!(html.contains("Retour à l’accueil"));
}

#[tokio::test]
async fn a_malformed_or_unknown_id_is_a_404_page() {
    let app = TestApp::spawn().await;
    for path in ["/sessions/abc", "/sessions/999999"] {
        let (status, html) = app.get_html(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("n’existe pas"), "{path}: the French message");
    }
}

#[tokio::test]
async fn legal_pages_are_served() {
    let app = TestApp::spawn().await;
    for (path, heading) in [
        ("/confidentialite", "Données personnelles"),
        ("/accessibilite", "Accessibilité"),
    ] {
        let (status, html) = app.get_html(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains(&format!("<h1>{heading}</h1>")), "{path}");
    }
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let app = TestApp::spawn().await;

    let response = app
        .client
        .get(app.url("/"))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .expect("request");

    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("br")
    );
}

/// Several servers in one process (as in this test binary): starting and
/// stopping others never leaves a page of a running one unanswered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_keep_answering_while_other_servers_start_and_stop() {
    let app = TestApp::spawn().await;
    let starts = tokio::spawn(async {
        for _ in 0..20 {
            TestApp::spawn().await.stop().await;
        }
    });
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .expect("client");
    let mut answered = 0;
    while !starts.is_finished() {
        let mut requests = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let (client, url) = (client.clone(), app.url("/cette-page-n-existe-pas"));
            requests.spawn(async move {
                let response = client.get(url).send().await?;
                let status = response.status().as_u16();
                Ok::<_, reqwest::Error>((status, response.text().await?))
            });
        }
        while let Some(result) = requests.join_next().await {
            let (status, html) = result.expect("request task").expect("a complete answer");
            assert_eq!(status, 404);
            assert!(html.contains("Page introuvable"));
            answered += 1;
        }
    }
    starts.await.expect("servers start and stop");
    assert!(answered >= 8, "{answered} answers");
}
