//! Helpers of the journal tests: reading a page through the server function.

use app::journal::types::Journal;

use crate::support::{TestApp, TestUser};

/// The journal as `who` reads it, with `filters` (`session`, `person`, `from`, `to`, `before`).
pub async fn journal(app: &TestApp, who: &TestUser, filters: &[(&str, &str)]) -> Journal {
    let response = read(app, who, filters).await;
    let status = response.status();
    let body = response.text().await.expect("body");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("journal")
}

pub async fn read(app: &TestApp, who: &TestUser, filters: &[(&str, &str)]) -> reqwest::Response {
    let form: Vec<(String, &str)> = if filters.is_empty() {
        vec![("query[before]".to_owned(), "")]
    } else {
        filters
            .iter()
            .map(|(k, v)| (format!("query[{k}]"), *v))
            .collect()
    };
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    app.call(&who.client, "journal/read", &form).await
}

/// Today, yesterday and tomorrow in Metz, as a date field gives them.
pub fn days() -> (String, String, String) {
    let today = app::calendar::to_local(chrono::Utc::now()).date();
    let f = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    (
        f(today),
        f(today.pred_opt().expect("yesterday")),
        f(today.succ_opt().expect("tomorrow")),
    )
}
