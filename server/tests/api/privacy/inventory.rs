//! The inventory of personal data (`app::privacy::rules::inventory::TABLES`)
//! against the database itself: every table the migrations made is listed,
//! and none that names a person is called « not personal ».

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, Statement};

use app::privacy::rules::inventory::{TABLES, misclassified};

use crate::support::{Backend, TestApp, backend};

/// Every table of the database (sea-orm's and SQLite's own excepted) with its columns.
async fn tables_and_columns(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let sql = match backend() {
        Backend::Sqlite => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
        }
        Backend::Postgres => {
            "SELECT c.table_name::text AS t, c.column_name::text AS c \
             FROM information_schema.columns c JOIN information_schema.tables t \
               ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
             WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
        }
    };
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .expect("the schema's tables");
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in rows {
        let table: String = row.try_get("", "t").expect("table name");
        let column: String = row.try_get("", "c").expect("column name");
        tables.entry(table).or_default().push(column);
    }
    tables.remove("seaql_migrations");
    tables
}

#[tokio::test]
async fn every_table_with_a_person_in_it_is_exported() {
    let app = TestApp::spawn().await;
    let tables = tables_and_columns(&app).await;
    assert!(tables.len() > 30, "{:?}", tables.keys());

    let failures: Vec<String> = tables
        .iter()
        .filter_map(|(table, columns)| {
            let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
            misclassified(table, &columns)
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");

    let gone: Vec<&str> = TABLES
        .iter()
        .map(|(t, _)| *t)
        .filter(|t| !tables.contains_key(*t))
        .collect();
    assert!(
        gone.is_empty(),
        "listed in TABLES but not in the database: {gone:?}"
    );
}
