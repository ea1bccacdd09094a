//! Small builders shared by the migrations: allowed-value checks and foreign keys,
//! so that each table definition reads as the domain rule it encodes.

use sea_orm_migration::prelude::*;

/// `CHECK (column IN (...))` for a column holding one of a closed set of codes.
pub fn one_of(column: impl IntoIden, values: &[&str]) -> Expr {
    Expr::col(column.into_iden()).is_in(values.iter().map(|v| String::from(*v)))
}

/// A foreign key from `from_table.from_col` to `to_table.id`.
pub fn fk(
    from_table: impl IntoIden,
    from_col: impl IntoIden,
    to_table: impl IntoIden,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    let from_table = from_table.into_iden();
    let from_col = from_col.into_iden();
    let to_table = to_table.into_iden();
    ForeignKey::create()
        .name(format!("fk_{from_table}_{from_col}"))
        .from(from_table, from_col)
        .to(to_table, Alias::new("id"))
        .on_delete(on_delete)
        .on_update(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A named index on `table (columns...)`.
pub fn index(table: impl IntoIden, columns: &[&str], unique: bool) -> IndexCreateStatement {
    let table = table.into_iden();
    let mut statement = Index::create();
    statement
        .name(format!("idx_{table}_{}", columns.join("_")))
        .table(table);
    for column in columns {
        statement.col(Alias::new(*column));
    }
    if unique {
        statement.unique();
    }
    statement.to_owned()
}
