//! Keyset paging: the rows that come after a given row in a list's order,
//! for lists too long to page with `OFFSET` (which reads and drops every row
//! before the page). The order is a list of ascending keys, the last of them
//! unique (the id), so that every row has one place.

use sea_orm::Condition;
use sea_orm::Value;
use sea_orm::sea_query::{Expr, ExprTrait};

/// The rows whose keys come after `keys`' values in ascending order, compared
/// key by key: `k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND …)))`. With
/// no key, no row comes after.
pub fn after(keys: Vec<(Expr, Value)>) -> Condition {
    past(keys, |key, value| key.gt(value))
}

/// The same for a list in descending order: the rows whose keys come before.
pub fn before(keys: Vec<(Expr, Value)>) -> Condition {
    past(keys, |key, value| key.lt(value))
}

fn past(keys: Vec<(Expr, Value)>, beyond: impl Fn(Expr, Value) -> Expr) -> Condition {
    keys.into_iter()
        .rev()
        .fold(None::<Condition>, |later, (key, value)| {
            let further = beyond(key.clone(), value.clone());
            Some(match later {
                None => Condition::all().add(further),
                Some(later) => Condition::any()
                    .add(further)
                    .add(Condition::all().add(key.eq(value)).add(later)),
            })
        })
        .unwrap_or_else(|| Condition::all().add(Expr::value(false)))
}

#[cfg(test)]
mod tests {
    use sea_orm::sea_query::{Alias, Query, SqliteQueryBuilder};

    use super::*;

    fn sql(condition: Condition) -> String {
        Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("t"))
            .cond_where(condition)
            .to_string(SqliteQueryBuilder)
    }

    #[test]
    fn one_key_is_a_plain_comparison() {
        assert_eq!(
            sql(after(vec![(Expr::col(Alias::new("id")), 7.into())])),
            r#"SELECT "id" FROM "t" WHERE "id" > 7"#
        );
    }

    #[test]
    fn later_keys_only_break_ties() {
        assert_eq!(
            sql(after(vec![
                (Expr::col(Alias::new("name")), "Lina".into()),
                (Expr::col(Alias::new("id")), 7.into()),
            ])),
            r#"SELECT "id" FROM "t" WHERE "name" > 'Lina' OR ("name" = 'Lina' AND "id" > 7)"#
        );
    }

    #[test]
    fn a_descending_list_continues_below() {
        assert_eq!(
            sql(before(vec![
                (Expr::col(Alias::new("day")), 3.into()),
                (Expr::col(Alias::new("id")), 7.into()),
            ])),
            r#"SELECT "id" FROM "t" WHERE "day" < 3 OR ("day" = 3 AND "id" < 7)"#
        );
    }

    #[test]
    fn no_key_leaves_no_row() {
        assert_eq!(sql(after(vec![])), r#"SELECT "id" FROM "t" WHERE FALSE"#);
    }
}
